import { describe, expect, it } from 'vitest';
import { Pacer, pacerDefaults } from '../../src/worker/pacer';

describe('Pacer: wall time × speed → whole-ms simulated targets', () => {
  it('owes wall time × speed per frame, as whole milliseconds', () => {
    const p = new Pacer(10);
    p.reset(0);
    expect(p.frameTarget(1000, 0)).toBe(0); // first frame only starts the clock
    expect(p.frameTarget(1016.7, 0)).toBe(167);
    p.frameEnd(167);
    expect(p.frameTarget(1033.4, 167)).toBe(334);
    expect(p.behind).toBe(false);
  });

  it('caps one frame gap (a background tab does not leap the run)', () => {
    const p = new Pacer(1);
    p.reset(0);
    p.frameTarget(0, 0);
    expect(p.frameTarget(10_000, 0)).toBe(pacerDefaults.maxFrameGapMs);
  });

  it('flags "behind" when the run trails and forgets debt beyond the lag cap', () => {
    const p = new Pacer(100);
    p.reset(0);
    p.frameTarget(0, 0);
    let reached = 0;
    for (let wall = 16; wall < 2000; wall += 16) {
      p.frameTarget(wall, reached);
      reached += 100; // the model manages 100 ms per frame, far below 1600
      p.frameEnd(reached);
    }
    expect(p.behind).toBe(true);
    const target = p.frameTarget(2016, reached);
    expect(target - reached).toBeLessThanOrEqual(pacerDefaults.maxLagWallMs * 100 + 32 * 100);
  });

  it('max has no target and is never behind', () => {
    const p = new Pacer('max');
    expect(p.frameTarget(5, 0)).toBe(Infinity);
    p.frameEnd(3);
    expect(p.behind).toBe(false);
  });
});
