/**
 * §1.2 M/M/c (Erlang C) for c = 2, 4, 8 at rho = 0.8: W, Wq, L, utilisation,
 * P(wait), the p99 of the queue wait (exact tail C·exp(−(cμ−λ)t)) and the
 * response-time percentiles (S + Wq, hypoexponential).
 *
 * P(wait) is not in the report; by PASTA it equals the time fraction with all
 * c workers busy, which the test samples from snapshots on a 20 ms grid. Its
 * SD is exact: the birth–death asymptotic variance of the indicator plus the
 * grid's own h·p(1−p)/T term (theory.ts: mmckEstimatorSDs).
 * Means use the M/M/1 kappa_L at the same rho, conservative for M/M/c
 * (checked in theory.test.ts); percentiles 1.5·kappa_L (theory.ts: kappaQuantile).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../helpers/load';
import {
  kappaL, kappaQuantile, mmc, mmckAsymptoticVariance, mmckEstimatorSDs, sdOfMean, sdOfQuantile, truncationFor,
} from '../helpers/theory';
import { HIST_REL, ROUND_4, ROUND_MS, RUN_TIMEOUT_MS, cpuOf, printTable, run, service, sized, within, type Run } from './harness';

const MU = 0.1;
const RHO = 0.8;
const ROUTE = 'server.handle';
const GRID_MS = 20;

const CASES = [
  { file: 'validation/mmc2-rho80.yaml', c: 2, longCustomers: 10e6 },
  { file: 'validation/mmc4-rho80.yaml', c: 4, longCustomers: 10e6 },
  { file: 'validation/mmc8-rho80.yaml', c: 8, longCustomers: 10e6 },
];

afterAll(() => printTable('M/M/c'));

for (const { file, c, longCustomers } of CASES) {
  describe(`§1.2 M/M/${c} at rho = ${RHO} (${file})`, () => {
    const lambda = c * RHO * MU;
    const q = mmc(lambda, MU, c);
    const scenario = sized(loadScenarioFile(file), longCustomers);
    let r: Run;
    let samples = 0, allBusy = 0, overfull = 0;
    beforeAll(() => {
      r = run(scenario, {
        everyMs: GRID_MS,
        fn: (snap) => {
          const inst = snap.services[0].instances[0];
          samples++;
          if (inst.busy === c) allBusy++;
          if (inst.busy > c) overfull++;
        },
      });
    }, RUN_TIMEOUT_MS);

    it(`the file is an M/M/${c}: one instance, ${c} workers, one unbounded queue, exp(10ms)`, () => {
      const s = service(scenario, 'server');
      expect([s.instances, s.workers, s.queue]).toEqual([1, c, Infinity]);
      expect(cpuOf(scenario, 'server', 'handle')).toEqual({ kind: 'exp', mean: 10 });
      const src = scenario.workload[0];
      expect(src.kind === 'open' && src.rate[0].perSec).toBeCloseTo(lambda * 1000, 9);
    });

    it('W, Wq and L within 4 SD', () => {
      const route = r.report.routes[ROUTE];
      const n = route.ok, k = kappaL(RHO);
      expect(route.errors + route.rejected + route.timeouts).toBe(0);
      within(`c=${c} W (ms)`, route.latencyMs.mean, q.W, sdOfMean(q.W, k, n), ROUND_MS);
      within(`c=${c} Wq (ms)`, r.report.services.server.queueWaitMs.mean, q.Wq, sdOfMean(q.W, k, n), ROUND_MS);
      within(`c=${c} L`, r.report.services.server.meanInSystem, q.L, sdOfMean(q.L, k, n), ROUND_4);
    });

    it('P(wait) = Erlang C within 4 SD (all workers busy, sampled; PASTA)', () => {
      expect(overfull).toBe(0);
      const sds = mmckEstimatorSDs(lambda, MU, c, Infinity, r.observedMs, GRID_MS);
      expect(sds.pAllBusy).toBeCloseTo(q.pWait, 12);
      within(`c=${c} P(wait)`, allBusy / samples, q.pWait, sds.allBusy);
    });

    it('utilisation within 4 SD of rho', () => {
      const K = c + truncationFor(RHO);
      const v = mmckAsymptoticVariance(lambda, MU, c, K, { perTime: (n) => Math.min(n, c) / c });
      within(`c=${c} utilisation`, r.report.services.server.utilization, RHO, Math.sqrt(v / r.observedMs), ROUND_4);
    });

    it('queue-wait p99 within 4 SD of ln(100 C)/(c mu - lambda)', () => {
      const x = q.waitQuantile(0.99);
      const n = r.report.routes[ROUTE].ok;
      const sd = sdOfQuantile(0.99, q.waitDensity(x), kappaQuantile(RHO), n);
      within(`c=${c} Wq p99 (ms)`, r.report.services.server.queueWaitMs.p99, x, sd, x * HIST_REL + ROUND_MS);
    });

    it('response-time p50, p95, p99 within 4 SD', () => {
      const route = r.report.routes[ROUTE];
      for (const [p, key] of [[0.5, 'p50'], [0.95, 'p95'], [0.99, 'p99']] as const) {
        const x = q.responseQuantile(p);
        const sd = sdOfQuantile(p, q.responseDensity(x), kappaQuantile(RHO), route.ok);
        within(`c=${c} ${key} (ms)`, route.latencyMs[key], x, sd, x * HIST_REL + ROUND_MS);
      }
    });

    it("the scenario's own expectations hold", () => {
      for (const e of r.report.expectations) expect(e.passed, `${e.text}: actual ${e.actual}`).toBe(true);
      expect(r.report.expectations.length).toBeGreaterThan(0);
    });
  });
}
