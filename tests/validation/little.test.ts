/**
 * §1.5 Little's law, L = lambda W, per service: the time-average number at a
 * service (report.services[x].meanInSystem, the area under N(t)) against the
 * request rate times the mean sojourn (the route's mean latency; the report
 * has no per-service residence, so the checks use the entry service, whose
 * sojourn is the request's latency in a single station, and also in a chain
 * because a threads-model caller holds its worker until the callee answers).
 *
 * With warm-up 0, arrivals stopped by a `load: 0` action and the run long
 * enough to drain, there are no edge terms: area = sum of sojourns, exactly.
 * So the tolerance is the report's rounding only, not sampling error:
 * |L·T − ok·W| <= 0.00005·T + ok·0.0005 ms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../helpers/load';
import { ROUND_4, ROUND_MS, RUN_TIMEOUT_MS, printTable, run, within, type Run } from './harness';

afterAll(() => printTable("Little's law"));

const CASES = [
  { file: 'validation/little-bounded.yaml', service: 'api', route: 'api.get' },
  { file: 'validation/little-chain.yaml', service: 'front', route: 'front.handle' },
];

for (const c of CASES) {
  describe(`§1.5 Little's law at ${c.service} (${c.file})`, () => {
    const scenario = loadScenarioFile(c.file);
    let r: Run;
    beforeAll(() => { r = run(scenario); }, RUN_TIMEOUT_MS);

    it('no warm-up, arrivals stop, everything drains: every request is accounted for', () => {
      expect(scenario.warmupMs).toBe(0);
      expect(scenario.timeline.some((t) => t.action.kind === 'load' && t.action.perSec === 0)).toBe(true);
      const route = r.report.routes[c.route];
      expect(route.inFlight).toBe(0);
      expect(route.requests).toBe(route.ok + route.errors + route.rejected + route.timeouts);
      expect(route.ok).toBeGreaterThan(100_000);
    });

    it('L·T = (ok/T)·W·T: the area under N(t) equals the sum of the sojourns', () => {
      const route = r.report.routes[c.route];
      const T = r.observedMs;
      const area = r.report.services[c.service].meanInSystem * T; // request·ms
      const sojourns = route.ok * route.latencyMs.mean; // request·ms
      const rounding = ROUND_4 * T + route.ok * ROUND_MS;
      // Reported as L against lambda·W, with lambda = ok/T (sd 0: an identity).
      within(`${c.service} L vs lambda·W`, area / T, sojourns / T, 0, rounding / T);
      expect(Math.abs(area - sojourns)).toBeLessThanOrEqual(rounding);
    });

    it("the scenario's own expectations hold", () => {
      for (const e of r.report.expectations) expect(e.passed, `${e.text}: actual ${e.actual}`).toBe(true);
    });
  });
}
