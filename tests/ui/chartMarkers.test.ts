/** Timeline items become chart markers: faults red, load and scaling grey, a `for` adds its end. */
import { describe, expect, it } from 'vitest';
import { chartMarkers } from '../../src/ui/ChartPanel';
import type { TimelineItem } from '../../src/scenario/types';

describe('chartMarkers', () => {
  it('one per item, its end too when it has a for', () => {
    const file: TimelineItem[] = [{ atMs: 60_000, forMs: 30_000, action: { kind: 'errors', service: 'pay', rate: 0.5 } }];
    const live: TimelineItem[] = [
      { atMs: 10_000, forMs: null, action: { kind: 'load', workload: 'w', perSec: 300 } },
      { atMs: 20_000, forMs: null, action: { kind: 'scale', service: 'api', instances: 3 } },
    ];
    const m = chartMarkers(file, live);
    expect(m.map((x) => [x.t, x.fault])).toEqual([[60_000, true], [90_000, false], [10_000, false], [20_000, false]]);
    expect(m[0]!.label).toBe('errors pay 50%');
    expect(m[1]!.label).toBe('end: errors pay 50%');
  });
});

describe('decimate', () => {
  it('keeps short series as they are; long ones to about the limit, with each bucket\'s spike and the last point', async () => {
    const { decimate } = await import('../../src/ui/charts');
    const few = [{ t: 0, v: 1 }, { t: 1, v: 2 }];
    expect(decimate(few, 10)).toBe(few);
    const many = Array.from({ length: 1000 }, (_, i) => ({ t: i, v: i === 503 ? 99 : 1 }));
    const d = decimate(many, 100);
    expect(d.length).toBeLessThanOrEqual(101);
    expect(d.some((p) => p.v === 99)).toBe(true);
    expect(d[d.length - 1]).toEqual({ t: 999, v: 1 });
  });
});
