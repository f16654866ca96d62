import { describe, expect, it } from 'vitest';
import { createInbox, foldSnapshots, inboxDefaults, type InboxHost } from '../../src/store/inbox';
import type { HopView, LogEntry, WorldSnapshot } from '../../src/model/snapshot';
import type { FromWorker, RunStatus } from '../../src/worker/protocol';

const hop = (t0: number): HopView => ({ from: 'a', to: 'b', t0, t1: t0 + 1, answer: false, outcome: 'ok', instance: 1 });
const line = (t: number): LogEntry => ({ t, kind: 'note', service: '', severity: 'info', text: `at ${t}`, trace: null });
const point = (t: number, requests: number) => ({ t, requests, ok: requests, errors: 0, p50: 1, p95: 2, p99: 2 });

function snap(t: number, extra: Partial<WorldSnapshot> = {}): WorldSnapshot {
  return {
    timeMs: t, events: t * 10, intervalMs: 1000, services: [], edges: [], faults: [], load: { browse: t },
    hops: [hop(t)], log: [line(t)], series: { r: [point(t - 1000, t)] }, stopped: null, ...extra,
  } as WorldSnapshot;
}
const status = (playing: boolean): RunStatus => ({ playing, speed: 1, behind: false, done: false, simRate: 0 });

/** A host whose frames and timers run only when the test says so. */
function fakeHost() {
  let now = 0;
  const frames: (() => void)[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  const host: InboxHost = {
    now: () => now,
    frame: (fn) => { frames.push(fn); },
    timer: (fn, ms) => { timers.push({ at: now + ms, fn }); },
  };
  return {
    host,
    advance(ms: number) {
      now += ms;
      for (;;) {
        const i = timers.findIndex((x) => x.at <= now);
        if (i < 0) break;
        timers.splice(i, 1)[0].fn();
      }
    },
    frame() { for (const fn of frames.splice(0)) fn(); },
  };
}

describe('the inbox folds snapshots between frames', () => {
  it('three snapshots before a frame reach the store as one: the newest state, every delta in order', () => {
    const got: FromWorker[] = [];
    const h = fakeHost();
    const inbox = createInbox((m) => got.push(m), h.host);
    inbox({ type: 'snapshot', snapshot: snap(1000), status: status(true) });
    inbox({ type: 'snapshot', snapshot: snap(2000, { series: { r: [point(1000, 20)], s: [point(1000, 7)] } }), status: status(true) });
    inbox({ type: 'snapshot', snapshot: snap(3000), status: status(false) });
    expect(got).toHaveLength(0);
    h.frame();
    expect(got).toHaveLength(1);
    const m = got[0] as Extract<FromWorker, { type: 'snapshot' }>;
    expect(m.snapshot.timeMs).toBe(3000);
    expect(m.snapshot.events).toBe(30000);
    expect(m.snapshot.load).toEqual({ browse: 3000 });
    expect(m.status.playing).toBe(false);
    expect(m.snapshot.hops.map((x) => x.t0)).toEqual([1000, 2000, 3000]);
    expect(m.snapshot.log.map((x) => x.t)).toEqual([1000, 2000, 3000]);
    expect(m.snapshot.series.r.map((p) => p.requests)).toEqual([1000, 20, 3000]);
    expect(m.snapshot.series.s.map((p) => p.requests)).toEqual([7]);
  });

  it('any other message first applies the waiting snapshot, so order is kept', () => {
    const got: string[] = [];
    const h = fakeHost();
    const inbox = createInbox((m) => got.push(m.type === 'snapshot' ? `snapshot@${m.snapshot.timeMs}` : m.type), h.host);
    inbox({ type: 'snapshot', snapshot: snap(1000), status: status(true) });
    inbox({ type: 'finished', report: {} as never });
    expect(got).toEqual(['snapshot@1000', 'finished']);
    h.frame();
    h.advance(1000);
    expect(got).toHaveLength(2);
  });

  it('expectation verdicts wait for the frame with the snapshot, the newest kept, and go before any other message', () => {
    const got: string[] = [];
    const h = fakeHost();
    const name = (m: FromWorker) => (m.type === 'snapshot' ? `snapshot@${m.snapshot.timeMs}` : m.type === 'expectations' ? `expectations@${m.atMs}` : m.type);
    const inbox = createInbox((m) => got.push(name(m)), h.host);
    inbox({ type: 'snapshot', snapshot: snap(1000), status: status(true) });
    inbox({ type: 'expectations', atMs: 1000, results: [] });
    inbox({ type: 'snapshot', snapshot: snap(2000), status: status(true) });
    inbox({ type: 'expectations', atMs: 2000, results: [] });
    expect(got).toEqual([]);
    h.frame();
    expect(got).toEqual(['snapshot@2000', 'expectations@2000']);
    // Alone, then a message that must not overtake it.
    inbox({ type: 'expectations', atMs: 3000, results: [] });
    inbox({ type: 'finished', report: {} as never });
    expect(got).toEqual(['snapshot@2000', 'expectations@2000', 'expectations@3000', 'finished']);
    h.frame();
    h.advance(1000);
    expect(got).toHaveLength(4);
    // A new run drops the old run's verdicts.
    inbox({ type: 'expectations', atMs: 4000, results: [] });
    inbox({ type: 'loaded', id: 2, meta: {} as never });
    h.frame();
    h.advance(1000);
    expect(got.slice(4)).toEqual(['loaded']);
  });

  it('a new run drops what was waiting from the old one', () => {
    const got: string[] = [];
    const h = fakeHost();
    const inbox = createInbox((m) => got.push(m.type === 'snapshot' ? `snapshot@${m.snapshot.timeMs}` : m.type), h.host);
    inbox({ type: 'snapshot', snapshot: snap(5000), status: status(true) });
    inbox({ type: 'loaded', id: 2, meta: {} as never });
    inbox({ type: 'snapshot', snapshot: snap(0), status: status(false) });
    h.frame();
    h.advance(1000);
    expect(got).toEqual(['loaded', 'snapshot@0']);
  });

  it('without frames (a background tab) snapshots still arrive, after the fallback delay', () => {
    const got: FromWorker[] = [];
    const h = fakeHost();
    const inbox = createInbox((m) => got.push(m), h.host);
    inbox({ type: 'snapshot', snapshot: snap(1000), status: status(true) });
    h.advance(inboxDefaults.fallbackMs - 1);
    expect(got).toHaveLength(0);
    h.advance(1);
    expect(got).toHaveLength(1);
  });

  it('at most one application per minGapMs, however fast frames come', () => {
    let applied = 0;
    const h = fakeHost();
    const inbox = createInbox(() => applied++, h.host);
    // 60 frames a second for one second, a snapshot before each frame.
    for (let i = 0; i < 60; i++) {
      inbox({ type: 'snapshot', snapshot: snap(i), status: status(true) });
      h.frame();
      h.advance(1000 / 60);
      h.frame();
    }
    expect(applied).toBeLessThanOrEqual(Math.ceil(1000 / inboxDefaults.minGapMs) + 1);
    expect(applied).toBeGreaterThanOrEqual(Math.floor(1000 / (inboxDefaults.minGapMs + 1000 / 60)));
  });

  it('folding keeps at most maxHops request dots, the newest', () => {
    const many = Array.from({ length: inboxDefaults.maxHops }, (_, i) => hop(i));
    const f = foldSnapshots(snap(1, { hops: many }), snap(2, { hops: [hop(99_999)] }));
    expect(f.hops).toHaveLength(inboxDefaults.maxHops);
    expect(f.hops.at(-1)!.t0).toBe(99_999);
    expect(f.hops[0].t0).toBe(1);
  });
});
