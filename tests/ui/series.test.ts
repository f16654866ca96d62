import { describe, expect, it } from 'vitest';
import { appendSeries, seriesDefaults } from '../../src/store/series';

const pt = (t: number, requests = 10) => ({ t, requests, ok: requests, errors: 0, p50: 5, p99: 9 });

describe('chart series', () => {
  it('appends per route, each point with the snapshot interval', () => {
    let s = appendSeries({}, { a: [pt(0)] }, 1000);
    s = appendSeries(s, { a: [pt(1000), pt(2000)] }, 1000);
    expect(s.a.map((p) => p.t)).toEqual([0, 1000, 2000]);
    expect(s.a.map((p) => p.dtMs)).toEqual([1000, 1000, 1000]);
  });

  it('stays bounded by merging neighbours (counts add, p99 the worse)', () => {
    const many = Array.from({ length: seriesDefaults.maxPoints + 1 }, (_, i) => pt(i * 1000));
    const s = appendSeries({}, { a: many }, 1000);
    expect(s.a.length).toBeLessThanOrEqual(seriesDefaults.maxPoints);
    expect(s.a[0]).toMatchObject({ t: 0, dtMs: 2000, requests: 20, p99: 9 });
  });
});
