import { describe, expect, it } from 'vitest';
import { nextArrival, rateAt } from '../../src/model/arrivals';
import { RandomStreams } from '../../src/engine/rng';

const ramp = [
  { atMs: 0, perSec: 5 },
  { atMs: 60_000, perSec: 5 },
  { atMs: 70_000, perSec: 150 },
];

describe('arrivals', () => {
  it('ARR-1 rate is flat before the first point, linear between, flat after the last', () => {
    const pts = [{ atMs: 10_000, perSec: 10 }, { atMs: 20_000, perSec: 30 }];
    expect(rateAt(pts, 0) * 1000).toBeCloseTo(10);
    expect(rateAt(pts, 15_000) * 1000).toBeCloseTo(20);
    expect(rateAt(pts, 99_000) * 1000).toBeCloseTo(30);
  });

  it('ARR-2 uniform arrivals (work = 1) land exactly where the cumulative rate grows by one', () => {
    // Constant 100/s: every 10 ms.
    expect(nextArrival([{ atMs: 0, perSec: 100 }], 0, 1)).toBeCloseTo(10, 9);
    // Linear ramp 0 → 200/s over 1 s: Λ(t) = 0.1 t² (t in s) → Λ = 1 at t = sqrt(10)... in ms: 0.0001 t²
    const pts = [{ atMs: 0, perSec: 0 }, { atMs: 1000, perSec: 200 }];
    expect(nextArrival(pts, 0, 1)).toBeCloseTo(100, 6);
    expect(nextArrival(pts, 0, 4)).toBeCloseTo(200, 6);
    // Zero rate forever: never.
    expect(nextArrival([{ atMs: 0, perSec: 0 }], 5, 1)).toBe(Infinity);
  });

  it('ARR-3 Poisson counts over a ramp match ∫rate within 4 SD (non-homogeneous Poisson)', () => {
    const u = new RandomStreams(9).stream('arrivals');
    const horizon = 120_000;
    let t = 0, n = 0;
    for (;;) {
      t = nextArrival(ramp, t, -Math.log(u()));
      if (t >= horizon) break;
      n++;
    }
    // ∫ = 5·60 + (5+150)/2·10 + 150·50 = 300 + 775 + 7500
    const expected = 8575;
    expect(Math.abs(n - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });
});
