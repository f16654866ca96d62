/**
 * Colours of the topology canvas, per theme; they match the page's CSS
 * variables (ui/theme.css). `palette` is the live object every view reads:
 * `setTheme` swaps its values and tells listeners (the stage rebuilds its
 * Graphics and texts). State colours are chosen to stay apart under
 * protanopia, deuteranopia and tritanopia, and each state also has a shape or
 * a word (tests/ui/colourBlind.test.ts checks both).
 */
export type Theme = 'dark' | 'light';

export interface Palette {
  readonly background: number;
  readonly node: number;
  readonly nodeClient: number;
  readonly nodeBorder: number;
  readonly nodeBorderHot: number;
  readonly text: number;
  readonly muted: number;
  /** Instance states (cell fills; the cell's shape says it too). */
  readonly ready: number;
  readonly starting: number;
  readonly draining: number;
  readonly dead: number;
  readonly barTrack: number;
  readonly busy: number;
  readonly queue: number;
  readonly edge: number;
  readonly edgeIdle: number;
  readonly edgeError: number;
  readonly labelBg: number;
  readonly accent: number;
  readonly hover: number;
  readonly breakerClosed: number;
  readonly breakerHalf: number;
  readonly breakerOpen: number;
  readonly fault: number;
  readonly faultText: number;
  /** Request dots: a call going out, and answers by outcome. */
  readonly dotCall: number;
  readonly dotOk: number;
  readonly dotError: number;
  readonly dotTimeout: number;
  readonly dotRefused: number;
  /** State words on the canvas (edge labels): like the state colours, readable as text (≥ 4.5:1). */
  readonly okText: number;
  readonly warnText: number;
  readonly badText: number;
}

// Okabe–Ito-like hues (bluish green, amber, vermillion, blue, reddish purple), tuned per theme.
const dark: Palette = {
  background: 0x0b1120,
  node: 0x151f33,
  nodeClient: 0x111a2c,
  nodeBorder: 0x2b3a57,
  nodeBorderHot: 0xff5630,
  text: 0xe6edf7,
  muted: 0x8f9fba,
  ready: 0x2ed8a3,
  starting: 0xfbd03c,
  draining: 0x3a8ff7,
  dead: 0xff5630,
  barTrack: 0x223049,
  busy: 0x4fb3ff,
  queue: 0xb48cff,
  edge: 0x5876a8,
  edgeIdle: 0x33435f,
  edgeError: 0xff5630,
  labelBg: 0x0e1626,
  accent: 0x4fb3ff,
  hover: 0x4a6290,
  breakerClosed: 0x2ed8a3,
  breakerHalf: 0xfbd03c,
  breakerOpen: 0xff5630,
  fault: 0xfbd03c,
  faultText: 0x1c1606,
  dotCall: 0xe6edf7,
  dotOk: 0x2ed8a3,
  dotError: 0xff5630,
  dotTimeout: 0xfbd03c,
  dotRefused: 0xdc76de,
  okText: 0x2ed8a3,
  warnText: 0xfbd03c,
  badText: 0xff6b4a,
};

const light: Palette = {
  background: 0xeef1f6,
  node: 0xffffff,
  nodeClient: 0xf6f8fb,
  nodeBorder: 0xb4c0d3,
  nodeBorderHot: 0xaa3b28,
  text: 0x1b2433,
  muted: 0x4f5c73,
  ready: 0x208b61,
  starting: 0xd06c05,
  draining: 0x2558e0,
  dead: 0xaa3b28,
  barTrack: 0xe2e7ef,
  busy: 0x2f7fd0,
  queue: 0x7b52d6,
  edge: 0x6f82a6,
  edgeIdle: 0x9eabc1,
  edgeError: 0xaa3b28,
  labelBg: 0xffffff,
  accent: 0x1d63c4,
  hover: 0x8fa3c4,
  breakerClosed: 0x208b61,
  breakerHalf: 0xd06c05,
  breakerOpen: 0xaa3b28,
  fault: 0xf0b43c,
  faultText: 0x2a1d00,
  dotCall: 0x4e5d78,
  dotOk: 0x208b61,
  dotError: 0xaa3b28,
  dotTimeout: 0xd06c05,
  dotRefused: 0xc02fc0,
  okText: 0x1a7a53,
  warnText: 0x6e4307,
  badText: 0xd0013d,
};

/** Both themes' colours, frozen (the tests read these). */
export const PALETTES: Readonly<Record<Theme, Readonly<Palette>>> = Object.freeze({ dark: Object.freeze(dark), light: Object.freeze(light) });

let theme: Theme = 'dark';
const listeners = new Set<(t: Theme) => void>();

/** The live colours: the current theme's values (swapped in place by `setTheme`). */
export const palette: Palette = { ...dark };

export function currentTheme(): Theme {
  return theme;
}

/** Swap the live palette to `t` and tell listeners (a no-op when it already is). */
export function setTheme(t: Theme): void {
  if (t === theme) return;
  theme = t;
  Object.assign(palette, PALETTES[t]);
  for (const f of listeners) f(t);
}

/** Called after each theme change; returns the unsubscribe. */
export function onThemeChange(f: (t: Theme) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export const fonts = {
  family: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  mono: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace',
} as const;

/** Linear blend of two 0xRRGGBB colours, t in 0..1. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.max(0, Math.min(1, t));
  const ch = (shift: number) => Math.round(((a >> shift) & 255) * (1 - k) + ((b >> shift) & 255) * k);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** Edge colour by error share: 0 → calm blue, ≥ 25 % → vermillion. */
export function edgeColour(perSec: number, errorShare: number): number {
  if (perSec <= 0) return palette.edgeIdle;
  return mix(palette.edge, palette.edgeError, errorShare * 4);
}

/** Bar colour by fill: calm until 70 %, then warmer. */
export function loadColour(base: number, fill: number): number {
  if (fill < 0.7) return base;
  return mix(palette.starting, palette.dead, (fill - 0.7) / 0.3);
}

/** Breaker state colours: closed bluish green, half-open amber, open vermillion (the glyph's shape says it too). */
export function breakerColour(state: 'closed' | 'halfOpen' | 'open'): number {
  return state === 'closed' ? palette.breakerClosed : state === 'halfOpen' ? palette.breakerHalf : palette.breakerOpen;
}

/** An answer dot's colour by outcome; a call going out is `dotCall`. */
export function dotColour(outcome: 'ok' | 'error' | 'timeout' | 'refused' | 'call'): number {
  switch (outcome) {
    case 'ok': return palette.dotOk;
    case 'error': return palette.dotError;
    case 'timeout': return palette.dotTimeout;
    case 'refused': return palette.dotRefused;
    default: return palette.dotCall;
  }
}
