/**
 * Messages on the wire for the view's dots: recording them changes nothing in
 * the run (same digest), every call goes out and comes back, answers carry
 * their outcome, times are the model's, and a busy interval is sampled
 * evenly rather than truncated.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFrom } from '../helpers/world';
import { World } from '../../src/model/world';
import { HopKind, HopRing } from '../../src/model/hops';
import type { HopView } from '../../src/model/snapshot';

const yaml = `
version: 1
name: hops
seed: 3
duration: 20s
network: { latency: 1ms, serialize: 0 }
services:
  front:
    workers: 50
    endpoints:
      go:
        - cpu: 2ms
        - call: back.work
          timeout: 30ms
  back:
    workers: 50
    endpoints:
      work: [ { cpu: "bimodal(5ms, 100ms, 0.2)" }, { fail: 10% } ]
workload:
  - { name: w, route: front.go, rate: 20/s, arrivals: uniform }
`;

describe('hops', () => {
  it('HOP-1 recording hops leaves the run as it was (same digest and report)', () => {
    const plain = new World(scenarioFrom(yaml));
    const seen = new World(scenarioFrom(yaml), { hops: true });
    plain.run();
    for (let t = 100; t <= 20_000; t += 100) { seen.runUntil(t); seen.snapshot(); }
    expect(seen.digest()).toBe(plain.digest());
    expect(JSON.stringify({ ...seen.report(), wallMs: 0 })).toBe(JSON.stringify({ ...plain.report(), wallMs: 0 }));
  });

  it('HOP-2 each call goes out with the wire delay and is answered: ok, error (fail 10 %) or timeout (the 100 ms mode)', () => {
    const w = new World(scenarioFrom(yaml), { hops: true });
    const hops: HopView[] = [];
    for (let t = 50; t <= 20_000; t += 50) { w.runUntil(t); hops.push(...w.snapshot().hops); }
    const calls = hops.filter((h) => h.from === 'front' && !h.answer);
    const answers = hops.filter((h) => h.from === 'front' && h.answer);
    const r = w.report();
    expect(calls.length).toBe(r.edges['front → back'].calls);
    for (const c of calls) expect(c.t1 - c.t0).toBeCloseTo(1, 9);
    const by = (o: string) => answers.filter((a) => a.outcome === o).length;
    expect(by('timeout')).toBe(r.edges['front → back'].timeouts);
    // Timed-out calls are still answered later by back (wasted work): answers = calls + timeouts, minus those still out.
    expect(answers.length - by('timeout')).toBeLessThanOrEqual(calls.length);
    expect(answers.length - by('timeout')).toBeGreaterThan(calls.length - 10);
    expect(by('error')).toBeGreaterThan(0.05 * calls.length);
    expect(by('error')).toBeLessThan(0.15 * calls.length);
    // The client's requests are dots too.
    expect(hops.filter((h) => h.from === 'client:w' && !h.answer).length).toBe(r.routes['front.go'].requests);
  });

  it('HOP-3 more hops than a snapshot shows: an even sample across the interval, not the last ones', () => {
    const ring = new HopRing();
    for (let i = 0; i < 1000; i++) ring.add(0, i, i, HopKind.Call, 0, 1);
    const got = ring.take(100, () => ['a', 'b']);
    expect(got.length).toBe(100);
    expect(got[0]!.t0).toBe(0);
    expect(got[99]!.t0).toBeGreaterThanOrEqual(980);
    expect(got[50]!.t0).toBe(500);
    expect(ring.take(100, () => ['a', 'b'])).toEqual([]); // taken once
  });
});
