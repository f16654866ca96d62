/**
 * The chart panel's scope (src/ui/chartScope.ts) and what each chart shows
 * for it (src/ui/chartView.ts), from hand-made chart points.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ROUTES, edgesOf, followSelection, initialScope, parseScopeKey, pickScope, scopeGroups, scopeKey, scopeLabel, shownScope, type ChartScope,
} from '../../src/ui/chartScope';
import {
  chartKinds, chartSpec, chartTip, headerLegend, scopeFileSuffix, servicesOfRoute, UTILISATION_LEGEND, UTILISATION_SUB, type ChartInputs,
} from '../../src/ui/chartView';
import type { ScenarioMeta } from '../../src/worker/protocol';
import type { ChartPoint, EdgeChartPoint, ServiceChartPoint } from '../../src/store/series';
import { emptyDetail } from '../../src/store/series';

/** front calls back; back calls db; a lone service nobody calls; two workloads (one with a space in its name). */
const META = {
  name: 'Test', file: 't.yaml', routes: ['front.get', 'GET /x'],
  services: [
    { name: 'front', label: 'Front', calls: ['back'] },
    { name: 'back', label: 'Back', calls: ['db'] },
    { name: 'db', label: 'DB', calls: [] },
    { name: 'lone', label: 'Lone', calls: [] },
  ],
  workloads: [
    { name: 'users', route: 'front.get', service: 'front' },
    { name: 'batch jobs', route: 'GET /x', service: 'lone' },
  ],
} as unknown as ScenarioMeta;

const service: ChartScope = { kind: 'service', service: 'back' };
const edge: ChartScope = { kind: 'edge', from: 'client:batch jobs', to: 'lone' };

describe('chart scope: keys, options, labels', () => {
  it('select values round-trip, names with spaces and colons included', () => {
    const scopes: ChartScope[] = [ALL_ROUTES, { kind: 'route', route: 'GET /x' }, service, edge, { kind: 'edge', from: 'front', to: 'back' }];
    for (const s of scopes) expect(parseScopeKey(scopeKey(s))).toEqual(s);
    expect(scopeKey(edge)).toBe('edge:client:batch jobs->lone');
    expect(parseScopeKey('nonsense')).toBe(ALL_ROUTES);
    expect(parseScopeKey('edge:no-arrow')).toBe(ALL_ROUTES);
  });

  it('edges are the workloads\' client edges then each service\'s calls; the select groups them after routes and services', () => {
    expect(edgesOf(META)).toEqual([
      { from: 'client:users', to: 'front' }, { from: 'client:batch jobs', to: 'lone' },
      { from: 'front', to: 'back' }, { from: 'back', to: 'db' },
    ]);
    const groups = scopeGroups(META);
    expect(groups.map((g) => g.label)).toEqual(['', 'Routes', 'Services', 'Calls']);
    expect(groups[0]!.options).toEqual([{ key: 'all', label: 'All routes' }]);
    expect(groups[2]!.options.map((o) => o.label)).toEqual(['Front', 'Back', 'DB', 'Lone']);
    expect(groups[3]!.options[1]).toEqual({ key: 'edge:client:batch jobs->lone', label: 'batch jobs (clients) → Lone' });
    expect(scopeLabel(service, META)).toBe('service Back');
    expect(scopeFileSuffix(edge)).toBe('-calls-client-batch-jobs-lone');
    expect(scopeFileSuffix(ALL_ROUTES)).toBe('');
  });

  it('a scope the loaded scenario does not have shows all routes', () => {
    expect(shownScope(service, META)).toBe(service);
    expect(shownScope({ kind: 'service', service: 'gone' }, META)).toBe(ALL_ROUTES);
    expect(shownScope({ kind: 'edge', from: 'db', to: 'front' }, META)).toBe(ALL_ROUTES);
    expect(shownScope({ kind: 'route', route: 'nope' }, META)).toBe(ALL_ROUTES);
    expect(shownScope(service, null)).toBe(ALL_ROUTES);
  });
});

describe('chart scope follows the selection', () => {
  it('selecting a service shows it; another selection moves on; clearing goes back to what was shown before', () => {
    let st = followSelection(initialScope, 'back');
    expect(st.scope).toEqual(service);
    st = followSelection(st, 'front');
    expect(st.scope).toEqual({ kind: 'service', service: 'front' });
    st = followSelection(st, null);
    expect(st.scope).toBe(ALL_ROUTES);
    expect(st.back).toBeNull();
  });

  it('a scope picked in the select stays when the selection is cleared, and gives way to a new selection', () => {
    let st = followSelection(initialScope, 'back');
    st = pickScope(st, edge);
    st = followSelection(st, null);
    expect(st.scope).toBe(edge);
    st = followSelection(st, 'db');
    expect(st.scope).toEqual({ kind: 'service', service: 'db' });
    expect(followSelection(st, null).scope).toBe(edge);
  });

  it('re-selecting the service already shown changes nothing', () => {
    const st = pickScope(initialScope, service);
    expect(followSelection(st, 'back')).toBe(st);
  });
});

const route = (t: number, requests: number, errors: number, p: number[] = [1, 2, 3]): ChartPoint =>
  ({ t, dtMs: 2000, requests, errors, p50: p[0]!, p95: p[1]!, p99: p[2]! });
const svc = (t: number, o: Partial<ServiceChartPoint>): ServiceChartPoint =>
  ({ t, dtMs: 2000, requests: 10, errors: 1, rejected: 2, busy: 1, workers: 4, p50: 5, p95: 8, p99: 9, ...o });
const call = (t: number, o: Partial<EdgeChartPoint>): EdgeChartPoint =>
  ({ t, dtMs: 2000, calls: 8, errors: 1, rejected: 2, p50: 5, p95: 8, p99: 9, ...o });

function inputs(scope: ChartScope, o: Partial<ChartInputs> = {}): ChartInputs {
  return { scope, meta: META, series: {}, detail: emptyDetail, intervalMs: 1000, ...o };
}

describe('what each chart shows', () => {
  it('a call edge has throughput, error share and latency; others utilisation too', () => {
    expect(chartKinds(edge)).toEqual(['throughput', 'errors', 'latency']);
    expect(chartKinds(service)).toEqual(['throughput', 'errors', 'latency', 'utilisation']);
    expect(chartKinds(ALL_ROUTES)).toEqual(['throughput', 'errors', 'latency', 'utilisation']);
    expect(chartTip('utilisation', service)).toMatch(/^Utilisation: busy workers ÷ workers of ready instances over each interval.*Kubernetes HPA/);
  });

  it('all routes: requests per second per route and in total, errors as the area; error share per interval', () => {
    const f = inputs(ALL_ROUTES, { series: { 'front.get': [route(0, 20, 5)], 'GET /x': [route(0, 10, 0)] } });
    const tp = chartSpec('throughput', f);
    // 2 s intervals: 20 requests → 10/s; total 30 → 15/s; 5 errors → 2.5/s, at the interval's midpoint.
    expect(tp.lines.map((l) => [l.key, l.points])).toEqual([
      ['front.get', [{ t: 1000, v: 10 }]], ['GET /x', [{ t: 1000, v: 5 }]], ['total', [{ t: 1000, v: 15 }]],
    ]);
    expect(tp.area).toEqual([{ t: 1000, v: 2.5 }]);
    expect(tp.readout).toBe('errors 2.5/s · 17%');
    expect(tp.points).toBe(2);
    expect(tp.endMs).toBe(2000);
    const es = chartSpec('errors', f);
    expect(es.lines.map((l) => l.points[0]!.v)).toEqual([25, 0, (5 / 30) * 100]);
    const lat = chartSpec('latency', f);
    expect(lat.lines.map((l) => l.key)).toEqual(['front.get p99', 'front.get p95', 'front.get p50', 'GET /x p99', 'GET /x p95', 'GET /x p50']);
    expect(lat.lines.map((l) => l.dash)).toEqual([null, '7 3', '2 3', null, '7 3', '2 3']);
    expect(lat.legend.map((k) => k.label)).toEqual(['front.get', 'GET /x', 'p99', 'p95', 'p50']);
  });

  it('one route: only its lines, no total', () => {
    const f = inputs({ kind: 'route', route: 'GET /x' }, { series: { 'front.get': [route(0, 20, 5)], 'GET /x': [route(0, 10, 0)] } });
    expect(chartSpec('throughput', f).lines.map((l) => l.key)).toEqual(['GET /x']);
    expect(chartSpec('throughput', f).area).toBeNull();
  });

  it('a service: requests/s, (errors + refused) ÷ requests, its latency and utilisation = busy ÷ workers', () => {
    const detail = { services: { back: [svc(0, {}), svc(2000, { busy: 3, workers: 4 }), svc(4000, { busy: 0, workers: 0, requests: 0, errors: 0, rejected: 0 })] }, edges: {} };
    const f = inputs(service, { detail });
    expect(chartSpec('throughput', f).lines[0]!.points.map((p) => p.v)).toEqual([5, 5, 0]);
    expect(chartSpec('throughput', f).area!.map((p) => p.v)).toEqual([1.5, 1.5, 0]);
    const es = chartSpec('errors', f);
    expect(es.lines[0]!.points.map((p) => p.v)).toEqual([30, 30, NaN]);
    const u = chartSpec('utilisation', f);
    expect(u.lines).toHaveLength(1);
    // No instance up in the last interval: a gap, and the last value is the one before it.
    expect(u.lines[0]!.points.map((p) => p.v)).toEqual([25, 75, NaN]);
    expect(u.last).toBe(75);
    expect(u.readout).toBe('75%');
    // Percentages: the axis reaches 20 % at least (a quiet service does not fill the chart), 100 % at most.
    expect([u.percent, u.floorMax]).toEqual([true, 20]);
    expect(chartSpec('errors', f).floorMax).toBe(5);
    expect(chartSpec('latency', f).lines.map((l) => l.points[0]!.v)).toEqual([9, 8, 5]);
    // The header has the scope's colour; each chart says the rest under its title.
    expect(headerLegend(service, META).map((k) => k.label)).toEqual(['Back']);
    expect(chartSpec('throughput', f).sub.keys.map((k) => k.label)).toEqual(['errors + refused']);
    expect(chartSpec('errors', f).sub.text).toBe('(errors + refused) ÷ requests');
    expect(chartSpec('latency', f).sub.keys.map((k) => k.label)).toEqual(['p99', 'p95', 'p50']);
    // The export's legend has both.
    expect(chartSpec('throughput', f).legend.map((k) => k.label)).toEqual(['Back', 'errors + refused']);
  });

  it('a call edge: calls/s, (failed + refused) ÷ (calls + refused), its percentiles', () => {
    const detail = { services: {}, edges: { 'client:batch jobs->lone': [call(0, {})] } };
    const f = inputs(edge, { detail });
    expect(chartSpec('throughput', f).lines[0]!.points[0]!.v).toBe(4);
    expect(chartSpec('throughput', f).readout).toBe('failed 1.5/s · 30%');
    expect(chartSpec('errors', f).lines[0]!.points[0]!.v).toBe(30);
    expect(chartSpec('latency', f).last).toBe(9);
  });

  it('utilisation of all routes: a line per service, the busiest first in the legend, capped', () => {
    const names = ['s1', 's2', 's3', 's4', 's5', 's6', 's7'];
    const meta = { ...META, services: names.map((name) => ({ name, label: name.toUpperCase(), calls: [] })) } as unknown as ScenarioMeta;
    // s<k> is k × 10 % busy.
    const services = Object.fromEntries(names.map((n, i) => [n, [svc(0, { busy: (i + 1) * 0.4, workers: 4 })]]));
    const u = chartSpec('utilisation', inputs(ALL_ROUTES, { meta, detail: { services, edges: {} } }));
    expect(u.lines).toHaveLength(7);
    expect(u.legend.map((k) => k.label)).toEqual(['S7', 'S6', 'S5', 'S4', 'S3', `+${7 - UTILISATION_LEGEND} more`]);
    expect(u.sub.keys.map((k) => k.label)).toEqual(['S7', 'S6', `+${7 - UTILISATION_SUB} more`]);
    expect(u.readout).toBe('S7 70%');
    // The busiest are drawn last, over the others.
    expect(u.lines[u.lines.length - 1]!.key).toBe('s7');
    expect(u.last).toBeCloseTo(70, 12);
  });

  it('utilisation ranks by the recent intervals; the readout names the busiest in the last one', () => {
    // a: 90 % long ago, then 10 %; b: 20 % throughout, 50 % in the last interval.
    const n = 40;
    const a = Array.from({ length: n }, (_, i) => svc(i * 2000, { busy: i < 10 ? 3.6 : 0.4, workers: 4 }));
    const b = Array.from({ length: n }, (_, i) => svc(i * 2000, { busy: i === n - 1 ? 2 : 0.8, workers: 4 }));
    const meta = { ...META, services: [{ name: 'a', label: 'A', calls: [] }, { name: 'b', label: 'B', calls: [] }] } as unknown as ScenarioMeta;
    const u = chartSpec('utilisation', inputs(ALL_ROUTES, { meta, detail: { services: { a, b }, edges: {} } }));
    expect(u.legend.map((k) => k.label)).toEqual(['B', 'A']);
    expect(u.readout).toBe('B 50%');
  });

  it('utilisation of one route: the services its requests can reach', () => {
    expect(servicesOfRoute(META, 'front.get')).toEqual(['front', 'back', 'db']);
    expect(servicesOfRoute(META, 'GET /x')).toEqual(['lone']);
    const services = Object.fromEntries(['front', 'back', 'db', 'lone'].map((n) => [n, [svc(0, {})]]));
    const u = chartSpec('utilisation', inputs({ kind: 'route', route: 'GET /x' }, { detail: { services, edges: {} } }));
    expect(u.lines.map((l) => l.key)).toEqual(['lone']);
  });
});
