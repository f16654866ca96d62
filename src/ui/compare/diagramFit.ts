/**
 * How big the compare view draws the two architectures, and which Mermaid
 * layout it draws them in, so node labels stay readable (≥ 11 px in a column
 * on screen, ≥ 14 px in the slide) however many services there are. Pure:
 * takes the rendered diagrams' natural sizes, never renders; the view renders
 * the variants in `VARIANTS` order until one fits (CompareView.tsx).
 */
import type { EdgeLabels, MermaidLayout } from '../mermaidText';
import { SLIDE_COLUMN_WIDTH, SLIDE_FULL_WIDTH } from './compareExport';

/** Mermaid's flowchart font size (its default theme): a diagram drawn at scale s shows its labels at s × this. */
export const MERMAID_FONT_PX = 16;

/**
 * The drawings tried, in order of preference: the single-run export's left → right;
 * top → bottom (a narrow column); compact boxes; compact with only the edge labels
 * where the two designs differ (a dense architecture: its call options, one per
 * edge, would double its width).
 */
export type DiagramVariant = 'LR' | 'TB' | 'LR-compact' | 'LR-compact-diff';
export const VARIANTS: readonly DiagramVariant[] = ['LR', 'TB', 'LR-compact', 'LR-compact-diff'];

/**
 * A diagram with more boxes than this does not fit a column whole in the
 * first two variants at a readable size (measured: 39 services run 3–5× past
 * it), and Mermaid lays out a large diagram for about a second on the main
 * thread: such designs start at the compact variants.
 */
export const DENSE_BOXES = 20;

/** The variants worth rendering for diagrams of at most `boxes` boxes (services and workloads), in order. */
export function variantsFor(boxes: number): readonly DiagramVariant[] {
  return boxes > DENSE_BOXES ? VARIANTS.filter((v) => v.startsWith('LR-compact')) : VARIANTS;
}

export const VARIANT_LAYOUT: Readonly<Record<DiagramVariant, MermaidLayout>> = {
  'LR': { direction: 'LR' },
  'TB': { direction: 'TB' },
  'LR-compact': { direction: 'LR', compact: true },
  'LR-compact-diff': { direction: 'LR', compact: true },
};

/** A rendered diagram's natural size, px (its SVG viewBox). */
export interface DiagramSize {
  readonly width: number;
  readonly height: number;
}

/** The room for a diagram and the text sizes allowed in it. */
export interface DiagramBox {
  readonly width: number;
  /** Taller diagrams scroll (on screen) or are shrunk to it as long as the text stays at `minFontPx`. */
  readonly maxHeight: number;
  readonly minFontPx: number;
  readonly maxFontPx: number;
}

/** A column of the view at 1280 × 800 is about 580 px wide; the box scrolls past 520 px. */
export const SCREEN_BOX: Omit<DiagramBox, 'width'> = { maxHeight: 520, minFontPx: 11, maxFontPx: 14 };

/** The slide (compareExport.ts, 1920 wide): a diagram in one of its two columns, or across it (the slide grows taller). */
export const SLIDE_COLUMN: DiagramBox = { width: SLIDE_COLUMN_WIDTH, maxHeight: Infinity, minFontPx: 14, maxFontPx: 16 };
export const SLIDE_FULL: DiagramBox = { width: SLIDE_FULL_WIDTH, maxHeight: Infinity, minFontPx: 14, maxFontPx: 16 };

/** Two diagrams drawn at one scale (like the charts' shared scales), with what scrolls. */
export interface PairFit {
  readonly scale: number;
  /** Label size shown, px. */
  readonly fontPx: number;
  /** How far the wider diagram runs past the box's width (scrolls), px; 0 = fits. */
  readonly overflowX: number;
  /** How far the taller diagram runs past the box's height, px. */
  readonly overflowY: number;
}

/**
 * The largest scale that fits both diagrams into the box with labels between
 * the box's minimum and maximum; at the minimum a diagram may still run past
 * the box (then it scrolls). Null sides (no diagram) are left out.
 */
export function fitPair(sizes: readonly (DiagramSize | null)[], box: DiagramBox): PairFit {
  const present = sizes.filter((s): s is DiagramSize => s !== null && s.width > 0 && s.height > 0);
  const minScale = box.minFontPx / MERMAID_FONT_PX, maxScale = box.maxFontPx / MERMAID_FONT_PX;
  let scale = maxScale;
  for (const s of present) scale = Math.min(scale, box.width / s.width, box.maxHeight / s.height);
  scale = Math.max(minScale, scale);
  const overflowX = Math.max(0, ...present.map((s) => s.width * scale - box.width));
  const overflowY = Math.max(0, ...present.map((s) => s.height * scale - box.maxHeight));
  return { scale, fontPx: scale * MERMAID_FONT_PX, overflowX: Math.round(overflowX), overflowY: Math.round(overflowY) };
}

/** A fit the view takes without trying further variants: nothing scrolls. */
export const fitsWhole = (f: PairFit): boolean => f.overflowX === 0 && f.overflowY === 0;

/**
 * Orders fits, best first: no sideways scrolling, then the least of it;
 * then no scrolling down, then the least; then larger text; ties keep the order of `VARIANTS`.
 */
export function compareFits(a: PairFit, b: PairFit): number {
  return (Math.sign(a.overflowX) - Math.sign(b.overflowX)) || (a.overflowX - b.overflowX)
    || (Math.sign(a.overflowY) - Math.sign(b.overflowY)) || (a.overflowY - b.overflowY)
    || (b.fontPx - a.fontPx);
}

/** The best of the variants tried so far (undefined when none). */
export function bestVariant(fits: ReadonlyMap<DiagramVariant, PairFit>): DiagramVariant | undefined {
  let best: DiagramVariant | undefined;
  for (const v of VARIANTS) {
    const f = fits.get(v);
    if (f && (best === undefined || compareFits(f, fits.get(best)!) < 0)) best = v;
  }
  return best;
}

/** How the slide places the architectures: in its two columns, or one under the other across the slide (one when both are the same). */
export interface SlideArchLayout {
  readonly mode: 'columns' | 'stacked';
  readonly variant: DiagramVariant;
  readonly scale: number;
  readonly fontPx: number;
  /** The room the diagrams take (without captions), px. */
  readonly height: number;
}

/**
 * The slide's layout: the first variant (in `VARIANTS` order) that keeps labels at
 * ≥ 14 px without running past the slide, in columns or stacked, whichever is
 * shorter (columns on a tie); when none does (a very dense architecture), the
 * drawing with the largest text across the whole slide, shrunk to its width.
 */
export function chooseSlideLayout(sizes: ReadonlyMap<DiagramVariant, readonly (DiagramSize | null)[]>, same: boolean): SlideArchLayout | null {
  let fallback: SlideArchLayout | null = null;
  for (const variant of VARIANTS) {
    const present = (sizes.get(variant) ?? []).filter((s): s is DiagramSize => s !== null);
    if (present.length === 0) continue;
    const total = (hs: number[], stacked: boolean) => Math.ceil(!stacked ? Math.max(...hs) : same ? hs[0] : hs.reduce((a, b) => a + b, 0));
    let best: SlideArchLayout | null = null;
    for (const mode of ['columns', 'stacked'] as const) {
      const box = mode === 'columns' ? SLIDE_COLUMN : SLIDE_FULL;
      const f = fitPair(present, box);
      if (f.overflowX === 0) {
        const height = total(present.map((s) => s.height * f.scale), mode === 'stacked');
        if (!best || height < best.height) best = { mode, variant, scale: f.scale, fontPx: f.fontPx, height };
      } else if (mode === 'stacked') {
        const shrunk = Math.min(...present.map((s) => box.width / s.width));
        if (!fallback || shrunk > fallback.scale) {
          fallback = { mode, variant, scale: shrunk, fontPx: shrunk * MERMAID_FONT_PX, height: total(present.map((s) => s.height * shrunk), true) };
        }
      }
    }
    if (best) return best;
  }
  return fallback;
}

/**
 * The edge labels a side's diagram keeps in the `-diff` variant: those of the
 * calls whose options (or endpoints) differ from the other design's, and the
 * calls the other design does not make.
 */
export function differingLabels(own: EdgeLabels, other: EdgeLabels | null): EdgeLabels {
  if (other === null) return {};
  const out: Record<string, string> = {};
  for (const [key, label] of Object.entries(own)) if (other[key] !== label) out[key] = label;
  return out;
}

/** The service most workloads send their requests to (where the diagram's traffic enters); null without workloads. */
export function entryService(meta: { readonly services: readonly { readonly name: string }[]; readonly workloads: readonly { readonly service: string }[] }): number | null {
  const count = new Map<string, number>();
  for (const w of meta.workloads) count.set(w.service, (count.get(w.service) ?? 0) + 1);
  let best: number | null = null, most = 0;
  meta.services.forEach((svc, i) => {
    const n = count.get(svc.name) ?? 0;
    if (n > most) { best = i; most = n; }
  });
  return best;
}
