/** The compare view's pure parts: shared chart scales, the chart markup, the CSV of deltas, the picker's counterpart. */
import { describe, expect, it } from 'vitest';
import { chartSvg, metricLines, routeColour, routeOrder, sharedMax, type SideSeries } from '../../src/ui/compare/compareCharts';
import { ERROR_COLOUR, ROUTE_COLOURS } from '../../src/ui/charts';
import { compareCsv } from '../../src/ui/compare/compareExport';
import { counterpart } from '../../src/ui/compare/CompareButton';
import { deltaOf, type CompareDelta } from '../../src/metrics/compare';

const pt = (t: number, requests: number, ok: number, errors: number, p99: number) => ({ t, requests, ok, errors, p50: p99 / 2, p99 });

const left: SideSeries = {
  intervalMs: 2000, durationMs: 6000, markers: [{ t: 2000, untilT: 4000, label: 'latency <b>&', fault: true }],
  series: { 'a<b>': [pt(0, 100, 90, 10, 50), pt(2000, 40, 0, 0, NaN), pt(4000, 60, 30, 30, 900)] },
};
const right: SideSeries = { intervalMs: 2000, durationMs: 6000, markers: [], series: { 'a<b>': [pt(0, 300, 300, 0, 20)] } };

describe('compare charts', () => {
  it('CMPV-1 values per interval: req/s over the interval, p99, failed share of the answered (none answered: no value)', () => {
    expect(metricLines(left, 'throughput')['a<b>'].map((p) => p.v)).toEqual([50, 20, 30]);
    expect(metricLines(left, 'throughput')['a<b>'].map((p) => p.t)).toEqual([1000, 3000, 5000]);
    const share = metricLines(left, 'failedShare')['a<b>'].map((p) => p.v);
    expect(share[0]).toBe(10);
    expect(share[1]).toBeNaN();
    expect(share[2]).toBe(50);
  });

  it('CMPV-2 both sides share a y maximum per metric', () => {
    expect(sharedMax([left, right], 'throughput')).toBe(150);
    expect(sharedMax([left, right], 'p99')).toBe(900);
    expect(sharedMax([left, null], 'failedShare')).toBe(50);
    expect(sharedMax([null, null], 'p99')).toBe(0);
    expect(routeOrder([['x', 'y'], ['z', 'x']])).toEqual(['x', 'y', 'z']);
  });

  it('CMPV-3 markup: names and marker words escaped, a share axis stops at 100 %, a line per route', () => {
    const svg = chartSvg({ metric: 'failedShare', side: left, routes: ['a<b>'], yMax: 100, durationMs: 6000, width: 400, height: 150, });
    expect(svg).not.toMatch(/<b>/);
    expect(svg).toContain('data-route="a&lt;b&gt;"');
    expect(svg).toContain('latency &lt;b&gt;&amp;');
    expect(svg).toContain('data-ymax="100"');
    expect(svg).toContain('data-points="2"');
    expect((svg.match(/<path /g) ?? []).length).toBe(1);
    const doc = chartSvg({ metric: 'throughput', side: right, routes: ['a<b>'], yMax: 150, durationMs: 6000, width: 400, height: 150, });
    // The same y maximum gives the same axis on both sides.
    expect(doc.match(/data-ymax="(\d+)"/)![1]).toBe(chartSvg({ metric: 'throughput', side: left, routes: ['a<b>'], yMax: 150, durationMs: 6000, width: 400, height: 150 }).match(/data-ymax="(\d+)"/)![1]);
  });

  it('CMPV-6 colours are the theme\'s variables, as the main charts\': a route keeps its series colour on both sides; faults as the main charts\' faults', () => {
    const routes = ['x', 'a<b>'];
    const svg = chartSvg({ metric: 'throughput', side: left, routes, yMax: 150, durationMs: 6000, width: 400, height: 150 });
    expect(svg).toContain(`stroke="${ROUTE_COLOURS[1]}" stroke-width="2.25" stroke-linejoin="round" stroke-linecap="round" data-route="a&lt;b&gt;"`);
    expect(ROUTE_COLOURS[1]).toBe('var(--series-2)');
    expect(svg).toContain(`fill="${ERROR_COLOUR}" fill-opacity="0.1"`);
    expect(svg).toContain(`stroke="${ERROR_COLOUR}"`);
    // No colour of its own: every fill and stroke is a theme variable (or none).
    const colours = [...svg.matchAll(/(?:fill|stroke)="([^"]*)"/g)].map((m) => m[1]);
    expect(colours.length).toBeGreaterThan(5);
    for (const c of colours) expect(c).toMatch(/^(var\(--[\w-]+\)|none)$/);
    expect(routeColour(routes, 'x')).toBe('var(--series-1)');
    expect(routeColour(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9'], 'r9')).toBe('var(--series-1)');
  });
});

describe('compare CSV and picker', () => {
  it('CMPV-4 one CSV row per figure: left, right, delta, %, verdict; names quoted safely', () => {
    const delta = {
      routes: { '=evil,route': { latencyP99Ms: deltaOf(100, 75, 'lower') } },
      services: { web: { utilization: deltaOf(0.5, null, 'neutral') } },
      expectations: { left: { passed: 0, total: 0 }, right: { passed: 0, total: 0 } }, sameSeed: true,
    } as unknown as CompareDelta;
    expect(compareCsv(delta).split('\r\n')).toEqual([
      'kind,name,figure,left,right,delta,delta_pct,verdict',
      `route,"'=evil,route",latencyP99Ms,100,75,-25,-25,better`,
      'service,web,utilization,0.5,,,,n/a',
      '',
    ]);
  });

  it('CMPV-5 the right side defaults to the sibling sharing the longest name in the same folder', () => {
    const cat = ['/scenarios/shop.yaml', '/scenarios/resilience/blast-radius.yaml', '/scenarios/resilience/cascading-failure-naive.yaml',
      '/scenarios/resilience/cascading-failure-resilient.yaml', '/scenarios/resilience/retry-storm-naive.yaml'].map((key) => ({ key }));
    expect(counterpart(cat, '/scenarios/resilience/cascading-failure-naive.yaml')).toBe('/scenarios/resilience/cascading-failure-resilient.yaml');
    expect(counterpart(cat, '/scenarios/shop.yaml')).toBe('/scenarios/resilience/blast-radius.yaml');
    expect(counterpart(cat, null)).toBe('/scenarios/shop.yaml');
    expect(counterpart([{ key: 'x' }], 'x')).toBeNull();
  });
});
