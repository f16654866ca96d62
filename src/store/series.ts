/**
 * Chart data kept on the page: each route's series points appended as
 * snapshots arrive, bounded by merging neighbours when a run is long. Display
 * data only; the report's numbers come from the model.
 */
import type { SeriesPoint } from '../model/snapshot';

export interface ChartPoint {
  /** Interval start, ms of simulated time. */
  readonly t: number;
  /** Interval length, ms; NaN until the interval is known (the chart then uses the inferred one). */
  readonly dtMs: number;
  readonly requests: number;
  readonly errors: number;
  /** ms; NaN when nothing completed. */
  readonly p50: number;
  readonly p99: number;
}

export const seriesDefaults = {
  /** Points per route before neighbours are merged (flat memory for long runs). */
  maxPoints: 2400,
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
      arr.push({ t: p.t, dtMs: intervalMs ?? NaN, requests: p.requests, errors: p.errors, p50: p.p50, p99: p.p99 });
    }
    if (arr.length > seriesDefaults.maxPoints) arr = halve(arr, intervalMs ?? seriesDefaults.intervalMs);
    next[route] = arr;
  }
  return next ?? prev;
}

/** Merge neighbouring pairs: counts add, p50 weighted by requests, p99 the worse. */
function halve(arr: ChartPoint[], fallbackMs: number): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (let i = 0; i < arr.length; i += 2) {
    const a = arr[i], b = arr[i + 1];
    if (!b) { out.push(a); break; }
    const n = a.requests + b.requests;
    const p50 = isNaN(a.p50) ? b.p50 : isNaN(b.p50) ? a.p50 : n > 0 ? (a.p50 * a.requests + b.p50 * b.requests) / n : (a.p50 + b.p50) / 2;
    const p99 = isNaN(a.p99) ? b.p99 : isNaN(b.p99) ? a.p99 : Math.max(a.p99, b.p99);
    out.push({ t: a.t, dtMs: (a.dtMs || fallbackMs) + (b.dtMs || fallbackMs), requests: n, errors: a.errors + b.errors, p50, p99 });
  }
  return out;
}
