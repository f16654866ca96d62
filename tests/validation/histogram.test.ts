/**
 * The latency histogram against exact sample quantiles: every percentile the
 * report prints comes from it, so its error budget (1 % relative, for values
 * of at least its 1 µs resolution) is part of every validation tolerance.
 * Exact quantile of a sample of n: the smallest x with F_n(x) >= q, i.e.
 * sorted[ceil(q n) - 1]. The mean, min and max are exact.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { Histogram } from '../../src/metrics/histogram';

const QS = [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999];
const REL = 0.01;

function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** Uniform in (0, 1], from a seeded stream. */
function uniform(seed: string): () => number {
  const g = seedrandom.alea(seed);
  return () => 1 - g();
}

function gauss(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

const distributions: Record<string, (u: () => number) => number> = {
  'exponential(10ms)': (u) => -10 * Math.log(u()),
  'lognormal(5ms, sigma 2): 1 µs .. 10 s': (u) => Math.max(0.001, 5 * Math.exp(2 * gauss(u))),
  'uniform(1µs, 60s)': (u) => 0.001 + (60_000 - 0.001) * u(),
  'pareto(1ms, 1.2): heavy tail': (u) => 1 / Math.pow(u(), 1 / 1.2),
  'bimodal(2ms, 800ms, 5%)': (u) => (u() < 0.05 ? 800 : 2) * (1 + 0.01 * u()),
  'constant 37.5ms': () => 37.5,
  'hours: uniform(1h, 3h)': (u) => 3_600_000 * (1 + 2 * u()),
};

function check(values: Float64Array, h: Histogram): void {
  const sorted = Float64Array.from(values).sort();
  for (const q of QS) {
    const exact = exactQuantile(sorted, q);
    const got = h.quantile(q);
    expect(Math.abs(got - exact) / exact, `q=${q}: ${got} vs exact ${exact}`).toBeLessThanOrEqual(REL);
  }
}

describe('Histogram percentiles vs exact sorted-sample quantiles', () => {
  for (const [name, draw] of Object.entries(distributions)) {
    it(`${name}: p0.1 … p99.99 within 1 %, mean/min/max exact`, () => {
      const u = uniform(name);
      const n = 200_000;
      const values = new Float64Array(n);
      const h = new Histogram();
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const v = draw(u);
        values[i] = v;
        sum += v;
        h.record(v);
      }
      check(values, h);
      expect(h.count).toBe(n);
      expect(h.mean).toBe(sum / n);
      expect(h.min).toBe(values.reduce((m, x) => Math.min(m, x), Infinity));
      expect(h.max).toBe(values.reduce((m, x) => Math.max(m, x), -Infinity));
      expect(h.quantile(0)).toBe(h.min);
      expect(h.quantile(1)).toBe(h.max);
    });
  }

  it('any sample of values >= 1 µs (fast-check): every quantile within 1 %', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q) => {
          const h = new Histogram();
          for (const x of xs) h.record(x);
          const sorted = Float64Array.from(xs).sort();
          const exact = q === 0 ? sorted[0] : exactQuantile(sorted, q);
          expect(Math.abs(h.quantile(q) - exact)).toBeLessThanOrEqual(REL * exact);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it('below its 1 µs resolution a value reads back within 1 µs; empty reads NaN; reset empties', () => {
    const h = new Histogram();
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.mean).toBeNaN();
    for (const v of [0, 0.0001, 0.0004, 0.0009]) h.record(v);
    for (const q of [0.25, 0.5, 0.99]) expect(h.quantile(q)).toBeLessThanOrEqual(0.001);
    expect(h.mean).toBe((0 + 0.0001 + 0.0004 + 0.0009) / 4);
    h.reset();
    expect(h.count).toBe(0);
    expect(h.quantile(0.99)).toBeNaN();
  });

  it('percentiles are monotone in q', () => {
    const u = uniform('monotone');
    const h = new Histogram();
    for (let i = 0; i < 50_000; i++) h.record(-20 * Math.log(u()) + (u() < 0.01 ? 500 : 0));
    let prev = -Infinity;
    for (let q = 0; q <= 1.0000001; q += 0.001) {
      const x = h.quantile(Math.min(1, q));
      expect(x).toBeGreaterThanOrEqual(prev);
      prev = x;
    }
  });
});
