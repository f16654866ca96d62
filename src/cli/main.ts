/**
 * Headless runner: `npm run -s sim -- <scenario> [--seed N] [--duration D] [--json] [--out FILE]`,
 * or two designs on one seed: `npm run -s sim -- a.yaml --compare b.yaml [--seed N] [--json]`.
 * Runs the same engine + model + metrics as the page. Exit 0: ran, all
 * expectations hold; 1: an expectation failed (of either side); 2: invalid
 * scenario or usage, or the run was stopped by a run limit; 3: internal error
 * (a bug). Messages go to stderr; never a stack trace.
 */
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadScenario } from '../scenario/load';
import { formatError } from '../scenario/errors';
import { parseDuration } from '../scenario/values';
import type { Scenario } from '../scenario/types';
import { World } from '../model/world';
import { checkBudget } from '../model/budget';
import { formatSummary } from './summary';
import { compareReports } from '../metrics/compare';
import type { Report } from '../metrics/report';
import { formatCompare } from './compareSummary';

const USAGE = `usage: npm run -s sim -- <scenario.yaml|.json> [--seed N] [--duration D] [--json] [--out FILE] [--traces FILE]
       npm run -s sim -- <left.yaml> --compare <right.yaml> [--seed N] [--own-seeds] [--duration D] [--json] [--out FILE]

  --seed N        override the scenario's seed (an integer ≥ 0)
  --duration D    override the simulated duration (e.g. 90s, 5m, 1h)
  --json          print only the report JSON on stdout
  --out FILE      also write the report JSON to FILE
  --traces FILE   write the kept sample of request traces (failed, slow, 1 % of the rest) as JSON
  --compare FILE  run a second design on the same seed (the left file's, or --seed N) and print
                  both reports side by side with deltas (right − left); --json prints
                  { left, right, delta }
  --own-seeds     with --compare: each file runs on its own seed instead

Exit status: 0 ran and all expectations hold; 1 an expectation failed;
2 invalid scenario or usage, or a run limit stopped the run.`;

interface Args {
  file: string;
  seed: number | null;
  durationMs: number | null;
  json: boolean;
  out: string | null;
  traces: string | null;
  /** The right-hand file of a comparison. */
  compare: string | null;
  ownSeeds: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: '', seed: null, durationMs: null, json: false, out: null, traces: null, compare: null, ownSeeds: false };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a === '--json') args.json = true;
    else if (a === '--seed') {
      const v = value();
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new UsageError(`--seed must be an integer ≥ 0; got "${v}"`);
      args.seed = Number(v);
    } else if (a === '--duration') {
      const v = value();
      const d = parseDuration(v);
      if (!d.ok || d.value <= 0) throw new UsageError(`--duration must be a duration > 0 like 90s, 5m or 1h; got "${v}"`);
      args.durationMs = d.value;
    } else if (a === '--out') args.out = value();
    else if (a === '--traces') args.traces = value();
    else if (a === '--compare') args.compare = value();
    else if (a === '--own-seeds') args.ownSeeds = true;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no scenario file given' : `one scenario file at a time; got ${files.join(', ')}`);
  args.file = files[0];
  if (args.compare !== null && args.traces !== null) throw new UsageError('--traces is for a single run, not with --compare');
  if (args.compare === null && args.ownSeeds) throw new UsageError('--own-seeds goes with --compare');
  if (args.seed !== null && args.ownSeeds) throw new UsageError('--seed N and --own-seeds contradict each other');
  return args;
}

function fail(message: string, code: number): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(code);
}

function main(argv: string[]): void {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) fail(e.message ? `sim: ${e.message}\n${USAGE}` : USAGE, e.message ? 2 : 0);
    throw e;
  }

  if (args.compare !== null) return compare(args, args.compare);

  const loaded = loadFile(args.file);
  if (!loaded.ok) fail(loaded.errors.join('\n'), 2);
  const scenario = prepare(loaded.scenario, args.seed, args.durationMs, args.file);

  const t0 = performance.now();
  const world = new World(scenario);
  world.run();
  const report = world.report(performance.now() - t0);

  const json = JSON.stringify(report, null, 2);
  if (args.out) writeOut(args.out, json);
  if (args.traces) {
    try {
      writeFileSync(args.traces, JSON.stringify({ scenario: report.scenario, seed: report.seed, digest: report.digest, traces: world.traces() }, null, 1) + '\n');
    } catch {
      fail(`sim: cannot write ${args.traces}`, 2);
    }
  }
  process.stdout.write(args.json ? json + '\n' : formatSummary(report, scenario));
  if (report.stopped) fail(`${args.file}: ${report.stopped.message}`, 2);
  process.exit(report.expectations.every((e) => e.passed) ? 0 : 1);
}

/** Reads and checks one scenario file: the scenario, or its messages in the `file:line:column` form. */
function loadFile(file: string): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  let text: string;
  try {
    if (statSync(file).isDirectory()) return { ok: false, errors: [`${file}: is a directory, not a scenario file`] };
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, errors: [`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`] };
  }
  const loaded = loadScenario(text, file);
  return loaded.ok ? loaded : { ok: false, errors: loaded.errors.map(formatError) };
}

/** The scenario with --seed / --duration applied, refused (exit 2) when too large or shorter than its warmup. */
function prepare(loaded: Scenario, seed: number | null, durationMs: number | null, file: string): Scenario {
  let scenario = loaded;
  if (seed !== null || durationMs !== null) {
    scenario = Object.freeze({ ...scenario, seed: seed ?? scenario.seed, durationMs: durationMs ?? scenario.durationMs });
    if (scenario.warmupMs >= scenario.durationMs) {
      fail(`sim: --duration ${scenario.durationMs / 1000}s must be longer than the scenario's warmup (${scenario.warmupMs / 1000}s) of ${file}`, 2);
    }
  }
  const tooBig = checkBudget(scenario);
  if (tooBig) fail(`${file}:0:0: ${tooBig}`, 2);
  return scenario;
}

function runReport(scenario: Scenario): Report {
  const t0 = performance.now();
  const world = new World(scenario);
  world.run();
  return world.report(performance.now() - t0);
}

/** `a.yaml --compare b.yaml`: both on one seed (the left's, or --seed N; --own-seeds: each its own). */
function compare(args: Args, rightFile: string): void {
  const a = loadFile(args.file), b = loadFile(rightFile);
  // Every message of both files, so one run of the command shows all there is to fix.
  if (!a.ok || !b.ok) fail([...(a.ok ? [] : a.errors), ...(b.ok ? [] : b.errors)].join('\n'), 2);
  const seed = args.seed ?? (args.ownSeeds ? null : a.scenario.seed);
  const left = prepare(a.scenario, seed, args.durationMs, args.file);
  const right = prepare(b.scenario, seed, args.durationMs, rightFile);
  const l = runReport(left), r = runReport(right);
  const result = { left: l, right: r, delta: compareReports(l, r) };
  const json = JSON.stringify(result, null, 2);
  if (args.out) writeOut(args.out, json);
  process.stdout.write(args.json ? json + '\n' : formatCompare(result, [left, right]));
  const stopped = [[args.file, l], [rightFile, r]] as const;
  const why = stopped.filter(([, rep]) => rep.stopped).map(([f, rep]) => `${f}: ${rep.stopped!.message}`);
  if (why.length) fail(why.join('\n'), 2);
  process.exit(l.expectations.every((e) => e.passed) && r.expectations.every((e) => e.passed) ? 0 : 1);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  fail(`sim: internal error: ${(e as Error)?.message ?? String(e)} (this is a bug in Microcosm; please report it with the scenario)`, 3);
}

/** The report (or comparison) JSON into `--out`; a path that cannot be written is a usage error. */
function writeOut(path: string, json: string): void {
  try {
    writeFileSync(path, json + '\n');
  } catch {
    fail(`sim: cannot write ${path}`, 2);
  }
}
