/**
 * §1.6 Jackson networks, honestly. In the threads model a synchronous call
 * holds the caller's worker until the callee answers, so a chain a → b is
 * NOT a Jackson network: a's "server" is busy for S_a + (wait + service at b),
 * and a's queue depends on b's (validation.md §1.6 says so). Two structures
 * where product form is exact anyway, because the caller never runs out of
 * workers (so holding one costs nothing):
 *
 * 1. jackson-tandem.yaml — an orchestrator `flow` (1000 workers, no CPU)
 *    calls stage1 (M/M/1, mu = 100/s) and then stage2 (M/M/1, mu = 200/s).
 *    `flow` holds one worker per request in the network, so it runs out only
 *    if 1000 requests are present (probability ~0.8^1000): it is a
 *    zero-delay router. Stage1 sees Poisson(80/s), its output is Poisson
 *    (Burke), stage2 is an M/M/1 fed by it: the table's tandem (lambda = 0.8,
 *    mu1 = 1, mu2 = 2) in units of 100/s, W = 50 + 8.333 = 58.333 ms.
 * 2. tandem-delay-mm1.yaml — `front` does exp(10ms) of CPU and then calls
 *    `back` (M/M/1). With 1000 workers front is an M/M/∞ delay whose output
 *    is Poisson, so W = 10 + 50 = 60 ms, L_back = 4, L_front = lambda·W = 4.8.
 *
 * SDs: SD(sum) <= sum of SDs (holds for any correlation), each node's from
 * kappa_L at its own rho (kappa 1 for the i.i.d. delay; for the M/M/∞'s
 * time-average number, lim T·Var = 2a/mu since N is Poisson(a) with
 * autocorrelation e^(−mu t)).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../helpers/load';
import { kappaL, mm1, sdOfMean, tandem } from '../helpers/theory';
import { ROUND_4, ROUND_MS, RUN_TIMEOUT_MS, cpuOf, printTable, run, service, sized, within, type Run } from './harness';

const LAMBDA = 0.08; // per ms

afterAll(() => printTable('Jackson tandems'));

describe('§1.6 Jackson tandem of two M/M/1 queues behind an orchestrator (jackson-tandem.yaml)', () => {
  const scenario = sized(loadScenarioFile('validation/jackson-tandem.yaml'), 10e6);
  const t = tandem(LAMBDA, [0.1, 0.2]);
  const node1 = mm1(LAMBDA, 0.1), node2 = mm1(LAMBDA, 0.2);
  let r: Run;
  beforeAll(() => { r = run(scenario); }, RUN_TIMEOUT_MS);

  it('the file is the tandem: an ample orchestrator, stage1 exp(10ms), stage2 exp(5ms), one worker each', () => {
    const flow = service(scenario, 'flow');
    expect(flow.workers).toBeGreaterThanOrEqual(1000);
    expect(flow.endpoints[0].steps.map((s) => s.kind)).toEqual(['call', 'call']);
    expect(cpuOf(scenario, 'stage1', 'work')).toEqual({ kind: 'exp', mean: 10 });
    expect(cpuOf(scenario, 'stage2', 'work')).toEqual({ kind: 'exp', mean: 5 });
    for (const name of ['stage1', 'stage2']) {
      const s = service(scenario, name);
      expect([s.instances, s.workers, s.queue]).toEqual([1, 1, Infinity]);
    }
  });

  it('end-to-end W = 1/(mu1 - lambda) + 1/(mu2 - lambda) = 58.333 ms within 4 SD', () => {
    const route = r.report.routes['flow.run'];
    const n = route.ok;
    expect(route.errors + route.rejected + route.timeouts).toBe(0);
    const sd = sdOfMean(node1.W, kappaL(node1.rho), n) + sdOfMean(node2.W, kappaL(node2.rho), n);
    within('tandem W end-to-end (ms)', route.latencyMs.mean, t.W, sd, ROUND_MS);
  });

  it('each node is an M/M/1: Wq and L per node within 4 SD', () => {
    const n = r.report.routes['flow.run'].ok;
    const s1 = r.report.services.stage1, s2 = r.report.services.stage2;
    within('tandem stage1 Wq (ms)', s1.queueWaitMs.mean, node1.Wq, sdOfMean(node1.W, kappaL(node1.rho), n), ROUND_MS);
    within('tandem stage2 Wq (ms)', s2.queueWaitMs.mean, node2.Wq, sdOfMean(node2.W, kappaL(node2.rho), n), ROUND_MS);
    within('tandem stage1 L', s1.meanInSystem, node1.L, sdOfMean(node1.L, kappaL(node1.rho), n), ROUND_4);
    within('tandem stage2 L', s2.meanInSystem, node2.L, sdOfMean(node2.L, kappaL(node2.rho), n), ROUND_4);
  });

  it('network L = 4.6667 (the orchestrator holds every request), and L_flow = L_stage1 + L_stage2 exactly', () => {
    const n = r.report.routes['flow.run'].ok;
    const s = r.report.services;
    const sd = sdOfMean(node1.L, kappaL(node1.rho), n) + sdOfMean(node2.L, kappaL(node2.rho), n);
    within('tandem network L', s.flow.meanInSystem, t.L, sd, ROUND_4);
    // Hops take no time, so at every instant N_flow = N_stage1 + N_stage2: an identity
    // of the collectors, up to the report's rounding (three values to 1e-4).
    expect(Math.abs(s.flow.meanInSystem - s.stage1.meanInSystem - s.stage2.meanInSystem)).toBeLessThanOrEqual(3 * ROUND_4 + 1e-12);
  });

  it("the scenario's own expectations hold", () => {
    for (const e of r.report.expectations) expect(e.passed, `${e.text}: actual ${e.actual}`).toBe(true);
  });
});

describe('§1.6 an M/M/∞ delay calling an M/M/1 (tandem-delay-mm1.yaml)', () => {
  const scenario = sized(loadScenarioFile('validation/tandem-delay-mm1.yaml'), 10e6);
  const back = mm1(LAMBDA, 0.1);
  const W = 10 + back.W;
  let r: Run;
  beforeAll(() => { r = run(scenario); }, RUN_TIMEOUT_MS);

  it('the file: front has ample workers, exp(10ms) then a call; back is an M/M/1', () => {
    const front = service(scenario, 'front');
    expect(front.workers).toBeGreaterThanOrEqual(1000);
    expect(front.endpoints[0].steps).toEqual([
      { kind: 'cpu', dist: { kind: 'exp', mean: 10 } },
      expect.objectContaining({ kind: 'call', service: 'back', endpoint: 'work' }),
    ]);
    const b = service(scenario, 'back');
    expect([b.instances, b.workers, b.queue]).toEqual([1, 1, Infinity]);
    expect(cpuOf(scenario, 'back', 'work')).toEqual({ kind: 'exp', mean: 10 });
  });

  it('W = E[S_front] + 1/(mu - lambda) = 60 ms; back Wq = 40 ms, L_back = 4; L_front = 4.8; all within 4 SD', () => {
    const route = r.report.routes['front.handle'];
    const n = route.ok;
    expect(route.errors + route.rejected + route.timeouts).toBe(0);
    const sdBackW = sdOfMean(back.W, kappaL(back.rho), n);
    within('delay+M/M/1 W (ms)', route.latencyMs.mean, W, sdOfMean(10, 1, n) + sdBackW, ROUND_MS);
    within('delay+M/M/1 back Wq (ms)', r.report.services.back.queueWaitMs.mean, back.Wq, sdBackW, ROUND_MS);
    expect(r.report.services.front.queueWaitMs.mean).toBe(0);
    const sdBackL = sdOfMean(back.L, kappaL(back.rho), n);
    within('delay+M/M/1 back L', r.report.services.back.meanInSystem, back.L, sdBackL, ROUND_4);
    const sdDelayL = Math.sqrt((2 * (LAMBDA * 10)) * 10 / r.observedMs);
    within('delay+M/M/1 front L', r.report.services.front.meanInSystem, LAMBDA * W, sdDelayL + sdBackL, ROUND_4);
  });

  it("the scenario's own expectations hold", () => {
    for (const e of r.report.expectations) expect(e.passed, `${e.text}: actual ${e.actual}`).toBe(true);
  });
});
