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
