/**
 * Headless runner: `npm run -s sim -- <scenario> [--seed N] [--duration D] [--json] [--out FILE]`.
 * Runs the same engine + model + metrics as the page. Exit 0: ran, all
 * expectations hold; 1: an expectation failed; 2: invalid scenario or usage,
 * or the run was stopped by a run limit; 3: internal error (a bug).
 * Messages go to stderr; never a stack trace.
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

const USAGE = `usage: npm run -s sim -- <scenario.yaml|.json> [--seed N] [--duration D] [--json] [--out FILE] [--traces FILE]

  --seed N        override the scenario's seed (an integer ≥ 0)
  --duration D    override the simulated duration (e.g. 90s, 5m, 1h)
  --json          print only the report JSON on stdout
  --out FILE      also write the report JSON to FILE
  --traces FILE   write the kept sample of request traces (failed, slow, 1 % of the rest) as JSON

Exit status: 0 ran and all expectations hold; 1 an expectation failed;
2 invalid scenario or usage, or a run limit stopped the run.`;

interface Args {
  file: string;
  seed: number | null;
  durationMs: number | null;
  json: boolean;
  out: string | null;
  traces: string | null;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: '', seed: null, durationMs: null, json: false, out: null, traces: null };
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
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no scenario file given' : `one scenario file at a time; got ${files.join(', ')}`);
  args.file = files[0];
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

  let text: string;
  try {
    if (statSync(args.file).isDirectory()) fail(`${args.file}: is a directory, not a scenario file`, 2);
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(`${args.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`, 2);
  }

  const loaded = loadScenario(text, args.file);
  if (!loaded.ok) fail(loaded.errors.map(formatError).join('\n'), 2);

  let scenario: Scenario = loaded.scenario;
  if (args.seed !== null || args.durationMs !== null) {
    scenario = Object.freeze({
      ...scenario,
      seed: args.seed ?? scenario.seed,
      durationMs: args.durationMs ?? scenario.durationMs,
    });
    if (scenario.warmupMs >= scenario.durationMs) {
      fail(`sim: --duration ${scenario.durationMs / 1000}s must be longer than the scenario's warmup (${scenario.warmupMs / 1000}s)`, 2);
    }
  }
  const tooBig = checkBudget(scenario);
  if (tooBig) fail(`${args.file}:0:0: ${tooBig}`, 2);

  const t0 = performance.now();
  const world = new World(scenario);
  world.run();
  const report = world.report(performance.now() - t0);

  const json = JSON.stringify(report, null, 2);
  if (args.out) {
    try {
      writeFileSync(args.out, json + '\n');
    } catch {
      fail(`sim: cannot write ${args.out}`, 2);
    }
  }
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

try {
  main(process.argv.slice(2));
} catch (e) {
  fail(`sim: internal error: ${(e as Error)?.message ?? String(e)} (this is a bug in Microcosm; please report it with the scenario)`, 3);
}
