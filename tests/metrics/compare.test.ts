/** The delta of two reports (metrics/compare.ts), with hand-computed numbers. */
import { describe, expect, it } from 'vitest';
import { compareReports, deltaOf, formatPct } from '../../src/metrics/compare';
import type { Report, RouteReport, ServiceReport } from '../../src/metrics/report';

function route(o: Partial<RouteReport> & { p99?: number; p50?: number }): RouteReport {
  return {
    requests: 1000, ok: 900, errors: 50, rejected: 40, timeouts: 10, inFlight: 0, degraded: 0,
    latencyMs: { mean: 20, p50: o.p50 ?? 10, p95: 40, p99: o.p99 ?? 100, max: 300 },
    ...o,
  };
}

function service(o: Partial<ServiceReport>): ServiceReport {
  return {
    requests: 1000, errors: 0, rejected: 0, utilization: 0.5, instances: { min: 2, max: 2, final: 2 },
    queueWaitMs: { mean: 1, p99: 5 }, meanInSystem: 1, breakers: {}, wastedMs: 0, perInstance: [],
    ...o,
  };
}

function report(o: Partial<Report>): Report {
  return {
    scenario: 's', seed: 42, simulatedMs: 60_000, events: 1, wallMs: 0, digest: '0', stopped: null,
    routes: {}, services: {}, blastRadius: {}, edges: {}, topics: {}, sagas: {}, caches: {}, expectations: [],
    ...o,
  };
}

describe('compareReports', () => {
  const left = report({
    routes: { 'web.get': route({}), 'web.old': route({ requests: 10, ok: 10, errors: 0, rejected: 0, timeouts: 0 }) },
    services: { web: service({ utilization: 0.4, errors: 20, breakers: { db: { opened: 2 } } }) },
    expectations: [{ text: 'a', actual: '1', passed: true }, { text: 'b', actual: '2', passed: false }],
  });
  const right = report({
    routes: { 'web.get': route({ ok: 990, errors: 5, rejected: 5, timeouts: 0, p99: 75, p50: 10 }), 'web.new': route({}) },
    services: { web: service({ utilization: 0.3, errors: 0, breakers: { db: { opened: 1 }, cache: { opened: 1 } } }) },
    expectations: [{ text: 'a', actual: '1', passed: true }],
  });
  const d = compareReports(left, right);

  it('CMP-1 route figures: right − left, the change in %, and which way is better', () => {
    const r = d.routes['web.get'];
    // ok 900 → 990: +90, +10 %, more ok answers is better.
    expect(r.ok).toEqual({ left: 900, right: 990, delta: 90, pct: 10, verdict: 'better' });
    // failed 50+40+10 = 100 → 5+5+0 = 10: −90, −90 %.
    expect(r.failed).toEqual({ left: 100, right: 10, delta: -90, pct: -90, verdict: 'better' });
    // failed share 100/1000 = 0.1 → 10/1000 = 0.01.
    expect(r.failedShare.left).toBeCloseTo(0.1, 12);
    expect(r.failedShare.right).toBeCloseTo(0.01, 12);
    expect(r.failedShare.pct).toBeCloseTo(-90, 9);
    // p99 100 → 75: −25 ms, −25 %; p50 unchanged.
    expect(r.latencyP99Ms).toEqual({ left: 100, right: 75, delta: -25, pct: -25, verdict: 'better' });
    expect(r.latencyP50Ms).toEqual({ left: 10, right: 10, delta: 0, pct: 0, verdict: 'same' });
    // Request counts are shown, not judged.
    expect(r.requests.verdict).toBe('neutral');
  });

  it('CMP-2 worse is worse: errors and latency going up', () => {
    const x = compareReports(right, left).routes['web.get'];
    expect(x.latencyP99Ms).toEqual({ left: 75, right: 100, delta: 25, pct: (25 / 75) * 100, verdict: 'worse' });
    expect(x.failed.verdict).toBe('worse');
    expect(x.ok.verdict).toBe('worse');
  });

  it('CMP-3 a route on one side only: its figures on that side, no delta; left order first', () => {
    expect(Object.keys(d.routes)).toEqual(['web.get', 'web.old', 'web.new']);
    expect(d.routes['web.old'].requests).toEqual({ left: 10, right: null, delta: null, pct: null, verdict: 'n/a' });
    expect(d.routes['web.new'].ok).toEqual({ left: null, right: 900, delta: null, pct: null, verdict: 'n/a' });
  });

  it('CMP-4 service figures: utilisation neutral, errors lower is better, breakers summed', () => {
    const s = d.services.web;
    expect(s.utilization.delta).toBeCloseTo(-0.1, 12);
    expect(s.utilization.pct).toBeCloseTo(-25, 9);
    expect(s.utilization.verdict).toBe('neutral');
    // 20 → 0: −100 %.
    expect(s.errors).toEqual({ left: 20, right: 0, delta: -20, pct: -100, verdict: 'better' });
    expect(s.breakersOpened).toEqual({ left: 2, right: 2, delta: 0, pct: 0, verdict: 'neutral' });
  });

  it('CMP-5 expectations tallied per side; same seed noted', () => {
    expect(d.expectations).toEqual({ left: { passed: 1, total: 2 }, right: { passed: 1, total: 1 } });
    expect(d.sameSeed).toBe(true);
    expect(compareReports(left, { ...right, seed: 7 }).sameSeed).toBe(false);
  });
});

describe('deltaOf / formatPct', () => {
  it('CMP-6 from zero: no percentage unless both are zero; non-numbers are missing', () => {
    expect(deltaOf(0, 5, 'lower')).toEqual({ left: 0, right: 5, delta: 5, pct: null, verdict: 'worse' });
    expect(deltaOf(0, 0, 'lower')).toEqual({ left: 0, right: 0, delta: 0, pct: 0, verdict: 'same' });
    expect(deltaOf(NaN, 3, 'lower')).toEqual({ left: null, right: 3, delta: null, pct: null, verdict: 'n/a' });
    // A negative base: the change is measured against its size (−4 → −2 is +50 %).
    expect(deltaOf(-4, -2, 'higher').pct).toBe(50);
  });

  it('CMP-7 percentages in words', () => {
    expect(formatPct(12.345)).toBe('+12.3%');
    expect(formatPct(-4)).toBe('−4.00%');
    expect(formatPct(-250)).toBe('−250%');
    expect(formatPct(0)).toBe('0%');
    expect(formatPct(null)).toBe('');
  });
});
