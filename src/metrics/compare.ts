/**
 * Two reports side by side: per route and per service, each figure on the
 * left and the right, right − left, the change in % and whether that is
 * better or worse. Pure: shared by the CLI's `--compare` and the page's
 * compare view, so both say the same thing about the same two runs.
 */
import type { Report, RouteReport, ServiceReport } from './report';

/** Which way a figure should move; neutral ones (request counts, utilisation) are shown, never judged. */
export type Direction = 'lower' | 'higher' | 'neutral';
export type Verdict = 'better' | 'worse' | 'same' | 'neutral' | 'n/a';

export interface DeltaValue {
  /** null when the route or service exists on one side only, or the figure is not a number. */
  readonly left: number | null;
  readonly right: number | null;
  /** right − left; null when a side is missing. */
  readonly delta: number | null;
  /** (right − left) / |left| × 100; 0 when both are 0; null when left is 0 and right is not, or a side is missing. */
  readonly pct: number | null;
  readonly verdict: Verdict;
}

/** Figures compared per route, and which way is better. */
export const ROUTE_FIGURES = {
  requests: 'neutral',
  ok: 'higher',
  /** errors + rejected + timeouts. */
  failed: 'lower',
  errors: 'lower',
  rejected: 'lower',
  timeouts: 'lower',
  /** failed / (requests − in flight), 0..1. */
  failedShare: 'lower',
  degraded: 'lower',
  latencyMeanMs: 'lower',
  latencyP50Ms: 'lower',
  latencyP95Ms: 'lower',
  latencyP99Ms: 'lower',
  latencyMaxMs: 'lower',
} as const satisfies Record<string, Direction>;

/** Figures compared per service. */
export const SERVICE_FIGURES = {
  requests: 'neutral',
  errors: 'lower',
  rejected: 'lower',
  utilization: 'neutral',
  instancesMax: 'neutral',
  queueWaitMeanMs: 'lower',
  queueWaitP99Ms: 'lower',
  wastedMs: 'lower',
  breakersOpened: 'neutral',
} as const satisfies Record<string, Direction>;

export type RouteFigure = keyof typeof ROUTE_FIGURES;
export type ServiceFigure = keyof typeof SERVICE_FIGURES;

export interface ExpectationTally {
  readonly passed: number;
  readonly total: number;
}

export interface CompareDelta {
  /** Routes of the left report in its order, then those only the right has. */
  readonly routes: Readonly<Record<string, Readonly<Record<RouteFigure, DeltaValue>>>>;
  readonly services: Readonly<Record<string, Readonly<Record<ServiceFigure, DeltaValue>>>>;
  readonly expectations: { readonly left: ExpectationTally; readonly right: ExpectationTally };
  /** Whether the two runs used the same seed (a comparison on different seeds mixes design and luck). */
  readonly sameSeed: boolean;
}

export function routeFigures(r: RouteReport): Record<RouteFigure, number> {
  const failed = r.errors + r.rejected + r.timeouts;
  const done = r.requests - r.inFlight;
  return {
    requests: r.requests, ok: r.ok, failed, errors: r.errors, rejected: r.rejected, timeouts: r.timeouts,
    failedShare: done > 0 ? failed / done : 0, degraded: r.degraded,
    latencyMeanMs: r.latencyMs.mean, latencyP50Ms: r.latencyMs.p50, latencyP95Ms: r.latencyMs.p95,
    latencyP99Ms: r.latencyMs.p99, latencyMaxMs: r.latencyMs.max,
  };
}

export function serviceFigures(s: ServiceReport): Record<ServiceFigure, number> {
  return {
    requests: s.requests, errors: s.errors, rejected: s.rejected, utilization: s.utilization,
    instancesMax: s.instances.max, queueWaitMeanMs: s.queueWaitMs.mean, queueWaitP99Ms: s.queueWaitMs.p99,
    wastedMs: s.wastedMs, breakersOpened: Object.values(s.breakers).reduce((n, b) => n + b.opened, 0),
  };
}

const num = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

/** One figure on both sides. */
export function deltaOf(left: number | null | undefined, right: number | null | undefined, direction: Direction): DeltaValue {
  const l = num(left ?? undefined), r = num(right ?? undefined);
  if (l === null || r === null) return { left: l, right: r, delta: null, pct: null, verdict: 'n/a' };
  const delta = r - l;
  const pct = l !== 0 ? (delta / Math.abs(l)) * 100 : delta === 0 ? 0 : null;
  let verdict: Verdict;
  if (direction === 'neutral') verdict = 'neutral';
  else if (delta === 0) verdict = 'same';
  else verdict = (delta < 0) === (direction === 'lower') ? 'better' : 'worse';
  return { left: l, right: r, delta, pct, verdict };
}

function keysOf<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>): string[] {
  const keys = Object.keys(a);
  for (const k of Object.keys(b)) if (!Object.prototype.hasOwnProperty.call(a, k)) keys.push(k);
  return keys;
}

function figureDeltas<F extends string>(
  figures: Readonly<Record<F, Direction>>, left: Record<F, number> | null, right: Record<F, number> | null,
): Record<F, DeltaValue> {
  const out = {} as Record<F, DeltaValue>;
  for (const f of Object.keys(figures) as F[]) out[f] = deltaOf(left?.[f], right?.[f], figures[f]);
  return out;
}

const has = <T>(o: Readonly<Record<string, T>>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The deltas of two reports (right − left). */
export function compareReports(left: Report, right: Report): CompareDelta {
  const routes: Record<string, Record<RouteFigure, DeltaValue>> = {};
  for (const k of keysOf(left.routes, right.routes)) {
    routes[k] = figureDeltas(
      ROUTE_FIGURES,
      has(left.routes, k) ? routeFigures(left.routes[k]) : null,
      has(right.routes, k) ? routeFigures(right.routes[k]) : null,
    );
  }
  const services: Record<string, Record<ServiceFigure, DeltaValue>> = {};
  for (const k of keysOf(left.services, right.services)) {
    services[k] = figureDeltas(
      SERVICE_FIGURES,
      has(left.services, k) ? serviceFigures(left.services[k]) : null,
      has(right.services, k) ? serviceFigures(right.services[k]) : null,
    );
  }
  const tally = (r: Report): ExpectationTally => ({ passed: r.expectations.filter((e) => e.passed).length, total: r.expectations.length });
  return { routes, services, expectations: { left: tally(left), right: tally(right) }, sameSeed: left.seed === right.seed };
}

/** `+12.3%`, `−4.0%`, `0%`; '' when there is no percentage (a new figure, a missing side). */
export function formatPct(pct: number | null): string {
  if (pct === null) return '';
  if (pct === 0) return '0%';
  const a = Math.abs(pct);
  const text = a >= 100 ? a.toFixed(0) : a >= 10 ? a.toFixed(1) : a.toFixed(2);
  return `${pct > 0 ? '+' : '−'}${text}%`;
}
