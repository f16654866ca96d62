import { describe, expect, it } from 'vitest';
import { appendDetail, appendSeries, edgeKey, emptyDetail, seriesDefaults, utilisationOf } from '../../src/store/series';
import { edgeKey as modelEdgeKey } from '../../src/model/snapshot';
import type { EdgeSeriesPoint, ServiceSeriesPoint } from '../../src/model/snapshot';

const pt = (t: number, requests = 10) => ({ t, requests, ok: requests, errors: 0, p50: 5, p95: 8, p99: 9 });

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
    expect(s.a[0]).toMatchObject({ t: 0, dtMs: 2000, requests: 20, p95: 8, p99: 9 });
  });

  it('merging keeps the worse p95 and p99, and weights p50 by requests', () => {
    const many = Array.from({ length: seriesDefaults.maxPoints + 1 }, (_, i) => (
      i === 1 ? { ...pt(1000, 30), p50: 9, p95: 20, p99: 40 } : pt(i * 1000)));
    const s = appendSeries({}, { a: many }, 1000);
    // (5·10 + 9·30) / 40 = 8
    expect(s.a[0]).toMatchObject({ requests: 40, p50: 8, p95: 20, p99: 40 });
  });
});

const svc = (t: number, o: Partial<ServiceSeriesPoint> = {}): ServiceSeriesPoint => ({
  t, requests: 10, errors: 1, rejected: 2, busy: 1, workers: 4, utilization: 0.25, p50: 5, p95: 8, p99: 9, ...o,
});
const edge = (t: number, o: Partial<EdgeSeriesPoint> = {}): EdgeSeriesPoint => ({ t, calls: 10, errors: 1, rejected: 0, p50: 5, p95: 8, p99: 9, ...o });

describe('service and edge chart series', () => {
  it('keeps only the services and edges the snapshots carry; the same object when nothing came', () => {
    const d = appendDetail(emptyDetail, { api: [svc(0)] }, { 'client:w->api': [edge(0)] }, 1000);
    expect(Object.keys(d.services)).toEqual(['api']);
    expect(Object.keys(d.edges)).toEqual(['client:w->api']);
    expect(d.services.api![0]).toMatchObject({ t: 0, dtMs: 1000, requests: 10, busy: 1, workers: 4 });
    expect(utilisationOf(d.services.api![0]!)).toBe(0.25);
    expect(appendDetail(d, { api: [] }, {}, 1000)).toBe(d);
    expect(appendDetail(d, undefined, undefined, 1000)).toBe(d);
  });

  it('stays bounded; merged utilisation is the ratio of the areas, not the mean of the ratios', () => {
    // Alternating: 1 of 1 worker busy (100 %), then 1 of 3 (33 %): areas 2 busy of 4 → 50 %, not 66.7 %.
    const pts = Array.from({ length: seriesDefaults.maxPoints + 1 }, (_, i) =>
      svc(i * 1000, i % 2 === 0 ? { busy: 1, workers: 1 } : { busy: 1, workers: 3 }));
    const d = appendDetail(emptyDetail, { api: pts }, {}, 1000);
    const a = d.services.api!;
    expect(a.length).toBeLessThanOrEqual(seriesDefaults.maxPoints);
    expect(a[0]).toMatchObject({ t: 0, dtMs: 2000, requests: 20, errors: 2, rejected: 4, busy: 1, workers: 2 });
    expect(utilisationOf(a[0]!)).toBe(0.5);
    // An interval with no instance up has no utilisation; merged with one that had, the up one decides.
    expect(utilisationOf({ ...a[0]!, busy: 0, workers: 0 })).toBeNaN();
  });

  it('edges merge calls, failures and refusals; p99 the worse', () => {
    const pts = Array.from({ length: seriesDefaults.maxPoints + 2 }, (_, i) => edge(i * 1000, i === 1 ? { p99: 50, rejected: 3 } : {}));
    const d = appendDetail(emptyDetail, {}, { 'a->b': pts }, 1000);
    expect(d.edges['a->b']![0]).toMatchObject({ t: 0, dtMs: 2000, calls: 20, errors: 2, rejected: 3, p99: 50 });
  });

  it('the page keys edges as the model does', () => {
    expect(edgeKey('client:browse', 'catalog')).toBe(modelEdgeKey('client:browse', 'catalog'));
    expect(edgeKey('a', 'b')).toBe('a->b');
  });
});
