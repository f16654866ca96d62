/**
 * Instance lifecycle under scaling (semantics.md, Kubernetes): new replicas
 * start cold and get no traffic until ready (LIFE-1); a removed ready pod
 * drains — no new requests, what it holds finishes — for up to
 * terminationGracePeriodSeconds 30 s, then stops (LIFE-2, LIFE-3); the
 * ReplicaSet removes not-ready pods first, then the most recently ready
 * (LIFE-4); `for` scales back (LIFE-5); discovery decides how long callers
 * still try a removed instance (LIFE-6); `kill … instance: n` crashes that
 * one (LIFE-7).
 */
import { describe, expect, it } from 'vitest';
import { worldFrom } from '../helpers/world';
import type { World } from '../../src/model/world';

const api = (opts: { instances?: number; cpu?: string; timeline: string; discovery?: string; rate?: string; front?: boolean }) => `
version: 1
name: lifecycle
seed: 5
duration: 3m
${opts.discovery ?? ''}
services:
${opts.front ? `  front:
    instances: 2
    workers: 64
    endpoints:
      go: [ { call: api.get } ]` : ''}
  api:
    instances: ${opts.instances ?? 2}
    workers: 8
    startup: 10s
    endpoints:
      get: [ { cpu: "${opts.cpu ?? 'exp(10ms)'}" } ]
workload:
  - { name: w, route: ${opts.front ? 'front.go' : 'api.get'}, rate: ${opts.rate ?? '50/s'}, arrivals: uniform }
timeline:
${opts.timeline}
`;

const states = (w: World) => w.snapshot().services.find((s) => s.name === 'api')!.instances.map((i) => `${i.n}:${i.state}`);
const arrived = (w: World) => Object.fromEntries(w.snapshot().services.find((s) => s.name === 'api')!.instances.map((i) => [i.n, i.arrived]));

describe('lifecycle: scaling, draining, stopping', () => {
  it('LIFE-1 scale up: new instances start cold (startup 10 s), get nothing until ready, then their share', () => {
    const w = worldFrom(api({ timeline: '  - { at: 30s, set: api.instances, value: 4 }' }));
    w.runUntil(39_999);
    expect(states(w)).toEqual(['1:ready', '2:ready', '3:starting', '4:starting']);
    expect([arrived(w)[3], arrived(w)[4]]).toEqual([0, 0]);
    w.runUntil(100_000);
    expect(states(w)).toEqual(['1:ready', '2:ready', '3:ready', '4:ready']);
    // 60 s at 50/s over four round-robin instances: about 750 each since 40 s.
    expect(arrived(w)[3]).toBeGreaterThan(700);
    expect(arrived(w)[3]).toBeLessThan(800);
  });

  it('LIFE-2 scale down: a ready instance drains — no new requests, what it holds finishes (no errors) — then stops', () => {
    // 8 s jobs at 1/s on two instances: each holds about 4 when it is told to go.
    const w = worldFrom(api({ cpu: '8s', rate: '1/s', timeline: '  - { at: 60s, set: api.instances, value: 1 }' }));
    w.runUntil(60_001);
    expect(states(w)).toEqual(['1:ready', '2:draining']);
    const drainingArrived = arrived(w)[2];
    w.runUntil(65_000);
    expect(states(w)).toEqual(['1:ready', '2:draining']);
    expect(arrived(w)[2]).toBe(drainingArrived); // no new requests
    w.runUntil(68_001);
    expect(states(w)).toEqual(['1:ready']); // stopped: it leaves the view once its last 8 s job (sent before 60 s) is done
    w.run();
    const r = w.report();
    expect(r.routes['api.get'].errors).toBe(0);
    expect(r.services.api.perInstance.map((i) => i.state)).toEqual(['ready', 'stopped']);
  });

  it('LIFE-3 the grace period is 30 s (terminationGracePeriodSeconds): what is still running then fails', () => {
    const w = worldFrom(api({ cpu: '100s', rate: '0.2/s', timeline: '  - { at: 60s, set: api.instances, value: 1 }' }));
    w.runUntil(89_999);
    expect(states(w)).toEqual(['1:ready', '2:draining']);
    w.runUntil(90_001);
    expect(states(w)).toEqual(['1:ready']);
    w.run();
    // Instance 2 held the requests sent at 10, 20, …, 50 s (round robin, one in two): all failed at 90 s.
    expect(w.report().routes['api.get'].errors).toBe(5);
  });

  it('LIFE-4 the ReplicaSet removes not-ready pods first (at once), then the most recently ready', () => {
    const w = worldFrom(api({
      instances: 3,
      cpu: '1s', // so the drained one still holds requests
      rate: '10/s',
      timeline: [
        '  - { at: 20s, set: api.instances, value: 4 }', // #4 ready at 30 s: the most recently ready
        '  - { at: 40s, set: api.instances, value: 5 }', // #5 still starting at 45 s
        '  - { at: 45s, set: api.instances, value: 3 }',
      ].join('\n'),
    }));
    w.runUntil(45_001);
    expect(states(w)).toEqual(['1:ready', '2:ready', '3:ready', '4:draining']);
  });

  it('LIFE-5 with for, the replica count comes back: new instances start cold again', () => {
    const w = worldFrom(api({ timeline: '  - { at: 30s, for: 60s, set: api.instances, value: 1 }' }));
    w.runUntil(60_000);
    expect(states(w)).toEqual(['1:ready']);
    w.runUntil(90_001);
    expect(states(w)).toEqual(['1:ready', '3:starting']);
    w.runUntil(100_001);
    expect(states(w)).toEqual(['1:ready', '3:ready']);
  });

  it('LIFE-6 discovery: ideal and server callers stop at once or within ~1 s; client views try the removed one until they refresh (≤ 30 s)', () => {
    const refusedAfter = (discovery: string) => {
      const w = worldFrom(api({ front: true, discovery, rate: '100/s', timeline: '  - { at: 60s, set: api.instances, value: 1 }' }));
      const at = (t: number) => { w.runUntil(t); return w.report().edges['front → api'].refused; };
      const before = at(60_000);
      return [at(61_500) - before, at(90_001) - before, at(180_000) - before];
    };
    expect(refusedAfter('')).toEqual([0, 0, 0]);
    const server = refusedAfter('discovery: { mode: server }');
    expect(server[0]).toBeGreaterThan(0); // the endpoint goes after about a second
    expect(server[0]).toBeLessThanOrEqual(60);
    expect(server[2]).toBe(server[0]);
    const client = refusedAfter('discovery: { mode: client }');
    expect(client[1]).toBeGreaterThan(200); // half the calls for up to 30 s
    expect(client[2]).toBe(client[1]); // every view refreshed within 30 s
  });

  it('LIFE-7 kill … instance: n crashes that instance and no other; it restarts after the back-off', () => {
    const w = worldFrom(api({ instances: 3, timeline: '  - { at: 30s, kill: api, instance: 2 }' }));
    w.runUntil(30_001);
    expect(states(w)).toEqual(['1:ready', '2:dead', '3:ready']);
    w.runUntil(50_001); // restart 10 s + startup 10 s
    expect(states(w)).toEqual(['1:ready', '2:ready', '3:ready']);
  });
});

describe('settings changed live', () => {
  const mm = (timeline: string) => `
version: 1
name: capacity
seed: 9
duration: 120s
services:
  api:
    workers: 1
    queue: unbounded
    endpoints:
      get: [ { cpu: exp(10ms) } ]
workload:
  - { name: w, route: api.get, rate: 90/s }
timeline:
${timeline}
`;

  it('SET-W more workers drain the queue at once: M/M/1 at ρ = 0.9 (W = 100 ms) becomes M/M/4 (W ≈ 10 ms)', () => {
    const w = worldFrom(mm('  - { at: 60s, set: api.workers, value: 4 }'));
    w.runUntil(59_999);
    const before = w.snapshot().services[0]!.instances[0]!;
    expect(before.workers).toBe(1);
    w.runUntil(60_001);
    const after = w.snapshot().services[0]!.instances[0]!;
    expect(after.workers).toBe(4);
    expect(after.queued).toBeLessThanOrEqual(Math.max(0, before.queued - 3));
    w.run();
    // Requests sent after the change: M/M/4 at a = 0.9 waits almost never; mean ≈ 10 ms.
    const late = worldFrom(mm('  - { at: 0s, set: api.workers, value: 4 }'));
    late.run();
    expect(late.report().routes['api.get'].latencyMs.mean).toBeLessThan(12);
  });

  it('SET-Q a queue of 0 from now on: arrivals that find every worker busy are refused (Erlang B, not C)', () => {
    const w = worldFrom(mm('  - { at: 0s, set: api.queue, value: 0 }'));
    w.run();
    const r = w.report();
    // M/M/1/1 at a = 0.9: blocking = a / (1 + a) = 0.4737.
    const blocked = r.routes['api.get'].rejected / r.routes['api.get'].requests;
    expect(Math.abs(blocked - 0.9 / 1.9)).toBeLessThan(0.02);
  });

  it('SET-F with for, the setting comes back', () => {
    const w = worldFrom(mm('  - { at: 10s, for: 10s, set: api.workers, value: 3 }'));
    w.runUntil(15_000);
    expect(w.snapshot().services[0]!.instances[0]!.workers).toBe(3);
    w.runUntil(20_001);
    expect(w.snapshot().services[0]!.instances[0]!.workers).toBe(1);
  });
});
