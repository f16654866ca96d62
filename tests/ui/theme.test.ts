// @vitest-environment happy-dom
/** The theme choice: stored choice first, else the system's; applied to <html> and the canvas palette. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentTheme, palette, PALETTES, setTheme } from '../../src/render/palette';
import { chooseTheme, initialTheme, initTheme, THEME_KEY, toggleTheme } from '../../src/ui/theme';

function systemPrefersLight(light: boolean) {
  const listeners: (() => void)[] = [];
  const mql = { matches: light, addEventListener: (_: string, f: () => void) => listeners.push(f) };
  vi.stubGlobal('matchMedia', (q: string) => (q === '(prefers-color-scheme: light)' ? mql : { matches: false, addEventListener() {} }));
  return { flip(next: boolean) { mql.matches = next; for (const f of listeners) f(); } };
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  setTheme('dark');
  delete document.documentElement.dataset.theme;
});

describe('theme', () => {
  it('starts from the system colour scheme when nothing is stored', () => {
    systemPrefersLight(true);
    expect(initialTheme()).toBe('light');
    systemPrefersLight(false);
    expect(initialTheme()).toBe('dark');
  });

  it('a stored choice wins over the system', () => {
    systemPrefersLight(true);
    localStorage.setItem(THEME_KEY, 'dark');
    expect(initialTheme()).toBe('dark');
    localStorage.setItem(THEME_KEY, 'purple'); // not a theme: ignored
    expect(initialTheme()).toBe('light');
  });

  it('choosing sets <html data-theme>, swaps the canvas palette and remembers it; toggle flips', () => {
    chooseTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(currentTheme()).toBe('light');
    expect(palette.background).toBe(PALETTES.light.background);
    expect(localStorage.getItem(THEME_KEY)).toBe('light');
    toggleTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(palette.node).toBe(PALETTES.dark.node);
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
  });

  it('follows a system change only while the user has not chosen', () => {
    const system = systemPrefersLight(false);
    initTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
    system.flip(true);
    expect(document.documentElement.dataset.theme).toBe('light');
    chooseTheme('dark');
    system.flip(false);
    system.flip(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});
