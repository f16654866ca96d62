/** Back-off and jitter against the AWS "Exponential Backoff and Jitter" formulas (semantics.md). */
import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/model/backoff';
import { RandomStreams } from '../../src/engine/rng';
import type { RetryPolicy } from '../../src/scenario/types';

const p = (x: Partial<RetryPolicy>): RetryPolicy => ({ max: 5, backoffMs: 100, multiplier: 2, capMs: 1000, jitter: 'none', ...x });

describe('backoff', () => {
  it('RTY-1 exponential: base × multiplier^(n-1), capped', () => {
    const u = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(p({}), n, 0, u))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([1, 2, 3].map((n) => backoffMs(p({ multiplier: 1 }), n, 0, u))).toEqual([100, 100, 100]);
  });

  it('RTY-2 full jitter is U(0, b): mean b/2, within [0, b]', () => {
    const u = new RandomStreams(1).stream('j');
    const xs = Array.from({ length: 20_000 }, () => backoffMs(p({ jitter: 'full' }), 3, 0, u));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(400);
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    expect(Math.abs(mean - 200)).toBeLessThan(4 * (400 / Math.sqrt(12)) / Math.sqrt(xs.length));
  });

  it('RTY-3 equal jitter is b/2 + U(0, b/2)', () => {
    const u = new RandomStreams(2).stream('j');
    const xs = Array.from({ length: 20_000 }, () => backoffMs(p({ jitter: 'equal' }), 3, 0, u));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...xs)).toBeLessThanOrEqual(400);
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    expect(Math.abs(mean - 300)).toBeLessThan(4 * (200 / Math.sqrt(12)) / Math.sqrt(xs.length));
  });

  it('RTY-4 decorrelated jitter is min(cap, U(base, prev × 3))', () => {
    const u = new RandomStreams(3).stream('j');
    let prev = 100;
    for (let i = 1; i < 200; i++) {
      const d = backoffMs(p({ jitter: 'decorrelated' }), i, prev, u);
      expect(d).toBeGreaterThanOrEqual(100);
      expect(d).toBeLessThanOrEqual(Math.min(1000, prev * 3));
      prev = d;
    }
  });
});
