/**
 * The request path between services (semantics.md): timeouts that leave the
 * callee working, retries that multiply load, breakers and bulkheads that
 * fail fast, fallbacks that degrade, parallel fan-out, the async model and
 * injected faults.
 */
import { describe, expect, it } from 'vitest';
import { runYaml, worldFrom } from '../helpers/world';

const two = (call: string, backEndpoint = '[ { cpu: 100ms } ]', extra = '', front = '') => `
version: 1
name: two
seed: 4
duration: 60s
services:
  front:
    workers: 50
    ${front}
    endpoints:
      go:
        - call: back.work
${call.split('\n').map((l) => '          ' + l).join('\n')}
  back:
    workers: 50
    endpoints:
      work: ${backEndpoint}
workload:
  - { name: w, route: front.go, rate: 10/s, arrivals: uniform }
${extra}
`;

describe('calls', () => {
  it('CALL-1 a timeout answers the caller at the timeout; the callee keeps working (wasted work)', () => {
    const r = runYaml(two('timeout: 40ms'));
    const e = r.edges['front → back'];
    expect(e.timeouts).toBe(e.calls);
    expect(r.routes['front.go'].errors).toBe(r.routes['front.go'].requests - r.routes['front.go'].inFlight);
    expect(r.routes['front.go'].latencyMs.max).toBeCloseTo(40, 1);
    // Each abandoned job still ran its 100 ms.
    expect(r.services.back.wastedMs / e.timeouts).toBeCloseTo(100, 0);
    expect(r.services.back.utilization).toBeGreaterThan(0.015);
  });

  it('CALL-2 fallback: skip answers ok but degraded', () => {
    const r = runYaml(two('timeout: 40ms\nfallback: skip'));
    const x = r.routes['front.go'];
    expect(x.errors).toBe(0);
    expect(x.degraded).toBe(x.ok);
    expect(x.ok).toBeGreaterThan(500);
  });

  it('RTY-5 retries multiply load: r retries at each of k layers give (r+1)^k attempts at a failing leaf', () => {
    const r = runYaml(`
version: 1
name: storm
duration: 10s
services:
  a:
    workers: 100
    endpoints:
      go:
        - call: b.go
          retry: { max: 2, backoff: 1ms }
  b:
    workers: 100
    endpoints:
      go:
        - call: c.go
          retry: { max: 2, backoff: 1ms }
  c:
    workers: 100
    endpoints:
      go: [ { cpu: 1ms }, { fail: 100% } ]
workload:
  - { name: w, route: a.go, rate: 20/s, arrivals: uniform }
`);
    const done = r.routes['a.go'].errors;
    expect(done).toBeGreaterThan(150);
    // Every finished request caused exactly 3 attempts at b and 9 at c.
    expect(r.edges['a → b'].calls).toBeGreaterThanOrEqual(3 * done);
    expect(r.edges['b → c'].calls).toBeGreaterThanOrEqual(9 * done);
    expect(r.edges['b → c'].calls).toBeLessThanOrEqual(9 * (done + r.routes['a.go'].inFlight));
    expect(r.edges['a → b'].retries).toBe(r.edges['a → b'].calls - (done + r.routes['a.go'].inFlight));
  });

  it('BRK-8 a failing callee opens each caller instance\'s breaker; open breakers fail fast; it closes after the fault', () => {
    const w = worldFrom(two('breaker: { window: 10, minCalls: 10, failureRate: 50%, open: 5s, halfOpenCalls: 3 }', '[ { cpu: 5ms } ]',
      'timeline:\n  - { at: 10s, for: 20s, errors: back, rate: 100% }', 'instances: 2'));
    w.runUntil(9_000);
    expect(w.snapshot().edges.find((e) => e.from === 'front')?.breakers).toEqual({ closed: 2, open: 0, halfOpen: 0 });
    w.runUntil(12_000);
    expect(w.snapshot().edges.find((e) => e.from === 'front')?.breakers).toEqual({ closed: 0, open: 2, halfOpen: 0 });
    w.run();
    const r = w.report();
    expect(w.snapshot().edges.find((e) => e.from === 'front')?.breakers).toEqual({ closed: 2, open: 0, halfOpen: 0 });
    // Opened once per caller instance, then again after each failed half-open trial during the 20 s fault.
    expect(r.services.front.breakers.back.opened).toBeGreaterThanOrEqual(2 * 3);
    const log = r.edges['front → back'].breakerTransitions;
    expect(log[0]).toMatchObject({ from: 'closed', to: 'open' });
    expect(log[0].atMs).toBeGreaterThanOrEqual(10_000);
    expect(log.map((t) => t.to)).toContain('half-open');
    expect(log.at(-1)?.to).toBe('closed');
    expect(r.edges['front → back'].breakerRejected).toBeGreaterThan(100);
    // While open, calls never reached back: back saw far fewer than 20 s × 10/s requests in the fault.
    expect(r.services.back.errors).toBeLessThan(100);
  });

  it('BRK-9 the view counts every live caller instance: one that has not called yet is closed; dead ones are left out', () => {
    const w = worldFrom(two('breaker: true', '[ { cpu: 5ms } ]', 'timeline:\n  - { at: 5s, for: 30s, kill: front, count: 1 }', 'instances: 3'));
    const badge = () => w.snapshot().edges.find((e) => e.from === 'front')?.breakers;
    expect(badge()).toEqual({ closed: 3, open: 0, halfOpen: 0 }); // before any call
    w.runUntil(6_000);
    expect(badge()).toEqual({ closed: 2, open: 0, halfOpen: 0 });
    expect(w.snapshot().edges.find((e) => e.from === 'client:w')?.breakers).toBeNull(); // no breaker on that call
  });

  it('BH-1 a bulkhead caps concurrent calls per caller instance and rejects the rest at once', () => {
    const r = runYaml(two('bulkhead: 2', '[ { cpu: 450ms } ]'));
    const e = r.edges['front → back'];
    // Arrivals every 100 ms, calls of 450 ms, 2 permits: each permit takes every 5th arrival → 4 of 10 get through.
    expect(e.bulkheadRejected).toBeGreaterThan(300);
    expect(e.calls / 60).toBeCloseTo(4, 0);
    expect(r.routes['front.go'].latencyMs.p50).toBeLessThan(1);
  });

  it('BH-2 a restarted caller starts with no permits, counts or breakers: they lived in the crashed process', () => {
    // Found by the request-path property test: the permits of a killed caller's calls outlived it.
    const r = runYaml(`
version: 1
name: bulkhead after a restart
duration: 5s
services:
  a:
    workers: 1
    startup: 0ms
    endpoints:
      e:
        - call: b.e
          bulkhead: 1
          breaker: { window: 2, open: 1m }
  b:
    workers: 100
    endpoints:
      e: [ { cpu: 10s } ]
workload:
  - { name: w, route: a.e, rate: 10/s, arrivals: uniform }
timeline:
  - { at: 1s, for: 500ms, kill: a, count: 1 }
`);
    const e = r.edges['a → b'];
    // Before the kill: one call holds the only permit. After the restart at 1.5 s: a fresh permit, one more call.
    expect(e.calls).toBe(2);
    expect(r.services.b.requests).toBe(2);
  });

  it('PAR-1 a parallel fan-out takes as long as its slowest part', () => {
    const r = runYaml(`
version: 1
name: fan
duration: 20s
services:
  api:
    workers: 10
    endpoints:
      page:
        - parallel:
            - call: slow.get
            - call: fast.get
  slow:
    workers: 10
    endpoints:
      get: [ { cpu: 30ms } ]
  fast:
    workers: 10
    endpoints:
      get: [ { cpu: 10ms } ]
workload:
  - { name: w, route: api.page, rate: 5/s, arrivals: uniform }
`);
    expect(r.routes['api.page'].latencyMs.mean).toBeCloseTo(30, 3);
    expect(r.routes['api.page'].latencyMs.max).toBeCloseTo(30, 3);
  });

  it('ASYNC-1 the async model releases the worker while waiting; threads hold it', () => {
    const model = (m: string) => runYaml(`
version: 1
name: async
duration: 60s
services:
  front:
    workers: 1
    queue: 0
    model: ${m}
    endpoints:
      go: [ { call: back.work } ]
  back:
    workers: 10
    endpoints:
      work: [ { cpu: 100ms } ]
workload:
  - { name: w, route: front.go, rate: 20/s, arrivals: uniform }
`);
    const threads = model('threads'), async = model('async');
    // One held worker serves at most 10/s of 100 ms calls; the rest are refused.
    expect(threads.routes['front.go'].rejected).toBeGreaterThan(500);
    expect(async.routes['front.go'].rejected).toBe(0);
    expect(async.routes['front.go'].ok).toBeGreaterThan(1150);
  });
});

describe('faults', () => {
  const base = (timeline: string) => `
version: 1
name: faults
seed: 8
duration: 60s
services:
  front:
    workers: 20
    endpoints:
      go: [ { call: back.work } ]
  back:
    workers: 20
    endpoints:
      work: [ { cpu: 10ms } ]
workload:
  - { name: w, route: front.go, rate: 50/s, arrivals: uniform }
expect:
  - { route: front.go, mean: "< 1s", during: [20s, 40s] }
  - { route: front.go, errorRate: "< 1", during: [20s, 40s] }
timeline:
${timeline}
`;
  const during = (r: ReturnType<typeof runYaml>) => r.expectations.map((e) => e.actual);

  it('FLT-1 errors: the service fails that share of its requests while the fault lasts', () => {
    const r = runYaml(base('  - { at: 20s, for: 20s, errors: back, rate: 30% }'));
    const x = r.routes['front.go'];
    const n = 20 * 50;
    expect(Math.abs(x.errors - 0.3 * n)).toBeLessThan(4 * Math.sqrt(n * 0.3 * 0.7));
    expect(during(r)[1]).toMatch(/^(2[6-9]|3[0-4])(\.\d+)?%$/);
  });

  it('FLT-2 slow: CPU steps take factor× longer while it lasts', () => {
    const r = runYaml(base('  - { at: 20s, for: 20s, slow: back, factor: 3 }'));
    expect(during(r)[0]).toBe('30ms');
    expect(r.routes['front.go'].latencyMs.p50).toBeCloseTo(10, 0);
  });

  it('FLT-3 latency: answers are delayed by the added latency, workers are not held', () => {
    const r = runYaml(base('  - { at: 20s, for: 20s, latency: back, add: 200ms }'));
    expect(during(r)[0]).toBe('210ms');
    expect(r.services.back.utilization).toBeCloseTo(0.025, 2);
  });

  it('FLT-4 partition: calls between the two fail at once, both ways, then recover', () => {
    const r = runYaml(base('  - { at: 20s, for: 20s, partition: [back, front] }'));
    expect(r.routes['front.go'].errors).toBe(1000);
    expect(r.edges['front → back'].errors).toBe(1000);
    expect(during(r)[1]).toBe('100%');
  });
});

describe('balancers', () => {
  const spread = (balancer: string) => {
    const w = worldFrom(`
version: 1
name: lb
seed: 12
duration: 120s
services:
  front:
    workers: 64
    endpoints:
      go: [ { call: back.work } ]
  back:
    instances: 4
    workers: 4
    queue: unbounded
    balancer: ${balancer}
    endpoints:
      work: [ { cpu: exp(40ms) } ]
workload:
  - { name: w, route: front.go, rate: 280/s }
`);
    w.run();
    const counts = w.snapshot().services[1].instances.map((i) => i.arrived);
    const total = counts.reduce((a, b) => a + b);
    return { counts, total, p99: w.report().routes['front.go'].latencyMs.p99 };
  };

  it('BAL-1 round-robin splits evenly; random splits as a multinomial; p2c and least-connections spread over all', () => {
    const rr = spread('round-robin');
    expect(Math.max(...rr.counts) - Math.min(...rr.counts)).toBeLessThanOrEqual(1);
    const random = spread('random');
    const sd = Math.sqrt(random.total * 0.25 * 0.75);
    for (const c of random.counts) expect(Math.abs(c - random.total / 4)).toBeLessThan(4 * sd);
    for (const kind of ['p2c', 'least-connections']) {
      const x = spread(kind);
      for (const c of x.counts) expect(c).toBeGreaterThan(x.total / 8);
    }
  });

  it('BAL-2 load-aware balancers cut the tail that random choice leaves (ρ = 0.7)', () => {
    const random = spread('random'), p2c = spread('p2c'), lc = spread('least-connections');
    expect(p2c.p99).toBeLessThan(random.p99);
    expect(lc.p99).toBeLessThan(random.p99);
  });
});

describe('runaway retries', () => {
  it('LIM-3 a retry storm that would explode is stopped by a run limit that names the retried call', () => {
    // Every layer times out fast and retries 10 times; timed-out attempts keep
    // their place in the leaf's queue, so the leaf's backlog explodes.
    const layer = (name: string, next: string) => `
  ${name}:
    workers: 10000
    queue: unbounded
    endpoints:
      go:
        - call: ${next}.go
          timeout: 20ms
          retry: { max: 10, backoff: 1ms }`;
    const w = worldFrom(`
version: 1
name: storm
duration: 60s
services:${layer('a', 'b')}${layer('b', 'c')}${layer('c', 'd')}
  d:
    workers: 2
    queue: unbounded
    endpoints:
      go: [ { cpu: 5ms } ]
workload:
  - { name: w, route: a.go, rate: 200/s }
`, { maxInFlight: 100_000 });
    w.run();
    expect(w.stopped?.reason).toBe('max-in-flight');
    expect(w.stopped?.message).toMatch(/waiting at service "d"; retries multiply the load: [a-c] → [b-d] retried [\d,]+ times/);
    expect(w.now).toBeLessThan(30_000);
  });
});
