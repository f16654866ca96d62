/**
 * A SimRunner host on fake time for runner tests: `schedule` queues turns,
 * `advance(wallMs)` runs them in time order (all of them when omitted), and
 * every posted message is kept with the fake wall time it was posted at. The
 * fake World moves `clock.t` by what it "costs".
 */
import type { RunnerHost, WorldLike } from '../../src/worker/runner';
import type { FromWorker } from '../../src/worker/protocol';
import type { Action, Scenario, TimelineItem } from '../../src/scenario/types';
import type { WorldSnapshot } from '../../src/model/snapshot';
import type { Report } from '../../src/metrics/report';

/**
 * A world of nothing that costs `cost` fake wall ms per simulated ms (a box,
 * `{ perMs }`, may change mid-run). It counts a simulated ms as an event,
 * remembers each runUntil's end and each applied action, and every snapshot
 * carries one series point (so seeks have points to hand over).
 */
export class FakeWorld implements WorldLike {
  now = 0;
  events = 0;
  calls: number[] = [];
  applied: TimelineItem[] = [];
  private readonly cost: { perMs: number };
  constructor(private clock: { t: number }, cost: { perMs: number } | number, private durationMs: number) {
    this.cost = typeof cost === 'number' ? { perMs: cost } : cost;
  }
  get done() { return this.now >= this.durationMs; }
  get stopped() { return null; }
  runUntil(t: number) {
    const end = Math.min(t, this.durationMs);
    this.calls.push(end);
    if (end <= this.now) return;
    this.clock.t += (end - this.now) * this.cost.perMs;
    this.events += end - this.now;
    this.now = end;
  }
  apply(action: Action, forMs: number | null = null): TimelineItem {
    const item = { atMs: this.now, forMs, action };
    this.applied.push(item);
    return item;
  }
  snapshot(): WorldSnapshot {
    return {
      timeMs: this.now, events: this.events, intervalMs: 1000, faults: [], hops: [], log: [], services: [], edges: [],
      series: { r: [{ t: this.now, requests: 1, ok: 1, errors: 0, p50: 1, p95: 1, p99: 1 }] }, serviceSeries: {}, edgeSeries: {}, load: {}, stopped: null,
    } as unknown as WorldSnapshot;
  }
  report(): Report { return { digest: 'd', simulatedMs: this.now } as unknown as Report; }
  traces() { return []; }
}

export function fakeRunnerHost<W extends WorldLike>(createWorld: (clock: { t: number }) => W, scenario: Scenario) {
  const clock = { t: 0 };
  const posted: { wall: number; msg: FromWorker }[] = [];
  const queue: { at: number; fn: () => void }[] = [];
  let world: W | undefined;
  /** Every delay the runner asked for, with the fake wall time it asked at. */
  const delays: { wall: number; ms: number }[] = [];
  const host: RunnerHost = {
    now: () => clock.t,
    schedule: (fn, ms) => { delays.push({ wall: clock.t, ms }); queue.push({ at: clock.t + ms, fn }); },
    post: (msg) => posted.push({ wall: clock.t, msg }),
    load: () => ({ ok: true, scenario }),
    createWorld: () => (world = createWorld(clock)),
  };
  const advance = (wallMs = Infinity) => {
    const end = clock.t + wallMs;
    while (queue.length) {
      queue.sort((a, b) => a.at - b.at);
      if (queue[0].at > end) break;
      const next = queue.shift()!;
      clock.t = Math.max(clock.t, next.at);
      next.fn();
    }
    if (Number.isFinite(end)) clock.t = Math.max(clock.t, end);
  };
  return { host, clock, posted, delays, advance, world: () => world! };
}
