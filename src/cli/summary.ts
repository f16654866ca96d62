/**
 * The CLI's human summary: a few aligned tables (routes, services,
 * expectations) that read well in a terminal and in a CI log.
 */
import type { Report } from '../metrics/report';
import type { Scenario } from '../scenario/types';

const int = (n: number): string => Math.round(n).toLocaleString('en');
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

function table(header: string[], rows: string[][], leftCols = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftCols ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].map((l) => '  ' + l).join('\n') + '\n';
}

export function formatDuration(msTotal: number): string {
  const s = msTotal / 1000;
  if (s < 60) return `${+s.toFixed(3)}s`;
  const m = Math.floor(s / 60), rest = s - m * 60;
  if (m < 60) return `${m}m${rest ? `${+rest.toFixed(1)}s` : ''}`;
  const h = Math.floor(m / 60);
  return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
}

export function formatSummary(r: Report, s: Scenario): string {
  let out = '';
  out += `${r.scenario} — seed ${r.seed}, ${formatDuration(r.simulatedMs)} simulated`;
  out += s.warmupMs > 0 ? ` (first ${formatDuration(s.warmupMs)} warmup, not counted)` : '';
  out += ` in ${(r.wallMs / 1000).toFixed(2)}s wall, ${int(r.events)} events, digest ${r.digest}\n\n`;

  out += 'Routes (latency in ms, over answered requests)\n';
  out += table(
    ['route', 'requests', 'ok', 'errors', 'rejected', 'timeouts', 'mean', 'p50', 'p95', 'p99', 'max'],
    Object.entries(r.routes).map(([name, x]) => [
      name, int(x.requests), int(x.ok), int(x.errors), int(x.rejected), int(x.timeouts),
      ms(x.latencyMs.mean), ms(x.latencyMs.p50), ms(x.latencyMs.p95), ms(x.latencyMs.p99), ms(x.latencyMs.max),
    ]),
  );
  out += '\nServices\n';
  out += table(
    ['service', 'requests', 'errors', 'rejected', 'utilisation', 'instances min/max/final', 'queue wait mean', 'p99'],
    Object.entries(r.services).map(([name, x]) => [
      name, int(x.requests), int(x.errors), int(x.rejected), pct(x.utilization),
      `${x.instances.min}/${x.instances.max}/${x.instances.final}`, ms(x.queueWaitMs.mean), ms(x.queueWaitMs.p99),
    ]),
  );
  const radius = Object.entries(r.blastRadius).filter(([, b]) => b.unavailable.length + b.degraded.length > 0);
  if (radius.length > 0) {
    out += '\nBlast radius (from the call graph: if this service is down…)\n';
    out += table(
      ['service down', 'routes that fail', 'routes degraded'],
      radius.map(([name, b]) => [name, b.unavailable.join(', ') || '—', b.degraded.join(', ') || '—']),
      3,
    );
  }
  if (r.expectations.length > 0) {
    const passed = r.expectations.filter((e) => e.passed).length;
    out += `\nExpectations: ${passed} of ${r.expectations.length} hold\n`;
    for (const e of r.expectations) out += `  ${e.passed ? 'PASS' : 'FAIL'}  ${e.text}  (actual ${e.actual})\n`;
  }
  if (r.stopped) out += `\nSTOPPED: ${r.stopped.message}\n`;
  return out;
}
