import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Scheduler } from '../../src/engine/scheduler';

function drain(s: Scheduler): Array<[number, unknown]> {
  const out: Array<[number, unknown]> = [];
  while (s.pending > 0) {
    s.pop();
    out.push([s.now, s.poppedArg]);
  }
  return out;
}

describe('Scheduler', () => {
  it('ENG-1 pops events in time order', () => {
    const s = new Scheduler(4);
    for (const t of [5, 1, 9, 3, 7, 2]) s.schedule(t, 0, t);
    expect(drain(s).map(([t]) => t)).toEqual([1, 2, 3, 5, 7, 9]);
  });

  it('ENG-2 ties fire in insertion order', () => {
    const s = new Scheduler(2);
    for (let i = 0; i < 50; i++) s.schedule(10, 0, i);
    expect(drain(s).map(([, a]) => a)).toEqual([...Array(50).keys()]);
  });

  it('ENG-3 priority events fire before model events at the same time, in their own order', () => {
    const s = new Scheduler();
    s.schedule(10, 0, 'model-a');
    s.schedulePriority(10, 0, 'user-1');
    s.schedule(10, 0, 'model-b');
    s.schedulePriority(10, 0, 'user-2');
    s.schedule(5, 0, 'early');
    s.schedulePriority(11, 0, 'later-user');
    expect(drain(s).map(([, a]) => a)).toEqual(['early', 'user-1', 'user-2', 'model-a', 'model-b', 'later-user']);
  });

  it('ENG-4 matches a sort by (time, insertion) for any schedule, including growth and interleaved pops', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 300 }), (ops) => {
        const s = new Scheduler(1);
        const ref: Array<{ t: number; i: number }> = [];
        const got: number[] = [];
        const want: number[] = [];
        let base = 0;
        ops.forEach(([dt, popNow], i) => {
          s.schedule(base + dt, 0, i);
          ref.push({ t: base + dt, i });
          if (popNow) {
            ref.sort((a, b) => a.t - b.t || a.i - b.i);
            want.push(ref.shift()!.i);
            s.pop();
            got.push(s.poppedArg as number);
            base = s.now;
          }
        });
        ref.sort((a, b) => a.t - b.t || a.i - b.i);
        want.push(...ref.map((r) => r.i));
        got.push(...drain(s).map(([, a]) => a as number));
        expect(got).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it('counts fired events and frees payload slots for reuse', () => {
    const s = new Scheduler(2);
    for (let round = 0; round < 100; round++) {
      s.schedule(round, 1, { round });
      s.pop();
    }
    expect(s.fired).toBe(100);
    expect(s.pending).toBe(0);
    expect(s.peekTime()).toBe(Infinity);
  });
});
