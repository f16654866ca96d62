import { describe, expect, it } from 'vitest';
import { SimRunner } from '../../src/worker/runner';
import { FakeWorld, fakeRunnerHost } from '../helpers/fakeRunnerHost';
import type { Scenario } from '../../src/scenario/types';

const scenario = {
  version: 1, name: 'T', description: 'test', seed: 1, durationMs: 10_000, warmupMs: 0,
  services: [], workload: [], timeline: [], expect: [], layout: {}, file: 't.yaml',
} as unknown as Scenario;

function harness(costPerMs = 0.001) {
  const fake = fakeRunnerHost((clock) => new FakeWorld(clock, costPerMs, scenario.durationMs), scenario);
  const runner = new SimRunner({
    ...fake.host,
    load: (text, file) => text === 'bad'
      ? { ok: false, errors: [{ file, line: 2, column: 3, path: 'x', message: 'bad' }] }
      : { ok: true, scenario },
  });
  return { runner, get out() { return fake.posted.map((p) => p.msg); }, advance: fake.advance, clock: fake.clock, world: fake.world };
}

describe('SimRunner', () => {
  it('loads, then plays at 1× close to real time, in whole-ms steps', () => {
    const h = harness();
    h.runner.handle({ type: 'load', text: 'ok', file: 'a.yaml', id: 1 });
    expect(h.out[0]).toMatchObject({ type: 'loaded', id: 1 });
    h.runner.handle({ type: 'play' });
    h.advance(1000);
    const w = h.world();
    expect(w.now).toBeGreaterThan(900);
    expect(w.now).toBeLessThanOrEqual(1000);
    expect(w.calls.every((t) => Number.isInteger(t))).toBe(true);
  });

  it('keeps the running world when a file is invalid', () => {
    const h = harness();
    h.runner.handle({ type: 'load', text: 'ok', file: 'a.yaml', id: 1 });
    const w = h.world();
    h.runner.handle({ type: 'load', text: 'bad', file: 'b.yaml', id: 2 });
    expect(h.out.at(-1)).toMatchObject({ type: 'invalid', id: 2, file: 'b.yaml' });
    expect(h.world()).toBe(w);
  });

  it('steps exactly, applies actions at whole ms and records them', () => {
    const h = harness();
    h.runner.handle({ type: 'load', text: 'ok', file: 'a.yaml', id: 1 });
    h.runner.handle({ type: 'step', ms: 1000 });
    h.advance(100);
    expect(h.world().now).toBe(1000);
    h.runner.handle({ type: 'action', action: { kind: 'load', workload: 'w', perSec: 5 } });
    expect(h.out.find((m) => m.type === 'recorded')).toMatchObject({ item: { atMs: 1000 } });
  });

  it('at max never spends more than a slice per turn, then finishes with a report', () => {
    const h = harness(0.01); // 10 µs per simulated ms: 100 s of model time per wall second
    h.runner.handle({ type: 'load', text: 'ok', file: 'a.yaml', id: 1 });
    h.runner.handle({ type: 'setSpeed', speed: 'max' });
    h.runner.handle({ type: 'play' });
    const before = h.clock.t;
    h.advance(0); // one turn
    expect(h.clock.t - before).toBeLessThan(15);
    h.advance(1000);
    expect(h.world().done).toBe(true);
    expect(h.out.some((m) => m.type === 'finished')).toBe(true);
    const snaps = h.out.filter((m) => m.type === 'snapshot').length;
    expect(snaps).toBeLessThan(40); // batched: ≤ ~15 per wall second
  });

  it('pauses between slices', () => {
    const h = harness(0.01);
    h.runner.handle({ type: 'load', text: 'ok', file: 'a.yaml', id: 1 });
    h.runner.handle({ type: 'setSpeed', speed: 'max' });
    h.runner.handle({ type: 'play' });
    h.advance(20);
    h.runner.handle({ type: 'pause' });
    const t = h.world().now;
    h.advance(500);
    expect(h.world().now).toBe(t);
  });
});
