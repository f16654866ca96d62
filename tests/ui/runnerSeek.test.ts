/**
 * The time scrubber's worker side: a seek re-simulates the run to an earlier
 * (or later, already reached) time with the branch's live actions replayed at
 * their own ms, so the state there is the state of a fresh run; an action
 * taken in the past forks the run and drops the original's later actions.
 */
import { describe, expect, it } from 'vitest';
import { runnerDefaults, SimRunner, type WorldLike } from '../../src/worker/runner';
import { FakeWorld, fakeRunnerHost } from '../helpers/fakeRunnerHost';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import type { Action, Scenario, TimelineItem } from '../../src/scenario/types';
import type { WorldSnapshot } from '../../src/model/snapshot';
import { World } from '../../src/model/world';
import { loadScenarioFile } from '../helpers/load';

type Branch = Extract<FromWorker, { type: 'branch' }>;

/**
 * A runner on a fake host: `turns()` runs whatever the runner scheduled until
 * it is idle (or `wallMs` of fake time passed), with `cost` fake wall ms per
 * simulated ms spent in the model.
 */
function harness(createWorld: (clock: { t: number }) => WorldLike, scenario: Scenario) {
  const fake = fakeRunnerHost(createWorld, scenario);
  const { clock, advance, world } = fake;
  const runner = new SimRunner(fake.host);
  const send = (msg: ToWorker) => runner.handle(msg);
  const out = () => fake.posted.map((p) => p.msg);
  const last = <T extends FromWorker['type']>(type: T) =>
    out().filter((m) => m.type === type).at(-1) as Extract<FromWorker, { type: T }> | undefined;
  const all = <T extends FromWorker['type']>(type: T) => out().filter((m) => m.type === type) as Extract<FromWorker, { type: T }>[];
  send({ type: 'load', text: 'x', file: scenario.file, id: 1 });
  return { send, advance, out, clock, last, all, world };
}

// ---- with the real model: shop.yaml --------------------------------------

const shop = loadScenarioFile('shop.yaml');
const worldOpts = { hops: true, log: true } as const;
const realWorld = () => new World(shop, worldOpts);
const browse = (perSec: number): Action => ({ kind: 'load', workload: 'browse', perSec });

/** The numbers of a snapshot that say "same state" (no traces, hops or drained series). */
function figures(s: WorldSnapshot) {
  return {
    timeMs: s.timeMs,
    events: s.events,
    load: s.load,
    services: s.services,
    edges: s.edges.map((e) => ({ from: e.from, to: e.to, breakers: e.breakers })),
    faults: s.faults,
  };
}

/** A fresh run of shop to `ms` with `items` applied live at their times, as the page did. */
function freshTo(ms: number, items: readonly TimelineItem[] = []): WorldSnapshot {
  const w = realWorld();
  for (const it of items) {
    w.runUntil(it.atMs);
    w.apply(it.action, it.forMs);
  }
  w.runUntil(ms);
  return w.snapshot();
}

/** Run shop to 20 s, move browse to 450/s, run on to 40 s (steps: whole ms, like the page). */
function originalRun() {
  const h = harness(() => realWorld(), shop);
  h.send({ type: 'step', ms: 20_000 });
  h.advance();
  h.send({ type: 'action', action: browse(450) });
  h.send({ type: 'step', ms: 20_000 });
  h.advance();
  const atT = h.last('snapshot')!.snapshot;
  return { h, atT, recorded: h.last('recorded')!.item };
}

describe('SimRunner seek (real model, shop.yaml)', () => {
  it('SCRUB-1 a seek back gives the state of a fresh run to that time, paused there', () => {
    const { h, atT, recorded } = originalRun();
    expect(atT.timeMs).toBe(40_000);
    expect(recorded.atMs).toBe(20_000);

    h.send({ type: 'seek', ms: 10_000, id: 7 });
    h.advance();
    const seeked = h.last('seeked')!;
    expect(seeked).toMatchObject({ id: 7, ms: 10_000, rebuilt: true, reachMs: 40_000 });
    expect(seeked.status.playing).toBe(false);
    expect(figures(seeked.snapshot)).toEqual(figures(freshTo(10_000)));
    expect(seeked.snapshot.load.browse).toBe(300);
    // The charts get the run from 0 to the time sought, and nothing after it.
    const pts = seeked.snapshot.series['storefront.home'];
    expect(pts[0].t).toBe(0);
    expect(pts.length).toBeGreaterThanOrEqual(9);
    expect(Math.max(...pts.map((p) => p.t))).toBeLessThan(10_000);
    expect(seeked.snapshot.hops).toEqual([]);
  });

  it('SCRUB-2 seeking forward again replays the recorded action: same events as the original at T', () => {
    const { h, atT } = originalRun();
    h.send({ type: 'seek', ms: 10_000, id: 1 });
    h.advance();
    h.send({ type: 'seek', ms: 40_000, id: 2 });
    h.advance();
    const seeked = h.last('seeked')!;
    // Forward from where the world was: the page appends rather than replaces.
    expect(seeked).toMatchObject({ id: 2, ms: 40_000, rebuilt: false });
    expect(seeked.snapshot.events).toBe(atT.events);
    expect(figures(seeked.snapshot)).toEqual(figures(atT));
    expect(seeked.snapshot.load.browse).toBe(450);
    // Nothing new was recorded by the replay.
    expect(h.all('recorded')).toHaveLength(1);
  });

  it('SCRUB-3 a seek to the exact ms of an action applies it (at or before), and play goes on like the original', () => {
    const { h, atT } = originalRun();
    h.send({ type: 'seek', ms: 20_000, id: 1 });
    h.advance();
    expect(figures(h.last('seeked')!.snapshot)).toEqual(figures(freshTo(20_000)));
    h.send({ type: 'step', ms: 20_000 });
    h.advance();
    expect(figures(h.last('snapshot')!.snapshot)).toEqual(figures(atT));
  });

  it('SCRUB-4 cannot seek past what the run has reached', () => {
    const { h } = originalRun();
    h.send({ type: 'seek', ms: 90_000, id: 3 });
    h.advance();
    expect(h.last('seeked')).toMatchObject({ id: 3, ms: 40_000, reachMs: 40_000 });
  });

  it('SCRUB-5 an action after a seek back forks: later actions are dropped, the original is kept', () => {
    const { h, atT, recorded } = originalRun();
    h.send({ type: 'seek', ms: 10_000, id: 1 });
    h.advance();
    const kill: Action = { kind: 'kill', service: 'catalog', count: 1 };
    h.send({ type: 'action', action: kill });
    const branch = h.last('branch') as Branch;
    expect(branch.recorded).toEqual([]);
    expect(branch.reachMs).toBe(10_000);
    expect(branch.fork).toEqual({ atMs: 10_000, original: [recorded] });
    const kept = h.last('recorded')!.item;
    expect(kept).toMatchObject({ atMs: 10_000, action: kill });

    // The fork reaches only as far as it has run; running it on differs from the original.
    h.send({ type: 'seek', ms: 40_000, id: 2 });
    h.advance();
    expect(h.last('seeked')!.ms).toBe(10_000);
    h.send({ type: 'step', ms: 30_000 });
    h.advance();
    const forkAtT = h.last('snapshot')!.snapshot;
    expect(forkAtT.timeMs).toBe(40_000);
    expect(forkAtT.load.browse).toBe(300); // the 20 s load change is not in this branch
    expect(figures(forkAtT)).toEqual(figures(freshTo(40_000, [kept])));
    expect(forkAtT.events).not.toBe(atT.events);

    // Back to the original: its actions again, at the same time, and the same state as before.
    h.send({ type: 'discardFork', id: 9 });
    h.advance();
    expect(h.last('branch')).toMatchObject({ recorded: [recorded], fork: null, reachMs: 40_000 });
    const back = h.last('seeked')!;
    expect(back).toMatchObject({ id: 9, ms: 40_000, rebuilt: true });
    expect(figures(back.snapshot)).toEqual(figures(atT));
  });

  it('SCRUB-6 an action at the very end of what was reached extends the run, no fork', () => {
    const { h } = originalRun();
    h.send({ type: 'seek', ms: 10_000, id: 1 });
    h.advance();
    h.send({ type: 'seek', ms: 40_000, id: 2 });
    h.advance();
    h.send({ type: 'action', action: browse(100) });
    expect(h.all('branch')).toHaveLength(0);
    expect(h.all('recorded')).toHaveLength(2);
  });
});

// ---- with a fake world: slices, cancellation, deferral -----------------------

const fakeScenario = {
  version: 1, name: 'T', description: 'test', seed: 1, durationMs: 60_000, warmupMs: 0,
  services: [], workload: [], timeline: [], expect: [], layout: {}, file: 't.yaml',
} as unknown as Scenario;

describe('SimRunner seek (fake world)', () => {
  const fake = (cost: number) => harness((clock) => new FakeWorld(clock, cost, fakeScenario.durationMs), fakeScenario);

  it('SCRUB-7 replays the branch actions at their own ms after a seek back', () => {
    const h = fake(0);
    h.send({ type: 'step', ms: 3000 });
    h.advance();
    h.send({ type: 'action', action: browse(1) });
    h.send({ type: 'step', ms: 2000 });
    h.advance();
    h.send({ type: 'action', action: browse(2) });
    h.send({ type: 'step', ms: 5000 });
    h.advance();
    h.send({ type: 'seek', ms: 1000, id: 1 });
    h.advance();
    expect((h.world() as FakeWorld).applied).toEqual([]);
    h.send({ type: 'seek', ms: 10_000, id: 2 });
    h.advance();
    expect((h.world() as FakeWorld).applied.map((i) => i.atMs)).toEqual([3000, 5000]);
    expect(h.all('recorded')).toHaveLength(2);
  });

  it('SCRUB-8 a long seek runs in slices; pause and a newer seek are handled between them; one answer', () => {
    const h = fake(0.01); // 100 simulated s per wall s
    h.send({ type: 'setSpeed', speed: 'max' });
    h.send({ type: 'play' });
    h.advance(1000 + runnerDefaults.easeInMs); // past max speed's ease-in, when the loop rests between slices
    h.send({ type: 'pause' });
    const reached = h.world().now;
    expect(reached).toBeGreaterThan(50_000);
    const snapshotsBefore = h.all('snapshot').length;

    h.send({ type: 'seek', ms: 40_000, id: 1 });
    const before = h.clock.t;
    h.advance(0); // one slice
    expect(h.clock.t - before).toBeLessThan(15);
    expect(h.world().now).toBeGreaterThan(0);
    expect(h.world().now).toBeLessThan(40_000);
    h.send({ type: 'pause' }); // posts nothing mid-seek: the seek hands its snapshots over when it lands
    h.send({ type: 'seek', ms: 30_000, id: 2 });
    h.advance();
    const answers = h.all('seeked');
    expect(answers.map((a) => a.id)).toEqual([2]);
    expect(answers[0].ms).toBe(30_000);
    expect(h.all('snapshot').length).toBe(snapshotsBefore);
    // Every slice's drained series points are in the one answer.
    expect(answers[0].snapshot.series.r.length).toBeGreaterThan(2);
  });

  it('SCRUB-9 an action sent during a seek lands at the time sought (and forks there)', () => {
    const h = fake(0.01);
    h.send({ type: 'step', ms: 50_000 });
    h.advance();
    h.send({ type: 'seek', ms: 20_000, id: 1 });
    h.advance(5);
    h.send({ type: 'action', action: browse(9) });
    expect(h.all('recorded')).toHaveLength(0);
    h.advance();
    expect(h.last('seeked')!.ms).toBe(20_000);
    expect(h.last('recorded')!.item.atMs).toBe(20_000);
    expect(h.last('branch')!.fork!.atMs).toBe(20_000);
  });

  it('SCRUB-16 after the end, a seek back un-finishes the run; a seek to the end finishes it again', () => {
    const h = fake(0);
    h.send({ type: 'step', ms: 60_000 });
    h.advance();
    expect(h.all('finished')).toHaveLength(1);
    h.send({ type: 'seek', ms: 10_000, id: 1 });
    h.advance();
    expect(h.last('seeked')!.status.done).toBe(false);
    h.send({ type: 'play' });
    h.send({ type: 'seek', ms: 60_000, id: 2 });
    h.advance();
    expect(h.last('seeked')!.status).toMatchObject({ done: true, playing: false });
    expect(h.all('finished')).toHaveLength(2);
  });

  it('SCRUB-10 a new file ends a seek and the fork', () => {
    const h = fake(0.01);
    h.send({ type: 'step', ms: 50_000 });
    h.advance();
    h.send({ type: 'seek', ms: 20_000, id: 1 });
    h.advance(5);
    h.send({ type: 'load', text: 'x', file: 't.yaml', id: 2 });
    h.advance();
    expect(h.all('seeked')).toHaveLength(0);
    expect(h.world().now).toBe(0);
    h.send({ type: 'seek', ms: 10_000, id: 3 });
    h.advance();
    expect(h.last('seeked')!.ms).toBe(0); // nothing reached yet in the new run
  });
});
