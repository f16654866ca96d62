/**
 * What the top bar's popovers share: open/close, closing on Escape and on a
 * click outside (focus goes back to the button), and a text field with a
 * Copy button that selects the text when the clipboard is not allowed.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { copyText } from './download';

export function usePopover<B extends HTMLElement = HTMLButtonElement>() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<B>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return { open, setOpen, root, button };
}

/**
 * A read-only field and a Copy button. Without clipboard access the text is
 * selected and the note says how to copy it by hand (nothing is lost).
 */
export function CopyField({ value, label, multiline = false, testId }: { value: string; label: string; multiline?: boolean; testId?: string }) {
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => setNote(null), [value]);
  const select = () => { field.current?.focus(); field.current?.select(); };
  const copy = async () => {
    if (await copyText(value)) {
      setNote('Copied');
    } else {
      select();
      setNote('Copying is not allowed here: the text is selected, press Ctrl+C (⌘C).');
    }
  };
  return (
    <div className="copy-field">
      {multiline ? (
        <textarea ref={field as RefObject<HTMLTextAreaElement>} readOnly value={value} aria-label={label} data-testid={testId} spellCheck={false} rows={8} onFocus={select} />
      ) : (
        <input ref={field as RefObject<HTMLInputElement>} readOnly value={value} aria-label={label} data-testid={testId} spellCheck={false} onFocus={select} />
      )}
      <div className="row">
        <button type="button" className="btn small primary" onClick={copy}>Copy</button>
        {note && <span className="hint" role="status">{note}</span>}
      </div>
    </div>
  );
}
