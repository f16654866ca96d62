/**
 * The compare view's time charts as SVG markup: throughput, p99 latency and
 * failed share per route over simulated time, one chart per side on SHARED
 * scales (same x range, same y maximum) so the two columns read against each
 * other. Markup with every colour a theme variable (`THEME`), so the page and
 * the slide export draw the very same picture. Pure: no DOM.
 */
import * as d3 from 'd3';
import type { ComparePoint } from '../../worker/compareProtocol';
import { escapeXml } from '../exports';
import { decimate, ERROR_COLOUR, ROUTE_COLOURS, type XY } from '../charts';
import { formatClock } from '../format';

export type CompareMetric = 'throughput' | 'p99' | 'failedShare';

export const METRICS: readonly { readonly id: CompareMetric; readonly title: string; readonly unit: string }[] = [
  { id: 'throughput', title: 'Throughput', unit: 'requests / s' },
  { id: 'p99', title: 'p99 latency', unit: 'ms' },
  { id: 'failedShare', title: 'Failed share', unit: '% of answers (errors, 503s, timeouts)' },
];

/** A file's timeline item on the chart: a dashed line, and a shaded window for a fault with a `for`. */
export interface CompareMarker {
  readonly t: number;
  readonly untilT: number | null;
  readonly label: string;
  readonly fault: boolean;
}

/** One side's data, as the worker sent it. */
export interface SideSeries {
  readonly intervalMs: number;
  readonly durationMs: number;
  readonly series: Readonly<Record<string, readonly ComparePoint[]>>;
  readonly markers: readonly CompareMarker[];
}

/**
 * The charts' colours: the theme's variables (theme.css; routes as the main
 * charts', checked for colour-blind viewers), so a theme switch recolours the
 * page without a redraw; the slide resolves them to the theme's values.
 */
export const THEME = {
  background: 'var(--panel)', text: 'var(--text)', muted: 'var(--muted)', grid: 'var(--grid)', axis: 'var(--axis)',
  accent: 'var(--accent)', better: 'var(--ok)', worse: 'var(--bad)',
  /** Fault windows and fault markers, as the main charts' fault markers. */
  fault: ERROR_COLOUR,
} as const;

/** Interval midpoints: each value belongs to [t, t + interval). */
export function metricLines(side: SideSeries, metric: CompareMetric): Record<string, XY[]> {
  const out: Record<string, XY[]> = {};
  const sec = side.intervalMs / 1000;
  for (const [route, points] of Object.entries(side.series)) {
    out[route] = points.map((p) => {
      const t = p.t + side.intervalMs / 2;
      if (metric === 'throughput') return { t, v: sec > 0 ? p.requests / sec : 0 };
      if (metric === 'p99') return { t, v: p.p99 };
      const answered = p.ok + p.errors;
      return { t, v: answered > 0 ? (p.errors / answered) * 100 : NaN };
    });
  }
  return out;
}

/** The y maximum both sides' charts of a metric share (0 when neither has a value). */
export function sharedMax(sides: readonly (SideSeries | null)[], metric: CompareMetric): number {
  let max = 0;
  for (const s of sides) {
    if (!s) continue;
    for (const pts of Object.values(metricLines(s, metric))) for (const p of pts) if (Number.isFinite(p.v) && p.v > max) max = p.v;
  }
  return max;
}

/** Routes of both sides, left's order first: a route has the same colour in both columns. */
export function routeOrder(sides: readonly (readonly string[] | null)[]): string[] {
  const out: string[] = [];
  for (const s of sides) for (const r of s ?? []) if (!out.includes(r)) out.push(r);
  return out;
}

/** A route's colour: its place among both sides' routes picks a theme series colour. */
export function routeColour(routes: readonly string[], route: string): string {
  const i = Math.max(0, routes.indexOf(route));
  return ROUTE_COLOURS[i % ROUTE_COLOURS.length];
}

export function formatValue(metric: CompareMetric, v: number): string {
  if (metric === 'failedShare') return `${+v.toFixed(v < 10 ? 1 : 0)}%`;
  if (metric === 'p99') return v >= 1000 ? `${+(v / 1000).toFixed(1)} s` : `${+v.toFixed(v < 10 ? 1 : 0)} ms`;
  return v >= 1000 ? `${+(v / 1000).toFixed(1)}k` : `${+v.toFixed(v < 10 ? 1 : 0)}`;
}

export interface ChartSpec {
  readonly metric: CompareMetric;
  readonly side: SideSeries;
  /** Both sides' routes (colours). */
  readonly routes: readonly string[];
  readonly yMax: number;
  readonly durationMs: number;
  readonly width: number;
  readonly height: number;
  /** Font size of tick labels, px. */
  readonly fontSize?: number;
}

const FONT = 'Inter, &quot;Segoe UI&quot;, system-ui, -apple-system, &quot;Helvetica Neue&quot;, Arial, sans-serif';

/** One chart as an `<svg>` element's markup (no XML head), with `data-*` for tests. */
export function chartSvg(c: ChartSpec): string {
  const fs = c.fontSize ?? 12;
  // Room on the right for half of the last time label ("3:00" is centred on the axis' end).
  const M = { top: 8, right: Math.round(fs * 1.6), bottom: fs + 12, left: fs * 4 + 8 };
  const w = Math.max(80, Math.round(c.width)), h = Math.max(60, Math.round(c.height));
  const x = d3.scaleLinear().domain([0, c.durationMs]).range([M.left, w - M.right]);
  const y = d3.scaleLinear().domain([0, c.yMax > 0 ? c.yMax * 1.08 : 1]).nice(4).range([h - M.bottom, M.top]);
  // A share never goes past 100 %.
  if (c.metric === 'failedShare' && y.domain()[1] > 100) y.domain([0, 100]);
  const p = THEME;
  const parts: string[] = [];
  const num = (n: number) => +n.toFixed(1);

  // Fault windows and timeline markers, under the lines.
  for (const m of c.side.markers) {
    if (m.t > c.durationMs) continue;
    const x0 = num(x(m.t));
    if (m.fault && m.untilT !== null) {
      const x1 = num(x(Math.min(m.untilT, c.durationMs)));
      parts.push(`<rect x="${x0}" y="${M.top}" width="${num(Math.max(1, x1 - x0))}" height="${num(h - M.bottom - M.top)}" fill="${p.fault}" fill-opacity="0.1"/>`);
    }
    parts.push(`<line x1="${x0}" x2="${x0}" y1="${M.top}" y2="${h - M.bottom}" stroke="${m.fault ? p.fault : p.muted}" stroke-opacity="0.7" stroke-width="1" stroke-dasharray="4 3"><title>${escapeXml(`${formatClock(m.t, 0)}  ${m.label}`)}</title></line>`);
  }
  // Grid and y ticks.
  for (const v of y.ticks(4)) {
    const yy = num(y(v));
    parts.push(`<line x1="${M.left}" x2="${w - M.right}" y1="${yy}" y2="${yy}" stroke="${p.grid}" stroke-width="1"/>`);
    parts.push(`<text x="${M.left - 6}" y="${yy}" dy="0.32em" text-anchor="end" fill="${p.muted}" font-size="${fs}" font-family="${FONT}">${escapeXml(formatValue(c.metric, v))}</text>`);
  }
  // x axis and time ticks.
  const base = h - M.bottom;
  parts.push(`<line x1="${M.left}" x2="${w - M.right}" y1="${base}" y2="${base}" stroke="${p.axis}" stroke-width="1"/>`);
  const nTicks = Math.max(2, Math.floor((w - M.left - M.right) / (fs * 7)));
  for (const t of x.ticks(nTicks)) {
    const xx = num(x(t));
    parts.push(`<line x1="${xx}" x2="${xx}" y1="${base}" y2="${base + 4}" stroke="${p.axis}"/>`);
    parts.push(`<text x="${xx}" y="${base + 6 + fs}" text-anchor="middle" fill="${p.muted}" font-size="${fs}" font-family="${FONT}">${escapeXml(formatClock(t, 0))}</text>`);
  }
  // One line per route. Intervals where nothing was answered (no latency, no share) are
  // bridged: during a stall those come and go, and broken lines read as scattered dots.
  const lines = metricLines(c.side, c.metric);
  const maxPoints = Math.max(2, Math.floor((w - M.left - M.right) / 2));
  const gen = d3.line<XY>().x((d) => x(d.t)).y((d) => y(d.v)).curve(d3.curveLinear).digits(1);
  let count = 0;
  for (const route of c.routes) {
    const pts = (lines[route] ?? []).filter((q) => Number.isFinite(q.v));
    if (pts.length === 0) continue;
    count += pts.length;
    const d = gen(decimate(pts, maxPoints)) ?? '';
    parts.push(`<path d="${d}" fill="none" stroke="${routeColour(c.routes, route)}" stroke-width="2.25" stroke-linejoin="round" stroke-linecap="round" data-route="${escapeXml(route)}"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" data-metric="${c.metric}" data-points="${count}" data-ymax="${num(y.domain()[1])}">${parts.join('')}</svg>`;
}
