/**
 * What the compare view exports: the whole comparison as one SVG for a
 * slide (headers, architectures, the charts on shared scales, key figures
 * with Δ; the theme's colours, as on screen) and PNG at 2×; the two reports
 * with their deltas as JSON (the CLI's `--compare --json` shape) and CSV.
 */
import type { Report } from '../../metrics/report';
import { formatPct, type CompareDelta, type DeltaValue } from '../../metrics/compare';
import { csvCell, escapeXml, resolveColour } from '../exports';
import { formatClock } from '../format';
import { chartSvg, METRICS, routeColour, THEME, type CompareMetric, type SideSeries } from './compareCharts';

export function compareJson(left: Report, right: Report, delta: CompareDelta): string {
  return JSON.stringify({ left, right, delta }, null, 2) + '\n';
}

export const COMPARE_CSV_COLUMNS = ['kind', 'name', 'figure', 'left', 'right', 'delta', 'delta_pct', 'verdict'] as const;

/** One row per route or service figure: left, right, right − left, % change, better / worse. RFC 4180, CRLF. */
export function compareCsv(delta: CompareDelta): string {
  const lines: string[] = [COMPARE_CSV_COLUMNS.join(',')];
  const add = (kind: string, name: string, figures: Readonly<Record<string, DeltaValue>>) => {
    for (const [figure, d] of Object.entries(figures)) {
      lines.push([kind, name, figure].map(csvCell).concat(
        [d.left, d.right, d.delta, d.pct].map((v) => csvCell(v ?? undefined)), csvCell(d.verdict),
      ).join(','));
    }
  };
  for (const [name, f] of Object.entries(delta.routes)) add('route', name, f);
  for (const [name, f] of Object.entries(delta.services)) add('service', name, f);
  return lines.join('\r\n') + '\r\n';
}

/** A rendered architecture (exports.architectureSvg) and its natural size, px. */
export interface SlideDiagram {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

export interface SlideSide {
  readonly label: string;
  readonly file: string;
  readonly report: Report;
  readonly data: SideSeries;
  /** This side's architecture in the layout's variant, or null. */
  readonly architecture: SlideDiagram | null;
}

/** Where the slide puts the architectures (diagramFit.chooseSlideLayout). */
export interface SlideArchitectures {
  readonly mode: 'columns' | 'stacked';
  readonly scale: number;
  /** Both sides draw the same diagram: stacked, it is shown once. */
  readonly same: boolean;
  /** A line under the diagrams (which edge labels are left out), or ''. */
  readonly note: string;
}

const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Full HD wide: the slide's own size, so nothing is scaled down on a 1920 × 1080 projector. */
export const SLIDE_WIDTH = 1920;
const PAD = 40, GAP = 48;
/** A column's width, and the width of a diagram across the slide (diagramFit.SLIDE_COLUMN, SLIDE_FULL). */
export const SLIDE_COLUMN_WIDTH = (SLIDE_WIDTH - PAD * 2 - GAP) / 2;
export const SLIDE_FULL_WIDTH = SLIDE_WIDTH - PAD * 2;

/** A text's width in the slide's font: measured on a canvas where there is one, else estimated. */
function textWidth(s: string, size: number, weight = 400): number {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return s.length * size * (weight >= 600 ? 0.62 : 0.56);
  ctx.font = `${weight} ${size}px ${FONT}`;
  return ctx.measureText(s).width;
}

/** A line cut short with "…" so it stays within `max` px (names come from files and can be long). */
export function fitLine(s: string, max: number, size: number, weight = 400): string {
  if (textWidth(s, size, weight) <= max) return s;
  const chars = [...s];
  let lo = 0, hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('').trimEnd()}…`, size, weight) <= max) lo = mid; else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

function text(x: number, y: number, s: string, o: { size: number; fill: string; weight?: number; anchor?: string; max?: number }): string {
  const line = o.max ? fitLine(s, o.max, o.size, o.weight) : s;
  return `<text x="${x}" y="${y}" fill="${o.fill}" font-size="${o.size}"${o.weight ? ` font-weight="${o.weight}"` : ''}${o.anchor ? ` text-anchor="${o.anchor}"` : ''} font-family="${escapeXml(FONT)}">${escapeXml(line)}</text>`;
}

/** An SVG document placed inside another at (x, y) at `scale` × its natural size; null when it does not parse. */
function nested(d: SlideDiagram, x: number, y: number, scale: number): string | null {
  const doc = new DOMParser().parseFromString(d.svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
  root.setAttribute('x', String(Math.round(x)));
  root.setAttribute('y', String(Math.round(y)));
  root.setAttribute('width', String(Math.round(d.width * scale)));
  root.setAttribute('height', String(Math.round(d.height * scale)));
  root.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  return new XMLSerializer().serializeToString(root);
}

const FIGURES: { key: 'failedShare' | 'latencyP99Ms' | 'ok'; label: string; fmt: (v: number) => string }[] = [
  { key: 'ok', label: 'ok answers', fmt: (v) => Math.round(v).toLocaleString('en') },
  { key: 'failedShare', label: 'failed share', fmt: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'latencyP99Ms', label: 'p99', fmt: (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`) },
];

/**
 * The whole comparison as one standalone SVG (1920 px wide), for a slide:
 * title and seed, each side's header, architecture and three charts on shared
 * scales, then the key figures per route with their change. Architectures too
 * wide for a column go one under the other across the slide, before the columns
 * (the slide grows taller). Colours are the theme's (`THEME`, `var(--…)`),
 * written as values by `colour` (exports.resolveColour: the theme on screen),
 * since the file has no stylesheet; the Mermaid diagrams keep their own light colours.
 */
export function comparisonSvg(o: {
  sides: readonly [SlideSide, SlideSide]; delta: CompareDelta; routes: readonly string[];
  yMax: Readonly<Record<CompareMetric, number>>; durationMs: number;
  architectures: SlideArchitectures | null;
  colour?: (c: string) => string;
}): { svg: string; width: number; height: number } {
  const P = THEME;
  const resolve = o.colour ?? resolveColour;
  const W = SLIDE_WIDTH, pad = PAD, gap = GAP;
  const colW = SLIDE_COLUMN_WIDTH;
  const chartH = 210;
  const out: string[] = [];
  // Our own markup, its theme variables as values; a nested diagram goes in as it is.
  const put = (markup: string) => out.push(markup.replace(/var\(--[\w-]+\)/g, (v) => resolve(v)));
  const [l, r] = o.sides;
  put(text(pad, 56, `${l.label}  vs  ${r.label}`, { size: 34, fill: P.text, weight: 700, max: SLIDE_FULL_WIDTH }));
  const seeds = o.delta.sameSeed ? `same seed ${l.report.seed}` : `seeds ${l.report.seed} and ${r.report.seed} (different: luck differs too)`;
  put(text(pad, 90, `${seeds} · ${formatClock(o.durationMs, 0)} simulated · Microcosm`, { size: 19, fill: P.muted }));
  const xs = [pad, pad + colW + gap];
  const arch = o.architectures;
  const diagrams = o.sides.map((s) => s.architecture);
  // The diagrams keep Mermaid's light colours: a white box behind each, as on screen.
  const paper = (x: number, y: number, w: number, h: number) => put(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="#ffffff" stroke="${P.grid}"/>`);
  const noteLine = (y: number) => { if (arch?.note) put(text(pad, y, arch.note, { size: 16, fill: P.muted })); };

  // Stacked: each architecture across the slide, under a caption.
  let headTop = 136;
  if (arch?.mode === 'stacked' && diagrams.some((d) => d)) {
    let y = 132;
    const shown = arch.same ? [0] : [0, 1];
    for (const i of shown) {
      const d = diagrams[i];
      if (!d) continue;
      const caption = arch.same ? 'BOTH DESIGNS · the same architecture' : `${i === 0 ? 'LEFT' : 'RIGHT'} · ${o.sides[i].label}`;
      put(text(pad, y + 8, caption, { size: 17, fill: P.accent, weight: 700, max: SLIDE_FULL_WIDTH }));
      y += 20;
      const w = Math.round(d.width * arch.scale), h = Math.round(d.height * arch.scale);
      paper(pad, y, SLIDE_FULL_WIDTH, h + 16);
      const m = nested(d, pad + Math.max(0, (SLIDE_FULL_WIDTH - w) / 2), y + 8, arch.scale);
      if (m) out.push(m);
      y += h + 16 + 34;
    }
    if (arch.note) { noteLine(y - 10); y += 24; }
    headTop = y + 16;
  }

  // Each column: header, the architectures in columns (one row both share, so the charts start level), the charts.
  const archTop = headTop + 82;
  const inColumns = arch?.mode === 'columns' ? diagrams.map((d) => (d ? { d, w: Math.round(d.width * arch.scale), h: Math.round(d.height * arch.scale) } : null)) : [null, null];
  const archH = Math.max(0, ...inColumns.map((a) => (a ? a.h + 16 : 0)));
  let chartsTop = archTop + archH + 20;
  if (archH > 0 && arch?.note) { noteLine(chartsTop + 4); chartsTop += 28; }
  let bottom = 0;
  o.sides.forEach((s, i) => {
    const x = xs[i];
    let y = headTop;
    put(text(x, y, i === 0 ? 'LEFT' : 'RIGHT', { size: 15, fill: P.accent, weight: 700 }));
    y += 32;
    put(text(x, y, s.label, { size: 27, fill: P.text, weight: 700, max: colW }));
    const exp = s.report.expectations;
    const passed = exp.filter((e) => e.passed).length;
    const expText = exp.length ? ` · expectations: ${passed} of ${exp.length} hold` : '';
    put(text(x, y + 24, s.file, { size: 15, fill: P.muted, max: colW }));
    put(text(x, y + 43, `digest ${s.report.digest}${expText}`, { size: 15, fill: P.muted, max: colW }));
    const a = inColumns[i];
    if (a && arch) {
      paper(x, archTop, colW, archH);
      // Centred in the row both columns share.
      const m = nested(a.d, x + (colW - a.w) / 2, archTop + 8 + Math.round((archH - 16 - a.h) / 2), arch.scale);
      if (m) out.push(m);
    }
    y = chartsTop;
    for (const m of METRICS) {
      y += 26;
      put(text(x, y, m.title, { size: 21, fill: P.text, weight: 650 }) + text(x + colW, y, m.unit, { size: 16, fill: P.muted, anchor: 'end' }));
      y += 8;
      const chart = chartSvg({ metric: m.id, side: s.data, routes: o.routes, yMax: o.yMax[m.id], durationMs: o.durationMs, width: colW, height: chartH, fontSize: 15 });
      put(chart.replace('<svg ', `<svg x="${x}" y="${y}" `));
      y += chartH + 10;
    }
    bottom = Math.max(bottom, y);
  });

  // Route legend, once for both columns.
  let y = bottom + 16;
  let lx = pad;
  for (const route of o.routes) {
    put(`<path d="M${lx} ${y - 6}h28" stroke="${routeColour(o.routes, route)}" stroke-width="3.5" stroke-linecap="round"/>`);
    put(text(lx + 36, y, route, { size: 17, fill: P.text }));
    lx += 36 + route.length * 9.5 + 32;
  }
  put(`<rect x="${lx}" y="${y - 13}" width="22" height="15" fill="${P.fault}" fill-opacity="0.12"/><path d="M${lx} ${y - 13}v15" stroke="${P.fault}" stroke-dasharray="4 3"/>`);
  put(text(lx + 30, y, 'a fault in the timeline', { size: 16, fill: P.muted }));

  // Key figures per route: left → right (Δ %).
  y += 48;
  put(text(pad, y, 'Key figures per route: left → right (change)', { size: 21, fill: P.text, weight: 650 }));
  const colX = [pad, pad + 360, pad + 860, pad + 1360];
  y += 34;
  put(text(colX[0], y, 'route', { size: 16, fill: P.muted }));
  FIGURES.forEach((f, i) => put(text(colX[i + 1], y, f.label, { size: 16, fill: P.muted })));
  for (const [route, figs] of Object.entries(o.delta.routes)) {
    y += 32;
    put(`<line x1="${pad}" x2="${W - pad}" y1="${y - 23}" y2="${y - 23}" stroke="${P.grid}"/>`);
    put(text(colX[0], y, route, { size: 19, fill: P.text, weight: 600 }));
    FIGURES.forEach((f, i) => {
      const d = figs[f.key];
      const lv = d.left === null ? '—' : f.fmt(d.left), rv = d.right === null ? '—' : f.fmt(d.right);
      const pct = formatPct(d.pct);
      const colour = d.verdict === 'better' ? P.better : d.verdict === 'worse' ? P.worse : P.muted;
      put(`<text x="${colX[i + 1]}" y="${y}" font-size="19" font-family="${escapeXml(FONT)}" fill="${P.text}">${escapeXml(`${lv} → ${rv}`)}` +
        (pct ? `<tspan fill="${colour}" font-weight="650">${escapeXml(`  (${pct})`)}</tspan>` : '') + '</text>');
    });
  }
  const height = Math.ceil(y + 32);
  const svg = '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="${SVG_NS}" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}">` +
    `<title>${escapeXml(`${l.label} vs ${r.label}`)}</title>` +
    `<rect width="${W}" height="${height}" fill="${resolve(P.background)}"/>` + out.join('') + '</svg>';
  return { svg, width: W, height };
}
