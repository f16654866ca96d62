/**
 * §1.1 M/M/1: mean response time W, queue wait Wq, time-average number in
 * system L, utilisation, and the p50/p95/p99 of the response time (exactly
 * Exp(mu − lambda)) from the scenarios in scenarios/validation/mm1-*.yaml.
 * Tolerance: exact ± 4 SD (validation.md §1.8): SD = exact·sqrt(kappa_L/n)
 * for the means (the absolute SD of W also bounds Wq's, since Wq = W − S with
 * S i.i.d. and positively associated with later waits); 1.5·kappa_L for the
 * percentiles (theory.ts: kappaQuantile) plus the histogram's bucket width;
 * the exact birth–death variance for the utilisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../helpers/load';
import {
  kappaL, kappaQuantile, mm1, mmckAsymptoticVariance, relaxationTime, sdOfMean, sdOfQuantile, truncationFor,
} from '../helpers/theory';
import { HIST_REL, ROUND_4, ROUND_MS, RUN_TIMEOUT_MS, cpuOf, printTable, run, service, sized, within, type Run } from './harness';

const MU = 0.1; // per ms: exp(10ms)
const ROUTE = 'server.handle';

const CASES = [
  { file: 'validation/mm1-rho50.yaml', rho: 0.5, longCustomers: 10e6 },
  { file: 'validation/mm1-rho80.yaml', rho: 0.8, longCustomers: 20e6 },
  { file: 'validation/mm1-rho90.yaml', rho: 0.9, longCustomers: 20e6 },
];

afterAll(() => printTable('M/M/1'));

for (const { file, rho, longCustomers } of CASES) {
  describe(`§1.1 M/M/1 at rho = ${rho} (${file})`, () => {
    const lambda = rho * MU;
    const q = mm1(lambda, MU);
    const scenario = sized(loadScenarioFile(file), longCustomers);
    let r: Run;
    beforeAll(() => { r = run(scenario); }, RUN_TIMEOUT_MS);

    it('the file is the M/M/1 the theory assumes, with a warm-up of at least 10 relaxation times', () => {
      const s = service(scenario, 'server');
      expect(s.instances).toBe(1);
      expect(s.workers).toBe(1);
      expect(s.queue).toBe(Infinity);
      expect(cpuOf(scenario, 'server', 'handle')).toEqual({ kind: 'exp', mean: 10 });
      const src = scenario.workload[0];
      expect(src.kind === 'open' && src.rate[0].perSec).toBeCloseTo(lambda * 1000, 9);
      expect(scenario.warmupMs).toBeGreaterThanOrEqual(10 * relaxationTime(rho, MU));
    });

    it('arrivals: the request count is Poisson(lambda T) within 4 SD', () => {
      const mean = lambda * r.observedMs;
      within(`rho=${rho} arrivals`, r.report.routes[ROUTE].requests, mean, Math.sqrt(mean));
    });

    it('W, Wq and L within 4 SD (kappa_L)', () => {
      const route = r.report.routes[ROUTE];
      const n = route.ok;
      const k = kappaL(rho);
      expect(route.errors + route.rejected + route.timeouts).toBe(0);
      within(`rho=${rho} W (ms)`, route.latencyMs.mean, q.W, sdOfMean(q.W, k, n), ROUND_MS);
      within(`rho=${rho} Wq (ms)`, r.report.services.server.queueWaitMs.mean, q.Wq, sdOfMean(q.W, k, n), ROUND_MS);
      within(`rho=${rho} L`, r.report.services.server.meanInSystem, q.L, sdOfMean(q.L, k, n), ROUND_4);
    });

    it('response-time p50, p95, p99 within 4 SD of -ln(1-p)/(mu-lambda)', () => {
      const route = r.report.routes[ROUTE];
      const n = route.ok;
      for (const [p, key] of [[0.5, 'p50'], [0.95, 'p95'], [0.99, 'p99']] as const) {
        const x = q.responseQuantile(p);
        const sd = sdOfQuantile(p, q.responseDensity(x), kappaQuantile(rho), n);
        within(`rho=${rho} ${key} (ms)`, route.latencyMs[key], x, sd, x * HIST_REL + ROUND_MS);
      }
      expect(route.latencyMs.p50).toBeLessThanOrEqual(route.latencyMs.p95);
      expect(route.latencyMs.p95).toBeLessThanOrEqual(route.latencyMs.p99);
      expect(route.latencyMs.p99).toBeLessThanOrEqual(route.latencyMs.max);
    });

    it('utilisation within 4 SD of rho (exact birth–death variance of the busy fraction)', () => {
      const K = 1 + truncationFor(rho);
      const v = mmckAsymptoticVariance(lambda, MU, 1, K, { perTime: (n) => (n >= 1 ? 1 : 0) });
      within(`rho=${rho} utilisation`, r.report.services.server.utilization, rho, Math.sqrt(v / r.observedMs), ROUND_4);
    });

    it("the scenario's own expectations hold", () => {
      for (const e of r.report.expectations) expect(e.passed, `${e.text}: actual ${e.actual}`).toBe(true);
      expect(r.report.expectations.length).toBeGreaterThan(0);
    });
  });
}
