/**
 * Builds the report JSON (scenario-format.md) from the World's counters at the
 * end of a run, then evaluates the scenario's expectations against it.
 */
import type { Expectation, Scenario, Step } from '../scenario/types';
import type { Stop } from '../engine/limits';
import type { Histogram } from '../metrics/histogram';
import type { EdgeStats, RouteStats, ServiceStats } from '../metrics/stats';
import type { EdgeReport, LatencySummary, Report, RouteReport, ServiceReport } from '../metrics/report';
import { evaluateExpectations } from '../metrics/expectations';
import type { Instance } from './instance';
import { blastRadius } from './blastRadius';

/** Route stats restricted to requests sent within an expectation's `during`. */
export interface WindowCollector {
  readonly expectation: Expectation;
  readonly stats: RouteStats;
}

export interface ReportInput {
  readonly scenario: Scenario;
  readonly simulatedMs: number;
  readonly events: number;
  readonly wallMs: number;
  readonly digest: string;
  readonly stopped: Stop | null;
  readonly routes: ReadonlyMap<string, RouteStats>;
  readonly services: readonly ServiceStats[];
  readonly instances: readonly (readonly Instance[])[];
  readonly ready: readonly (readonly Instance[])[];
  readonly edges: readonly EdgeStats[];
  readonly windows: readonly WindowCollector[];
  /** Requests sent at or after warmup and not yet answered, per route. */
  readonly inFlight: (route: string) => number;
}

const round = (x: number, digits = 3): number => {
  if (!Number.isFinite(x)) return 0;
  const f = digits === 4 ? 10_000 : digits === 3 ? 1000 : digits === 2 ? 100 : 1;
  return Math.round(x * f) / f;
};

export function latencySummary(h: Histogram): LatencySummary {
  return {
    mean: round(h.mean),
    p50: round(h.quantile(0.5)),
    p95: round(h.quantile(0.95)),
    p99: round(h.quantile(0.99)),
    max: round(h.count ? h.max : NaN),
  };
}

export function routeReport(r: RouteStats, inFlight: number): RouteReport {
  return {
    requests: r.requests,
    ok: r.ok,
    errors: r.errors,
    rejected: r.rejected,
    timeouts: r.timeouts,
    inFlight,
    degraded: r.degraded,
    latencyMs: latencySummary(r.latency),
  };
}

function edgeReport(e: EdgeStats): EdgeReport {
  return {
    from: e.from, to: e.to, calls: e.calls, errors: e.errors, timeouts: e.timeouts, refused: e.refused, retries: e.retries,
    breakerRejected: e.breakerRejected, bulkheadRejected: e.bulkheadRejected, failedFinal: e.failedFinal,
    breakerOpened: e.breakerOpened, breakerTransitions: e.breakerLog.map((t) => ({ ...t, atMs: round(t.atMs) })), latencyMs: latencySummary(e.latency),
  };
}

/** Does any call from `from` to `to` carry a breaker? */
function hasBreaker(scenario: Scenario, from: string, to: string): boolean {
  const visit = (steps: readonly Step[]): boolean =>
    steps.some((st) => (st.kind === 'call' && st.service === to && st.options.breaker !== null) || (st.kind === 'parallel' && visit(st.steps)));
  return scenario.services.some((s) => s.name === from && s.endpoints.some((ep) => visit(ep.steps)));
}

export function buildReport(input: ReportInput): Report {
  const { scenario } = input;
  const observedMs = Math.max(0, input.simulatedMs - scenario.warmupMs);
  const routes: Record<string, RouteReport> = {};
  for (const [name, r] of input.routes) {
    routes[name] = routeReport(r, input.inFlight(name));
  }
  const services: Record<string, ServiceReport> = {};
  scenario.services.forEach((s, i) => {
    const st = input.services[i];
    let busy = 0, cap = 0, present = 0;
    for (const inst of input.instances[i]) {
      busy += inst.busyArea;
      cap += inst.capacityArea;
      present += inst.presentArea;
    }
    const breakers: Record<string, { opened: number }> = {};
    for (const e of input.edges) {
      if (e.from === s.name && scenario.services.some((t) => t.name === e.to) && hasBreaker(scenario, s.name, e.to)) {
        breakers[e.to] = { opened: e.breakerOpened };
      }
    }
    services[s.name] = {
      requests: st.requests,
      errors: st.errors,
      rejected: st.rejected,
      utilization: round(cap > 0 ? busy / cap : 0, 4),
      instances: { min: st.readyMin, max: st.readyMax, final: input.ready[i].length },
      queueWaitMs: { mean: round(st.queueWait.mean), p99: round(st.queueWait.quantile(0.99)) },
      meanInSystem: round(observedMs > 0 ? present / observedMs : 0, 4),
      breakers,
      wastedMs: round(st.wastedMs),
      perInstance: input.instances[i].map((inst) => ({
        id: inst.id, n: inst.n, state: inst.state, utilization: round(inst.capacityArea > 0 ? inst.busyArea / inst.capacityArea : 0, 4),
        arrived: inst.arrived, queued: inst.queued,
      })),
    };
  });
  const partial = {
    scenario: scenario.name,
    seed: scenario.seed,
    simulatedMs: round(input.simulatedMs),
    events: input.events,
    wallMs: Math.round(input.wallMs),
    digest: input.digest,
    stopped: input.stopped,
    routes,
    services,
    blastRadius: blastRadius(scenario),
    edges: Object.fromEntries(input.edges.map((e) => [`${e.from} → ${e.to}`, edgeReport(e)])),
    topics: {},
    sagas: {},
    caches: {},
  };
  const windowed = new Map<Expectation, RouteReport>();
  for (const w of input.windows) windowed.set(w.expectation, routeReport(w.stats, 0));
  return { ...partial, expectations: evaluateExpectations(scenario, partial, windowed, observedMs) };
}
