/** Node-side helpers: the CLI's report for a scenario file, and bundled scenario text. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface CliReport {
  digest: string;
  events: number;
  simulatedMs: number;
}

/** `npx tsx src/cli/main.ts <file> --json` (exit 1 = an expectation failed, still a report). */
export function cliReport(file: string): CliReport {
  let out: string;
  try {
    out = execFileSync('npx', ['tsx', 'src/cli/main.ts', file, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    if (err.status === 1 && err.stdout) out = err.stdout;
    else throw new Error(`CLI failed (${err.status}): ${err.stderr}`);
  }
  return JSON.parse(out) as CliReport;
}

export function scenarioText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A constant open-loop rate from the file, req/s (`rate: 300/s` or a bare number). */
export function workloadRate(path: string, workload: string): number {
  const doc = parse(scenarioText(path)) as { workload: { name: string; rate?: unknown }[] };
  const w = doc.workload.find((x) => x.name === workload);
  const m = /^([\d.]+)\s*(?:\/s)?$/.exec(String(w?.rate ?? ''));
  if (!m) throw new Error(`${workload} has no constant rate in ${path}`);
  return Number(m[1]);
}

export function scenarioName(path: string): string {
  return String((parse(scenarioText(path)) as { name: unknown }).name);
}
