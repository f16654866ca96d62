/**
 * The live charts' per-interval series against theory, on the M/M/4 file
 * (validation.md §1.2, rho = 0.8): the mean of the per-second utilisation
 * points after warm-up is rho within 4 SD (the exact birth–death asymptotic
 * variance of the busy fraction, as mmc.test.ts uses for the report), and —
 * since every interval of an M/M/c has the same 4 workers up, and the run's
 * warm-up and end are put on interval boundaries — that mean is the report's
 * utilisation to within its rounding (1e-4): both measure the same busy area.
 * The throughput points after warm-up add up to the report's request count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../helpers/load';
import { mmckAsymptoticVariance, truncationFor } from '../helpers/theory';
import { ROUND_4, RUN_TIMEOUT_MS, printTable, sized, within } from './harness';
import { World } from '../../src/model/world';
import type { Report } from '../../src/metrics/report';
import type { Scenario } from '../../src/scenario/types';
import type { SeriesPoint, ServiceSeriesPoint } from '../../src/model/snapshot';

const FILE = 'validation/mmc4-rho80.yaml';
const C = 4, MU = 0.1, RHO = 0.8;
const ROUTE = 'server.handle';

afterAll(() => printTable('Series'));

/**
 * The file's run with its warm-up and end moved onto interval boundaries (a
 * 6260 s run gets 4 s intervals; the file's 10 s warm-up becomes 12 s), so
 * the points after warm-up cover exactly what the report measures.
 */
function aligned(): Scenario {
  const s = sized(loadScenarioFile(FILE), 10e6);
  const iv = new World(s).snapshot().intervalMs;
  const warmupMs = Math.ceil(s.warmupMs / iv) * iv;
  return Object.freeze({ ...s, warmupMs, durationMs: warmupMs + Math.floor((s.durationMs - warmupMs) / iv) * iv });
}

describe(`per-interval series on ${FILE}`, () => {
  const scenario = aligned();
  let report: Report;
  let intervalMs = 0;
  const route: SeriesPoint[] = [];
  const server: ServiceSeriesPoint[] = [];

  beforeAll(() => {
    const world = new World(scenario);
    // A reader every 100 s of simulated time, as the page reads often.
    for (let t = 0; !world.done; t += 100_000) {
      world.runUntil(t);
      const snap = world.snapshot();
      intervalMs = snap.intervalMs;
      route.push(...snap.series[ROUTE]!);
      server.push(...snap.serviceSeries!.server!);
    }
    report = world.report();
    expect(report.stopped).toBeNull();
  }, RUN_TIMEOUT_MS);

  const afterWarmup = <P extends { t: number }>(pts: readonly P[]) => pts.filter((p) => p.t >= scenario.warmupMs);

  it('one point per interval, covering [0, duration) without gaps', () => {
    expect(scenario.durationMs % intervalMs).toBe(0);
    expect(scenario.warmupMs % intervalMs).toBe(0);
    expect(server.length).toBe(scenario.durationMs / intervalMs);
    expect(server.every((p, i) => p.t === i * intervalMs)).toBe(true);
    expect(route.map((p) => p.t)).toEqual(server.map((p) => p.t));
    // One instance of 4 workers, up throughout.
    expect(server.every((p) => p.workers === C)).toBe(true);
  });

  it('mean utilisation of the points after warm-up = rho within 4 SD', () => {
    const pts = afterWarmup(server);
    const mean = pts.reduce((s, p) => s + p.utilization, 0) / pts.length;
    const observedMs = scenario.durationMs - scenario.warmupMs;
    const v = mmckAsymptoticVariance(C * RHO * MU, MU, C, C + truncationFor(RHO), { perTime: (n) => Math.min(n, C) / C });
    within(`M/M/${C} per-interval utilisation, mean of ${pts.length} points`, mean, RHO, Math.sqrt(v / observedMs));
  });

  it("that mean is the report's utilisation (same busy area, rounded to 1e-4 there)", () => {
    const pts = afterWarmup(server);
    const mean = pts.reduce((s, p) => s + p.utilization, 0) / pts.length;
    expect(Math.abs(mean - report.services.server!.utilization)).toBeLessThanOrEqual(ROUND_4 + 1e-12);
  });

  it("throughput points after warm-up add up to the route's and the service's request counts", () => {
    const requests = afterWarmup(route).reduce((s, p) => s + p.requests, 0);
    expect(requests).toBe(report.routes[ROUTE]!.requests);
    expect(afterWarmup(server).reduce((s, p) => s + p.requests, 0)).toBe(report.services.server!.requests);
    // About lambda × T arrivals: 0.32/ms × 6250 s = 2 M (a Poisson count, SD ≈ 1414).
    expect(Math.abs(requests - 0.32 * (scenario.durationMs - scenario.warmupMs))).toBeLessThan(4 * Math.sqrt(0.32 * (scenario.durationMs - scenario.warmupMs)));
  });
});
