/**
 * Max speed eases in: for runnerDefaults.easeInMs of wall time after a Play
 * from the run's start the loop rests easeInRestMs between slices (the page's
 * first frames get the CPU), then runs flat out; a resume mid-run, other
 * speeds and steps are not affected.
 */
import { describe, expect, it } from 'vitest';
import { runnerDefaults, SimRunner } from '../../src/worker/runner';
import type { Scenario } from '../../src/scenario/types';
import { FakeWorld, fakeRunnerHost } from '../helpers/fakeRunnerHost';

const DURATION_MS = 3_600_000;
const scenario = {
  version: 1, name: 'T', description: 'test', seed: 1, durationMs: DURATION_MS, warmupMs: 0,
  services: [], workload: [], timeline: [], expect: [], layout: {}, file: 't.yaml',
} as unknown as Scenario;

function harness() {
  // 0.01 fake wall ms per simulated ms: 100× real time flat out, so slices fill their 10 ms.
  const fake = fakeRunnerHost((c) => new FakeWorld(c, { perMs: 0.01 }, DURATION_MS), scenario);
  const runner = new SimRunner(fake.host);
  runner.handle({ type: 'load', text: 'x', file: 't.yaml', id: 1 });
  fake.advance();
  return { ...fake, send: runner.handle.bind(runner) };
}

describe('max speed eases in after Play', () => {
  it('rests between slices for the first easeInMs after Play, then not at all', () => {
    expect(runnerDefaults.easeInRestMs).toBeGreaterThan(0);
    const h = harness();
    h.send({ type: 'setSpeed', speed: 'max' });
    const t0 = h.clock.t;
    h.delays.length = 0;
    h.send({ type: 'play' });
    h.advance(3 * runnerDefaults.easeInMs);
    const turns = h.delays.filter((d) => d.wall > t0);
    const early = turns.filter((d) => d.wall - t0 < runnerDefaults.easeInMs);
    const late = turns.filter((d) => d.wall - t0 >= runnerDefaults.easeInMs);
    expect(early.length).toBeGreaterThan(10);
    expect(late.length).toBeGreaterThan(10);
    expect(new Set(early.map((d) => d.ms))).toEqual(new Set([runnerDefaults.easeInRestMs]));
    expect(new Set(late.map((d) => d.ms))).toEqual(new Set([0]));
    // It is a rest, not a stop: the run gets on, and after the ease-in the loop never waits.
    expect(h.world().now).toBeGreaterThan(0);
  });

  it('a resume mid-run does not ease in, a Play after a restart does; a step and paced speeds are unchanged', () => {
    const h = harness();
    h.send({ type: 'setSpeed', speed: 'max' });
    h.send({ type: 'play' });
    h.advance(runnerDefaults.easeInMs / 2);
    h.send({ type: 'pause' });
    h.advance(100);
    h.delays.length = 0;
    h.send({ type: 'play' });
    h.advance(runnerDefaults.easeInMs / 4);
    expect(h.delays.length).toBeGreaterThan(3);
    expect(h.delays.every((d) => d.ms === 0)).toBe(true);
    h.send({ type: 'restart' });
    h.advance(0);
    h.delays.length = 0;
    h.send({ type: 'play' });
    h.advance(runnerDefaults.easeInMs / 2);
    expect(h.delays.length).toBeGreaterThan(3);
    expect(h.delays.slice(1).every((d) => d.ms === runnerDefaults.easeInRestMs)).toBe(true);
    h.send({ type: 'pause' });
    h.advance(100);
    h.delays.length = 0;
    h.send({ type: 'step', ms: 60_000 });
    h.advance(200);
    expect(h.delays.length).toBeGreaterThan(3);
    expect(h.delays.every((d) => d.ms === 0)).toBe(true);
    h.send({ type: 'setSpeed', speed: 10 });
    h.delays.length = 0;
    h.send({ type: 'play' });
    h.advance(300);
    expect(h.delays.some((d) => d.ms === runnerDefaults.easeInRestMs)).toBe(false);
  });
});
