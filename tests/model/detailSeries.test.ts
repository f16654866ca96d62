/**
 * Per-service and per-edge series (src/model/detailSeries.ts) on runs worked
 * out by hand: uniform arrivals every 100 ms, a constant 50 ms of CPU, so no
 * request ever waits and each interval's busy-worker area is 50 ms × the
 * requests that ran in it. Arrivals land on whole 100 ms; one at an interval
 * boundary falls in the new interval (the tick was scheduled first, and equal
 * times fire in insertion order: DESIGN rule 2).
 */
import { describe, expect, it } from 'vitest';
import { World } from '../../src/model/world';
import { scenarioFrom } from '../helpers/world';
import type { EdgeSeriesPoint, SeriesPoint, ServiceSeriesPoint, WorldSnapshot } from '../../src/model/snapshot';

interface Collected {
  routes: Record<string, SeriesPoint[]>;
  services: Record<string, ServiceSeriesPoint[]>;
  edges: Record<string, EdgeSeriesPoint[]>;
}

/** Run to the end, taking a snapshot every `everyMs`, and gather every series point. */
function collect(world: World, everyMs: number): Collected {
  const out: Collected = { routes: {}, services: {}, edges: {} };
  const add = <P>(into: Record<string, P[]>, from: Readonly<Record<string, readonly P[]>> | undefined) => {
    for (const [k, pts] of Object.entries(from ?? {})) (into[k] ??= []).push(...pts);
  };
  const take = (snap: WorldSnapshot) => {
    add(out.routes, snap.series);
    add(out.services, snap.serviceSeries);
    add(out.edges, snap.edgeSeries);
  };
  take(world.snapshot());
  while (!world.done) {
    world.runUntil(world.now + everyMs);
    take(world.snapshot());
  }
  return out;
}

const BASE = (extra: string, api = 'workers: 2') => `
version: 1
name: constant
duration: 5s
warmup: 1s
services:
  api:
    ${api}
    startup: 0s
    endpoints:
      get: [ { cpu: 50ms } ]
workload:
  - { name: load, route: api.get, rate: 10/s, arrivals: uniform }
${extra}`;

describe('service series: utilisation per interval, exact', () => {
  it('constant work: 450 then 500 busy worker-ms per second on 2 workers → 22.5 %, then 25 %', () => {
    const world = new World(scenarioFrom(BASE('')));
    const c = collect(world, 700);
    const api = c.services.api!;
    // Five intervals, the last one closed by the end of the run (5 s is a whole number of intervals).
    expect(api.map((p) => p.t)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(api.map((p) => p.requests)).toEqual([9, 10, 10, 10, 10]);
    expect(api.map((p) => p.utilization)).toEqual([0.225, 0.25, 0.25, 0.25, 0.25]);
    expect(api.map((p) => p.busy)).toEqual([0.45, 0.5, 0.5, 0.5, 0.5]);
    expect(api.map((p) => p.workers)).toEqual([2, 2, 2, 2, 2]);
    expect(api.every((p) => p.errors === 0 && p.rejected === 0)).toBe(true);
    // Every request spends exactly its 50 ms of CPU at the service.
    for (const p of api) expect([p.p50, p.p95, p.p99]).toEqual([50, 50, 50]);

    // The report measures the same area from warmup: 2000 busy of 8000 worker-ms.
    const report = world.report();
    expect(report.services.api!.utilization).toBe(0.25);
    const after = api.filter((p) => p.t >= 1000);
    expect(after.reduce((s, p) => s + p.utilization, 0) / after.length).toBe(report.services.api!.utilization);

    // Routes: p95 beside p50 and p99; the points after warmup sum to the report's request count (40).
    const route = c.routes['api.get']!;
    expect(route.map((p) => [p.p50, p.p95, p.p99])).toEqual(route.map(() => [50, 50, 50]));
    expect(route.filter((p) => p.t >= 1000).reduce((s, p) => s + p.requests, 0)).toBe(40);
    expect(report.routes['api.get']!.requests).toBe(40);
  });

  it('workers raised mid-interval: the area of what was up, not the count at the tick', () => {
    // 1 worker until 2.5 s, then 3: [2 s, 3 s) had 1×500 + 3×500 = 2000 worker-ms.
    const world = new World(scenarioFrom(BASE('timeline:\n  - { at: 2500ms, set: api.workers, value: 3 }', 'workers: 1')));
    const api = collect(world, 1000).services.api!;
    expect(api.map((p) => p.workers)).toEqual([1, 1, 2, 3, 3]);
    expect(api.map((p) => p.utilization)).toEqual([450 / 1000, 500 / 1000, 500 / 2000, 500 / 3000, 500 / 3000]);
  });

  it('an instance down for a while: its workers leave the denominator while it is down', () => {
    // Two instances of 1 worker; one killed at 2.58 s (nothing in flight: the 2.5 s request ended at 2.55 s)
    // for 1 s, ready again at 3.58 s (no cold start). Up: [2 s, 3 s) 1000 + 580, [3 s, 4 s) 1000 + 420.
    const world = new World(scenarioFrom(BASE('timeline:\n  - { at: 2580ms, for: 1s, kill: api, count: 1 }', 'instances: 2\n    workers: 1')));
    const api = collect(world, 1000).services.api!;
    expect(api.map((p) => p.utilization)).toEqual([450 / 2000, 500 / 2000, 500 / 1580, 500 / 1420, 500 / 2000]);
    expect(api.map((p) => p.workers)).toEqual([2, 2, 1.58, 1.42, 2]);
    expect(api.every((p) => p.errors === 0 && p.rejected === 0)).toBe(true);
  });

  it('no instance up for a whole interval: utilisation is NaN (undefined), not 0', () => {
    const world = new World(scenarioFrom(BASE('timeline:\n  - { at: 1000ms, for: 1500ms, kill: api, count: all }', 'workers: 1')));
    const api = collect(world, 1000).services.api!;
    expect(api[1]!.workers).toBe(0);
    expect(api[1]!.utilization).toBeNaN();
    expect(api[2]!.workers).toBe(0.5);
  });
});

describe('edge series', () => {
  it('client edge: calls per interval, no errors, p99 of the answers', () => {
    const world = new World(scenarioFrom(BASE('')));
    const e = collect(world, 1000).edges['client:load->api']!;
    expect(e.map((p) => p.calls)).toEqual([9, 10, 10, 10, 10]);
    expect(e.every((p) => p.errors === 0 && p.rejected === 0)).toBe(true);
    expect(e.map((p) => p.p99)).toEqual([50, 50, 50, 50, 50]);
  });

  it('a call edge: failures counted per interval, the callee\'s refusals and errors apart', () => {
    // front calls back; back answers every call with an error from 2 s to 3 s (an injected 100 % error fault).
    const yaml = `
version: 1
name: edge
duration: 4s
services:
  front:
    endpoints:
      get: [ { cpu: 10ms }, { call: back.get } ]
  back:
    endpoints:
      get: [ { cpu: 20ms } ]
workload:
  - { name: load, route: front.get, rate: 10/s, arrivals: uniform }
timeline:
  - { at: 2000ms, for: 1s, errors: back, rate: 100% }
`;
    const world = new World(scenarioFrom(yaml));
    const c = collect(world, 1000);
    const e = c.edges['front->back']!;
    // Calls leave front 10 ms after each arrival: 100 ms + 10 ms, … — 9 in the first second, then 10.
    expect(e.map((p) => p.calls)).toEqual([9, 10, 10, 10]);
    // Arrivals at 2.0 … 2.9 s call back at 2.01 … 2.91 s, all inside the fault.
    expect(e.map((p) => p.errors)).toEqual([0, 0, 10, 0]);
    // An answered call takes back's 20 ms; the failed ones are answered at once (the fault answers before any work).
    expect(e[0]!.p99).toBe(20);
    expect(e[2]!.p99).toBe(0);
    const back = c.services.back!;
    expect(back.map((p) => p.errors)).toEqual([0, 0, 10, 0]);
    expect(back.map((p) => p.requests)).toEqual([9, 10, 10, 10]);
    // front fails its request when its call fails: the route's errors show the same 10.
    expect(c.routes['front.get']!.map((p) => p.errors)).toEqual([0, 0, 10, 0]);
    expect(c.services.front!.map((p) => p.errors)).toEqual([0, 0, 10, 0]);
  });
});

describe('the series leave the run alone', () => {
  it('same digest and report with snapshots taken often, rarely or never', () => {
    const yaml = BASE('timeline:\n  - { at: 2580ms, for: 1s, kill: api, count: 1 }', 'instances: 2\n    workers: 1').replace('uniform', 'poisson');
    const never = new World(scenarioFrom(yaml));
    never.run();
    const often = new World(scenarioFrom(yaml));
    collect(often, 37);
    expect(often.digest()).toBe(never.digest());
    expect(often.report()).toEqual(never.report());
  });
});
