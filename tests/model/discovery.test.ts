/**
 * Discovery staleness (semantics.md): Eureka-style client views keep sending
 * traffic to a killed instance until its lease lapses (last renewal + 90 s)
 * and each caller refreshes (≤ 30 s later); Kubernetes endpoints drop a
 * crashed container about a second after it exits; an ideal registry at once.
 */
import { describe, expect, it } from 'vitest';
import { worldFrom } from '../helpers/world';

const yaml = (discovery: string) => `
version: 1
name: discovery
seed: 2
duration: 5m
${discovery}
services:
  front:
    instances: 3
    workers: 16
    endpoints:
      go: [ { call: api.get } ]
  api:
    instances: 2
    workers: 16
    endpoints:
      get: [ { cpu: 5ms } ]
workload:
  - { name: w, route: front.go, rate: 40/s }
timeline:
  - { at: 45s, for: 4m, kill: api, count: 1 }
`;

/** Cumulative refused calls front → api at each second. */
function refusedOverTime(discovery: string): number[] {
  const w = worldFrom(yaml(discovery));
  const out: number[] = [];
  for (let t = 1000; t <= 300_000; t += 1000) {
    w.runUntil(t);
    out.push(w.report().edges['front → api'].refused);
  }
  return out;
}

const lastIncrease = (xs: number[]) => {
  let last = -1;
  for (let i = 1; i < xs.length; i++) if (xs[i] > xs[i - 1]) last = i;
  return last + 1; // seconds
};

describe('discovery', () => {
  it('DISC-1 client mode: a killed instance gets traffic until its lease lapses and views refresh (up to ~2 min)', () => {
    const refused = refusedOverTime('discovery: { mode: client }');
    // Killed at 45 s; last renewal at 30 s; lease lapses at 120 s; views refresh within 30 s after.
    const stop = lastIncrease(refused);
    expect(stop).toBeGreaterThan(120);
    expect(stop).toBeLessThanOrEqual(151);
    // Half the calls went to the dead instance until the first views refreshed.
    expect(refused[100] - refused[50]).toBeGreaterThan(0.4 * 40 * 50);
  });

  it('DISC-2 server mode: endpoints drop the crashed container about a second after it exits', () => {
    const refused = refusedOverTime('discovery: { mode: server }');
    const stop = lastIncrease(refused);
    expect(stop).toBeGreaterThanOrEqual(45);
    expect(stop).toBeLessThanOrEqual(47);
    expect(refused[refused.length - 1]).toBeLessThan(60);
  });

  it('DISC-3 without a discovery section callers see the change at once', () => {
    expect(refusedOverTime('').at(-1)).toBe(0);
  });

  it('DISC-4 client mode: callers find a new instance only when their view refreshes', () => {
    const w = worldFrom(yaml('discovery: { mode: client, refresh: 20s }').replace('for: 4m, ', 'for: 60s, '));
    // Back at 45 + 60 s, ready after its 5 s start: 110 s. Views refresh within 20 s after.
    const arrivedAt = (t: number) => { w.runUntil(t); return w.snapshot().services[1].instances[0].arrived; };
    const before = arrivedAt(110_500);
    expect(arrivedAt(111_000)).toBeLessThanOrEqual(before + 40); // some callers see it, not all
    const after = arrivedAt(131_000);
    const later = arrivedAt(141_000);
    // By 130 s every view has it: it takes its half of 40/s.
    expect((later - after) / 10).toBeGreaterThan(15);
    expect(w.snapshot().services[1].instances[0].discoverable).toBe(true);
  });
});

describe('readiness probes (server mode)', () => {
  // Two instances of one worker at 100 ms: capacity 20/s. From 30 s the load is 30/s for 60 s, then 5/s.
  const overload = (discovery: string) => `
version: 1
name: probes
seed: 4
duration: 4m
${discovery}
services:
  api:
    instances: 2
    workers: 1
    queue: unbounded
    endpoints:
      get: [ { cpu: 100ms } ]
workload:
  - name: w
    route: api.get
    rate: [ { at: 0s, rate: 10/s }, { at: 30s, rate: 10/s }, { at: 30.001s, rate: 30/s }, { at: 90s, rate: 30/s }, { at: 90.001s, rate: 5/s } ]
    arrivals: uniform
`;

  it('PRB-1 requests that wait over the 1 s probe timeout fail 3 probes in a row (10 s apart): the instance leaves the endpoints', () => {
    const w = worldFrom(overload('discovery: { mode: server }'));
    const out: { t: number; endpoints: number }[] = [];
    for (let t = 1000; t <= 240_000; t += 1000) {
      w.runUntil(t);
      out.push({ t, endpoints: w.snapshot().services[0]!.instances.filter((i) => i.discoverable).length });
    }
    const at = (t: number) => out.find((o) => o.t === t)!.endpoints;
    expect(at(30_000)).toBe(2);
    // Waits pass 1 s about 20 s into the overload (the queue grows by 10/s, 5 per instance, 0.1 s each);
    // 3 failed probes later (≤ 30 s) both are out: the Service has no endpoint left.
    const gone = out.find((o) => o.t > 30_000 && o.endpoints === 0);
    expect(gone).toBeDefined();
    expect(gone!.t).toBeGreaterThan(50_000);
    expect(gone!.t).toBeLessThan(90_000);
    // With no endpoint, requests are refused at once; the queues drain; a passed probe brings them back.
    expect(at(240_000)).toBe(2);
    const r = w.report();
    expect(r.routes['api.get'].rejected).toBeGreaterThan(100);
  });

  it('PRB-2 the same overload under an ideal registry keeps every instance (no probes): requests queue instead', () => {
    const w = worldFrom(overload(''));
    w.run();
    expect(w.report().routes['api.get'].rejected).toBe(0);
  });
});
