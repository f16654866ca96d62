/**
 * The event log in words: keeping it changes nothing in the run; lifecycle,
 * breaker, fault and scaling events carry the model's times; failures are
 * summed per interval per edge with a trace id that the trace sample holds.
 */
import { describe, expect, it } from 'vitest';
import { scenarioFrom } from '../helpers/world';
import { World } from '../../src/model/world';
import type { LogEntry } from '../../src/model/snapshot';

const yaml = `
version: 1
name: log
seed: 7
duration: 60s
services:
  front:
    instances: 2
    workers: 20
    endpoints:
      go:
        - call: back.work
          timeout: 100ms
          breaker: { window: 10, minCalls: 5, open: 5s, halfOpenCalls: 2 }
  back:
    instances: 2
    workers: 20
    restart: 10s
    startup: 5s
    endpoints:
      work: [ { cpu: exp(10ms) } ]
workload:
  - { name: w, route: front.go, rate: 50/s }
timeline:
  - { at: 10s, kill: back, count: all }
  - { at: 40s, for: 5s, latency: back, add: 500ms }
  - { at: 50s, set: back.instances, value: 3 }
`;

function collect(w: World, until: number): LogEntry[] {
  const out: LogEntry[] = [];
  for (let t = 500; t <= until; t += 500) { w.runUntil(t); out.push(...w.snapshot().log); }
  return out;
}

describe('event log', () => {
  it('LOG-1 keeping a log leaves the run as it was', () => {
    const plain = new World(scenarioFrom(yaml));
    plain.run();
    const logged = new World(scenarioFrom(yaml), { log: true });
    collect(logged, 60_000);
    expect(logged.digest()).toBe(plain.digest());
  });

  it('LOG-2 lifecycle, breakers, faults and scaling are logged at the model\'s times', () => {
    const log = collect(new World(scenarioFrom(yaml), { log: true }), 60_000);
    const at = (kind: LogEntry['kind']) => log.filter((e) => e.kind === kind).map((e) => e.t);
    expect(at('crash')).toEqual([10_000, 10_000]);
    // CrashLoopBackOff 10 s, then a 5 s cold start.
    expect(at('restart')).toEqual([20_000, 20_000]);
    expect(at('ready').filter((t) => t < 50_000)).toEqual([25_000, 25_000]);
    expect(at('breaker').length).toBeGreaterThanOrEqual(2);
    expect(log.find((e) => e.kind === 'breaker')!.text).toMatch(/^breaker front #[12] → back: closed → open$/);
    expect(at('fault')).toEqual([40_000]);
    expect(at('fault-end')).toEqual([45_000]);
    expect(log.find((e) => e.kind === 'scale')).toMatchObject({ t: 50_000, service: 'back', text: 'scaled from 2 to 3 instances' });
    expect(at('ready').filter((t) => t >= 50_000)).toEqual([55_000]);
  });

  it('LOG-3 failures are summed per interval and edge, with a trace id from the kept sample', () => {
    const w = new World(scenarioFrom(yaml), { log: true });
    const log = collect(w, 30_000);
    const failures = log.filter((e) => e.kind === 'failures' && e.service === 'front');
    // From the kill (10 s) until back is ready again (25 s): one line per second.
    expect(failures.length).toBeGreaterThanOrEqual(14);
    expect(failures.every((e) => e.t % 1000 === 0)).toBe(true);
    expect(failures.some((e) => /calls front → back in the last 1 s: .*(failed|refused|rejected)/.test(e.text))).toBe(true);
    const traced = failures.filter((e) => e.trace !== null);
    expect(traced.length).toBeGreaterThan(0);
    const kept = new Set(w.traces().map((t) => t.traceId));
    expect(kept.has(traced[traced.length - 1]!.trace!)).toBe(true);
  });
});
