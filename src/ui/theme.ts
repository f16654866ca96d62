/**
 * Light or dark: the stored choice (localStorage), else the system's
 * `prefers-color-scheme`, followed live until the user picks one. Applying a
 * theme sets `data-theme` on <html> (theme.css) and swaps the canvas palette
 * (render/palette.ts), whose listeners redraw. No store slice: nothing in the
 * model or the worker depends on it.
 */
import { useSyncExternalStore } from 'react';
import { currentTheme, onThemeChange, setTheme, type Theme } from '../render/palette';

export type { Theme };

export const THEME_KEY = 'microcosm.theme';

function stored(): Theme | null {
  try {
    const v = globalThis.localStorage?.getItem(THEME_KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage blocked: the system's choice
  }
}

function system(): Theme {
  return globalThis.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

/** The theme to start with: the user's last choice, else the system's. */
export function initialTheme(): Theme {
  return stored() ?? system();
}

function apply(t: Theme): void {
  const root = globalThis.document?.documentElement;
  if (root && root.dataset.theme !== t) {
    // Everything switches at once: no control fades over from the old theme (.btn has a transition).
    root.classList.add('theme-switching');
    root.dataset.theme = t;
    void root.offsetWidth; // the new colours are computed without transitions
    const raf = globalThis.requestAnimationFrame ?? ((f: () => void) => setTimeout(f, 0));
    raf(() => root.classList.remove('theme-switching'));
  }
  setTheme(t);
}

/** Sets the theme before the first render, and follows the system while the user has not chosen. */
export function initTheme(): void {
  apply(initialTheme());
  globalThis.matchMedia?.('(prefers-color-scheme: light)').addEventListener?.('change', () => {
    if (stored() === null) apply(system());
  });
}

/** The user's choice: applied and remembered. */
export function chooseTheme(t: Theme): void {
  apply(t);
  try {
    globalThis.localStorage?.setItem(THEME_KEY, t);
  } catch {
    // not remembered; still applied
  }
}

export function toggleTheme(): void {
  chooseTheme(currentTheme() === 'dark' ? 'light' : 'dark');
}

/** The current theme, re-rendering on a change. */
export function useTheme(): Theme {
  return useSyncExternalStore(onThemeChange, currentTheme, currentTheme);
}
