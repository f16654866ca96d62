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

/** A world of nothing that costs `cost.perMs` fake wall ms per simulated ms (the box can change mid-run). */
export class FakeWorld implements WorldLike {
  now = 0;
  constructor(private clock: { t: number }, private cost: { perMs: number }, private durationMs: number) {}
  get done() { return this.now >= this.durationMs; }
  get stopped() { return null; }
  runUntil(t: number) {
    const end = Math.min(t, this.durationMs);
    if (end <= this.now) return;
    this.clock.t += (end - this.now) * this.cost.perMs;
    this.now = end;
  }
  apply(action: Action, forMs: number | null = null): TimelineItem { return { atMs: this.now, forMs, action }; }
  snapshot(): WorldSnapshot {
    return {
      timeMs: this.now, events: this.now, intervalMs: 1000, faults: [], hops: [], log: [], services: [], edges: [],
      series: {}, serviceSeries: {}, edgeSeries: {}, load: {}, stopped: null,
    } as unknown as WorldSnapshot;
  }
  report(): Report { return { digest: 'd' } as unknown as Report; }
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
