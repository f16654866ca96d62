/**
 * What the compare view exports: the whole comparison as one SVG for a
 * slide (headers, architectures, the charts on shared scales, key figures
 * with Δ; light colours) and PNG at 2×; the two reports with their deltas
 * as JSON (the CLI's `--compare --json` shape) and CSV.
 */
import type { Report } from '../../metrics/report';
import { formatPct, type CompareDelta, type DeltaValue } from '../../metrics/compare';
import { csvCell, escapeXml } from '../exports';
import { formatClock } from '../format';
import { chartSvg, LIGHT, METRICS, routeColour, type CompareMetric, type SideSeries } from './compareCharts';

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

export interface SlideSide {
  readonly label: string;
  readonly file: string;
  readonly report: Report;
  readonly data: SideSeries;
  /** The architecture as a standalone SVG document (exports.architectureSvg), or null. */
  readonly architecture: string | null;
}

const FONT = 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Full HD wide: the slide's own size, so nothing is scaled down on a 1920 × 1080 projector. */
export const SLIDE_WIDTH = 1920;

function text(x: number, y: number, s: string, o: { size: number; fill: string; weight?: number; anchor?: string }): string {
  return `<text x="${x}" y="${y}" fill="${o.fill}" font-size="${o.size}"${o.weight ? ` font-weight="${o.weight}"` : ''}${o.anchor ? ` text-anchor="${o.anchor}"` : ''} font-family="${escapeXml(FONT)}">${escapeXml(s)}</text>`;
}

/** An SVG document placed inside another at (x, y), fitted into w × h; null when it does not parse. */
function nested(svgText: string, x: number, y: number, w: number, h: number): { markup: string; height: number } | null {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
  const vb = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  const aspect = vb.length === 4 && vb[2] > 0 ? vb[3] / vb[2] : 0.5;
  const height = Math.min(h, Math.round(w * aspect));
  root.setAttribute('x', String(x));
  root.setAttribute('y', String(y));
  root.setAttribute('width', String(w));
  root.setAttribute('height', String(height));
  root.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  return { markup: new XMLSerializer().serializeToString(root), height };
}

const FIGURES: { key: 'failedShare' | 'latencyP99Ms' | 'ok'; label: string; fmt: (v: number) => string }[] = [
  { key: 'ok', label: 'ok answers', fmt: (v) => Math.round(v).toLocaleString('en') },
  { key: 'failedShare', label: 'failed share', fmt: (v) => `${(v * 100).toFixed(1)}%` },
  { key: 'latencyP99Ms', label: 'p99', fmt: (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`) },
];

/**
 * The whole comparison as one standalone SVG (1600 px wide, white), for a slide:
 * title and seed, each side's header, architecture and three charts on shared
 * scales, then the key figures per route with their change.
 */
export function comparisonSvg(o: {
  sides: readonly [SlideSide, SlideSide]; delta: CompareDelta; routes: readonly string[];
  yMax: Readonly<Record<CompareMetric, number>>; durationMs: number;
}): { svg: string; width: number; height: number } {
  const P = LIGHT;
  const W = SLIDE_WIDTH, pad = 40, gap = 48;
  const colW = (W - pad * 2 - gap) / 2;
  const chartH = 210;
  const out: string[] = [];
  const [l, r] = o.sides;
  out.push(text(pad, 56, `${l.label}  vs  ${r.label}`, { size: 34, fill: P.text, weight: 700 }));
  const seeds = o.delta.sameSeed ? `same seed ${l.report.seed}` : `seeds ${l.report.seed} and ${r.report.seed} (different: luck differs too)`;
  out.push(text(pad, 90, `${seeds} · ${formatClock(o.durationMs, 0)} simulated · Microcosm`, { size: 19, fill: P.muted }));

  // The diagrams first, so both columns' charts start at the same height.
  const xs = [pad, pad + colW + gap];
  const archTop = 218;
  const archs = o.sides.map((s, i) => (s.architecture ? nested(s.architecture, xs[i], archTop, colW, 300) : null));
  const archH = Math.max(0, ...archs.map((a) => a?.height ?? 0));
  let bottom = 0;
  o.sides.forEach((s, i) => {
    const x = xs[i];
    let y = 136;
    out.push(text(x, y, i === 0 ? 'LEFT' : 'RIGHT', { size: 15, fill: '#1f6fd1', weight: 700 }));
    y += 32;
    out.push(text(x, y, s.label, { size: 27, fill: P.text, weight: 700 }));
    const exp = s.report.expectations;
    const passed = exp.filter((e) => e.passed).length;
    const expText = exp.length ? ` · expectations: ${passed} of ${exp.length} hold` : '';
    out.push(text(x, y + 24, s.file, { size: 15, fill: P.muted }));
    out.push(text(x, y + 43, `digest ${s.report.digest}${expText}`, { size: 15, fill: P.muted }));
    y = archTop;
    const a = archs[i];
    if (a) {
      out.push(`<rect x="${x}" y="${y}" width="${colW}" height="${archH}" fill="none" stroke="${P.grid}"/>`);
      // Centred in the row both columns share.
      out.push(nested(s.architecture!, x, y + Math.round((archH - a.height) / 2), colW, 300)!.markup);
    }
    y += archH + 20;
    for (const m of METRICS) {
      y += 26;
      out.push(text(x, y, m.title, { size: 21, fill: P.text, weight: 650 }) + text(x + colW, y, m.unit, { size: 16, fill: P.muted, anchor: 'end' }));
      y += 8;
      const chart = chartSvg({ metric: m.id, side: s.data, routes: o.routes, yMax: o.yMax[m.id], durationMs: o.durationMs, width: colW, height: chartH, palette: P, fontSize: 15 });
      out.push(chart.replace('<svg ', `<svg x="${x}" y="${y}" `));
      y += chartH + 10;
    }
    bottom = Math.max(bottom, y);
  });

  // Route legend, once for both columns.
  let y = bottom + 16;
  let lx = pad;
  for (const route of o.routes) {
    out.push(`<path d="M${lx} ${y - 6}h28" stroke="${routeColour(P, o.routes, route)}" stroke-width="3.5" stroke-linecap="round"/>`);
    out.push(text(lx + 36, y, route, { size: 17, fill: P.text }));
    lx += 36 + route.length * 9.5 + 32;
  }
  out.push(`<rect x="${lx}" y="${y - 13}" width="22" height="15" fill="${P.fault}" fill-opacity="0.12"/><path d="M${lx} ${y - 13}v15" stroke="${P.fault}" stroke-dasharray="4 3"/>`);
  out.push(text(lx + 30, y, 'a fault in the timeline', { size: 16, fill: P.muted }));

  // Key figures per route: left → right (Δ %).
  y += 48;
  out.push(text(pad, y, 'Key figures per route: left → right (change)', { size: 21, fill: P.text, weight: 650 }));
  const colX = [pad, pad + 360, pad + 860, pad + 1360];
  y += 34;
  out.push(text(colX[0], y, 'route', { size: 16, fill: P.muted }));
  FIGURES.forEach((f, i) => out.push(text(colX[i + 1], y, f.label, { size: 16, fill: P.muted })));
  for (const [route, figs] of Object.entries(o.delta.routes)) {
    y += 32;
    out.push(`<line x1="${pad}" x2="${W - pad}" y1="${y - 23}" y2="${y - 23}" stroke="${P.grid}"/>`);
    out.push(text(colX[0], y, route, { size: 19, fill: P.text, weight: 600 }));
    FIGURES.forEach((f, i) => {
      const d = figs[f.key];
      const lv = d.left === null ? '—' : f.fmt(d.left), rv = d.right === null ? '—' : f.fmt(d.right);
      const pct = formatPct(d.pct);
      const colour = d.verdict === 'better' ? '#14804a' : d.verdict === 'worse' ? '#c81e32' : P.muted;
      out.push(`<text x="${colX[i + 1]}" y="${y}" font-size="19" font-family="${escapeXml(FONT)}" fill="${P.text}">${escapeXml(`${lv} → ${rv}`)}` +
        (pct ? `<tspan fill="${colour}" font-weight="650">${escapeXml(`  (${pct})`)}</tspan>` : '') + '</text>');
    });
  }
  const height = Math.ceil(y + 32);
  const svg = '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="${SVG_NS}" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}">` +
    `<title>${escapeXml(`${l.label} vs ${r.label}`)}</title>` +
    `<rect width="${W}" height="${height}" fill="${P.background}"/>` + out.join('') + '</svg>';
  return { svg, width: W, height };
}
