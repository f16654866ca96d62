import { describe, expect, it } from 'vitest';
import { runYaml, scenarioFrom, worldFrom } from '../helpers/world';
import { World } from '../../src/model/world';

const single = (opts: { workers?: number; queue?: string | number; cpu?: string; rate?: string; extra?: string; duration?: string; warmup?: string; arrivals?: string; timeout?: string }) => `
version: 1
name: single
seed: 3
duration: ${opts.duration ?? '60s'}
warmup: ${opts.warmup ?? '0s'}
services:
  api:
    workers: ${opts.workers ?? 1}
    queue: ${opts.queue ?? 100}
    endpoints:
      get: [ { cpu: "${opts.cpu ?? 'exp(10ms)'}" } ${opts.extra ?? ''} ]
workload:
  - name: w
    route: api.get
    rate: ${opts.rate ?? '50/s'}
    arrivals: ${opts.arrivals ?? 'poisson'}
    ${opts.timeout ? `timeout: ${opts.timeout}` : ''}
`;

describe('World: instances and queues', () => {
  it('MOD-1 a full queue rejects (503) and the instance serves at its capacity', () => {
    // One worker, constant 100 ms, queue 1, arrivals 30/s: capacity 10/s.
    const r = runYaml(single({ cpu: '100ms', queue: 1, rate: '30/s', arrivals: 'uniform' }));
    const route = r.routes['api.get'];
    expect(route.requests).toBeGreaterThan(1700);
    expect(route.ok / 60).toBeGreaterThan(9.8);
    expect(route.ok / 60).toBeLessThanOrEqual(10.01);
    expect(route.rejected / route.requests).toBeGreaterThan(0.6);
    expect(route.rejected / route.requests).toBeLessThan(0.7);
    expect(r.services.api.rejected).toBe(route.rejected);
    expect(r.services.api.utilization).toBeGreaterThan(0.99);
  });

  it('MOD-2 threads model: the caller holds its worker while it waits for the callee', () => {
    const r = runYaml(`
version: 1
name: hold
duration: 100s
services:
  front:
    workers: 1
    queue: 0
    endpoints:
      go: [ { call: back.work } ]
  back:
    workers: 10
    endpoints:
      work: [ { cpu: 100ms } ]
workload:
  - { name: w, route: front.go, rate: 5/s, arrivals: uniform }
`);
    // front does no CPU itself, yet its one worker is busy 100 ms per request: 5/s × 0.1 s = 50 %.
    expect(r.services.front.utilization).toBeCloseTo(0.5, 2);
    expect(r.services.back.utilization).toBeCloseTo(0.05, 2);
    expect(r.routes['front.go'].latencyMs.mean).toBeCloseTo(100, 3);
  });

  it('MOD-3 warmup: requests arriving before it are not counted', () => {
    const r = runYaml(single({ rate: '10/s', arrivals: 'uniform', warmup: '10s', cpu: '1ms' }));
    // Uniform 10/s from t=0.1 s: arrivals in [10 s, 60 s) are 10.0, 10.1, … 59.9 → 500.
    expect(r.routes['api.get'].requests).toBe(500);
  });

  it('MOD-4 fail steps fail requests with their probability (binomial, 4 SD)', () => {
    const r = runYaml(single({ rate: '200/s', cpu: '1ms', workers: 4, extra: ', { fail: 30% }' })
      + 'expect:\n  - { service: api, errorRate: "> 25%", requests: "> 10000" }\n  - { service: api, errorRate: "< 25%" }\n');
    expect(r.expectations.map((e) => e.passed)).toEqual([true, true, false]);
    expect(r.expectations[0].actual).toMatch(/^(29|30|31)(\.\d+)?%$/);
    const x = r.routes['api.get'];
    const n = x.ok + x.errors;
    expect(Math.abs(x.errors / n - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
    expect(r.services.api.errors).toBe(x.errors);
  });

  it('MOD-5 client timeouts: the client gives up, the callee keeps working', () => {
    const r = runYaml(single({ rate: '5/s', cpu: '200ms', workers: 10, timeout: '100ms' }));
    const x = r.routes['api.get'];
    expect(x.timeouts).toBe(x.requests - x.inFlight);
    expect(x.ok).toBe(0);
    // Work continues: 5/s × 0.2 s = 1 busy worker of 10.
    expect(r.services.api.utilization).toBeGreaterThan(0.08);
  });
});

describe('World: conservation', () => {
  it('CONS-1 every counted request is ok, an error, rejected, timed out or still in flight', () => {
    const yaml = single({ rate: '300/s', cpu: 'exp(20ms)', workers: 4, queue: 5, timeout: '60ms', warmup: '5s', extra: ', { fail: 5% }' })
      .replace('workload:', 'timeline:\n  - { at: 20s, kill: api, count: 1 }\nworkload:');
    const w = worldFrom(yaml);
    w.runUntil(41_111); // stop mid-flight: some requests are still in the system
    const x = w.report().routes['api.get'];
    expect(x.inFlight).toBeGreaterThan(0);
    expect(x.ok * x.errors * x.rejected * x.timeouts).toBeGreaterThan(0);
    expect(x.ok + x.errors + x.rejected + x.timeouts + x.inFlight).toBe(x.requests);
  });
});

describe('World: closed loop', () => {
  it('MOD-6 users with think time obey the interactive response-time law X = N / (R + Z)', () => {
    const r = runYaml(`
version: 1
name: closed
seed: 5
duration: 600s
warmup: 20s
services:
  api:
    workers: 1
    queue: unbounded
    endpoints:
      get: [ { cpu: exp(50ms) } ]
workload:
  - { name: users, route: api.get, users: 15, think: exp(1s) }
`);
    const x = r.routes['api.get'];
    const throughput = x.ok / 580; // per second
    const predicted = 15 / (x.latencyMs.mean / 1000 + 1);
    expect(Math.abs(throughput - predicted) / predicted).toBeLessThan(0.02);
    // And it really is loaded: U = X·S.
    expect(r.services.api.utilization).toBeCloseTo(throughput * 0.05, 1);
  });
});

describe('World: faults and live actions', () => {
  const killYaml = (timeline: string) => `
version: 1
name: kill
duration: 120s
services:
  api:
    instances: 2
    workers: 4
    startup: 5s
    restart: 10s
    endpoints:
      get: [ { cpu: 10ms } ]
workload:
  - { name: w, route: api.get, rate: 20/s }
timeline:
${timeline}
`;

  it('LIFE-1 a killed instance restarts after its back-off plus its cold start', () => {
    const w = worldFrom(killYaml('  - { at: 10s, kill: api, count: 1 }'));
    const states = (t: number) => {
      w.runUntil(t);
      return w.snapshot().services[0].instances.map((i) => i.state);
    };
    expect(states(10_001)).toEqual(['dead', 'ready']);
    expect(states(19_999)).toEqual(['dead', 'ready']);
    expect(states(20_001)).toEqual(['starting', 'ready']);
    expect(states(24_999)).toEqual(['starting', 'ready']);
    expect(states(25_001)).toEqual(['ready', 'ready']);
    w.run();
    expect(w.report().services.api.instances).toEqual({ min: 1, max: 2, final: 2 });
  });

  it('LIFE-2 repeated crashes double the back-off (CrashLoopBackOff: 10 s, 20 s, …)', () => {
    const w = worldFrom(killYaml('  - { at: 10s, kill: api, count: all }\n  - { at: 30s, kill: api, count: all }'));
    const ready = (t: number) => { w.runUntil(t); return w.snapshot().services[0].instances.filter((i) => i.state === 'ready').length; };
    expect(ready(24_999)).toBe(0);
    expect(ready(25_001)).toBe(2); // 10 s + 10 s back-off + 5 s start
    expect(ready(54_999)).toBe(0); // killed again at 30 s: 20 s back-off + 5 s start
    expect(ready(55_001)).toBe(2);
  });

  it('LIFE-3 with no ready instance every request is rejected at once', () => {
    const r = runYaml(killYaml('  - { at: 10s, kill: api, count: all }'));
    const x = r.routes['api.get'];
    // Down from 10 s to 25 s: about 15 s × 20/s = 300 rejected (Poisson, 4 SD).
    expect(Math.abs(x.rejected + x.errors - 300)).toBeLessThan(4 * Math.sqrt(300) + 8);
    expect(x.rejected).toBeGreaterThan(200);
  });

  it('ACT-1 a load action changes the arrival rate from its time on', () => {
    const r = runYaml(single({ rate: '10/s', cpu: '1ms', duration: '200s' }).replace('workload:', 'timeline:\n  - { at: 100s, load: w, rate: 40/s }\nworkload:'));
    // 100 s at 10/s + 100 s at 40/s = 5000 (Poisson, 4 SD).
    expect(Math.abs(r.routes['api.get'].requests - 5000)).toBeLessThan(4 * Math.sqrt(5000));
  });

  it('ACT-2 a live action replays bit-identically from its recorded timeline item', () => {
    const yaml = single({ rate: '50/s', cpu: 'exp(15ms)', duration: '60s' });
    const live = worldFrom(yaml);
    live.runUntil(12_345);
    const item = live.apply({ kind: 'load', workload: 'w', perSec: 120 });
    live.runUntil(30_000);
    const item2 = live.apply({ kind: 'kill', service: 'api', count: 1 });
    live.run();
    expect(item.atMs).toBe(12_345);
    expect(item2.atMs).toBe(30_000);

    const base = scenarioFrom(yaml);
    const replay = new World({ ...base, timeline: [item, item2] });
    replay.run();
    expect(replay.digest()).toBe(live.digest());
    expect(replay.report().routes).toEqual(live.report().routes);

    const untouched = new World(base);
    untouched.run();
    expect(untouched.digest()).not.toBe(live.digest());
  });

  it('DET-1 same scenario and seed give the same digest; another seed another', () => {
    const a = runYaml(single({}));
    const b = runYaml(single({}));
    const c = runYaml(single({}).replace('seed: 3', 'seed: 4'));
    expect(a.digest).toBe(b.digest);
    expect(a.routes).toEqual(b.routes);
    expect(c.digest).not.toBe(a.digest);
  });

  it('DET-2 slicing the run (as the page does) does not change it', () => {
    const yaml = single({ rate: '80/s', workers: 2, cpu: 'lognormal(10ms, 1)' });
    const whole = worldFrom(yaml);
    whole.run();
    const sliced = worldFrom(yaml);
    for (let t = 0; t <= 60_000; t += 777) sliced.runUntil(t);
    sliced.run();
    expect(sliced.digest()).toBe(whole.digest());
  });
});

describe('World: run limits', () => {
  it('LIM-1 a runaway queue stops the run with a typed reason, not a hang', () => {
    const w = worldFrom(single({ rate: '5000/s', cpu: '10ms', queue: 'unbounded', duration: '1h' }), { maxInFlight: 10_000 });
    w.run();
    expect(w.stopped?.reason).toBe('max-in-flight');
    expect(w.stopped?.message).toMatch(/in flight/);
    expect(w.now).toBeLessThan(10_000);
    expect(w.report().stopped?.reason).toBe('max-in-flight');
  });

  it('LIM-2 an event budget stops the run', () => {
    const w = worldFrom(single({ rate: '100/s' }), { maxEvents: 1000 });
    w.run();
    expect(w.stopped?.reason).toBe('max-events');
    expect(w.events).toBe(1000);
  });
});
