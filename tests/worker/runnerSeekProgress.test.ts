/**
 * A long seek tells the page how far it got: `seekProgress` after ~150 ms of
 * wall time, then about every 200 ms, monotonic, for the seek's own id, from
 * where the re-simulation started; the last one where it landed, just before
 * `seeked`; none for a quick seek, none after it lands or is cancelled.
 * A fake World costs fake wall time per simulated ms, so the cadence is exact.
 */
import { describe, expect, it } from 'vitest';
import { SimRunner } from '../../src/worker/runner';
import { FakeWorld, fakeRunnerHost } from '../helpers/fakeRunnerHost';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import type { Scenario } from '../../src/scenario/types';

type Progress = Extract<FromWorker, { type: 'seekProgress' }>;

const DURATION_MS = 600_000;
const scenario = {
  version: 1, name: 'T', description: 'test', seed: 1, durationMs: DURATION_MS, warmupMs: 0,
  services: [], workload: [], timeline: [], expect: [], layout: {}, file: 't.yaml',
} as unknown as Scenario;

/** A runner on a fake host; every posted message is kept with the fake wall time it was posted at. */
function harness(costPerMs: number) {
  const cost = { perMs: costPerMs };
  const { host, clock, posted: out, advance, world } = fakeRunnerHost((c) => new FakeWorld(c, cost, DURATION_MS), scenario);
  const runner = new SimRunner(host);
  const send = (msg: ToWorker) => runner.handle(msg);
  const progress = (id?: number) =>
    out.filter((o) => o.msg.type === 'seekProgress' && (id === undefined || o.msg.id === id)) as { wall: number; msg: Progress }[];
  const index = (pred: (m: FromWorker) => boolean) => out.findIndex((o) => pred(o.msg));
  send({ type: 'load', text: 'x', file: 't.yaml', id: 1 });
  return { send, advance, out, clock, cost, progress, index, world };
}

/** Run to `ms` (the model costing `costPerMs` wall ms per simulated ms), paused there; the clock restarts at 0. */
function ranTo(ms: number, costPerMs: number) {
  const h = harness(costPerMs);
  h.send({ type: 'step', ms });
  h.advance();
  expect(h.world().now).toBe(ms);
  h.clock.t = 0;
  h.out.length = 0;
  return h;
}

describe('SimRunner seek progress', () => {
  it('SCRUB-20 a long seek back reports after ~150 ms, then every ~200 ms: its id, from 0, monotonic, ending where it lands', () => {
    const h = ranTo(500_000, 0.005); // 400 s to re-run = 2 s of wall time
    h.send({ type: 'seek', ms: 400_000, id: 7 });
    const started = h.clock.t;
    h.advance();
    const seekedAt = h.index((m) => m.type === 'seeked');
    expect(seekedAt).toBeGreaterThan(1);
    const landedWall = h.out[seekedAt].wall;
    expect(landedWall - started).toBeGreaterThan(1900);

    const ps = h.progress();
    // ~1.85 s of reports every 200 ms, plus the one at landing: few messages.
    expect(ps.length).toBeGreaterThanOrEqual(9);
    expect(ps.length).toBeLessThanOrEqual(12);
    for (const p of ps) expect(p.msg).toMatchObject({ id: 7, fromMs: 0, targetMs: 400_000 });
    // None for the first 150 ms (a quick seek would have landed unannounced).
    expect(ps[0].wall - started).toBeGreaterThanOrEqual(150);
    expect(ps[0].wall - started).toBeLessThan(170);
    // Then every 200 ms (one slice late at most), except the last, which comes with the landing.
    const gaps = ps.slice(1, -1).map((p, i) => p.wall - ps[i].wall);
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(200);
      expect(g).toBeLessThan(220);
    }
    // Monotonic, on the way (strictly: the model ran between two reports), and at the target last.
    const at = ps.map((p) => p.msg.atMs);
    for (let i = 1; i < at.length; i++) expect(at[i]).toBeGreaterThan(at[i - 1]);
    expect(at[0]).toBeGreaterThan(0);
    expect(at.at(-2)!).toBeLessThan(400_000);
    expect(at.at(-1)).toBe(400_000);
    // The last one is the message just before `seeked`, and nothing follows the landing.
    expect(h.out[seekedAt - 1].msg).toBe(ps.at(-1)!.msg);
    expect(h.out[seekedAt].msg).toMatchObject({ type: 'seeked', id: 7, ms: 400_000 });
    h.send({ type: 'play' });
    h.advance(1000);
    h.send({ type: 'pause' });
    h.advance();
    expect(h.progress()).toHaveLength(ps.length);
  });

  it('SCRUB-21 a quick seek (landing within ~150 ms) reports no progress', () => {
    const h = ranTo(500_000, 0.005);
    h.send({ type: 'seek', ms: 25_000, id: 3 }); // 125 ms of wall time
    h.advance();
    expect(h.index((m) => m.type === 'seeked' && m.id === 3)).toBe(0);
    expect(h.clock.t).toBeGreaterThanOrEqual(120);
    expect(h.progress()).toEqual([]);
  });

  it('SCRUB-22 a seek forward counts from where the world was, not from 0', () => {
    const h = ranTo(500_000, 0.005);
    h.send({ type: 'seek', ms: 100_000, id: 1 });
    h.advance();
    h.send({ type: 'seek', ms: 400_000, id: 2 }); // forward: runs on from 100 s, 1.5 s of wall time
    h.advance();
    const ps = h.progress(2);
    expect(ps.length).toBeGreaterThanOrEqual(6);
    for (const p of ps) expect(p.msg).toMatchObject({ fromMs: 100_000, targetMs: 400_000 });
    expect(ps[0].msg.atMs).toBeGreaterThan(100_000);
    expect(ps.at(-1)!.msg.atMs).toBe(400_000);
    expect(h.out.at(-1)!.msg).toMatchObject({ type: 'seeked', id: 2, rebuilt: false });
  });

  it('SCRUB-23 a newer seek takes over: the old id stops, the new one reports at once (the bar stays), from its own start', () => {
    const h = ranTo(500_000, 0.005);
    h.send({ type: 'seek', ms: 400_000, id: 1 });
    h.advance(700);
    const old = h.progress(1);
    expect(old.length).toBeGreaterThanOrEqual(3);
    const reachedOld = old.at(-1)!.msg.atMs;

    // Back again (below where the re-run has got): from 0 once more.
    h.send({ type: 'seek', ms: 50_000, id: 2 });
    const sentAt = h.clock.t;
    h.advance();
    expect(h.progress(1)).toHaveLength(old.length);
    const back = h.progress(2);
    expect(back.length).toBeGreaterThanOrEqual(2);
    // Shown at its first slice, not after another 150 ms.
    expect(back[0].wall - sentAt).toBeLessThan(20);
    expect(back[0].msg).toMatchObject({ fromMs: 0, targetMs: 50_000 });
    expect(back[0].msg.atMs).toBeLessThan(reachedOld);
    expect(back.at(-1)!.msg.atMs).toBe(50_000);
    expect(h.out.filter((o) => o.msg.type === 'seeked').map((o) => (o.msg as { id: number }).id)).toEqual([2]);
  });

  it('SCRUB-24 a newer seek further on, while the re-run goes on: its own id at once, from the same start', () => {
    const h = ranTo(500_000, 0.005);
    h.send({ type: 'seek', ms: 200_000, id: 1 });
    h.advance(450);
    const old = h.progress(1);
    expect(old.length).toBe(2); // at ~150 and ~350 ms; the next would be due at ~550
    h.send({ type: 'seek', ms: 400_000, id: 2 });
    const sentAt = h.clock.t;
    h.advance();
    expect(h.progress(1)).toHaveLength(2);
    const on = h.progress(2);
    expect(on[0].wall - sentAt).toBeLessThan(20);
    expect(on[0].msg).toMatchObject({ fromMs: 0, targetMs: 400_000 });
    expect(on[0].msg.atMs).toBeGreaterThan(old[1].msg.atMs);
    expect(on.at(-1)!.msg.atMs).toBe(400_000);
    expect(h.out.at(-1)!.msg).toMatchObject({ type: 'seeked', id: 2, rebuilt: true });
  });

  it('SCRUB-25 a chain of seeks that replace one another counts its quiet time from the first', () => {
    const h = ranTo(500_000, 0.005);
    h.send({ type: 'seek', ms: 400_000, id: 1 });
    h.advance(100); // the re-run from 0 has got to ~20 s
    h.send({ type: 'seek', ms: 15_000, id: 2 }); // below that: from 0 again, 75 ms of wall time
    h.advance();
    // Alone it would land unannounced; as the page has waited since the first seek, it reports at 150 ms.
    const ps = h.progress();
    expect(ps.length).toBeGreaterThanOrEqual(1);
    expect(ps.every((p) => p.msg.id === 2 && p.msg.fromMs === 0)).toBe(true);
    expect(ps[0].wall).toBeGreaterThanOrEqual(150);
    expect(ps[0].wall).toBeLessThan(170);
    expect(ps[0].msg.atMs).toBeLessThan(15_000);
    expect(ps.at(-1)!.msg.atMs).toBe(15_000);
  });

  it('SCRUB-26 a new file or a model failure cancels the seek and its progress', () => {
    const h = ranTo(500_000, 0.005);
    h.send({ type: 'seek', ms: 400_000, id: 1 });
    h.advance(500);
    const n = h.progress().length;
    expect(n).toBeGreaterThanOrEqual(2);
    h.send({ type: 'load', text: 'x', file: 't.yaml', id: 2 });
    h.advance(3000);
    expect(h.progress()).toHaveLength(n);
    expect(h.index((m) => m.type === 'seeked')).toBe(-1);

    // The model throws mid-seek: 'failed', then silence.
    const f = ranTo(500_000, 0.005);
    f.send({ type: 'seek', ms: 400_000, id: 1 });
    f.advance(500);
    const m = f.progress().length;
    f.world().runUntil = () => { throw new Error('boom'); };
    f.advance(3000);
    expect(f.out.at(-1)!.msg).toMatchObject({ type: 'failed' });
    expect(f.progress()).toHaveLength(m);
  });
});
