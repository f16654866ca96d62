/**
 * Colour science for the colour-blind check (tests/ui/colourBlind.test.ts):
 * sRGB ↔ linear, colour-vision-deficiency simulation, CIELAB, CIEDE2000 and
 * the WCAG 2.x contrast ratio. Pure numbers; no DOM.
 */

export type RGB = readonly [number, number, number];

/** 0xRRGGBB or '#rrggbb' / '#rgb' → 0..1 sRGB channels. */
export function srgb(c: number | string): RGB {
  let n: number;
  if (typeof c === 'number') n = c;
  else {
    let h = c.trim().replace(/^#/, '');
    if (h.length === 3) h = [...h].map((x) => x + x).join('');
    if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new Error(`not a #rrggbb colour: ${c}`);
    n = parseInt(h, 16);
  }
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const toGamma = (v: number) => {
  const k = Math.max(0, Math.min(1, v));
  return k <= 0.0031308 ? 12.92 * k : 1.055 * k ** (1 / 2.4) - 0.055;
};

export const linear = (c: RGB): RGB => [toLinear(c[0]), toLinear(c[1]), toLinear(c[2])];
export const gamma = (c: RGB): RGB => [toGamma(c[0]), toGamma(c[1]), toGamma(c[2])];

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

/**
 * Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for
 * Simulation of Color Vision Deficiency", IEEE TVCG 15(6):1291–1298, the
 * matrices of their supplementary table at severity 1.0
 * (https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html),
 * applied to linear RGB as the paper's model assumes.
 */
export const MACHADO_2009: Record<Exclude<Vision, 'normal'>, readonly [RGB, RGB, RGB]> = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

/** How a colour looks to someone with `vision` (sRGB in, sRGB out, clamped to the gamut). */
export function simulate(c: RGB, vision: Vision): RGB {
  if (vision === 'normal') return c;
  const m = MACHADO_2009[vision];
  const l = linear(c);
  const mul = (r: RGB) => r[0] * l[0] + r[1] * l[1] + r[2] * l[2];
  return gamma([mul(m[0]), mul(m[1]), mul(m[2])]);
}

export type Lab = readonly [number, number, number];

/** sRGB (D65) → CIELAB (D65 white). */
export function lab(c: RGB): Lab {
  const [r, g, b] = linear(c);
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const fx = f(x), fy = f(y), fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005 formulation; kL = kC = kH = 1). */
export function deltaE2000(p: Lab, q: Lab): number {
  const [L1, a1, b1] = p, [L2, a2, b2] = q;
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1), C2 = Math.hypot(a2, b2);
  const Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1, a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1), C2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => {
    if (a === 0 && b === 0) return 0;
    const h = Math.atan2(b, a) / rad;
    return h < 0 ? h + 360 : h;
  };
  const h1p = hue(b1, a1p), h2p = hue(b2, a2p);
  const dLp = L2 - L1, dCp = C2p - C1p;
  let dhp = 0;
  if (C1p * C2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin((dhp / 2) * rad);
  const Lpm = (L1 + L2) / 2, Cpm = (C1p + C2p) / 2;
  let hpm = h1p + h2p;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hpm = (h1p + h2p) / 2;
    else hpm = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos((hpm - 30) * rad) + 0.24 * Math.cos(2 * hpm * rad)
    + 0.32 * Math.cos((3 * hpm + 6) * rad) - 0.2 * Math.cos((4 * hpm - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hpm - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cpm ** 7 / (Cpm ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lpm - 50) ** 2) / Math.sqrt(20 + (Lpm - 50) ** 2);
  const Sc = 1 + 0.045 * Cpm, Sh = 1 + 0.015 * Cpm * T;
  const Rt = -Math.sin(2 * dTheta * rad) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

/** ΔE00 between two colours as seen with `vision`. */
export function distance(a: number | string, b: number | string, vision: Vision): number {
  return deltaE2000(lab(simulate(srgb(a), vision)), lab(simulate(srgb(b), vision)));
}

/** WCAG 2.x relative luminance. */
export function luminance(c: number | string): number {
  const [r, g, b] = linear(srgb(c));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio, 1..21. */
export function contrast(a: number | string, b: number | string): number {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
