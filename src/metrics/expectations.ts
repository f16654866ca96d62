/**
 * Evaluates a scenario's `expect:` items against a finished report: each
 * gets its actual value (formatted in the expectation's unit) and pass/fail.
 */
import type { Expectation, Scenario } from '../scenario/types';
import type { ExpectationResult, Report, RouteReport } from './report';

type PartialReport = Omit<Report, 'expectations'>;

const LATENCY = new Set(['p50', 'p95', 'p99', 'mean', 'max']);

export function evaluateExpectations(
  scenario: Scenario,
  report: PartialReport,
  windowed: ReadonlyMap<Expectation, RouteReport>,
  observedMs: number,
): ExpectationResult[] {
  return scenario.expect.map((e) => {
    const actual = actualValue(e, report, windowed, observedMs);
    if (actual === null) return { text: e.text, actual: 'no data', passed: false };
    return { text: e.text, actual: formatValue(e, actual), passed: compare(actual, e.op, e.value) };
  });
}

function actualValue(
  e: Expectation,
  report: PartialReport,
  windowed: ReadonlyMap<Expectation, RouteReport>,
  observedMs: number,
): number | null {
  if (e.subject.kind === 'route') {
    const r = windowed.get(e) ?? report.routes[e.subject.route];
    if (!r) return null;
    const spanMs = e.during ? e.during[1] - e.during[0] : observedMs;
    switch (e.metric) {
      case 'p50': case 'p95': case 'p99': case 'mean': case 'max':
        return r.ok + r.errors > 0 ? r.latencyMs[e.metric] : null;
      case 'errorRate': {
        const answered = r.ok + r.errors + r.rejected + r.timeouts;
        return answered > 0 ? (r.errors + r.rejected + r.timeouts) / answered : null;
      }
      case 'requests': return r.requests;
      case 'throughput': return spanMs > 0 ? (r.ok * 1000) / spanMs : null;
      default: return null;
    }
  }
  const s = report.services[e.subject.service];
  if (!s) return null;
  switch (e.metric) {
    case 'utilization': return s.utilization;
    case 'maxInstances': return s.instances.max;
    case 'minInstances': return s.instances.min;
    case 'errorRate': return s.requests > 0 ? (s.errors + s.rejected) / s.requests : null;
    case 'requests': return s.requests;
    default: return null;
  }
}

export function compare(actual: number, op: Expectation['op'], value: number): boolean {
  switch (op) {
    case '<': return actual < value;
    case '<=': return actual <= value;
    case '>': return actual > value;
    case '>=': return actual >= value;
    case '==': return Math.abs(actual - value) <= 1e-9 * Math.max(1, Math.abs(value));
  }
}

function formatValue(e: Expectation, v: number): string {
  if (LATENCY.has(e.metric)) return `${round(v)}ms`;
  if (e.metric === 'errorRate' || e.metric === 'utilization') return `${round(v * 100)}%`;
  if (e.metric === 'throughput') return `${round(v)}/s`;
  return String(round(v));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
