/**
 * The two columns' architectures: each side's Mermaid diagram drawn in the
 * variants of diagramFit.ts (left → right, top → bottom, compact, compact
 * with only the differing call options) until one fits the column with
 * readable labels, both sides in the same variant and at the same scale;
 * and the slide's choice among them at export. Renders are cached by text
 * (the same design on both sides is drawn once) and run one at a time.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioMeta } from '../../worker/protocol';
import { architectureSvg } from '../exports';
import { callLabels, mermaidText, type EdgeLabels } from '../mermaidText';
import type { CompareSide } from './compareState';
import {
  bestVariant, chooseSlideLayout, differingLabels, entryService, fitPair, fitsWhole, SCREEN_BOX, SLIDE_FULL, VARIANT_LAYOUT, VARIANTS, variantsFor,
  type DiagramSize, type DiagramVariant, type PairFit, type SlideArchLayout,
} from './diagramFit';
import type { SlideDiagram } from './compareExport';

/** A rendered diagram: the standalone SVG and its natural size. */
export type Rendered = SlideDiagram;

/** What a column shows: its diagram in the chosen variant, drawn at `fit.scale`. */
export interface ShownDiagram {
  readonly diagram: Rendered;
  readonly variant: DiagramVariant;
  readonly fit: PairFit;
  /** Where a diagram that scrolls opens: its entry service (the one most workloads call), natural px; null = the top left. */
  readonly focus: { readonly x: number; readonly y: number } | null;
}

export interface Diagrams {
  readonly shown: readonly [ShownDiagram | null, ShownDiagram | null];
  readonly errors: readonly [string | null, string | null];
  /** Under the diagrams: which edge labels the drawing leaves out, or ''. */
  readonly note: string;
  /** The height both columns give their diagram (the taller one's, at most the box's), px; 0 before any. */
  readonly rowHeight: number;
  /** The slide's architectures (renders what the screen did not need). */
  slide(): Promise<{ layout: SlideArchLayout; diagrams: readonly [Rendered | null, Rendered | null]; same: boolean; note: string } | null>;
}

// Mermaid renders one diagram at a time.
let mermaidQueue: Promise<unknown> = Promise.resolve();

/** A side's variants as Mermaid text; null while it has no meta or labels yet. */
type Texts = Readonly<Record<DiagramVariant, string>> | null;

/** The diagram's text without its comment line (the scenario's name): the same drawing. */
const drawing = (text: string) => text.split('\n').filter((l) => !l.startsWith('  %%')).join('\n');

function variantTexts(meta: ScenarioMeta, own: EdgeLabels, other: EdgeLabels | null): Texts {
  const out = {} as Record<DiagramVariant, string>;
  for (const v of VARIANTS) out[v] = mermaidText(meta, v === 'LR-compact-diff' ? differingLabels(own, other) : own, VARIANT_LAYOUT[v]);
  return out;
}

function noteFor(variant: DiagramVariant | undefined, own: readonly (EdgeLabels | null)[]): string {
  if (variant !== 'LR-compact-diff') return '';
  const [a, b] = own;
  if (!a || !b) return 'Call options left out: too many to read at this size.';
  const differ = Object.keys(differingLabels(a, b)).length + Object.keys(differingLabels(b, a)).length > 0;
  return differ ? 'Call options written only where the two designs differ (too many to read at this size).'
    : 'Call options left out: both designs make the same calls with the same options.';
}

/** The labels of a side's calls (endpoints and options), from its scenario text; {} when it does not load. */
function useCallLabels(meta: ScenarioMeta | null, side: CompareSide): EdgeLabels | null {
  const [labels, setLabels] = useState<EdgeLabels | null>(null);
  useEffect(() => {
    if (!meta) { setLabels(null); return; }
    let live = true;
    void import('../../scenario').then(({ loadScenario }) => {
      const r = loadScenario(side.text, side.file);
      if (live) setLabels(r.ok ? callLabels(r.scenario) : {});
    });
    return () => { live = false; };
  }, [meta, side]);
  return labels;
}

/** The centre of Mermaid's node `s<index>` in a rendered diagram, from the diagram's top left, px. */
function nodeCentre(svg: string, index: number | null): { x: number; y: number } | null {
  if (index === null) return null;
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  const vb = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const node = [...root.querySelectorAll('g.node')].find((g) => new RegExp(`-flowchart-s${index}-\\d+$`).test(g.id));
  const m = /translate\(\s*([-\d.e]+)[\s,]+([-\d.e]+)\s*\)/.exec(node?.getAttribute('transform') ?? '');
  if (!m || vb.length !== 4) return null;
  return { x: Number(m[1]) - vb[0], y: Number(m[2]) - vb[1] };
}

function sizeOf(svg: string): DiagramSize {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  return { width: Number(root.getAttribute('width')) || 0, height: Number(root.getAttribute('height')) || 0 };
}

/**
 * @param metas each side's meta (null: none yet, or the side has none)
 * @param settled whether each side's meta is final (its run is past loading)
 * @param width the column's room for a diagram, px (0 = not measured yet)
 */
export function useDiagrams(metas: readonly [ScenarioMeta | null, ScenarioMeta | null], settled: readonly [boolean, boolean],
  sides: readonly [CompareSide, CompareSide], width: number): Diagrams {
  const labels = [useCallLabels(metas[0], sides[0]), useCallLabels(metas[1], sides[1])] as const;
  // A side with a meta waits for its labels; the other side's too (the `-diff` variant reads both).
  const ready = [0, 1].every((i) => (metas[i] ? labels[i] !== null : settled[i]));
  const texts = useMemo((): readonly [Texts, Texts] => {
    if (!ready) return [null, null];
    return [0, 1].map((i) => {
      const m = metas[i], own = labels[i];
      return m && own ? variantTexts(m, own, labels[1 - i]) : null;
    }) as unknown as [Texts, Texts];
  }, [ready, metas[0], metas[1], labels[0], labels[1]]);

  const cache = useRef(new Map<string, Promise<Rendered>>());
  const render = (text: string): Promise<Rendered> => {
    let p = cache.current.get(text);
    if (!p) {
      p = mermaidQueue.then(async () => {
        const svg = await architectureSvg(text);
        return { svg, ...sizeOf(svg) };
      });
      mermaidQueue = p.catch(() => undefined);
      cache.current.set(text, p);
    }
    return p;
  };
  /** Both sides' renders of a variant; a side without a diagram (or whose render failed) is null. */
  const renderPair = (v: DiagramVariant, errs?: (string | null)[]) => Promise.all(texts.map((t, i) => (t
    ? render(t[v]).catch((e: unknown) => { if (errs) errs[i] = e instanceof Error ? e.message : String(e); return null; })
    : Promise.resolve(null))));

  // The larger side decides which variants are worth a render (both sides are drawn alike).
  const boxes = Math.max(0, ...metas.map((m) => (m ? m.services.length + m.workloads.length : 0)));
  const tried = variantsFor(boxes);

  const [state, setState] = useState<Omit<Diagrams, 'slide'>>({ shown: [null, null], errors: [null, null], note: '', rowHeight: 0 });
  useEffect(() => {
    if (!texts[0] && !texts[1]) { setState({ shown: [null, null], errors: [null, null], note: '', rowHeight: 0 }); return; }
    if (width <= 0) return;
    let live = true;
    void (async () => {
      const box = { ...SCREEN_BOX, width };
      const fits = new Map<DiagramVariant, PairFit>();
      const pairs = new Map<DiagramVariant, readonly (Rendered | null)[]>();
      const errs: (string | null)[] = [null, null];
      for (const v of tried) {
        const pair = await renderPair(v, errs);
        if (!live) return;
        if (pair.every((d) => d === null)) break;
        pairs.set(v, pair);
        const f = fitPair(pair, box);
        fits.set(v, f);
        if (fitsWhole(f)) break;
      }
      const v = bestVariant(fits);
      const pair = v ? pairs.get(v)! : [null, null];
      const scale = v ? fits.get(v)!.scale : 1;
      setState({
        rowHeight: Math.ceil(Math.min(box.maxHeight, Math.max(0, ...pair.map((d) => (d ? d.height * scale : 0))))),
        shown: pair.map((d, i) => (d && v ? { diagram: d, variant: v, fit: fits.get(v)!, focus: nodeCentre(d.svg, entryService(metas[i]!)) } : null)) as unknown as [ShownDiagram | null, ShownDiagram | null],
        errors: [errs[0], errs[1]],
        note: noteFor(v, labels),
      });
    })();
    return () => { live = false; };
  }, [texts, width]);

  const slide: Diagrams['slide'] = async () => {
    if (!texts[0] && !texts[1]) return null;
    const same = !!texts[0] && !!texts[1] && VARIANTS.every((v) => drawing(texts[0]![v]) === drawing(texts[1]![v]));
    // In order, until one keeps the slide's label size (a later variant would not be chosen).
    const pairs = new Map<DiagramVariant, readonly (Rendered | null)[]>();
    let layout: SlideArchLayout | null = null;
    for (const v of tried) {
      pairs.set(v, await renderPair(v));
      layout = chooseSlideLayout(pairs, same);
      if (layout && layout.fontPx >= SLIDE_FULL.minFontPx) break;
    }
    if (!layout) return null;
    const d = pairs.get(layout.variant)!;
    return { layout, diagrams: [d[0], d[1]], same, note: noteFor(layout.variant, labels) };
  };

  return { ...state, slide };
}
