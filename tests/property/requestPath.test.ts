/**
 * Invariants of the request path over random small scenarios (style.md
 * principle 12), complementing world.test.ts: a DAG of 1–4 services with 1–2
 * endpoints each, whose steps are `cpu`, `fail`, sync `call`s with every call
 * option (`timeout`; `retry` short or long form, max 0..3, backoff,
 * multiplier, cap, jitter none|full|equal|decorrelated; `breaker: true` or a
 * small count or time window; `bulkhead`; `fallback: skip|fail`) and
 * `parallel` steps (nested once) holding any of them; `model: threads |
 * async`; every balancer; `discovery` absent, `client` (short periods) or
 * `server`; open- and closed-loop sources with optional client timeouts; and
 * a timeline of `kill`, `latency`, `errors`, `slow`, `partition` and `load`,
 * each with or without `for`. Scenarios are written as JSON (the loader
 * accepts it; no YAML quoting pitfalls) and loaded by the real loader. Half
 * of the cases of the first two properties run hot (≤ 2 workers, sources at
 * the whole request budget) so that pools, queues and bulkheads fill up.
 *
 * - requests are conserved per route:
 *   requests = ok + errors + rejected + timeouts + inFlight, degraded <= ok;
 * - per edge ("a → b" and "client:w → s"): retries <= calls;
 *   errors + timeouts <= calls; refused <= errors;
 *   failedFinal <= errors + timeouts + breakerRejected + bulkheadRejected
 *   (so <= calls + breakerRejected + bulkheadRejected);
 *   no retry on any call of the edge ⇒ retries = 0; no timeout ⇒ timeouts = 0;
 *   no breaker ⇒ breakerRejected = breakerOpened = 0; no bulkhead ⇒
 *   bulkheadRejected = 0; no `discovery` section (ideal registry) ⇒ refused = 0;
 *   a bulkhead at least as large as the calls a `threads` caller instance
 *   can have under way (workers × the job's most concurrent calls to that
 *   target) never refuses, killed callers included (a restarted process
 *   starts with no permits: this test found that they once survived);
 * - retries are bounded: retries <= max × first attempts = max × (calls − retries),
 *   max being the largest retry.max among the edge's calls;
 * - same scenario ⇒ same digest and report (wallMs aside); running in slices
 *   of random sizes with runUntil gives the digest and report of one run();
 * - busy <= workers, an instance that is not ready holds nothing, nobody
 *   waits while a worker is free, and a `threads` service's queue stays
 *   within `queue` (sampled every 20 simulated ms, so every second too; an
 *   `async` service's continuations re-queue without the limit, see
 *   world.ts `resume`);
 * - degraded answers only on routes that can reach a call with
 *   `fallback: skip` (none at all without one);
 * - wasted work only with call timeouts: wastedMs = 0 everywhere when no call
 *   has a timeout, and on services no timed-out call can reach.
 * MICROCOSM_LONG=1 runs ten times as many cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadScenario } from '../../src/scenario/load';
import { formatError } from '../../src/scenario/errors';
import type { Scenario } from '../../src/scenario/types';
import { World } from '../../src/model/world';
import type { Report } from '../../src/metrics/report';

const LONG = /^(1|true|yes)$/i.test(process.env.MICROCOSM_LONG ?? '');
const RUNS = (n: number) => ({ numRuns: LONG ? 10 * n : n, seed: 20261126 });

/** Requests a scenario may send over its whole run (keeps each case to a few ms). */
const REQUEST_BUDGET = 2000;

// ---- the generated file, as JSON values --------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/** A step before it is placed in the DAG: a call's target is resolved later. */
type RawStep =
  | { readonly kind: 'cpu'; readonly dist: string }
  | { readonly kind: 'fail'; readonly p: number }
  | { readonly kind: 'call'; readonly target: number; readonly endpoint: number; readonly options: Obj }
  | { readonly kind: 'parallel'; readonly steps: readonly RawStep[] };

interface RawService {
  readonly extra: Obj;
  readonly endpoints: readonly (readonly RawStep[])[];
}

type RawAction =
  | { readonly kind: 'kill'; readonly service: number; readonly count: number | 'all' }
  | { readonly kind: 'latency'; readonly service: number; readonly add: string }
  | { readonly kind: 'errors'; readonly service: number; readonly rate: string }
  | { readonly kind: 'slow'; readonly service: number; readonly factor: number }
  | { readonly kind: 'partition'; readonly a: number; readonly b: number }
  | { readonly kind: 'load'; readonly rate: number };

interface RawItem {
  readonly atShare: number;
  readonly forMs: number | null;
  readonly action: RawAction;
}

interface RawSource {
  readonly service: number;
  readonly endpoint: number;
  readonly kind: 'open' | 'closed';
  readonly rate: number;
  readonly users: number;
  readonly thinkMs: number;
  readonly extra: Obj;
}

/** A generated case: the file and what the test knows about it from what it wrote. */
interface Case {
  readonly file: Obj;
  readonly json: string;
  readonly facts: Facts;
  /** fast-check prints a counterexample as the scenario file alone (one line of JSON, loadable as is). */
  readonly [fc.toStringMethod]: () => string;
}

interface EdgeFacts {
  maxRetries: number;
  timeout: boolean;
  breaker: boolean;
  bulkhead: boolean;
  /** The smallest bulkhead among the edge's calls (Infinity: none). */
  minBulkhead: number;
  /**
   * Most calls to the target one caller instance can have under way at once,
   * or Infinity: workers × the most a job can run at once (parallel branches
   * add up), for a `threads` caller.
   */
  maxConcurrent: number;
}

interface Facts {
  readonly edges: Map<string, EdgeFacts>;
  readonly anyCallTimeout: boolean;
  readonly anySkip: boolean;
  /** Services that a timed-out call can reach (its target and everything downstream of it). */
  readonly mayWaste: Set<string>;
  /** Routes whose request can reach a call with `fallback: skip`. */
  readonly mayDegrade: Set<string>;
  readonly threadsServices: Set<string>;
  readonly idealDiscovery: boolean;
}

const ms = (x: number): string => `${x}ms`;

const cpuDist: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 150 }).map((x) => `exp(${x / 10}ms)`),
  fc.integer({ min: 1, max: 100 }).map((x) => ms(x / 10)),
  fc.integer({ min: 1, max: 100 }).map((x) => `lognormal(${x / 10}ms, 0.5)`),
  fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 50 })).map(([a, b]) => `uniform(${a / 10}ms, ${(a + b) / 10}ms)`),
);

const retryOption: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: 0, max: 3 }), // the short form: retry: 2
  fc
    .record(
      {
        max: fc.integer({ min: 0, max: 3 }),
        backoff: fc.integer({ min: 0, max: 300 }),
        multiplier: fc.integer({ min: 2, max: 6 }).map((x) => x / 2),
        cap: fc.integer({ min: 0, max: 500 }),
        jitter: fc.constantFrom('none', 'full', 'equal', 'decorrelated'),
      },
      { requiredKeys: ['max'] },
    )
    .map((r) => {
      const o: Obj = { max: r.max };
      if (r.backoff !== undefined) o.backoff = ms(r.backoff);
      if (r.multiplier !== undefined) o.multiplier = r.multiplier;
      // cap must not be below the first back-off (500 ms when not written).
      if (r.cap !== undefined) o.cap = ms((r.backoff ?? 500) + r.cap);
      if (r.jitter !== undefined) o.jitter = r.jitter;
      return o;
    }),
);

const breakerOption: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(true),
  fc
    .record(
      {
        window: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 5 }).map((s) => `${s}s`)),
        minCalls: fc.integer({ min: 1, max: 10 }),
        failureRate: fc.integer({ min: 10, max: 100 }).map((p) => `${p}%`),
        slowCall: fc.integer({ min: 20, max: 1000 }).map(ms),
        slowRate: fc.integer({ min: 10, max: 100 }).map((p) => `${p}%`),
        open: fc.integer({ min: 100, max: 3000 }).map(ms),
        halfOpenCalls: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: ['window'] },
    )
    .map((r) => r as Obj),
);

const callOptions: fc.Arbitrary<Obj> = fc
  .record(
    {
      timeout: fc.integer({ min: 5, max: 500 }).map(ms),
      retry: retryOption,
      breaker: breakerOption,
      bulkhead: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant(true)),
      fallback: fc.constantFrom('skip', 'fail'),
    },
    { requiredKeys: [] },
  )
  .map((r) => r as Obj);

const leafStep: fc.Arbitrary<RawStep> = fc.oneof(
  { weight: 3, arbitrary: cpuDist.map((dist) => ({ kind: 'cpu' as const, dist })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((x) => ({ kind: 'fail' as const, p: x / 100 })) },
  {
    weight: 5,
    arbitrary: fc
      .record({ target: fc.nat(), endpoint: fc.nat(), options: callOptions })
      .map((r) => ({ kind: 'call' as const, ...r })),
  },
);

const parallelOf = (sub: fc.Arbitrary<RawStep>): fc.Arbitrary<RawStep> =>
  fc.array(sub, { minLength: 1, maxLength: 3 }).map((steps) => ({ kind: 'parallel' as const, steps }));

const step: fc.Arbitrary<RawStep> = fc.oneof(
  { weight: 6, arbitrary: leafStep },
  { weight: 2, arbitrary: parallelOf(fc.oneof({ weight: 4, arbitrary: leafStep }, { weight: 1, arbitrary: parallelOf(leafStep) })) },
);

const service: fc.Arbitrary<RawService> = fc.record({
  extra: fc
    .record(
      {
        instances: fc.integer({ min: 1, max: 3 }),
        workers: fc.integer({ min: 1, max: 8 }),
        queue: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant('unbounded')),
        model: fc.constantFrom('threads', 'async'),
        balancer: fc.constantFrom('round-robin', 'random', 'least-connections', 'p2c'),
        startup: fc.integer({ min: 0, max: 2000 }).map(ms),
        restart: fc.integer({ min: 100, max: 5000 }).map(ms),
      },
      { requiredKeys: [] },
    )
    .map((r) => r as Obj),
  endpoints: fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 2 }),
});

const action: fc.Arbitrary<RawAction> = fc.oneof(
  fc.record({ kind: fc.constant('kill' as const), service: fc.nat(), count: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant('all' as const)) }),
  fc.record({
    kind: fc.constant('latency' as const), service: fc.nat(),
    add: fc.oneof(fc.integer({ min: 1, max: 800 }).map(ms), fc.integer({ min: 1, max: 800 }).map((x) => `exp(${x}ms)`)),
  }),
  fc.record({ kind: fc.constant('errors' as const), service: fc.nat(), rate: fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`) }),
  fc.record({ kind: fc.constant('slow' as const), service: fc.nat(), factor: fc.integer({ min: 1, max: 40 }).map((x) => x / 4) }),
  fc.record({ kind: fc.constant('partition' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('load' as const), rate: fc.integer({ min: 0, max: 200 }) }),
);

const source: fc.Arbitrary<RawSource> = fc.record({
  service: fc.nat(),
  endpoint: fc.nat(),
  kind: fc.constantFrom('open' as const, 'open' as const, 'closed' as const),
  rate: fc.integer({ min: 1, max: 200 }),
  users: fc.integer({ min: 1, max: 30 }),
  thinkMs: fc.integer({ min: 10, max: 500 }),
  extra: fc
    .record({ timeout: fc.integer({ min: 5, max: 2000 }).map(ms), arrivals: fc.constantFrom('poisson', 'uniform') }, { requiredKeys: [] })
    .map((r) => r as Obj),
});

const discovery: fc.Arbitrary<Obj | null> = fc.oneof(
  fc.constant(null),
  fc.constant({ mode: 'server' }),
  fc.constant({ mode: 'client' }), // Eureka's defaults: views stale for the whole run
  fc
    .record({
      refresh: fc.integer({ min: 100, max: 5000 }),
      heartbeat: fc.integer({ min: 100, max: 3000 }),
      expiryExtra: fc.integer({ min: 0, max: 5000 }),
    })
    .map((r) => ({ mode: 'client', refresh: ms(r.refresh), heartbeat: ms(r.heartbeat), expiry: ms(r.heartbeat + r.expiryExtra) })),
);

const rawCase = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    durationS: fc.integer({ min: 5, max: 30 }),
    warmupShare: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }).map((x) => x / 100)),
    discovery,
    services: fc.oneof(
      { weight: 1, arbitrary: fc.array(service, { minLength: 1, maxLength: 1 }) },
      { weight: 5, arbitrary: fc.array(service, { minLength: 2, maxLength: 4 }) },
    ),
    sources: fc.array(source, { minLength: 1, maxLength: 2 }),
    timeline: fc.array(
      fc.record({
        atShare: fc.integer({ min: 0, max: 90 }).map((x) => x / 100),
        forMs: fc.option(fc.integer({ min: 200, max: 8000 }), { nil: null }),
        action,
      }),
      { maxLength: 3 },
    ),
  });

const caseArb: fc.Arbitrary<Case> = rawCase.map((r) => build(r, false));

/**
 * The same scenarios run hot: at most 2 workers per instance and open-loop
 * sources at the whole request budget, so pools and queues fill (what the
 * worker and queue bounds are about).
 */
const hotCaseArb: fc.Arbitrary<Case> = rawCase.map((r) => build(r, true));

function build(r: {
  seed: number; durationS: number; warmupShare: number; discovery: Obj | null;
  services: RawService[]; sources: RawSource[]; timeline: RawItem[];
}, hot: boolean): Case {
  const n = r.services.length;
  const name = (i: number) => `s${i}`;
  const epName = (k: number) => ['e', 'f'][k];
  const epCount = r.services.map((s) => s.endpoints.length);

  // Place the steps in a DAG: service i calls only services after it (no call cycles).
  const place = (st: RawStep, i: number): Obj => {
    switch (st.kind) {
      case 'cpu': return { cpu: st.dist };
      case 'fail': return { fail: st.p };
      case 'parallel': return { parallel: st.steps.map((x) => place(x, i)) };
      case 'call': {
        if (i + 1 >= n) return { cpu: 'exp(1ms)' }; // the last service calls nobody
        const t = i + 1 + (st.target % (n - i - 1));
        return { call: `${name(t)}.${epName(st.endpoint % epCount[t])}`, ...st.options };
      }
    }
  };
  const services: Obj = {};
  r.services.forEach((s, i) => {
    const endpoints: Obj = {};
    s.endpoints.forEach((steps, k) => { endpoints[epName(k)] = steps.map((x) => place(x, i)); });
    services[name(i)] = hot ? { ...s.extra, workers: Math.min(2, (s.extra.workers as number | undefined) ?? 2), endpoints } : { ...s.extra, endpoints };
  });

  const durationMs = r.durationS * 1000;
  // Keep the number of requests small: rate × duration within the budget.
  const maxRate = Math.max(1, Math.floor(REQUEST_BUDGET / r.durationS));
  const workload: Obj[] = r.sources.map((src, k) => {
    // The first source enters at s0.e, the others anywhere.
    const si = k === 0 ? 0 : src.service % n;
    const ep = k === 0 ? 'e' : epName(src.endpoint % epCount[si]);
    const base: Obj = { name: `w${k}`, route: `${name(si)}.${ep}` };
    if (src.kind === 'closed') {
      const { arrivals: _ignored, ...rest } = src.extra;
      return { ...base, users: src.users, think: `exp(${src.thinkMs}ms)`, ...rest };
    }
    return { ...base, rate: `${hot ? maxRate : Math.min(src.rate, maxRate)}/s`, ...src.extra };
  });

  const timeline: Obj[] = [];
  for (const item of r.timeline) {
    const at: Obj = { at: ms(Math.round(item.atShare * durationMs)) };
    if (item.forMs !== null) at.for = ms(item.forMs);
    const a = item.action;
    switch (a.kind) {
      case 'kill': timeline.push({ ...at, kill: name(a.service % n), count: a.count }); break;
      case 'latency': timeline.push({ ...at, latency: name(a.service % n), add: a.add }); break;
      case 'errors': timeline.push({ ...at, errors: name(a.service % n), rate: a.rate }); break;
      case 'slow': timeline.push({ ...at, slow: name(a.service % n), factor: a.factor }); break;
      case 'partition': {
        if (n < 2) break;
        const x = a.a % n;
        const y = (x + 1 + (a.b % (n - 1))) % n;
        timeline.push({ ...at, partition: [name(x), name(y)] });
        break;
      }
      case 'load':
        if (workload[0].rate !== undefined) timeline.push({ ...at, load: 'w0', rate: `${Math.min(a.rate, maxRate)}/s` });
        break;
    }
  }

  const file: Obj = {
    version: 1,
    name: 'request path property',
    seed: r.seed,
    duration: ms(durationMs),
    warmup: ms(Math.round(r.warmupShare * durationMs)),
    ...(r.discovery ? { discovery: r.discovery } : {}),
    services,
    workload,
    ...(timeline.length ? { timeline } : {}),
  };
  return { file, json: JSON.stringify(file, null, 1), facts: factsOf(file), [fc.toStringMethod]: () => JSON.stringify(file) };
}

/** What the test knows from the file it wrote (not from the loader's output). */
function factsOf(file: Obj): Facts {
  const services = file.services as Record<string, { model?: string; endpoints: Record<string, Obj[]> }>;
  const edges = new Map<string, EdgeFacts>();
  const edge = (key: string): EdgeFacts => {
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { maxRetries: 0, timeout: false, breaker: false, bulkhead: false, minBulkhead: Infinity, maxConcurrent: Infinity }));
    return e;
  };
  const calls = (steps: readonly Obj[]): Obj[] =>
    steps.flatMap((s) => (s.parallel ? calls(s.parallel as Obj[]) : s.call ? [s] : []));
  // Calls to `to` one job can have under way at once: steps run one after another, a parallel step's sub-steps together.
  const concurrent = (st: Obj, to: string): number =>
    st.parallel ? (st.parallel as Obj[]).reduce((n, x) => n + concurrent(x, to), 0)
    : st.call ? ((st.call as string).split('.')[0] === to ? 1 : 0) : 0;
  const retryMax = (v: Json | undefined): number =>
    v === undefined ? 0 : typeof v === 'number' ? v : ((v as Obj).max as number);
  let anyCallTimeout = false, anySkip = false;
  const timedOutTargets: string[] = [];
  for (const [from, svc] of Object.entries(services)) {
    for (const steps of Object.values(svc.endpoints)) {
      for (const c of calls(steps)) {
        const to = (c.call as string).split('.')[0];
        const e = edge(`${from} → ${to}`);
        e.maxRetries = Math.max(e.maxRetries, retryMax(c.retry));
        if (c.timeout !== undefined) { e.timeout = true; anyCallTimeout = true; timedOutTargets.push(to); }
        if (c.breaker !== undefined && c.breaker !== false) e.breaker = true;
        if (c.bulkhead !== undefined && c.bulkhead !== false) {
          e.bulkhead = true;
          e.minBulkhead = Math.min(e.minBulkhead, c.bulkhead === true ? 25 : (c.bulkhead as number));
        }
        if (c.fallback === 'skip') anySkip = true;
      }
    }
  }
  for (const [key, e] of edges) {
    const [from, to] = key.split(' → ');
    const svc = services[from] as { model?: string; workers?: number; endpoints: Record<string, Obj[]> };
    // Async jobs let go of their worker while they wait: no bound.
    if (svc.model === 'async') continue;
    const perJob = Math.max(...Object.values(svc.endpoints).map((steps) => Math.max(...steps.map((st) => concurrent(st, to)))));
    e.maxConcurrent = (svc.workers ?? 8) * perJob;
  }
  for (const w of file.workload as Obj[]) {
    const e = edge(`client:${w.name as string} → ${(w.route as string).split('.')[0]}`);
    e.timeout = w.timeout !== undefined;
  }
  // Downstream closure over services (every endpoint of a reached service counts: a superset).
  const mayWaste = new Set<string>();
  const stack = [...timedOutTargets];
  while (stack.length) {
    const s = stack.pop()!;
    if (mayWaste.has(s)) continue;
    mayWaste.add(s);
    for (const steps of Object.values(services[s].endpoints)) {
      for (const c of calls(steps)) stack.push((c.call as string).split('.')[0]);
    }
  }
  // A route may degrade if a call with fallback: skip is reachable from its endpoint.
  const reachesSkip = (route: string, seen = new Set<string>()): boolean => {
    if (seen.has(route)) return false;
    seen.add(route);
    const [s, ep] = route.split('.');
    return calls(services[s].endpoints[ep]).some((c) => c.fallback === 'skip' || reachesSkip(c.call as string, seen));
  };
  const mayDegrade = new Set<string>();
  for (const w of file.workload as Obj[]) if (reachesSkip(w.route as string)) mayDegrade.add(w.route as string);
  const threadsServices = new Set(Object.entries(services).filter(([, s]) => s.model !== 'async').map(([k]) => k));
  return { edges, anyCallTimeout, anySkip, mayWaste, mayDegrade, threadsServices, idealDiscovery: file.discovery === undefined };
}

function scenarioOf(c: Case): Scenario {
  const r = loadScenario(c.json, 'property.json');
  if (!r.ok) throw new Error(`generated scenario rejected:\n${c.json}\n${r.errors.map(formatError).join('\n')}`);
  return r.scenario;
}

function runToEnd(s: Scenario): { world: World; report: Report } {
  const world = new World(s);
  world.run();
  return { world, report: world.report() };
}

/** A report minus wall-clock time, for equality across runs. */
function comparable(r: Report): unknown {
  return { ...r, wallMs: 0 };
}

/** The report's counters must satisfy every invariant above; throws (expect) on the first that does not. */
function checkReport(c: Case, report: Report): void {
  const f = c.facts;
  expect(report.stopped).toBeNull(); // small runs never reach a run limit

  for (const [name, r] of Object.entries(report.routes)) {
    expect(r.requests, `${name}: conserved`).toBe(r.ok + r.errors + r.rejected + r.timeouts + r.inFlight);
    expect(r.inFlight).toBeGreaterThanOrEqual(0);
    expect(r.degraded).toBeLessThanOrEqual(r.ok);
    if (!f.anySkip) expect(r.degraded, `${name}: degraded without any fallback: skip`).toBe(0);
    if (!f.mayDegrade.has(name)) expect(r.degraded, `${name}: degraded, but no skip is reachable`).toBe(0);
  }

  for (const [key, e] of Object.entries(report.edges)) {
    const ef = f.edges.get(key);
    expect(ef, `unexpected edge ${key}`).toBeDefined();
    const { maxRetries, timeout, breaker, bulkhead } = ef!;
    const at = `edge ${key}: ${JSON.stringify({ ...e, breakerTransitions: undefined, latencyMs: undefined })}`;
    expect(e.retries, at).toBeLessThanOrEqual(e.calls);
    expect(e.errors + e.timeouts, at).toBeLessThanOrEqual(e.calls);
    expect(e.refused, at).toBeLessThanOrEqual(e.errors);
    expect(e.failedFinal, at).toBeLessThanOrEqual(e.calls + e.breakerRejected + e.bulkheadRejected);
    expect(e.failedFinal, at).toBeLessThanOrEqual(e.errors + e.timeouts + e.breakerRejected + e.bulkheadRejected);
    // Each first attempt is followed by at most `max` retries.
    expect(e.retries, at).toBeLessThanOrEqual(maxRetries * (e.calls - e.retries));
    if (maxRetries === 0) expect(e.retries, at).toBe(0);
    if (!timeout) expect(e.timeouts, at).toBe(0);
    if (!breaker) {
      expect(e.breakerRejected, at).toBe(0);
      expect(e.breakerOpened, at).toBe(0);
    }
    if (!bulkhead) expect(e.bulkheadRejected, at).toBe(0);
    // A bulkhead no larger than what the caller can ever have under way never refuses.
    if (ef!.minBulkhead >= ef!.maxConcurrent) expect(e.bulkheadRejected, `${at}: bulkhead ${ef!.minBulkhead} >= ${ef!.maxConcurrent} concurrent`).toBe(0);
    if (f.idealDiscovery) expect(e.refused, at).toBe(0);
  }
  // Every call in the file has its edge in the report.
  for (const key of f.edges.keys()) expect(report.edges[key], `missing edge ${key}`).toBeDefined();

  for (const [name, s] of Object.entries(report.services)) {
    expect(s.wastedMs).toBeGreaterThanOrEqual(0);
    if (!f.anyCallTimeout) expect(s.wastedMs, `${name}: wasted work without any call timeout`).toBe(0);
    if (!f.mayWaste.has(name)) expect(s.wastedMs, `${name}: wasted work, but no timed-out call reaches it`).toBe(0);
  }
}

describe('request path invariants over random scenarios (fast-check)', () => {
  it('conservation per route and per edge; bounded retries; degraded only with skip; waste only with timeouts', () => {
    fc.assert(
      fc.property(fc.oneof(caseArb, hotCaseArb), (c) => {
        const { report } = runToEnd(scenarioOf(c));
        checkReport(c, report);
      }),
      RUNS(80),
    );
  });

  it('busy <= workers; not ready holds nothing; no one waits by a free worker; threads queues within capacity', () => {
    fc.assert(
      fc.property(fc.oneof(caseArb, hotCaseArb), (c) => {
        const s = scenarioOf(c);
        const world = new World(s);
        // Every simulated second (as world.test.ts), and every 20 ms in between:
        // an overbooked worker often lasts only one CPU step.
        for (let t = 20; t <= s.durationMs; t += 20) {
          world.runUntil(t);
          const snap = world.snapshot();
          snap.services.forEach((svc, i) => {
            const threads = c.facts.threadsServices.has(svc.name);
            for (const inst of svc.instances) {
              // Plain checks: expect() per instance and sample would dominate the run time.
              const broken =
                inst.workers !== s.services[i].workers ? 'workers changed'
                : inst.busy < 0 || inst.busy > inst.workers ? 'busy outside [0, workers]'
                : inst.queued < 0 ? 'negative queue'
                : threads && inst.queued > inst.queueCap ? 'queue above capacity (threads model)'
                : inst.queued > 0 && inst.busy !== inst.workers ? 'waiting while a worker is free'
                : inst.state !== 'ready' && inst.busy + inst.queued !== 0 ? 'holds work while not ready'
                : null;
              if (broken) expect.fail(`${broken} at t=${t}ms: ${svc.name} ${JSON.stringify(inst)}`);
            }
          });
        }
        world.run();
        checkReport(c, world.report());
      }),
      RUNS(50),
    );
  });

  it('same scenario ⇒ same digest and report; running in slices changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer({ min: 1, max: 999 }), { maxLength: 6 }), (c, cuts) => {
        const s = scenarioOf(c);
        const a = runToEnd(s);
        const b = runToEnd(scenarioOf(c));
        expect(b.report.digest).toBe(a.report.digest);
        expect(comparable(b.report)).toEqual(comparable(a.report));

        const sliced = new World(s);
        for (const cut of [...cuts].sort((x, y) => x - y)) sliced.runUntil((cut / 1000) * s.durationMs);
        sliced.run();
        expect(sliced.digest()).toBe(a.report.digest);
        expect(comparable(sliced.report())).toEqual(comparable(a.report));
      }),
      RUNS(30),
    );
  });

  it('the generator reaches what it means to test', () => {
    // Not an invariant: a guard that the cases exercise retries, breakers,
    // bulkheads, fallbacks, timeouts and faults (a generator bug would make
    // the properties above pass vacuously).
    const seen = { retries: 0, breakerRejected: 0, bulkheadRejected: 0, degraded: 0, timeouts: 0, wasted: 0, refused: 0, failedFinal: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const { report } = runToEnd(scenarioOf(c));
        for (const e of Object.values(report.edges)) {
          seen.refused += e.refused; // stale views: client edges count too
          if (e.from.startsWith('client:')) continue;
          seen.retries += e.retries;
          seen.breakerRejected += e.breakerRejected;
          seen.bulkheadRejected += e.bulkheadRejected;
          seen.timeouts += e.timeouts;
          seen.failedFinal += e.failedFinal;
        }
        for (const r of Object.values(report.routes)) seen.degraded += r.degraded;
        for (const s of Object.values(report.services)) seen.wasted += s.wastedMs;
      }),
      { numRuns: 40, seed: 7 },
    );
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(0);
  });
});
