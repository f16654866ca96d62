import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/rng';

describe('RandomStreams', () => {
  it('RNG-1 same seed and name give the same sequence', () => {
    const a = new RandomStreams(42).stream('arrivals:x');
    const b = new RandomStreams(42).stream('arrivals:x');
    for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
  });

  it('RNG-2 a new stream does not shift the draws of another', () => {
    const solo = new RandomStreams(7);
    const s1 = solo.stream('arrivals:x');
    const alone = Array.from({ length: 100 }, () => s1());
    const busy = new RandomStreams(7);
    const s2 = busy.stream('arrivals:x');
    const other = busy.stream('cpu:cache');
    const mixed = Array.from({ length: 100 }, () => (other(), s2()));
    expect(mixed).toEqual(alone);
  });

  it('RNG-3 different names and seeds give different sequences', () => {
    const r = new RandomStreams(1);
    expect(r.stream('a')()).not.toBe(r.stream('b')());
    expect(new RandomStreams(1).stream('a')()).not.toBe(new RandomStreams(2).stream('a')());
  });

  it('RNG-4 draws lie in (0, 1] and are uniform (chi-square, 20 bins)', () => {
    const u = new RandomStreams(3).stream('uniform');
    const bins = new Array(20).fill(0);
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = u();
      if (!(x > 0 && x <= 1)) outside++;
      bins[Math.min(19, Math.floor(x * 20))]++;
    }
    expect(outside).toBe(0);
    const e = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - e) ** 2 / e, 0);
    // 19 degrees of freedom: P(chi2 > 43.8) = 0.001
    expect(chi2).toBeLessThan(43.8);
  });
});
