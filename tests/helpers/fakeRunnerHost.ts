/**
 * A SimRunner host on fake time for runner tests: `schedule` queues turns,
 * `advance(wallMs)` runs them in time order (all of them when omitted), and
 * every posted message is kept with the fake wall time it was posted at. The
 * fake World moves `clock.t` by what it "costs".
 */
import type { RunnerHost, WorldLike } from '../../src/worker/runner';
import type { FromWorker } from '../../src/worker/protocol';
import type { Scenario } from '../../src/scenario/types';

export function fakeRunnerHost<W extends WorldLike>(createWorld: (clock: { t: number }) => W, scenario: Scenario) {
  const clock = { t: 0 };
  const posted: { wall: number; msg: FromWorker }[] = [];
  const queue: { at: number; fn: () => void }[] = [];
  let world: W | undefined;
  const host: RunnerHost = {
    now: () => clock.t,
    schedule: (fn, ms) => queue.push({ at: clock.t + ms, fn }),
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
  return { host, clock, posted, advance, world: () => world! };
}
