// @vitest-environment happy-dom
/**
 * The compare view's architectures (src/ui/compare/diagramFit.ts) and the
 * slide (compareExport.ts): which Mermaid drawing, at what scale, so labels
 * stay ≥ 11 px in a column and ≥ 14 px in the slide; the slide in the theme's
 * colours. Sizes are Mermaid's, measured in Chromium for the bundled scenarios.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/metrics/compare';
import type { Report } from '../../src/metrics/report';
import { loadScenario } from '../../src/scenario';
import { scenarioMeta } from '../../src/worker/meta';
import { callLabels, compactLabelLines, edgeKey, mermaidText } from '../../src/ui/mermaidText';
import { ROUTE_COLOURS } from '../../src/ui/charts';
import {
  bestVariant, chooseSlideLayout, DENSE_BOXES, differingLabels, entryService, fitPair, fitsWhole, SCREEN_BOX, VARIANT_LAYOUT, VARIANTS, variantsFor,
  type DiagramSize, type DiagramVariant, type PairFit,
} from '../../src/ui/compare/diagramFit';
import { comparisonSvg, fitLine, SLIDE_FULL_WIDTH } from '../../src/ui/compare/compareExport';
import type { SideSeries } from '../../src/ui/compare/compareCharts';

const size = (width: number, height: number): DiagramSize => ({ width, height });
/** Natural sizes (px at Mermaid's 16 px) of the bundled scenarios' diagrams, per variant. */
const ECOMMERCE = new Map<DiagramVariant, DiagramSize[]>([
  ['LR', [size(3434, 2094)]], ['TB', [size(6404, 1451)]], ['LR-compact', [size(2760, 2526)]], ['LR-compact-diff', [size(1818, 2045)]],
]);
const both = (m: Map<DiagramVariant, DiagramSize[]>) => new Map([...m].map(([v, s]) => [v, [s[0], s[0]]] as const));
const SHOP = new Map<DiagramVariant, DiagramSize[]>([
  ['LR', [size(1321, 282)]], ['TB', [size(681, 587)]], ['LR-compact', [size(1112, 320)]], ['LR-compact-diff', [size(1100, 320)]],
]);
const CASCADE = new Map<DiagramVariant, DiagramSize[]>([
  ['LR', [size(1619, 177), size(1979, 177)]], ['TB', [size(490, 731), size(490, 749)]],
  ['LR-compact', [size(1400, 212), size(1550, 212)]], ['LR-compact-diff', [size(1400, 212), size(1550, 212)]],
]);
/** A column of the view at 1280 × 800 (measured). */
const COLUMN = { ...SCREEN_BOX, width: 583 };

describe('compare diagrams: size and layout', () => {
  it('CMPD-1 both sides share one scale, labels never under the minimum (then the diagram scrolls), never over the maximum', () => {
    const wide = fitPair([size(1000, 200), size(400, 100)], COLUMN);
    expect(wide.fontPx).toBe(11);
    expect(wide.overflowX).toBe(Math.round(1000 * 11 / 16 - 583));
    expect(wide.overflowY).toBe(0);
    const small = fitPair([size(300, 100), null], COLUMN);
    expect(small.fontPx).toBe(14);
    expect(fitsWhole(small)).toBe(true);
    // The shop top → bottom: shrunk to the column, labels between 11 and 14 px, nothing scrolls.
    const shop = fitPair(SHOP.get('TB')!, COLUMN);
    expect(shop.fontPx).toBeGreaterThan(13);
    expect(shop.fontPx).toBeLessThan(14);
    expect(fitsWhole(shop)).toBe(true);
    // The taller of two sets the scale for both.
    const tall = fitPair([size(300, 1000), size(300, 600)], COLUMN);
    expect(tall.scale).toBe(11 / 16);
    expect(tall.overflowY).toBe(Math.round(1000 * 11 / 16 - 520));
  });

  it('CMPD-1b a dense design skips the drawings that cannot fit (each a second of Mermaid on the main thread), choosing what trying them all would', () => {
    const boxes = (file: string) => {
      const r = loadScenario(readFileSync(file, 'utf8'), file);
      if (!r.ok) throw new Error(file);
      return r.scenario.services.length + r.scenario.workload.length;
    };
    const dense = boxes('scenarios/architecture/ecommerce-platform.yaml');
    expect(dense).toBeGreaterThan(DENSE_BOXES);
    expect(variantsFor(dense)).toEqual(['LR-compact', 'LR-compact-diff']);
    expect(variantsFor(boxes('scenarios/shop.yaml'))).toEqual(VARIANTS);
    // With the measured sizes: neither skipped drawing fits the column whole, and the pick is the same.
    for (const v of ['LR', 'TB'] as const) expect(fitsWhole(fitPair(ECOMMERCE.get(v)!, COLUMN)), v).toBe(false);
    const fitsOf = (vs: readonly DiagramVariant[]) => new Map(vs.map((v) => [v, fitPair(ECOMMERCE.get(v)!, COLUMN)] as const));
    expect(bestVariant(fitsOf(variantsFor(dense)))).toBe(bestVariant(fitsOf(VARIANTS)));
  });

  it('CMPD-2 the column takes the first drawing that fits whole, else the least sideways scrolling, then the least downwards, then larger text', () => {
    const f = (overflowX: number, overflowY: number, fontPx = 11): PairFit => ({ scale: fontPx / 16, fontPx, overflowX, overflowY });
    expect(bestVariant(new Map([['LR', f(300, 0)], ['TB', f(0, 40)], ['LR-compact', f(100, 0)]]))).toBe('TB');
    expect(bestVariant(new Map([['LR', f(300, 0)], ['TB', f(900, 0)], ['LR-compact', f(100, 500)], ['LR-compact-diff', f(200, 0)]]))).toBe('LR-compact');
    expect(bestVariant(new Map([['LR', f(0, 0, 12)], ['TB', f(0, 0, 13)]]))).toBe('TB');
    expect(bestVariant(new Map([['LR', f(0, 10)], ['TB', f(0, 10)]]))).toBe('LR');
    expect(bestVariant(new Map())).toBeUndefined();
    // The bundled scenarios at 1280 × 800: the shop and the cascade top → bottom, the 39 services compact.
    const pick = (m: ReadonlyMap<DiagramVariant, readonly DiagramSize[]>) => bestVariant(new Map([...m].map(([v, s]) => [v, fitPair(s, COLUMN)])));
    expect(pick(SHOP)).toBe('TB');
    expect(pick(CASCADE)).toBe('TB');
    expect(pick(both(ECOMMERCE))).toBe('LR-compact-diff');
    expect(fitPair(ECOMMERCE.get('LR-compact-diff')!, COLUMN).fontPx).toBe(11);
  });

  it('CMPD-3 the slide: the first drawing with labels ≥ 14 px, in columns or across the slide, whichever is shorter; one diagram when both are the same', () => {
    const shop = chooseSlideLayout(SHOP, true)!;
    expect(shop).toMatchObject({ mode: 'stacked', variant: 'LR', scale: 1, height: 282 });
    const cascade = chooseSlideLayout(CASCADE, false)!;
    expect(cascade.mode).toBe('stacked');
    expect(cascade.variant).toBe('LR');
    expect(cascade.scale).toBeCloseTo(SLIDE_FULL_WIDTH / 1979, 6);
    expect(cascade.fontPx).toBeGreaterThanOrEqual(14);
    expect(cascade.height).toBe(Math.ceil(2 * 177 * cascade.scale));
    // 39 services: only the compact drawing without the repeated call options fits the slide's width at ≥ 14 px.
    const dense = chooseSlideLayout(both(ECOMMERCE), true)!;
    expect(dense).toMatchObject({ mode: 'stacked', variant: 'LR-compact-diff', scale: 1, fontPx: 16, height: 2045 });
    expect(chooseSlideLayout(both(ECOMMERCE), false)!.height).toBe(2 * 2045);
    // A drawing earlier in the order wins over a shorter later one (call options are worth the room).
    expect(chooseSlideLayout(new Map([['LR', [size(1321, 282)]], ['LR-compact-diff', [size(800, 250)]]]), true)).toMatchObject({ variant: 'LR', mode: 'stacked' });
    // Small enough for the columns: side by side.
    expect(chooseSlideLayout(new Map([['LR', [size(800, 300), size(600, 200)]]]), false)).toMatchObject({ mode: 'columns', scale: 1, height: 300 });
    // Too wide for anything: across the slide, shrunk to its width.
    const huge = chooseSlideLayout(new Map([['LR', [size(4000, 1000), null]]]), false)!;
    expect(huge).toMatchObject({ mode: 'stacked', variant: 'LR', scale: SLIDE_FULL_WIDTH / 4000, height: 460 });
    expect(chooseSlideLayout(new Map(), false)).toBeNull();
  });

  it('CMPD-4 the -diff drawing keeps the labels of calls that differ or that the other design does not make', () => {
    const a = { [edgeKey('web', 'pay')]: 'charge', [edgeKey('web', 'cat')]: 'list', [edgeKey('web', 'old')]: 'get' };
    const b = { [edgeKey('web', 'pay')]: 'charge · timeout 1s', [edgeKey('web', 'cat')]: 'list' };
    expect(differingLabels(a, b)).toEqual({ [edgeKey('web', 'pay')]: 'charge', [edgeKey('web', 'old')]: 'get' });
    expect(differingLabels(b, a)).toEqual({ [edgeKey('web', 'pay')]: 'charge · timeout 1s' });
    expect(differingLabels(a, a)).toEqual({});
    expect(differingLabels(a, null)).toEqual({});
  });

  it('CMPD-5 the entry service is the one most workloads call (where a scrolling diagram opens)', () => {
    const services = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];
    expect(entryService({ services, workloads: [{ service: 'b' }, { service: 'c' }, { service: 'c' }] })).toBe(2);
    expect(entryService({ services, workloads: [] })).toBeNull();
    const r = loadScenario(readFileSync('scenarios/architecture/ecommerce-platform.yaml', 'utf8'), 'ecommerce-platform.yaml');
    if (!r.ok) throw new Error('the dense scenario does not load');
    const meta = scenarioMeta(r.scenario);
    expect(meta.services[entryService(meta)!].name).toBe('web-bff');
  });
});

describe('compare diagrams: Mermaid text', () => {
  const parse = async (text: string) => (await import('mermaid')).default.parse(text);
  const r = loadScenario(readFileSync('scenarios/resilience/cascading-failure-resilient.yaml', 'utf8'), 'resilient.yaml');
  if (!r.ok) throw new Error('the scenario does not load');
  const meta = scenarioMeta(r.scenario), labels = callLabels(r.scenario);

  it('CMPD-6 the default layout is the single-run export; top → bottom and compact only change the direction and line breaks', async () => {
    const plain = mermaidText(meta, labels);
    expect(mermaidText(meta, labels, VARIANT_LAYOUT.LR)).toBe(plain);
    const tb = mermaidText(meta, labels, VARIANT_LAYOUT.TB);
    expect(tb.split('\n')[0]).toBe('flowchart TB');
    expect(tb.split('\n').slice(1)).toEqual(plain.split('\n').slice(1));
    const compact = mermaidText(meta, labels, VARIANT_LAYOUT['LR-compact']);
    expect(compact).toContain('<br/>2 instances<br/>8 workers"]');
    expect(compact).not.toContain('instances, ');
    expect(compact).toContain('"score<br/>timeout 200ms,<br/>breaker,<br/>fallback"');
    for (const t of [tb, compact]) await expect(parse(t)).resolves.toBeTruthy();
  });

  it('CMPD-7 compact edge labels: endpoints, then one call option per line (each option set ends with " /")', () => {
    expect(compactLabelLines('list')).toEqual(['list']);
    expect(compactLabelLines('read, write · timeout 100ms / timeout 300ms')).toEqual(['read, write', 'timeout 100ms /', 'timeout 300ms']);
    expect(compactLabelLines('a · timeout 1s, retry 2 full jitter, breaker')).toEqual(['a', 'timeout 1s,', 'retry 2 full jitter,', 'breaker']);
  });
});

describe('compare slide', () => {
  const golden = JSON.parse(readFileSync('tests/golden/shop.json', 'utf8')) as Report;
  const routes = Object.keys(golden.routes);
  const pt = (t: number) => ({ t, requests: 10, ok: 9, errors: 1, p50: 5, p99: 9 });
  const data: SideSeries = {
    intervalMs: 1000, durationMs: 3000, markers: [{ t: 1000, untilT: 2000, label: 'kill', fault: true }],
    series: Object.fromEntries(routes.map((r) => [r, [pt(0), pt(1000), pt(2000)]])),
  };
  const diagram = (w: number, h: number) => ({
    svg: `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><g class="node"><text>web</text></g></svg>`,
    width: w, height: h,
  });
  /** The theme's values as exports.resolveColour would give them. */
  const theme: Record<string, string> = { 'var(--panel)': '#0e1626', 'var(--text)': '#e6edf7', 'var(--muted)': '#8f9fba', 'var(--series-error)': '#ff5630', 'var(--series-1)': '#2a76f2', 'var(--series-2)': '#ffd732', 'var(--series-3)': '#dc86b9' };
  const slide = (arch: Parameters<typeof comparisonSvg>[0]['architectures'], d: readonly [ReturnType<typeof diagram> | null, ReturnType<typeof diagram> | null]) => comparisonSvg({
    sides: [
      { label: 'Left', file: 'a.yaml', report: golden, data, architecture: d[0] },
      { label: 'Right', file: 'b.yaml', report: golden, data, architecture: d[1] },
    ],
    delta: compareReports(golden, golden), routes, yMax: { throughput: 10, p99: 9, failedShare: 10 }, durationMs: 3000,
    architectures: arch, colour: (c) => theme[c] ?? '#123456',
  });
  const parseSvg = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;

  it('CMPD-8 the theme\'s colours as values: the routes\' series colours, the page\'s panel and text; no variable left', () => {
    const { svg } = slide(null, [null, null]);
    expect(svg).not.toContain('var(');
    const root = parseSvg(svg);
    const lines = [...root.querySelectorAll('path[data-route]')];
    expect(lines.length).toBe(2 * 3 * routes.length);
    for (const p of lines) expect(p.getAttribute('stroke')).toBe(theme[ROUTE_COLOURS[routes.indexOf(p.getAttribute('data-route')!)]]);
    expect([...root.children].find((c) => c.tagName.toLowerCase() === 'rect')!.getAttribute('fill')).toBe('#0e1626');
    expect(root.querySelector('text')!.getAttribute('fill')).toBe('#e6edf7');
    expect(svg).toContain('stroke="#ff5630"'); // the fault marker, as the main charts'
  });

  it('CMPD-9 diagrams at the chosen scale: across the slide once when both are the same, else one under the other; in columns when they fit', () => {
    const d = diagram(1818, 2045);
    const nestedDiagrams = (svg: string) => [...parseSvg(svg).querySelectorAll('svg > svg')].filter((s) => s.querySelector('g.node'));
    const same = slide({ mode: 'stacked', scale: 1, same: true, note: 'Call options left out' }, [d, d]);
    const one = nestedDiagrams(same.svg);
    expect(one.length).toBe(1);
    expect([one[0].getAttribute('width'), one[0].getAttribute('height')]).toEqual(['1818', '2045']);
    expect(same.svg).toContain('BOTH DESIGNS');
    expect(same.svg).toContain('Call options left out');
    expect(same.height).toBeGreaterThan(2045 + 1000);
    const two = slide({ mode: 'stacked', scale: 0.5, same: false, note: '' }, [d, diagram(1000, 500)]);
    expect(nestedDiagrams(two.svg).map((s) => [s.getAttribute('width'), s.getAttribute('height')])).toEqual([['909', '1023'], ['500', '250']]);
    expect(two.height).toBeLessThan(same.height);
    const cols = slide({ mode: 'columns', scale: 1, same: false, note: '' }, [diagram(800, 300), diagram(600, 200)]);
    const placed = nestedDiagrams(cols.svg).map((s) => Number(s.getAttribute('x')));
    expect(placed[0]).toBeLessThan(SLIDE_FULL_WIDTH / 2);
    expect(placed[1]).toBeGreaterThan(SLIDE_FULL_WIDTH / 2);
  });

  it('CMPD-10 a long name is cut with "…" to stay within its column', () => {
    expect(fitLine('short', 896, 27, 700)).toBe('short');
    const cut = fitLine('E-commerce platform — 39 services, one shared dependency, and a very long tail of words', 400, 27, 700);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThan(40);
  });
});
