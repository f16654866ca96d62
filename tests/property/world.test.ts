/**
 * Invariants of the model over random small scenarios (style.md principle 12),
 * written as users would write them (YAML through the real loader): a chain
 * of 1–4 services, 1–3 instances of 1–8 workers, queues of 0–20 or unbounded,
 * exponential CPU, failure steps, client timeouts, warm-up, and timed kills
 * (temporary or permanent, one instance or all).
 *
 * - requests are conserved per route: every request ends exactly once, and
 *   what has not ended is still inside the entry service;
 * - queues never exceed their capacity, busy workers never exceed workers, and
 *   instances that are not ready hold nothing (sampled every simulated second);
 * - percentiles are monotone: p50 <= p95 <= p99 <= max;
 * - same seed ⇒ same digest and report; another seed ⇒ another digest;
 *   running in slices (as the worker does) changes nothing.
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
const RUNS = (n: number) => ({ numRuns: LONG ? 10 * n : n, seed: 20261125 });

interface ServiceSpec {
  instances: number;
  workers: number;
  queue: number | 'unbounded';
  cpuMs: number;
  cpuAfterMs: number | null;
  fail: number | null;
}

interface KillSpec {
  atMs: number;
  service: number;
  count: number | 'all';
  forMs: number | null;
}

interface Spec {
  seed: number;
  durationMs: number;
  warmupMs: number;
  rate: number;
  timeoutMs: number | null;
  services: ServiceSpec[];
  kills: KillSpec[];
}

const serviceSpec: fc.Arbitrary<ServiceSpec> = fc.record({
  instances: fc.integer({ min: 1, max: 3 }),
  workers: fc.integer({ min: 1, max: 8 }),
  queue: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant('unbounded' as const)),
  cpuMs: fc.integer({ min: 1, max: 300 }).map((x) => x / 10),
  cpuAfterMs: fc.option(fc.integer({ min: 1, max: 100 }).map((x) => x / 10), { nil: null }),
  fail: fc.option(fc.integer({ min: 1, max: 30 }).map((x) => x / 100), { nil: null }),
});

const spec: fc.Arbitrary<Spec> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    durationS: fc.integer({ min: 2, max: 15 }),
    warmupShare: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }).map((x) => x / 100)),
    rate: fc.integer({ min: 5, max: 400 }),
    timeoutMs: fc.option(fc.integer({ min: 5, max: 500 }), { nil: null }),
    services: fc.array(serviceSpec, { minLength: 1, maxLength: 4 }),
    kills: fc.array(
      fc.record({
        atShare: fc.integer({ min: 0, max: 99 }).map((x) => x / 100),
        service: fc.nat(),
        count: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant('all' as const)),
        forMs: fc.option(fc.integer({ min: 100, max: 5000 }), { nil: null }),
      }),
      { maxLength: 2 },
    ),
  })
  .map((r) => {
    const durationMs = r.durationS * 1000;
    return {
      seed: r.seed,
      durationMs,
      warmupMs: Math.round(r.warmupShare * durationMs),
      rate: r.rate,
      timeoutMs: r.timeoutMs,
      services: r.services,
      kills: r.kills.map((k) => ({
        atMs: Math.round(k.atShare * durationMs),
        service: k.service % r.services.length,
        count: k.count,
        forMs: k.forMs,
      })),
    };
  });

function toYaml(s: Spec): string {
  const services = s.services.map((x, i) => {
    const steps = [`        - cpu: exp(${x.cpuMs}ms)`];
    if (x.fail !== null) steps.push(`        - fail: ${x.fail}`);
    if (i + 1 < s.services.length) steps.push(`        - call: s${i + 1}.e`);
    if (x.cpuAfterMs !== null) steps.push(`        - cpu: exp(${x.cpuAfterMs}ms)`);
    return [
      `  s${i}:`,
      `    instances: ${x.instances}`,
      `    workers: ${x.workers}`,
      `    queue: ${x.queue}`,
      `    endpoints:`,
      `      e:`,
      ...steps,
    ].join('\n');
  });
  const timeline = s.kills.map((k) =>
    `  - { at: ${k.atMs}ms, ${k.forMs !== null ? `for: ${k.forMs}ms, ` : ''}kill: s${k.service}, count: ${k.count} }`);
  return [
    'version: 1',
    'name: property',
    `seed: ${s.seed}`,
    `duration: ${s.durationMs}ms`,
    `warmup: ${s.warmupMs}ms`,
    'services:',
    ...services,
    'workload:',
    '  - name: w',
    '    route: s0.e',
    `    rate: ${s.rate}/s`,
    ...(s.timeoutMs !== null ? [`    timeout: ${s.timeoutMs}ms`] : []),
    ...(timeline.length ? ['timeline:', ...timeline] : []),
    '',
  ].join('\n');
}

function scenarioOf(s: Spec): Scenario {
  const r = loadScenario(toYaml(s), 'property.yaml');
  if (!r.ok) throw new Error(`generated scenario rejected:\n${toYaml(s)}\n${r.errors.map(formatError).join('\n')}`);
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

describe('model invariants over random scenarios (fast-check)', () => {
  it('requests are conserved per route: each ends once; the rest is still inside the entry service', () => {
    fc.assert(
      fc.property(spec, (sp) => {
        const { world, report } = runToEnd(scenarioOf(sp));
        const route = report.routes['s0.e'];
        const open = route.requests - route.ok - route.errors - route.rejected - route.timeouts;
        expect(open).toBeGreaterThanOrEqual(0); // the report clamps; the raw count must not need it
        expect(route.inFlight).toBe(open);
        // Root jobs still at the entry service (queued or holding a worker).
        let inside = 0;
        for (const inst of world.snapshot().services[0].instances) inside += inst.busy + inst.queued;
        if (sp.timeoutMs === null && sp.warmupMs === 0) expect(open).toBe(inside);
        else expect(open).toBeLessThanOrEqual(inside); // timed-out requests leave their job behind
        // Latency is recorded for exactly the answered requests.
        if (route.ok + route.errors === 0) expect(route.latencyMs.max).toBe(0);
      }),
      RUNS(100),
    );
  });

  it('queues never exceed capacity; busy <= workers; an instance that is not ready holds nothing', () => {
    fc.assert(
      fc.property(spec, (sp) => {
        const s = scenarioOf(sp);
        const world = new World(s);
        for (let t = 1000; t <= s.durationMs; t += 1000) {
          world.runUntil(t);
          const snap = world.snapshot();
          snap.services.forEach((svc, i) => {
            const def = s.services[i];
            for (const inst of svc.instances) {
              expect(inst.workers).toBe(def.workers);
              expect(inst.queueCap).toBe(def.queue);
              expect(inst.busy).toBeGreaterThanOrEqual(0);
              expect(inst.busy).toBeLessThanOrEqual(inst.workers);
              expect(inst.queued).toBeGreaterThanOrEqual(0);
              expect(inst.queued).toBeLessThanOrEqual(inst.queueCap);
              // FIFO with work conservation: nobody waits while a worker is free.
              if (inst.queued > 0) expect(inst.busy).toBe(inst.workers);
              if (inst.state !== 'ready') expect(inst.busy + inst.queued).toBe(0);
            }
            expect(svc.utilization).toBeGreaterThanOrEqual(0);
            expect(svc.utilization).toBeLessThanOrEqual(1);
          });
        }
      }),
      RUNS(60),
    );
  });

  it('percentiles are monotone: p50 <= p95 <= p99 <= max; utilisation within [0, 1]', () => {
    fc.assert(
      fc.property(spec, (sp) => {
        const { report } = runToEnd(scenarioOf(sp));
        for (const route of Object.values(report.routes)) {
          const l = route.latencyMs;
          if (route.ok + route.errors === 0) continue;
          expect(l.p50).toBeGreaterThanOrEqual(0);
          expect(l.p50).toBeLessThanOrEqual(l.p95);
          expect(l.p95).toBeLessThanOrEqual(l.p99);
          expect(l.p99).toBeLessThanOrEqual(l.max);
          expect(l.mean).toBeLessThanOrEqual(l.max + 0.001);
        }
        for (const svc of Object.values(report.services)) {
          expect(svc.queueWaitMs.mean).toBeGreaterThanOrEqual(0);
          expect(svc.utilization).toBeGreaterThanOrEqual(0);
          expect(svc.utilization).toBeLessThanOrEqual(1);
        }
      }),
      RUNS(100),
    );
  });

  it('same seed ⇒ same digest and report; running in slices changes nothing; another seed ⇒ another digest', () => {
    fc.assert(
      fc.property(spec, fc.array(fc.integer({ min: 1, max: 999 }), { maxLength: 6 }), (sp, cuts) => {
        const s = scenarioOf(sp);
        const a = runToEnd(s);
        const b = runToEnd(s);
        expect(b.report.digest).toBe(a.report.digest);
        expect(comparable(b.report)).toEqual(comparable(a.report));

        // Slices at arbitrary times, like the worker's frame budgets.
        const sliced = new World(s);
        for (const c of [...cuts].sort((x, y) => x - y)) sliced.runUntil((c / 1000) * s.durationMs);
        sliced.run();
        expect(sliced.digest()).toBe(a.report.digest);
        expect(comparable(sliced.report())).toEqual(comparable(a.report));

        const other = runToEnd({ ...s, seed: s.seed + 1 });
        if (a.report.routes['s0.e'].requests + other.report.routes['s0.e'].requests > 0) {
          expect(other.report.digest).not.toBe(a.report.digest);
        }
      }),
      RUNS(50),
    );
  });
});
