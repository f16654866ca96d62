/**
 * The CLI's human summary of `--compare`: both runs' headlines, then per
 * route and per service each figure on the left and right with right − left,
 * the change in % and "better" / "worse", then both sides' expectations.
 */
import { formatPct, type CompareDelta, type DeltaValue } from '../metrics/compare';
import type { Report } from '../metrics/report';
import type { Scenario } from '../scenario/types';
import { formatDuration } from './summary';

const int = (n: number): string => Math.round(n).toLocaleString('en');
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

type Fmt = (n: number) => string;

function signed(fmt: Fmt, n: number): string {
  if (n === 0) return fmt(0);
  return (n > 0 ? '+' : '−') + fmt(Math.abs(n));
}

function table(header: string[], rows: string[][], leftCols: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftCols || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].map((l) => '  ' + l).join('\n') + '\n';
}

function row(name: string, figure: string, d: DeltaValue, fmt: Fmt, deltaFmt: Fmt = fmt): string[] {
  const cell = (v: number | null) => (v === null ? '—' : fmt(v));
  const verdict = d.verdict === 'better' || d.verdict === 'worse' ? d.verdict : '';
  return [name, figure, cell(d.left), cell(d.right), d.delta === null ? '—' : signed(deltaFmt, d.delta), formatPct(d.pct), verdict];
}

/** Percent points for shares: 0.1 → 0.2 is "+10.0 pp". */
const pp = (n: number): string => `${(n * 100).toFixed(1)} pp`;

export function formatCompare(result: { left: Report; right: Report; delta: CompareDelta }, scenarios: readonly [Scenario, Scenario]): string {
  const { left: l, right: r, delta: d } = result;
  let out = '';
  const seeds = d.sameSeed ? `same seed ${l.seed}` : `seeds ${l.seed} (left) and ${r.seed} (right): DIFFERENT, so luck differs too`;
  out += `Compare — ${seeds}\n`;
  for (const [side, rep, s] of [['left ', l, scenarios[0]], ['right', r, scenarios[1]]] as const) {
    out += `  ${side}  ${rep.scenario} (${s.file}) — ${formatDuration(rep.simulatedMs)} simulated, ${int(rep.events)} events, digest ${rep.digest}\n`;
  }

  out += '\nRoutes (latency in ms, over answered requests; failed = errors + rejected + timeouts)\n';
  const routeRows: string[][] = [];
  for (const [name, x] of Object.entries(d.routes)) {
    routeRows.push(
      row(name, 'requests', x.requests, int),
      row('', 'ok', x.ok, int),
      row('', 'failed', x.failed, int),
      row('', 'failed share', x.failedShare, pct, pp),
      row('', 'p50', x.latencyP50Ms, ms),
      row('', 'p95', x.latencyP95Ms, ms),
      row('', 'p99', x.latencyP99Ms, ms),
    );
  }
  out += table(['route', 'figure', 'left', 'right', 'Δ right − left', 'Δ %', ''], routeRows, 2);

  out += '\nServices\n';
  const serviceRows: string[][] = [];
  for (const [name, x] of Object.entries(d.services)) {
    serviceRows.push(
      row(name, 'utilisation', x.utilization, pct, pp),
      row('', 'errors', x.errors, int),
      row('', 'rejected', x.rejected, int),
    );
  }
  out += table(['service', 'figure', 'left', 'right', 'Δ right − left', 'Δ %', ''], serviceRows, 2);

  for (const [side, rep] of [['left', l], ['right', r]] as const) {
    if (rep.expectations.length === 0) continue;
    const passed = rep.expectations.filter((e) => e.passed).length;
    out += `\nExpectations (${side}: ${rep.scenario}): ${passed} of ${rep.expectations.length} hold\n`;
    for (const e of rep.expectations) out += `  ${e.passed ? 'PASS' : 'FAIL'}  ${e.text}  (actual ${e.actual})\n`;
  }
  for (const [side, rep] of [['left', l], ['right', r]] as const) {
    if (rep.stopped) out += `\nSTOPPED (${side}): ${rep.stopped.message}\n`;
  }
  return out;
}
