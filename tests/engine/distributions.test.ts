import { describe, expect, it } from 'vitest';
import { distCs2, distMean, sampler } from '../../src/engine/distributions';
import { RandomStreams } from '../../src/engine/rng';
import type { Dist } from '../../src/scenario/types';

const cases: Dist[] = [
  { kind: 'const', value: 7 },
  { kind: 'exp', mean: 10 },
  { kind: 'lognormal', median: 3, sigma: 0.5 },
  { kind: 'normal', mean: 20, sd: 4 },
  { kind: 'uniform', min: 2, max: 8 },
  { kind: 'erlang', k: 3, mean: 12 },
  { kind: 'pareto', scale: 1, shape: 5 },
  { kind: 'bimodal', fast: 2, slow: 200, slowFraction: 0.05 },
];

describe('distributions', () => {
  for (const d of cases) {
    it(`DIST-1 ${d.kind}: sample mean and variance match theory within 4 standard errors`, () => {
      const u = new RandomStreams(11).stream(`dist:${d.kind}`);
      const f = sampler(d);
      const n = 200_000;
      let s = 0, s2 = 0, min = Infinity;
      for (let i = 0; i < n; i++) {
        const x = f(u);
        if (x < min) min = x;
        s += x; s2 += x * x;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      const mean = s / n;
      const variance = s2 / n - mean * mean;
      const m = distMean(d), v = distCs2(d) * m * m;
      // Standard error of the mean is sqrt(var/n); allow 4 of them (+ rounding).
      expect(Math.abs(mean - m)).toBeLessThanOrEqual(4 * Math.sqrt(v / n) + 1e-9);
      // Variance: a loose 10 % check (its standard error depends on the 4th moment).
      if (v > 0) expect(Math.abs(variance - v) / v).toBeLessThan(0.1);
      else expect(variance).toBeLessThan(1e-9);
    });
  }

  it('DIST-2 exponential: P(X > mean) = e^-1', () => {
    const u = new RandomStreams(5).stream('tail');
    const f = sampler({ kind: 'exp', mean: 4 });
    const n = 100_000;
    let over = 0;
    for (let i = 0; i < n; i++) if (f(u) > 4) over++;
    const p = Math.exp(-1);
    expect(Math.abs(over / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('DIST-3 lognormal: the median is the median parameter', () => {
    const u = new RandomStreams(6).stream('ln');
    const f = sampler({ kind: 'lognormal', median: 30, sigma: 0.8 });
    const xs = Array.from({ length: 50_001 }, () => f(u)).sort((a, b) => a - b);
    // SE of the sample median ≈ 1/(2 f(m) sqrt(n)), f(m) = 1/(m σ sqrt(2π))
    const se = (30 * 0.8 * Math.sqrt(2 * Math.PI)) / (2 * Math.sqrt(50_001));
    expect(Math.abs(xs[25_000] - 30)).toBeLessThan(4 * se);
  });
});
