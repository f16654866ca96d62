/**
 * d3 drawing of the chart panel's time charts (SVG) over simulated time:
 * lines (per route, per service or one call), an optional red area
 * (failures per second), the last interval in words at the top right, and
 * the timeline's events (the file's and the live ones) as markers. Pure
 * drawing of a ChartSpec (chartView.ts); called at most a few times a second.
 */
import * as d3 from 'd3';
import type { ChartSpec } from './chartView';
import { formatClock } from './format';

/** Series colours are the theme's (theme.css, checked for colour-blind viewers): CSS variables, so a theme switch recolours without a redraw. */
export const ROUTE_COLOURS = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `var(--series-${i})`);
export const TOTAL_COLOUR = 'var(--series-total)';
export const ERROR_COLOUR = 'var(--series-error)';
/** Legend keys that are about a line's style, not its colour (p99 / p95 / p50), and the grey markers. */
export const KEY_COLOUR = 'var(--muted)';

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
  readonly intervalMs: number;
  readonly durationMs: number;
  readonly markers?: readonly ChartMarker[];
}

const M = { top: 10, right: 14, bottom: 24, left: 52 };

export interface XY { t: number; v: number }

function xDomain(f: ChartFrame, endMs: number): [number, number] {
  const floor = Math.min(f.durationMs || 30_000, 30_000);
  return [0, Math.max(endMs, floor)];
}

function frame(svg: SVGSVGElement, f: ChartFrame, spec: ChartSpec, yMax: number) {
  const root = d3.select(svg);
  const w = Math.max(50, f.width), h = Math.max(50, f.height);
  root.attr('viewBox', `0 0 ${w} ${h}`);
  const x = d3.scaleLinear().domain(xDomain(f, spec.endMs)).range([M.left, w - M.right]);
  const top = Math.max(spec.floorMax ?? 0, yMax > 0 ? yMax * 1.12 : 1);
  const y = d3.scaleLinear().domain([0, spec.percent ? Math.min(100, top) : top]).nice().range([h - M.bottom, M.top]);
  const yFormat = spec.percent ? (v: number) => `${+v.toFixed(1)}%` : compact;
  const ensure = (cls: string, tag = 'g') => {
    const key = cls.split(' ').pop();
    let sel = root.select<SVGGElement>(`${tag}.${key}`);
    if (sel.empty()) sel = root.append(tag).attr('class', cls) as unknown as d3.Selection<SVGGElement, unknown, null, undefined>;
    return sel;
  };
  const grid = ensure('grid');
  grid.attr('transform', `translate(${M.left},0)`)
    .call(d3.axisLeft(y).ticks(4).tickSize(-(w - M.left - M.right)).tickFormat(() => ''));
  const xTicks = Math.max(2, Math.floor((w - M.left - M.right) / 70));
  ensure('axis x-axis').attr('transform', `translate(0,${h - M.bottom})`)
    .call(d3.axisBottom(x).ticks(xTicks).tickFormat((d) => formatClock(+d, 0)).tickSizeOuter(0));
  ensure('axis y-axis').attr('transform', `translate(${M.left},0)`)
    .call(d3.axisLeft(y).ticks(4).tickFormat((d) => yFormat(+d)).tickSizeOuter(0));
  // Along the y axis, so the readout at the top right never runs into it.
  const label = ensure('axis-label', 'text');
  label.attr('transform', `translate(11,${(M.top + h - M.bottom) / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(spec.yLabel);
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
    .attr('stroke', (m) => (m.fault ? ERROR_COLOUR : KEY_COLOUR)).attr('stroke-opacity', 0.55)
    .attr('stroke-width', 1).attr('stroke-dasharray', '3 3');
  sel.select('title').text((m) => `${formatClock(m.t)}  ${m.label}`);
}

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

/** No points yet: an empty picture (the panel shows a hint instead of a bare axis). */
function clear(svg: SVGSVGElement): void {
  d3.select(svg).selectAll('*').remove();
  svg.dataset.points = '0';
  svg.dataset.lines = '0';
  svg.dataset.last = '';
}

/** Draw one chart; returns the number of series points behind it. */
export function drawChart(svg: SVGSVGElement, f: ChartFrame, spec: ChartSpec): number {
  if (spec.kind === 'throughput') svg.dataset.errorsLast = svg.dataset.errorsPeak = '0';
  if (spec.points === 0) {
    clear(svg);
    return 0;
  }
  let yMax = 0;
  for (const l of spec.lines) for (const d of l.points) if (Number.isFinite(d.v) && d.v > yMax) yMax = d.v;
  const { x, y, plot } = frame(svg, f, spec, yMax);
  const width = Math.abs(x.range()[1] - x.range()[0]);
  const max = Math.max(2, Math.floor(width / 2));

  // Failures per second as a red area under everything.
  const area = spec.area ? decimate(spec.area, max) : [];
  const areaGen = d3.area<XY>().defined((d) => Number.isFinite(d.v)).x((d) => x(d.t)).y0(y(0)).y1((d) => y(d.v))
    .curve(area.length > width / 6 ? d3.curveLinear : d3.curveMonotoneX);
  plot.selectAll<SVGPathElement, number>('path.errors').data(spec.area ? [0] : []).join('path')
    .attr('class', 'errors').attr('fill', ERROR_COLOUR).attr('fill-opacity', 0.35).attr('stroke', ERROR_COLOUR).attr('stroke-width', 1.25)
    .attr('d', areaGen(area) ?? '');

  const lines = spec.lines.map((l) => ({ ...l, points: decimate(l.points, max) }));
  // A smooth curve where points are few; straight segments (far cheaper) where they are dense.
  const dense = lines.some((l) => l.points.length > width / 6);
  const gen = d3.line<XY>().defined((d) => Number.isFinite(d.v)).x((d) => x(d.t)).y((d) => y(Math.min(d.v, y.domain()[1]))).curve(dense ? d3.curveLinear : d3.curveMonotoneX);
  plot.selectAll<SVGPathElement, (typeof lines)[number]>('path.line')
    .data(lines, (d) => d.key)
    .join('path')
    .attr('class', 'line')
    .attr('data-key', (d) => d.key)
    .attr('data-points', (d) => d.points.length)
    .attr('fill', 'none')
    .attr('stroke', (d) => d.colour)
    .attr('stroke-opacity', (d) => (d.opacity < 1 ? d.opacity : null))
    .attr('stroke-width', (d) => d.width)
    .attr('stroke-dasharray', (d) => d.dash)
    .attr('stroke-linejoin', 'round')
    .attr('stroke-linecap', 'round')
    .attr('d', (d) => gen(d.points) ?? '');

  plot.selectAll<SVGTextElement, number>('text.readout').data([0]).join('text')
    .attr('class', spec.readoutError ? 'readout err-readout' : 'readout')
    .attr('x', x.range()[1] - 4).attr('y', M.top + 10).attr('text-anchor', 'end')
    .text(spec.readout);

  svg.dataset.points = String(spec.points);
  svg.dataset.lines = String(spec.lines.length);
  svg.dataset.last = Number.isFinite(spec.last) ? String(Math.round(spec.last * 100) / 100) : '';
  if (spec.kind === 'throughput' && spec.area) {
    const a = spec.area;
    svg.dataset.errorsLast = String(Math.round((a[a.length - 1]?.v ?? 0) * 100) / 100);
    svg.dataset.errorsPeak = String(Math.round((d3.max(a, (d) => d.v) ?? 0) * 100) / 100);
  }
  return spec.points;
}

export function compact(v: number): string {
  if (v >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return `${+v.toFixed(1)}`;
}
