/**
 * d3 drawing of the two time charts (SVG): throughput (req/s per route, total,
 * errors) and latency (p50 dashed, p99 solid per route) over simulated time,
 * with the timeline's events (the file's and the live ones) as markers.
 * Pure drawing from chart points; called when the store's series change.
 */
import * as d3 from 'd3';
import type { ChartPoint, ChartSeries } from '../store';
import { formatClock } from './format';

export const ROUTE_COLOURS = ['#4fb3ff', '#3ddc97', '#f6c453', '#b48cff', '#ff9f6b', '#5ee0e0', '#ff7eb6', '#a3e635'];
export const TOTAL_COLOUR = '#e6edf7';
export const ERROR_COLOUR = '#ff6b6b';

/** A timeline event drawn on a chart: when, and a few words. */
export interface ChartMarker {
  readonly t: number;
  readonly label: string;
  /** A fault or a kill (red), or another change (load, scaling: grey). */
  readonly fault: boolean;
}

export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly routes: readonly string[];
  readonly series: ChartSeries;
  readonly intervalMs: number;
  readonly durationMs: number;
  readonly markers?: readonly ChartMarker[];
}

const M = { top: 10, right: 16, bottom: 24, left: 50 };

export interface XY { t: number; v: number }

function perSec(p: ChartPoint, intervalMs: number, v: number): number {
  const dt = p.dtMs || intervalMs;
  return dt > 0 ? v / (dt / 1000) : 0;
}

function xDomain(f: ChartFrame): [number, number] {
  let end = 0;
  for (const r of f.routes) {
    const pts = f.series[r];
    if (pts && pts.length) {
      const last = pts[pts.length - 1];
      end = Math.max(end, last.t + (last.dtMs || f.intervalMs));
    }
  }
  const floor = Math.min(f.durationMs || 30_000, 30_000);
  return [0, Math.max(end, floor)];
}

function frame(svg: SVGSVGElement, f: ChartFrame, yMax: number, yLabel: string, yFormat: (v: number) => string) {
  const root = d3.select(svg);
  const w = Math.max(50, f.width), h = Math.max(50, f.height);
  root.attr('viewBox', `0 0 ${w} ${h}`);
  const x = d3.scaleLinear().domain(xDomain(f)).range([M.left, w - M.right]);
  const y = d3.scaleLinear().domain([0, yMax > 0 ? yMax * 1.12 : 1]).nice().range([h - M.bottom, M.top]);
  const ensure = (cls: string, tag = 'g') => {
    const key = cls.split(' ').pop();
    let sel = root.select<SVGGElement>(`${tag}.${key}`);
    if (sel.empty()) sel = root.append(tag).attr('class', cls) as unknown as d3.Selection<SVGGElement, unknown, null, undefined>;
    return sel;
  };
  const grid = ensure('grid');
  grid.attr('transform', `translate(${M.left},0)`)
    .call(d3.axisLeft(y).ticks(4).tickSize(-(w - M.left - M.right)).tickFormat(() => ''));
  const xTicks = Math.max(2, Math.floor((w - M.left - M.right) / 80));
  ensure('axis x-axis').attr('transform', `translate(0,${h - M.bottom})`)
    .call(d3.axisBottom(x).ticks(xTicks).tickFormat((d) => formatClock(+d, 0)).tickSizeOuter(0));
  ensure('axis y-axis').attr('transform', `translate(${M.left},0)`)
    .call(d3.axisLeft(y).ticks(4).tickFormat((d) => yFormat(+d)).tickSizeOuter(0));
  const label = ensure('axis-label', 'text');
  label.attr('x', M.left + 6).attr('y', M.top + 10).text(yLabel);
  drawMarkers(ensure('markers'), x, f, h);
  const plot = ensure('plot');
  return { x, y, plot };
}

/** Timeline events inside the drawn time range: a dashed line each, its words on hover (<title>). */
function drawMarkers(g: d3.Selection<SVGGElement, unknown, null, undefined>, x: d3.ScaleLinear<number, number>, f: ChartFrame, h: number) {
  const [t0, t1] = x.domain();
  const shown = (f.markers ?? []).filter((m) => m.t >= t0 && m.t <= t1);
  const sel = g.selectAll<SVGGElement, ChartMarker>('g.marker')
    .data(shown, (m) => `${m.t}|${m.label}`)
    .join((enter) => {
      const m = enter.append('g').attr('class', 'marker');
      m.append('line');
      m.append('title');
      return m;
    });
  sel.attr('data-fault', (m) => String(m.fault));
  sel.select('line')
    .attr('x1', (m) => x(m.t)).attr('x2', (m) => x(m.t)).attr('y1', M.top).attr('y2', h - M.bottom)
    .attr('stroke', (m) => (m.fault ? ERROR_COLOUR : '#8a9ab5')).attr('stroke-opacity', 0.55)
    .attr('stroke-width', 1).attr('stroke-dasharray', '3 3');
  sel.select('title').text((m) => `${formatClock(m.t)}  ${m.label}`);
}

type Line = { key: string; colour: string; dash: string | null; width: number; points: XY[] };

/**
 * At most about one point per two pixels: a long run has thousands of
 * intervals, more than a chart has pixels. Keeps each bucket's extreme (so a
 * spike is not smoothed away) and the last point.
 */
export function decimate(points: readonly XY[], maxPoints: number): XY[] {
  if (points.length <= maxPoints || maxPoints < 2) return points as XY[];
  const out: XY[] = [];
  const size = points.length / maxPoints;
  for (let b = 0; b < maxPoints; b++) {
    const from = Math.floor(b * size), to = Math.min(points.length, Math.floor((b + 1) * size));
    let pick = points[from]!;
    for (let i = from + 1; i < to; i++) {
      const p = points[i]!;
      if (Number.isFinite(p.v) && (!Number.isFinite(pick.v) || Math.abs(p.v) > Math.abs(pick.v))) pick = p;
    }
    out.push(pick);
  }
  const last = points[points.length - 1]!;
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

function drawLines(plot: d3.Selection<SVGGElement, unknown, null, undefined>, x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>, lines: Line[]) {
  const width = Math.abs(x.range()[1] - x.range()[0]);
  const max = Math.max(2, Math.floor(width / 2));
  for (const l of lines) l.points = decimate(l.points, max);
  // A smooth curve where points are few; straight segments (far cheaper) where they are dense.
  const dense = lines.some((l) => l.points.length > width / 6);
  const gen = d3.line<XY>().defined((d) => Number.isFinite(d.v)).x((d) => x(d.t)).y((d) => y(d.v)).curve(dense ? d3.curveLinear : d3.curveMonotoneX);
  plot.selectAll<SVGPathElement, Line>('path.line')
    .data(lines, (d) => d.key)
    .join('path')
    .attr('class', 'line')
    .attr('data-key', (d) => d.key)
    .attr('data-points', (d) => d.points.length)
    .attr('fill', 'none')
    .attr('stroke', (d) => d.colour)
    .attr('stroke-width', (d) => d.width)
    .attr('stroke-dasharray', (d) => d.dash)
    .attr('stroke-linejoin', 'round')
    .attr('stroke-linecap', 'round')
    .attr('d', (d) => gen(d.points) ?? '');
}

/** Interval midpoints: each value belongs to [t, t + dt). */
const mid = (p: ChartPoint, intervalMs: number) => p.t + (p.dtMs || intervalMs) / 2;

/** No points yet: an empty picture (the panel shows a hint instead of a bare axis). */
function clearIfEmpty(svg: SVGSVGElement, f: ChartFrame): boolean {
  const empty = f.routes.every((r) => !(f.series[r]?.length));
  if (empty) {
    d3.select(svg).selectAll('*').remove();
    svg.dataset.points = '0';
  }
  return empty;
}

export function drawThroughput(svg: SVGSVGElement, f: ChartFrame): number {
  if (clearIfEmpty(svg, f)) {
    svg.dataset.errorsLast = svg.dataset.errorsPeak = '0';
    return 0;
  }
  const lines: Line[] = [];
  const totals = new Map<number, { t: number; v: number; e: number }>();
  let count = 0;
  f.routes.forEach((route, i) => {
    const pts = f.series[route] ?? [];
    count += pts.length;
    lines.push({
      key: route, colour: ROUTE_COLOURS[i % ROUTE_COLOURS.length], dash: null, width: 1.75,
      points: pts.map((p) => ({ t: mid(p, f.intervalMs), v: perSec(p, f.intervalMs, p.requests) })),
    });
    for (const p of pts) {
      const k = totals.get(p.t) ?? { t: mid(p, f.intervalMs), v: 0, e: 0 };
      k.v += perSec(p, f.intervalMs, p.requests);
      k.e += perSec(p, f.intervalMs, p.errors);
      totals.set(p.t, k);
    }
  });
  const total = [...totals.values()].sort((a, b) => a.t - b.t);
  if (f.routes.length > 1) lines.push({ key: 'total', colour: TOTAL_COLOUR, dash: null, width: 2.25, points: total });
  const yMax = d3.max(total, (d) => d.v) ?? 0;
  const { x, y, plot } = frame(svg, f, yMax, 'requests / s', compact);
  // Errors per second as a red area under everything.
  const plotW = Math.abs(x.range()[1] - x.range()[0]);
  const errs = decimate(total.map((d) => ({ t: d.t, v: d.e })), Math.max(2, Math.floor(plotW / 2)));
  const area = d3.area<XY>().x((d) => x(d.t)).y0(y(0)).y1((d) => y(d.v)).curve(errs.length > plotW / 6 ? d3.curveLinear : d3.curveMonotoneX);
  plot.selectAll<SVGPathElement, number>('path.errors').data([0]).join('path')
    .attr('class', 'errors').attr('fill', ERROR_COLOUR).attr('fill-opacity', 0.35).attr('stroke', ERROR_COLOUR).attr('stroke-width', 1.25)
    .attr('d', total.some((d) => d.e > 0) ? area(errs) ?? '' : '');
  drawLines(plot, x, y, lines);
  // The last interval's errors, in words, at the top right: a rise is read, not only seen.
  const last = total[total.length - 1];
  const readout = last && last.e > 0 ? `errors ${compact(last.e)}/s · ${Math.round(Math.min(1, last.v > 0 ? last.e / last.v : 1) * 100)}%` : '';
  plot.selectAll<SVGTextElement, number>('text.err-readout').data([0]).join('text')
    .attr('class', 'err-readout').attr('x', x.range()[1] - 4).attr('y', M.top + 10).attr('text-anchor', 'end')
    .text(readout);
  svg.dataset.points = String(count);
  svg.dataset.errorsLast = last ? String(Math.round(last.e * 100) / 100) : '0';
  svg.dataset.errorsPeak = String(Math.round((d3.max(total, (d) => d.e) ?? 0) * 100) / 100);
  return count;
}

export function drawLatency(svg: SVGSVGElement, f: ChartFrame): number {
  if (clearIfEmpty(svg, f)) return 0;
  const lines: Line[] = [];
  let yMax = 0;
  let count = 0;
  f.routes.forEach((route, i) => {
    const pts = f.series[route] ?? [];
    count += pts.length;
    const colour = ROUTE_COLOURS[i % ROUTE_COLOURS.length];
    const p99 = pts.map((p) => ({ t: mid(p, f.intervalMs), v: p.p99 }));
    const p50 = pts.map((p) => ({ t: mid(p, f.intervalMs), v: p.p50 }));
    for (const d of p99) if (Number.isFinite(d.v)) yMax = Math.max(yMax, d.v);
    lines.push({ key: `${route} p99`, colour, dash: null, width: 1.75, points: p99 });
    lines.push({ key: `${route} p50`, colour, dash: '4 3', width: 1.5, points: p50 });
  });
  const { x, y, plot } = frame(svg, f, yMax, 'latency, ms', compact);
  drawLines(plot, x, y, lines);
  svg.dataset.points = String(count);
  return count;
}

function compact(v: number): string {
  if (v >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(1)}`;
}
