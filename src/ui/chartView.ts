/**
 * What each chart of the panel shows for a scope, as plain data (lines,
 * the errors area, legend keys, the title and its tooltip): throughput,
 * error share, latency p50/p95/p99 and utilisation, for all routes, one
 * route, one service or one call edge. Pure, from the store's chart points;
 * charts.ts draws it and the Export menu exports the same.
 */
import type { ScenarioMeta } from '../worker/protocol';
import { edgeKey, utilisationOf, type ChartPoint, type ChartSeries, type DetailSeries, type EdgeChartPoint, type ServiceChartPoint } from '../store/series';
import type { ChartScope } from './chartScope';
import { compact, ERROR_COLOUR, KEY_COLOUR, ROUTE_COLOURS, TOTAL_COLOUR, type XY } from './charts';

export type ChartKind = 'throughput' | 'errors' | 'latency' | 'utilisation';

export interface LegendKey {
  readonly label: string;
  readonly colour: string;
  readonly dash?: string;
  /** A filled box (an area), not a line. */
  readonly box?: boolean;
  readonly width?: number;
}

export interface ChartLine {
  readonly key: string;
  readonly colour: string;
  readonly dash: string | null;
  readonly width: number;
  /** 1 unless dimmed (a quiet service among many). */
  readonly opacity: number;
  points: XY[];
}

export interface ChartSpec {
  readonly kind: ChartKind;
  readonly title: string;
  /** What the figure is, for the title's tooltip. */
  readonly tip: string;
  readonly yLabel: string;
  /** Values are percentages (0..100). */
  readonly percent: boolean;
  /** The y axis reaches at least this (error share 5 %, utilisation 20 %: a small value does not fill the chart); null = the data's. */
  readonly floorMax: number | null;
  readonly lines: ChartLine[];
  /** Failures per second as a red area (throughput), or null. */
  readonly area: XY[] | null;
  readonly legend: LegendKey[];
  /** The chart's own keys or words under its title on the page (the scope's colours are in the panel header). */
  readonly sub: ChartSub;
  /** Series points behind the chart (0: nothing to draw yet). */
  readonly points: number;
  /** End of the last interval shown, ms. */
  readonly endMs: number;
  /** The last interval in words, top right ('' for none). */
  readonly readout: string;
  /** The readout is about failures (drawn red). */
  readonly readoutError: boolean;
  /** The main line's last finite value (NaN when none): what tests and the readout read. */
  readonly last: number;
}

export interface ChartSub {
  readonly keys: readonly LegendKey[];
  readonly text: string;
}

export interface ChartInputs {
  readonly scope: ChartScope;
  readonly meta: ScenarioMeta | null;
  readonly series: ChartSeries;
  readonly detail: DetailSeries;
  readonly intervalMs: number;
}

/** Line styles of the three percentiles (the colour says which route, service or call). */
export const PERCENTILE_STYLE = {
  p99: { dash: null, width: 1.75 },
  p95: { dash: '7 3', width: 1.5 },
  p50: { dash: '2 3', width: 1.5 },
} as const;

const ERRORS_KEY: LegendKey = { label: 'errors', colour: ERROR_COLOUR, box: true };
const PERCENTILE_KEYS: LegendKey[] = (['p99', 'p95', 'p50'] as const).map((p) => ({
  label: p, colour: KEY_COLOUR, width: PERCENTILE_STYLE[p].width, ...(PERCENTILE_STYLE[p].dash ? { dash: PERCENTILE_STYLE[p].dash } : {}),
}));

/** Utilisation lines drawn in colour (the busiest); the rest are thin and grey. */
export const UTILISATION_COLOURED = 8;
/** Utilisation legend keys at most, then "+N more": in an exported picture, and under the chart's title. */
export const UTILISATION_LEGEND = 5;
export const UTILISATION_SUB = 2;
/** How the busiest services are found: their mean over the last this many intervals (what is busy now). */
export const RECENT_POINTS = 30;

/** The charts a scope has: a call edge has no utilisation of its own. */
export function chartKinds(scope: ChartScope): ChartKind[] {
  return scope.kind === 'edge' ? ['throughput', 'errors', 'latency'] : ['throughput', 'errors', 'latency', 'utilisation'];
}

export const CHART_TITLES: Record<ChartKind, string> = {
  throughput: 'Throughput', errors: 'Error share', latency: 'Latency', utilisation: 'Utilisation',
};

const TIPS = {
  throughput: {
    routes: 'Requests per second the clients sent, per route, in each interval (white: all routes together). Red: the ones that failed: an error answer, a rejection (503, no instance) or a client timeout.',
    service: 'Requests per second that reached this service\'s instances in each interval (client requests, calls from other services and retries). Red: the ones it answered with an error or refused (queue full, instance gone).',
    edge: 'Calls per second from the caller to the callee in each interval (attempts: retries included). Red: attempts that failed (an error answer, a timeout, no instance) or that an open breaker or a full bulkhead refused.',
  },
  errors: {
    routes: 'Error share in each interval, %: failed requests ÷ requests, per route (white: all routes). Failed = an error answer, a rejection or a client timeout.',
    service: 'Error share in each interval, %: (requests this service answered with an error + requests it refused) ÷ requests that reached it.',
    edge: 'Error share of the calls in each interval, %: (failed attempts + calls refused by a breaker or bulkhead) ÷ (attempts + refused).',
  },
  latency: {
    routes: 'Latency percentiles of the requests answered in each interval, ms, per route: from the client sending a request to its answer (ok or error; rejections and timeouts are not in it). p99 solid, p95 long dashes, p50 short dashes.',
    service: 'Latency percentiles of the requests this service answered in each interval, ms: from arrival at an instance to its answer (waiting in the queue, working, waiting for its own calls). p99 solid, p95 long dashes, p50 short dashes.',
    edge: 'Latency percentiles of the calls answered in each interval, ms, as the caller sees them: from sending the call to its answer (the network, the callee\'s queue and work). Timed-out calls have no answer and are not in it.',
  },
  utilisation: {
    routes: 'Utilisation: busy workers ÷ workers of ready instances over each interval, %, per service (the busiest in colour); the CPU metric Kubernetes HPA reads. A gap: no instance was up.',
    service: 'Utilisation: busy workers ÷ workers of ready instances over each interval, %; the CPU metric Kubernetes HPA reads. A gap: no instance was up.',
    edge: '',
  },
} as const;

/** What a chart's figure is, in words (the title's tooltip). */
export function chartTip(kind: ChartKind, scope: ChartScope): string {
  return TIPS[kind][scope.kind === 'service' ? 'service' : scope.kind === 'edge' ? 'edge' : 'routes'];
}

/** The keys of what a scope draws, by colour: its routes (and their total), its service, or the calls; `errors`: the red area too. */
export function scopeKeys(scope: ChartScope, meta: ScenarioMeta | null, errors: boolean): LegendKey[] {
  const f = { scope, meta };
  if (scope.kind === 'service') {
    const keys: LegendKey[] = [{ label: serviceLabel(f, scope.service), colour: serviceColour(f, scope.service) }];
    return errors ? [...keys, { ...ERRORS_KEY, label: 'errors + refused' }] : keys;
  }
  if (scope.kind === 'edge') {
    const keys: LegendKey[] = [{ label: 'calls', colour: TOTAL_COLOUR }];
    return errors ? [...keys, { ...ERRORS_KEY, label: 'failed or refused' }] : keys;
  }
  const routes = scope.kind === 'route' ? [scope.route] : (meta?.routes ?? []);
  const keys: LegendKey[] = routes.map((r) => ({ label: r, colour: routeColour(f, r) }));
  if (routes.length > 1) keys.push({ label: 'total', colour: TOTAL_COLOUR, width: 2.5 });
  return errors ? [...keys, ERRORS_KEY] : keys;
}

/** The panel header's legend: the scope's colours (routes and their total, the service, the calls). */
export function headerLegend(scope: ChartScope, meta: ScenarioMeta | null): LegendKey[] {
  return scopeKeys(scope, meta, false);
}

/** What a chart says under its title, where that does not depend on the data (the busiest services do). */
export function chartSub(kind: ChartKind, scope: ChartScope, meta: ScenarioMeta | null): ChartSub {
  switch (kind) {
    case 'throughput': return { keys: scopeKeys(scope, meta, true).filter((k) => k.box), text: '' };
    case 'errors': return {
      keys: [],
      text: scope.kind === 'service' ? '(errors + refused) ÷ requests' : scope.kind === 'edge' ? '(failed + refused) ÷ (calls + refused)' : 'failed ÷ requests',
    };
    case 'latency': return { keys: PERCENTILE_KEYS, text: '' };
    case 'utilisation': return { keys: [], text: scope.kind === 'service' ? 'busy ÷ ready workers' : '' };
  }
}

/** A file-name suffix for a scoped export ('' for all routes): `-service-payment`, `-calls-front-back`. */
export function scopeFileSuffix(scope: ChartScope): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  switch (scope.kind) {
    case 'all': return '';
    case 'route': return `-route-${clean(scope.route)}`;
    case 'service': return `-service-${clean(scope.service)}`;
    case 'edge': return `-calls-${clean(scope.from)}-${clean(scope.to)}`;
  }
}

export function chartSpec(kind: ChartKind, f: ChartInputs): ChartSpec {
  switch (kind) {
    case 'throughput': return throughput(f);
    case 'errors': return errorShare(f);
    case 'latency': return latency(f);
    case 'utilisation': return utilisation(f);
  }
}

// ---- helpers ----------------------------------------------------------------

interface Timed { readonly t: number; readonly dtMs: number }

const dtOf = (p: Timed, intervalMs: number) => p.dtMs || intervalMs;
/** Interval midpoints: each value belongs to [t, t + dt). */
const mid = (p: Timed, intervalMs: number) => p.t + dtOf(p, intervalMs) / 2;
const perSec = (p: Timed, intervalMs: number, v: number) => v / (dtOf(p, intervalMs) / 1000);
/** failed / of, as a percentage; failures are counted when they end and requests when they start, so at most 100. */
const share = (failed: number, of: number) => (of > 0 ? Math.min(1, failed / of) * 100 : failed > 0 ? 100 : NaN);

function endOf(lists: readonly (readonly Timed[])[], intervalMs: number): number {
  let end = 0;
  for (const pts of lists) {
    const last = pts[pts.length - 1];
    if (last) end = Math.max(end, last.t + dtOf(last, intervalMs));
  }
  return end;
}

function lastFinite(points: readonly XY[]): number {
  for (let i = points.length - 1; i >= 0; i--) if (Number.isFinite(points[i]!.v)) return points[i]!.v;
  return NaN;
}

const line = (key: string, colour: string, points: XY[], width = 1.75, dash: string | null = null, opacity = 1): ChartLine =>
  ({ key, colour, dash, width, opacity, points });

/** A route's colour: its place among the scenario's routes, whatever the scope. */
function routeColour(f: Pick<ChartInputs, 'meta'>, route: string): string {
  const i = Math.max(0, f.meta?.routes.indexOf(route) ?? 0);
  return ROUTE_COLOURS[i % ROUTE_COLOURS.length]!;
}

/** A service's colour: its place among the scenario's services. */
function serviceColour(f: Pick<ChartInputs, 'meta'>, service: string): string {
  const i = Math.max(0, f.meta?.services.findIndex((s) => s.name === service) ?? 0);
  return ROUTE_COLOURS[i % ROUTE_COLOURS.length]!;
}

function serviceLabel(f: Pick<ChartInputs, 'meta'>, service: string): string {
  return f.meta?.services.find((s) => s.name === service)?.label ?? service;
}

/** The routes a scope shows (all, or the one). */
function routesOf(f: ChartInputs): readonly string[] {
  if (f.scope.kind === 'route') return [f.scope.route];
  return f.meta?.routes ?? Object.keys(f.series);
}

/** Per interval start: the routes' requests and failures added up. */
function totals(f: ChartInputs, routes: readonly string[]): { t: number; dtMs: number; requests: number; errors: number }[] {
  const by = new Map<number, { t: number; dtMs: number; requests: number; errors: number }>();
  for (const r of routes) {
    for (const p of f.series[r] ?? []) {
      const k = by.get(p.t) ?? { t: p.t, dtMs: p.dtMs, requests: 0, errors: 0 };
      k.requests += p.requests;
      k.errors += p.errors;
      by.set(p.t, k);
    }
  }
  return [...by.values()].sort((a, b) => a.t - b.t);
}

const countOf = (lists: readonly (readonly unknown[])[]) => lists.reduce((n, l) => n + l.length, 0);


function edgePoints(f: ChartInputs, scope: Extract<ChartScope, { kind: 'edge' }>): readonly EdgeChartPoint[] {
  return f.detail.edges[edgeKey(scope.from, scope.to)] ?? [];
}

function servicePoints(f: ChartInputs, service: string): readonly ServiceChartPoint[] {
  return f.detail.services[service] ?? [];
}

function base(kind: ChartKind, f: ChartInputs, yLabel: string): Pick<ChartSpec, 'kind' | 'title' | 'tip' | 'yLabel'> {
  return { kind, title: CHART_TITLES[kind], tip: chartTip(kind, f.scope), yLabel };
}

// ---- throughput ---------------------------------------------------------------

function throughput(f: ChartInputs): ChartSpec {
  const iv = f.intervalMs;
  const s = f.scope;
  if (s.kind === 'service' || s.kind === 'edge') {
    const isEdge = s.kind === 'edge';
    const pts: readonly (ServiceChartPoint | EdgeChartPoint)[] = isEdge ? edgePoints(f, s) : servicePoints(f, s.service);
    const count = (p: ServiceChartPoint | EdgeChartPoint) => ('calls' in p ? p.calls : p.requests);
    const colour = isEdge ? TOTAL_COLOUR : serviceColour(f, s.service);
    const main = pts.map((p) => ({ t: mid(p, iv), v: perSec(p, iv, count(p)) }));
    const failed = pts.map((p) => ({ t: mid(p, iv), v: perSec(p, iv, p.errors + p.rejected) }));
    const last = pts[pts.length - 1];
    const lastFailed = last ? perSec(last, iv, last.errors + last.rejected) : 0;
    const lastAll = last ? perSec(last, iv, count(last) + ('calls' in last ? last.rejected : 0)) : 0;
    return {
      ...base('throughput', f, isEdge ? 'calls / s' : 'requests / s'),
      percent: false, floorMax: null,
      lines: [line(isEdge ? 'calls' : s.service, colour, main, 2)],
      area: failed.some((d) => d.v > 0) ? failed : null,
      legend: scopeKeys(s, f.meta, true),
      sub: chartSub('throughput', s, f.meta),
      points: pts.length, endMs: endOf([pts], iv),
      readout: lastFailed > 0 ? `failed ${compact(lastFailed)}/s · ${Math.round(share(lastFailed, lastAll))}%` : '',
      readoutError: true,
      last: lastFinite(main),
    };
  }
  const routes = routesOf(f);
  const lines = routes.map((r) => line(r, routeColour(f, r), (f.series[r] ?? []).map((p: ChartPoint) => ({ t: mid(p, iv), v: perSec(p, iv, p.requests) }))));
  const tot = totals(f, routes);
  const total = tot.map((p) => ({ t: mid(p, iv), v: perSec(p, iv, p.requests), e: perSec(p, iv, p.errors) }));
  if (routes.length > 1) lines.push(line('total', TOTAL_COLOUR, total.map(({ t, v }) => ({ t, v })), 2.25));
  const last = total[total.length - 1];
  return {
    ...base('throughput', f, 'requests / s'),
    percent: false, floorMax: null,
    lines,
    area: total.some((d) => d.e > 0) ? total.map(({ t, e }) => ({ t, v: e })) : null,
    legend: scopeKeys(f.scope, f.meta, true),
    sub: chartSub('throughput', f.scope, f.meta),
    points: countOf(routes.map((r) => f.series[r] ?? [])),
    endMs: endOf(routes.map((r) => f.series[r] ?? []), iv),
    readout: last && last.e > 0 ? `errors ${compact(last.e)}/s · ${Math.round(Math.min(1, last.v > 0 ? last.e / last.v : 1) * 100)}%` : '',
    readoutError: true,
    last: last ? last.v : NaN,
  };
}

// ---- error share ----------------------------------------------------------------

function errorShare(f: ChartInputs): ChartSpec {
  const iv = f.intervalMs;
  const s = f.scope;
  const common = { percent: true, floorMax: 5, area: null, readoutError: true } as const;
  if (s.kind === 'service' || s.kind === 'edge') {
    const isEdge = s.kind === 'edge';
    const pts: readonly (ServiceChartPoint | EdgeChartPoint)[] = isEdge ? edgePoints(f, s) : servicePoints(f, s.service);
    const colour = isEdge ? TOTAL_COLOUR : serviceColour(f, s.service);
    const main = pts.map((p) => ({
      t: mid(p, iv),
      v: 'calls' in p ? share(p.errors + p.rejected, p.calls + p.rejected) : share(p.errors + p.rejected, p.requests),
    }));
    const last = lastFinite(main);
    return {
      ...base('errors', f, 'failed, %'),
      ...common,
      lines: [line(isEdge ? 'calls' : s.service, colour, main, 2)],
      legend: scopeKeys(s, f.meta, false),
      sub: chartSub('errors', s, f.meta),
      points: pts.length, endMs: endOf([pts], iv),
      readout: Number.isFinite(last) && last > 0 ? formatPercent(last) : '',
      last,
    };
  }
  const routes = routesOf(f);
  const lines = routes.map((r) => line(r, routeColour(f, r), (f.series[r] ?? []).map((p) => ({ t: mid(p, iv), v: share(p.errors, p.requests) }))));
  const total = totals(f, routes).map((p) => ({ t: mid(p, iv), v: share(p.errors, p.requests) }));
  if (routes.length > 1) lines.push(line('total', TOTAL_COLOUR, total, 2.25));
  const last = lastFinite(total);
  return {
    ...base('errors', f, 'failed, %'),
    ...common,
    lines, legend: scopeKeys(f.scope, f.meta, false),
    sub: chartSub('errors', f.scope, f.meta),
    points: countOf(routes.map((r) => f.series[r] ?? [])),
    endMs: endOf(routes.map((r) => f.series[r] ?? []), iv),
    readout: Number.isFinite(last) && last > 0 ? formatPercent(last) : '',
    last,
  };
}

// ---- latency ------------------------------------------------------------------

function latency(f: ChartInputs): ChartSpec {
  const iv = f.intervalMs;
  const s = f.scope;
  const three = (key: string, colour: string, pts: readonly (Timed & { p50: number; p95: number; p99: number })[]): ChartLine[] =>
    (['p99', 'p95', 'p50'] as const).map((q) =>
      line(`${key} ${q}`, colour, pts.map((p) => ({ t: mid(p, iv), v: p[q] })), PERCENTILE_STYLE[q].width, PERCENTILE_STYLE[q].dash));
  let lines: ChartLine[], lists: (readonly Timed[])[];
  if (s.kind === 'service') {
    const pts = servicePoints(f, s.service);
    const colour = serviceColour(f, s.service);
    lines = three(s.service, colour, pts);
    lists = [pts];
  } else if (s.kind === 'edge') {
    const pts = edgePoints(f, s);
    lines = three('calls', TOTAL_COLOUR, pts);
    lists = [pts];
  } else {
    const routes = routesOf(f);
    lines = routes.flatMap((r) => three(r, routeColour(f, r), f.series[r] ?? []));
    lists = routes.map((r) => f.series[r] ?? []);
  }
  // No total line here: percentiles do not add up.
  const legend = [...scopeKeys(s, f.meta, false).filter((k) => s.kind === 'edge' || k.colour !== TOTAL_COLOUR), ...PERCENTILE_KEYS];
  const p99 = lines.length === 3 ? lastFinite(lines[0]!.points) : NaN;
  return {
    ...base('latency', f, 'latency, ms'),
    percent: false, floorMax: null, area: null,
    lines, legend,
    sub: chartSub('latency', s, f.meta),
    points: countOf(lists), endMs: endOf(lists, iv),
    readout: Number.isFinite(p99) ? `p99 ${compact(p99)} ms` : '',
    readoutError: false,
    last: p99,
  };
}

// ---- utilisation ---------------------------------------------------------------

/** The services a route's requests can reach: its workloads' services and what they call, transitively. */
export function servicesOfRoute(meta: ScenarioMeta, route: string): string[] {
  const calls = new Map(meta.services.map((s) => [s.name, s.calls] as const));
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const c of calls.get(name) ?? []) visit(c);
  };
  for (const w of meta.workloads) if (w.route === route) visit(w.service);
  return meta.services.map((s) => s.name).filter((n) => seen.has(n));
}

function utilisation(f: ChartInputs): ChartSpec {
  const iv = f.intervalMs;
  const s = f.scope;
  const pointsOf = (name: string) => servicePoints(f, name).map((p) => ({ t: mid(p, iv), v: utilisationOf(p) * 100 }));
  const common = { ...base('utilisation', f, 'busy workers, %'), percent: true, floorMax: 20, area: null, readoutError: false } as const;
  if (s.kind === 'service') {
    const pts = servicePoints(f, s.service);
    const colour = serviceColour(f, s.service);
    const main = pointsOf(s.service);
    const last = lastFinite(main);
    return {
      ...common,
      lines: [line(s.service, colour, main, 2)],
      legend: [{ label: serviceLabel(f, s.service), colour }],
      sub: chartSub('utilisation', s, f.meta),
      points: pts.length, endMs: endOf([pts], iv),
      readout: Number.isFinite(last) ? formatPercent(last) : '',
      last,
    };
  }
  const names = s.kind === 'route' && f.meta ? servicesOfRoute(f.meta, s.route) : (f.meta?.services.map((x) => x.name) ?? Object.keys(f.detail.services));
  // The busiest lately (mean of the recent intervals) in colour, in that order; the rest thin and grey.
  const ranked = names.map((name) => {
    const pts = pointsOf(name);
    let sum = 0, n = 0;
    for (let i = Math.max(0, pts.length - RECENT_POINTS); i < pts.length; i++) if (Number.isFinite(pts[i]!.v)) { sum += pts[i]!.v; n++; }
    return { name, pts, mean: n > 0 ? sum / n : -1, last: lastFinite(pts) };
  }).sort((a, b) => b.mean - a.mean);
  const lines = ranked.map((r, i) => i < UTILISATION_COLOURED
    ? line(r.name, serviceColour(f, r.name), r.pts, 1.75)
    : line(r.name, KEY_COLOUR, r.pts, 1, null, 0.45));
  // Grey ones first, so the coloured ones are drawn over them.
  lines.reverse();
  const keys = (n: number): LegendKey[] => {
    const out: LegendKey[] = ranked.slice(0, Math.min(n, UTILISATION_COLOURED)).map((r) => ({ label: serviceLabel(f, r.name), colour: serviceColour(f, r.name) }));
    const more = ranked.length - out.length;
    if (more > 0) out.push({ label: `+${more} more`, colour: KEY_COLOUR, width: 1 });
    return out;
  };
  const legend = keys(UTILISATION_LEGEND);
  const lists = names.map((n) => servicePoints(f, n));
  // The readout names the busiest in the last interval.
  let top: (typeof ranked)[number] | undefined;
  for (const r of ranked) if (Number.isFinite(r.last) && (!top || r.last > top.last)) top = r;
  const last = top ? top.last : NaN;
  return {
    ...common,
    lines, legend,
    sub: { keys: keys(UTILISATION_SUB), text: '' },
    points: countOf(lists), endMs: endOf(lists, iv),
    readout: top && Number.isFinite(last) ? `${serviceLabel(f, top.name)} ${formatPercent(last)}` : '',
    last,
  };
}

// ---- numbers ------------------------------------------------------------------

/** A percentage for a readout: whole above 10, one decimal below. */
export function formatPercent(v: number): string {
  return `${v >= 10 ? Math.round(v) : +v.toFixed(1)}%`;
}
