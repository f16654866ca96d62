/**
 * Shared machinery of the validation tests (not a test file itself): run
 * sizes — the scenario file's own run by default, about `longCustomers`
 * arrivals under MICROCOSM_LONG=1 (`npm run validate`), the same tests either
 * way — a World run with optional snapshots on a time grid, and the 4-SD band
 * assertion of validation.md §1.8, which also records measured vs exact so
 * `MICROCOSM_TABLE=1` prints a summary table.
 */
import { expect } from 'vitest';
import { World } from '../../src/model/world';
import type { Report } from '../../src/metrics/report';
import type { Dist, Scenario, Service } from '../../src/scenario/types';
import type { WorldSnapshot } from '../../src/model/snapshot';
import { BAND_SDS } from '../helpers/theory';

export const LONG = /^(1|true|yes)$/i.test(process.env.MICROCOSM_LONG ?? '');

/** Generous: a long run on a busy 2-core machine. */
export const RUN_TIMEOUT_MS = LONG ? 1_800_000 : 300_000;

/** Total constant open-loop arrival rate, per ms (validation scenarios have no ramps). */
export function arrivalRatePerMs(s: Scenario): number {
  let r = 0;
  for (const src of s.workload) {
    if (src.kind !== 'open' || src.rate.length !== 1 || src.arrivals !== 'poisson') {
      throw new Error(`${s.file}: validation scenarios use constant-rate Poisson sources`);
    }
    r += src.rate[0].perSec / 1000;
  }
  return r;
}

/** The file's own duration by default; under MICROCOSM_LONG, about `longCustomers` arrivals after warm-up. */
export function sized(s: Scenario, longCustomers: number): Scenario {
  if (!LONG) return s;
  const windowMs = Math.ceil(longCustomers / arrivalRatePerMs(s) / 1000) * 1000;
  return Object.freeze({ ...s, durationMs: s.warmupMs + windowMs });
}

export interface Run {
  readonly scenario: Scenario;
  readonly report: Report;
  readonly wallMs: number;
  /** Length of the measured window (duration − warm-up), ms. */
  readonly observedMs: number;
}

export interface Sampler {
  /** Grid step, ms of simulated time; samples at warm-up + k·everyMs. */
  readonly everyMs: number;
  readonly fn: (snap: WorldSnapshot) => void;
}

/** Run to the end; with a sampler, also take a snapshot on a grid after warm-up. */
export function run(s: Scenario, sampler?: Sampler): Run {
  const t0 = performance.now();
  const world = new World(s);
  if (sampler) {
    world.runUntil(s.warmupMs);
    for (let k = 1; s.warmupMs + k * sampler.everyMs <= s.durationMs; k++) {
      world.runUntil(s.warmupMs + k * sampler.everyMs);
      sampler.fn(world.snapshot());
    }
  }
  world.run();
  const wallMs = performance.now() - t0;
  const report = world.report(wallMs);
  expect(report.stopped, 'a run limit stopped the run').toBeNull();
  return { scenario: s, report, wallMs, observedMs: s.durationMs - s.warmupMs };
}

export function service(s: Scenario, name: string): Service {
  const found = s.services.find((x) => x.name === name);
  if (!found) throw new Error(`${s.file}: no service ${name}`);
  return found;
}

/** The loaded single-step endpoint's CPU distribution, to check a file against the theory it claims. */
export function cpuOf(s: Scenario, svc: string, endpoint: string): Dist {
  const ep = service(s, svc).endpoints.find((e) => e.name === endpoint);
  const step = ep?.steps[0];
  if (!ep || ep.steps.length !== 1 || step?.kind !== 'cpu') throw new Error(`${s.file}: ${svc}.${endpoint} is not one cpu step`);
  return step.dist;
}

// ---- bands ------------------------------------------------------------------

interface Row {
  readonly label: string;
  readonly measured: number;
  readonly exact: number;
  readonly sd: number;
  readonly allowed: number;
}

const rows: Row[] = [];

/**
 * |measured − exact| <= 4·SD + slack. The slack is only for deterministic
 * errors of the instrument (the histogram's bucket width, the report's
 * rounding), never a widened percentage.
 */
export function within(label: string, measured: number, exact: number, sd: number, slack = 0): void {
  const allowed = BAND_SDS * sd + slack;
  rows.push({ label, measured, exact, sd, allowed });
  expect(
    Math.abs(measured - exact),
    `${label}: measured ${measured}, exact ${exact}, allowed ±${allowed.toPrecision(4)} (SD ${sd.toPrecision(4)}, slack ${slack.toPrecision(3)})`,
  ).toBeLessThanOrEqual(allowed);
}

/** Report rounding: latencies to 0.001 ms, meanInSystem and utilisation to 1e-4. */
export const ROUND_MS = 0.0005;
export const ROUND_4 = 0.00005;
/** The histogram reads a bucket's midpoint: within 1/256 relative for 128 sub-buckets. */
export const HIST_REL = 1 / 256;

/** Print the rows recorded in this file (set MICROCOSM_TABLE=1). */
export function printTable(title: string): void {
  if (!process.env.MICROCOSM_TABLE) return;
  const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(2) : Math.abs(x) >= 1 ? x.toFixed(4) : x.toPrecision(5));
  const lines = rows.map((r) =>
    `| ${r.label} | ${fmt(r.measured)} | ${fmt(r.exact)} | ${(((r.measured - r.exact) / r.exact) * 100).toFixed(2)} % | ${r.sd > 0 ? ((r.measured - r.exact) / r.sd).toFixed(2) : '(identity)'} | ±${fmt(r.allowed)} |`,
  );
  console.log(`\n### ${title}${LONG ? ' (long)' : ''}\n| check | measured | exact | error | z (SDs) | allowed |\n|---|---|---|---|---|---|\n${lines.join('\n')}\n`);
}
