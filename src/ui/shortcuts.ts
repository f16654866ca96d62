/**
 * Keyboard shortcuts of the page: space play / pause, → one second forward
 * (paused), 1–4 speed 1× 10× 100× max, t light / dark theme, ? help, Escape close help or
 * deselect. None fires while focus is in a field that uses the key itself
 * (text inputs, selects, the editor), and none with Ctrl / Alt / Meta held.
 */
import { useEffect } from 'react';
import { useApp } from '../store';
import { SPEEDS } from '../worker/protocol';
import { toggleTheme } from './theme';

export interface ShortcutHelp {
  readonly keys: string;
  readonly what: string;
}

export const SHORTCUTS: readonly ShortcutHelp[] = [
  { keys: 'Space', what: 'play / pause' },
  { keys: '→', what: 'one second forward (while paused)' },
  { keys: '1 2 3 4', what: 'speed 1×, 10×, 100×, max' },
  { keys: 'T', what: 'light / dark theme' },
  { keys: '?', what: 'this help' },
  { keys: 'Esc', what: 'close help, or clear the selection' },
];

/** Whether a key event belongs to the focused control rather than to the page. */
export function ownedByControl(target: EventTarget | null, key: string): boolean {
  const t = target as HTMLElement | null;
  if (!t || !t.tagName) return false;
  if (t.isContentEditable || t.closest?.('.cm-editor')) return true;
  const tag = t.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (t as HTMLInputElement).type;
    // A range slider takes the arrows but not space or digits.
    if (type === 'range') return key.startsWith('Arrow');
    return type !== 'checkbox' && type !== 'radio' && type !== 'button';
  }
  // Buttons and links take space (and enter) themselves; tabs use the arrows.
  if ((tag === 'BUTTON' || tag === 'A') && (key === ' ' || key === 'Enter')) return true;
  if (t.getAttribute?.('role') === 'tab' && key.startsWith('Arrow')) return true;
  return false;
}

export function useShortcuts(help: { open: boolean; setOpen(open: boolean): void }): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key === 'Spacebar' ? ' ' : e.key;
      if (key === 'Escape') {
        if (help.open) { help.setOpen(false); return; }
        if (ownedByControl(e.target, key)) return;
        useApp.getState().select(null);
        return;
      }
      if (ownedByControl(e.target, key)) return;
      if (key === '?') {
        e.preventDefault();
        help.setOpen(!help.open);
        return;
      }
      if (key === 't' || key === 'T') {
        e.preventDefault();
        toggleTheme();
        return;
      }
      const s = useApp.getState();
      if (!s.meta || s.invalid) return;
      if (key === ' ') {
        e.preventDefault();
        s.togglePlay();
      } else if (key === 'ArrowRight') {
        if (s.status.playing || s.status.done) return;
        e.preventDefault();
        s.step(1000);
      } else if (key >= '1' && key <= '4') {
        e.preventDefault();
        s.setSpeed(SPEEDS[Number(key) - 1]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [help]);
}
