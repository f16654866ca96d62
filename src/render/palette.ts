/** Colours of the topology canvas; they match the page's CSS variables (ui/styles.css). */
export const palette = {
  background: 0x0b1120,
  node: 0x151f33,
  nodeClient: 0x111a2c,
  nodeBorder: 0x2b3a57,
  nodeBorderHot: 0xff6b6b,
  text: 0xe6edf7,
  muted: 0x8a9ab5,
  ready: 0x3ddc97,
  starting: 0xf6c453,
  dead: 0xff6b6b,
  barTrack: 0x223049,
  busy: 0x4fb3ff,
  queue: 0xb48cff,
  edge: 0x5876a8,
  edgeIdle: 0x33435f,
  edgeError: 0xff6b6b,
  labelBg: 0x0e1626,
  accent: 0x4fb3ff,
  hover: 0x4a6290,
  breakerClosed: 0x3ddc97,
  breakerHalf: 0xf6c453,
  breakerOpen: 0xff6b6b,
  fault: 0xf6c453,
  faultText: 0x1c1606,
} as const;

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

/** Edge colour by error share: 0 → calm blue, ≥ 25 % → red. */
export function edgeColour(perSec: number, errorShare: number): number {
  if (perSec <= 0) return palette.edgeIdle;
  return mix(palette.edge, palette.edgeError, errorShare * 4);
}

/** Bar colour by fill: calm until 70 %, then warmer. */
export function loadColour(base: number, fill: number): number {
  if (fill < 0.7) return base;
  return mix(palette.starting, palette.dead, (fill - 0.7) / 0.3);
}

/** Breaker state colours: closed calm green, half-open amber, open red (the glyph's shape says it too). */
export function breakerColour(state: 'closed' | 'halfOpen' | 'open'): number {
  return state === 'closed' ? palette.breakerClosed : state === 'halfOpen' ? palette.breakerHalf : palette.breakerOpen;
}
