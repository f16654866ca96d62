/**
 * Chart data kept on the page: each route's series points appended as
 * snapshots arrive, bounded by merging neighbours when a run is long. Display
 * data only; the report's numbers come from the model.
 */
import type { EdgeSeriesPoint, SeriesPoint, ServiceSeriesPoint } from '../model/snapshot';

export interface ChartPoint {
  /** Interval start, ms of simulated time. */
  readonly t: number;
  /** Interval length, ms; NaN until the interval is known (the chart then uses the inferred one). */
  readonly dtMs: number;
  readonly requests: number;
  readonly errors: number;
  /** ms; NaN when nothing completed. */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export const seriesDefaults = {
  /**
   * Points per series (route, service, call) before neighbours are merged:
   * flat memory for long runs. A chart is at most ~450 px wide, so 900 points
   * still give two per pixel; a 15-minute run at 1 s intervals keeps every one.
   */
  maxPoints: 900,
  intervalMs: 1000,
} as const;

export type ChartSeries = Readonly<Record<string, readonly ChartPoint[]>>;

/** Append new points; returns a new object only for routes that changed. */
export function appendSeries(
  prev: ChartSeries,
  incoming: Readonly<Record<string, readonly SeriesPoint[]>>,
  intervalMs: number | null,
): ChartSeries {
  let next: Record<string, readonly ChartPoint[]> | null = null;
  for (const [route, points] of Object.entries(incoming)) {
    if (points.length === 0) continue;
    next ??= { ...prev };
    let arr = [...(prev[route] ?? [])];
    for (const p of points) {
      arr.push({ t: p.t, dtMs: intervalMs ?? NaN, requests: p.requests, errors: p.errors, p50: p.p50, p95: p.p95, p99: p.p99 });
    }
    if (arr.length > seriesDefaults.maxPoints) arr = halve(arr, intervalMs ?? seriesDefaults.intervalMs);
    next[route] = arr;
  }
  return next ?? prev;
}

/** Merge neighbouring pairs: counts add, p50 weighted by requests, p95 and p99 the worse. */
function halve(arr: ChartPoint[], fallbackMs: number): ChartPoint[] {
  return halveBy(arr, (a, b) => {
    const n = a.requests + b.requests;
    return {
      t: a.t, dtMs: (a.dtMs || fallbackMs) + (b.dtMs || fallbackMs), requests: n, errors: a.errors + b.errors,
      p50: mergedP50(a.p50, a.requests, b.p50, b.requests), p95: worse(a.p95, b.p95), p99: worse(a.p99, b.p99),
    };
  });
}

function halveBy<P>(arr: readonly P[], merge: (a: P, b: P) => P): P[] {
  const out: P[] = [];
  for (let i = 0; i < arr.length; i += 2) {
    const a = arr[i]!, b = arr[i + 1];
    out.push(b === undefined ? a : merge(a, b));
  }
  return out;
}

const worse = (a: number, b: number): number => (isNaN(a) ? b : isNaN(b) ? a : Math.max(a, b));
function mergedP50(a: number, na: number, b: number, nb: number): number {
  if (isNaN(a)) return b;
  if (isNaN(b)) return a;
  return na + nb > 0 ? (a * na + b * nb) / (na + nb) : (a + b) / 2;
}

// ---- per service and per call edge -------------------------------------

/** One interval of a service on the page. Utilisation is busy / workers (utilisationOf), exact after merging too. */
export type ServiceChartPoint = Omit<ServiceSeriesPoint, 'utilization'> & {
  /** Interval length, ms (merged points span several). */
  readonly dtMs: number;
};

/** One interval of a call edge on the page. */
export type EdgeChartPoint = EdgeSeriesPoint & {
  readonly dtMs: number;
};

export interface DetailSeries {
  /** By service name. */
  readonly services: Readonly<Record<string, readonly ServiceChartPoint[]>>;
  /** By edgeKey(from, to). */
  readonly edges: Readonly<Record<string, readonly EdgeChartPoint[]>>;
}

export const emptyDetail: DetailSeries = Object.freeze({ services: Object.freeze({}), edges: Object.freeze({}) });

/** The key of a call edge's series, as the model's snapshots key them (`from->to`; names cannot hold `>`). */
export function edgeKey(from: string, to: string): string {
  return `${from}->${to}`;
}

/** busy / workers over the point's time (0..1); NaN when no instance was up. */
export function utilisationOf(p: ServiceChartPoint): number {
  return p.workers > 0 ? p.busy / p.workers : NaN;
}

/** Append a snapshot's service and edge points (only the keys it carries); same object when nothing came. */
export function appendDetail(
  prev: DetailSeries,
  services: Readonly<Record<string, readonly ServiceSeriesPoint[]>> | undefined,
  edges: Readonly<Record<string, readonly EdgeSeriesPoint[]>> | undefined,
  intervalMs: number | null,
): DetailSeries {
  const fallback = intervalMs ?? seriesDefaults.intervalMs;
  const dt = intervalMs ?? NaN;
  const s = appendEach(prev.services, services, (p): ServiceChartPoint => ({
    t: p.t, dtMs: dt, requests: p.requests, errors: p.errors, rejected: p.rejected, busy: p.busy, workers: p.workers, p50: p.p50, p95: p.p95, p99: p.p99,
  }), (arr) => halveBy(arr, (a, b) => mergeService(a, b, fallback)));
  const e = appendEach(prev.edges, edges, (p): EdgeChartPoint => ({
    t: p.t, dtMs: dt, calls: p.calls, errors: p.errors, rejected: p.rejected, p50: p.p50, p95: p.p95, p99: p.p99,
  }), (arr) => halveBy(arr, (a, b) => mergeEdge(a, b, fallback)));
  return s === prev.services && e === prev.edges ? prev : { services: s, edges: e };
}

function appendEach<In, Out>(
  prev: Readonly<Record<string, readonly Out[]>>,
  incoming: Readonly<Record<string, readonly In[]>> | undefined,
  convert: (p: In) => Out,
  halveAll: (arr: Out[]) => Out[],
): Readonly<Record<string, readonly Out[]>> {
  let next: Record<string, readonly Out[]> | null = null;
  for (const [key, points] of Object.entries(incoming ?? {})) {
    if (points.length === 0) continue;
    next ??= { ...prev };
    let arr = (prev[key] ?? []).concat(points.map(convert));
    if (arr.length > seriesDefaults.maxPoints) arr = halveAll(arr);
    next[key] = arr;
  }
  return next ?? prev;
}

/** Busy and workers are time averages: weighted by each point's time, so busy / workers stays the ratio of the areas. */
function mergeService(a: ServiceChartPoint, b: ServiceChartPoint, fallbackMs: number): ServiceChartPoint {
  const da = a.dtMs || fallbackMs, db = b.dtMs || fallbackMs;
  const n = a.requests + b.requests;
  return {
    t: a.t, dtMs: da + db, requests: n, errors: a.errors + b.errors, rejected: a.rejected + b.rejected,
    busy: (a.busy * da + b.busy * db) / (da + db), workers: (a.workers * da + b.workers * db) / (da + db),
    p50: mergedP50(a.p50, a.requests, b.p50, b.requests), p95: worse(a.p95, b.p95), p99: worse(a.p99, b.p99),
  };
}

function mergeEdge(a: EdgeChartPoint, b: EdgeChartPoint, fallbackMs: number): EdgeChartPoint {
  return {
    t: a.t, dtMs: (a.dtMs || fallbackMs) + (b.dtMs || fallbackMs), calls: a.calls + b.calls, errors: a.errors + b.errors, rejected: a.rejected + b.rejected,
    p50: mergedP50(a.p50, a.calls, b.p50, b.calls), p95: worse(a.p95, b.p95), p99: worse(a.p99, b.p99),
  };
}
