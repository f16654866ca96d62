/**
 * The value grammar of scenario-format.md ("Values"): durations, rates,
 * fractions, distributions, key popularity, comparisons. Small hand-written
 * parsers so a bad value gets a precise message ("what is wrong; what would be
 * valid"). No positions here: the caller adds file, line and path. Never throws.
 */
import type { Comparison, Dist, Keys } from './types';
import { LIMITS } from './limits';
import { didYouMean, listOf } from './suggest';

/** Result of a value parser: the value, or a message without position. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** A decimal number as written: sign, digits, optional fraction and exponent. */
const NUM = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const DURATION_RE = new RegExp(String.raw`^(${NUM})\s*(ms|s|m|h)?$`);
const DURATION_UNIT_RE = new RegExp(String.raw`^(${NUM})\s*([A-Za-zµ]+)$`);
const RATE_RE = new RegExp(String.raw`^(${NUM})\s*(?:/\s*(s|m|h))?$`);
const RATE_UNIT_RE = new RegExp(String.raw`^(${NUM})\s*(/?\s*[A-Za-z]+)$`);
const FRACTION_RE = new RegExp(String.raw`^(${NUM})\s*(%)?$`);
const NUMBER_RE = new RegExp(String.raw`^${NUM}$`);
const CALL_RE = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(([^()]*)\)$/;
const OPEN_CALL_RE = /^([A-Za-z_][A-Za-z0-9_]*)\s*\([^()]*$/;

/** Patterns for the JSON Schema (editor hints only; these parsers decide). */
export const PATTERNS = {
  duration: String.raw`^\s*${NUM}\s*(ms|s|m|h)?\s*$`,
  rate: String.raw`^\s*${NUM}\s*(/\s*(s|m|h))?\s*$`,
  fraction: String.raw`^\s*${NUM}\s*%?\s*$`,
  distribution: String.raw`^\s*(${NUM}\s*(ms|s|m|h)?|(exp|lognormal|normal|uniform|erlang|pareto|bimodal)\s*\([^()]*\))\s*$`,
  keys: String.raw`^\s*(zipf|uniform)\s*\([^()]*\)\s*$`,
  comparison: String.raw`^\s*(<=|>=|==|<|>)?\s*\S.*$`,
} as const;

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const RATE_PER = { s: 1, m: 60, h: 3600 } as const;

/** A short, safe rendering of what the file had, for "got …". */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 37)}…` : v;
    return JSON.stringify(s);
  }
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (v === Infinity) return '.inf';
    if (v === -Infinity) return '-.inf';
    return String(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}

/** `1.5` × 10^3 computed in decimal, so 1.1s is exactly 1100 ms. */
function scaled(num: string, pow10: number): number {
  const m = /^([^eE]*)(?:[eE]([+-]?\d+))?$/.exec(num);
  const exp = (m?.[2] ? Number(m[2]) : 0) + pow10;
  return Number(`${m?.[1] ?? num}e${exp}`);
}

function fmt(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? String(n) : String(Number(n.toPrecision(6)));
}

/** Renders a duration in ms the way a person writes it (for limit messages). */
export function formatDuration(ms: number): string {
  if (ms >= 3_600_000 && ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000}s`;
  return `${fmt(ms)}ms`;
}

const DURATION_EXPECTED = 'expected a duration like 250ms, 1.5s, 2m';

/**
 * A duration in ms: `250ms`, `1.5s`, `2m`, `1h`; a bare number is ms. ≥ 0 and
 * at most one year (an "absurd value" guard).
 */
export function parseDuration(input: unknown): Parsed<number> {
  let ms: number;
  let shown: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(`${DURATION_EXPECTED}; got ${describe(input)}`);
    ms = input;
    shown = `${fmt(input)}ms`;
  } else if (typeof input === 'string') {
    const text = input.trim();
    const m = DURATION_RE.exec(text);
    if (!m) {
      const u = DURATION_UNIT_RE.exec(text);
      if (u) return fail(`unknown duration unit "${u[2]}" in ${describe(input)}; units: ms, s, m, h (e.g. ${u[1]}s)`);
      return fail(`${DURATION_EXPECTED}; got ${describe(input)}`);
    }
    ms = scaled(m[1]!, 0) * UNIT_MS[(m[2] ?? 'ms') as keyof typeof UNIT_MS];
    shown = text;
    if (ms === -Infinity) return fail(`a duration must be ≥ 0; got ${shown}`);
  } else {
    return fail(`${DURATION_EXPECTED}; got ${describe(input)}`);
  }
  if (ms < 0) return fail(`a duration must be ≥ 0; got ${shown}`);
  if (!(ms <= LIMITS.maxDurationMs)) return fail(`duration ${shown} is longer than the limit of 1 year (8760h)`);
  return ok(ms === 0 ? 0 : ms); // normalise -0
}

const RATE_EXPECTED = 'expected a rate like 200/s, 3000/m, 10/h (a bare number is per second)';

/** A rate per second: `200/s`, `3000/m`, `10/h`; a bare number is per second. ≥ 0, ≤ 1e6/s. */
export function parseRate(input: unknown): Parsed<number> {
  let perSec: number;
  let shown: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(`${RATE_EXPECTED}; got ${describe(input)}`);
    perSec = input;
    shown = `${fmt(input)}/s`;
  } else if (typeof input === 'string') {
    const text = input.trim();
    const m = RATE_RE.exec(text);
    if (!m) {
      const u = RATE_UNIT_RE.exec(text);
      if (u) return fail(`unknown rate unit "${u[2]}" in ${describe(input)}; use /s, /m or /h (e.g. ${u[1]}/s)`);
      return fail(`${RATE_EXPECTED}; got ${describe(input)}`);
    }
    perSec = scaled(m[1]!, 0) / RATE_PER[(m[2] ?? 's') as keyof typeof RATE_PER];
    shown = text;
  } else {
    return fail(`${RATE_EXPECTED}; got ${describe(input)}`);
  }
  if (perSec < 0) return fail(`a rate must be ≥ 0; got ${shown}`);
  if (!(perSec <= LIMITS.maxRatePerSec)) {
    return fail(`rate ${shown} is above the limit of ${fmt(LIMITS.maxRatePerSec)}/s per source`);
  }
  return ok(perSec === 0 ? 0 : perSec);
}

const FRACTION_EXPECTED = 'expected a fraction like 60% or 0.6';

/** A fraction in 0..1: `60%` or `0.6`. */
export function parseFraction(input: unknown): Parsed<number> {
  let value: number;
  let shown: string;
  let percent = false;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail(`${FRACTION_EXPECTED}; got ${describe(input)}`);
    value = input;
    shown = fmt(input);
  } else if (typeof input === 'string') {
    const text = input.trim();
    const m = FRACTION_RE.exec(text);
    if (!m) return fail(`${FRACTION_EXPECTED}; got ${describe(input)}`);
    percent = m[2] === '%';
    value = scaled(m[1]!, percent ? -2 : 0);
    shown = text;
  } else {
    return fail(`${FRACTION_EXPECTED}; got ${describe(input)}`);
  }
  if (!(value >= 0 && value <= 1)) {
    if (!percent && value > 1 && value <= 100) {
      return fail(`a fraction is between 0 and 1; got ${shown} (for ${shown} percent write ${shown}%)`);
    }
    return fail(`a fraction is between 0 and 1 (0% to 100%); got ${shown}`);
  }
  return ok(value === 0 ? 0 : value);
}

/** A plain number (no unit), for sigma, shape, zipf s, counts in comparisons. */
export function parseNumber(input: unknown): Parsed<number> {
  const v = typeof input === 'string' && NUMBER_RE.test(input.trim()) ? Number(input.trim()) : input;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    const unit = typeof input === 'string' && new RegExp(String.raw`^\s*${NUM}\s*[^\s\d]`).test(input);
    return fail(`expected a plain number like 0.5${unit ? ' (no unit)' : ''}; got ${describe(input)}`);
  }
  return ok(v === 0 ? 0 : v);
}

type ArgKind = 'duration' | 'number' | 'integer' | 'fraction';
interface FnSpec {
  readonly args: readonly (readonly [name: string, kind: ArgKind])[];
  readonly example: string;
}

const DISTRIBUTIONS: Readonly<Record<Exclude<Dist['kind'], 'const'>, FnSpec>> = {
  exp: { args: [['mean', 'duration']], example: 'exp(5ms)' },
  lognormal: { args: [['median', 'duration'], ['sigma', 'number']], example: 'lognormal(3ms, 0.5)' },
  normal: { args: [['mean', 'duration'], ['sd', 'duration']], example: 'normal(10ms, 2ms)' },
  uniform: { args: [['min', 'duration'], ['max', 'duration']], example: 'uniform(1ms, 5ms)' },
  erlang: { args: [['k', 'integer'], ['mean', 'duration']], example: 'erlang(3, 6ms)' },
  pareto: { args: [['scale', 'duration'], ['shape', 'number']], example: 'pareto(2ms, 2.5)' },
  bimodal: { args: [['fast', 'duration'], ['slow', 'duration'], ['slowFraction', 'fraction']], example: 'bimodal(2ms, 200ms, 1%)' },
};

const KEY_FUNCTIONS: Readonly<Record<Keys['kind'], FnSpec>> = {
  zipf: { args: [['n', 'integer'], ['s', 'number']], example: 'zipf(10000, 1.1)' },
  uniform: { args: [['n', 'integer']], example: 'uniform(1000)' },
};

function signature(name: string, spec: FnSpec): string {
  return `${name}(${spec.args.map((a) => a[0]).join(', ')})`;
}

const DIST_EXPECTED =
  'expected a distribution: a duration like 5ms, or ' +
  Object.entries(DISTRIBUTIONS).map(([n, s]) => signature(n, s)).join(', ');

function parseArg(kind: ArgKind, raw: string): Parsed<number> {
  switch (kind) {
    case 'duration': return parseDuration(raw);
    case 'fraction': return parseFraction(raw);
    case 'number': return parseNumber(raw);
    case 'integer': {
      const r = parseNumber(raw);
      if (!r.ok) return fail(r.message.replace('a plain number like 0.5', 'a whole number like 3'));
      if (!Number.isInteger(r.value)) return fail(`expected a whole number like 3; got ${raw}`);
      return r;
    }
  }
}

/** Splits `name(a, b)` and parses each argument; undefined when `text` is not a call. */
function parseCall(
  text: string,
  specs: Readonly<Record<string, FnSpec>>,
  what: string,
  whatPlural: string,
): { readonly name: string; readonly args: readonly number[] } | { readonly error: string } | undefined {
  const m = CALL_RE.exec(text);
  if (!m) {
    const open = OPEN_CALL_RE.exec(text);
    const spec = open && Object.hasOwn(specs, open[1]!) ? specs[open[1]!] : undefined;
    if (!open || !spec) return undefined;
    // `{ cpu: lognormal(3ms, 0.5) }`: in flow style YAML ends a plain value at the comma.
    return {
      error: `unclosed "(" in ${describe(text)}: inside { … } or [ … ] YAML cuts a plain value at each comma; quote the whole value, e.g. "${spec.example}"`,
    };
  }
  const name = m[1]!;
  const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
  if (!spec) {
    const names = Object.keys(specs);
    return { error: `unknown ${what} "${name}"; ${didYouMean(name, names)}${whatPlural}: ${listOf(names)}` };
  }
  const raw = m[2]!.trim() === '' ? [] : m[2]!.split(',').map((s) => s.trim());
  if (raw.length !== spec.args.length) {
    const n = spec.args.length;
    return {
      error: `${name} takes ${n} argument${n === 1 ? '' : 's'} (${spec.args.map((a) => a[0]).join(', ')}), e.g. ${spec.example}; got ${raw.length}`,
    };
  }
  const args: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const [argName, kind] = spec.args[i]!;
    const r = parseArg(kind, raw[i]!);
    if (!r.ok) return { error: `${name} ${argName}: ${r.message}` };
    args.push(r.value);
  }
  return { name, args };
}

function checkDist(d: Dist): Parsed<Dist> {
  const bad = (msg: string): Parsed<Dist> => fail(`${d.kind}: ${msg}`);
  switch (d.kind) {
    case 'const':
      return ok(d);
    case 'exp':
      return d.mean > 0 ? ok(d) : bad('mean must be > 0, e.g. exp(5ms)');
    case 'lognormal':
      if (!(d.median > 0)) return bad('median must be > 0, e.g. lognormal(3ms, 0.5)');
      if (!(d.sigma >= 0 && d.sigma <= LIMITS.maxSigma)) return bad(`sigma must be between 0 and ${LIMITS.maxSigma}; got ${fmt(d.sigma)}`);
      return ok(d);
    case 'normal':
      return ok(d); // durations are already ≥ 0; samples are truncated at 0 (scenario-format.md)
    case 'uniform':
      return d.min <= d.max ? ok(d) : bad(`min must not be above max; got min ${formatDuration(d.min)}, max ${formatDuration(d.max)}`);
    case 'erlang':
      if (!(d.k >= 1 && d.k <= LIMITS.maxErlangK)) return bad(`k must be a whole number from 1 to ${LIMITS.maxErlangK}; got ${fmt(d.k)}`);
      return d.mean > 0 ? ok(d) : bad('mean must be > 0, e.g. erlang(3, 6ms)');
    case 'pareto':
      if (!(d.scale > 0)) return bad('scale must be > 0, e.g. pareto(2ms, 2.5)');
      // shape ≤ 1 is allowed: the mean is then infinite, which is a lesson, not an error.
      if (!(d.shape > 0 && d.shape <= LIMITS.maxShape)) return bad(`shape must be > 0 (and at most ${fmt(LIMITS.maxShape)}); got ${fmt(d.shape)}`);
      return ok(d);
    case 'bimodal':
      return ok(d);
  }
}

/**
 * A distribution of durations (ms): a duration (constant) or exp(mean),
 * lognormal(median, sigma), normal(mean, sd), uniform(min, max), erlang(k, mean),
 * pareto(scale, shape), bimodal(fast, slow, slowFraction). Duration arguments
 * take units (bare = ms); sigma and shape are plain numbers; k is a whole number.
 */
export function parseDistribution(input: unknown): Parsed<Dist> {
  if (typeof input === 'number') {
    const r = parseDuration(input);
    return r.ok ? ok({ kind: 'const', value: r.value }) : fail(r.message);
  }
  if (typeof input !== 'string') return fail(`${DIST_EXPECTED}; got ${describe(input)}`);
  const text = input.trim();
  const call = parseCall(text, DISTRIBUTIONS, 'distribution', 'distributions');
  if (call && 'error' in call) return fail(call.error);
  if (call) {
    const a = call.args;
    switch (call.name as keyof typeof DISTRIBUTIONS) {
      case 'exp': return checkDist({ kind: 'exp', mean: a[0]! });
      case 'lognormal': return checkDist({ kind: 'lognormal', median: a[0]!, sigma: a[1]! });
      case 'normal': return checkDist({ kind: 'normal', mean: a[0]!, sd: a[1]! });
      case 'uniform': return checkDist({ kind: 'uniform', min: a[0]!, max: a[1]! });
      case 'erlang': return checkDist({ kind: 'erlang', k: a[0]!, mean: a[1]! });
      case 'pareto': return checkDist({ kind: 'pareto', scale: a[0]!, shape: a[1]! });
      case 'bimodal': return checkDist({ kind: 'bimodal', fast: a[0]!, slow: a[1]!, slowFraction: a[2]! });
    }
  }
  if (DURATION_RE.test(text) || DURATION_UNIT_RE.test(text)) {
    const r = parseDuration(text);
    return r.ok ? ok({ kind: 'const', value: r.value }) : fail(r.message);
  }
  const word = /^([A-Za-z_]+)/.exec(text)?.[1];
  if (word && Object.hasOwn(DISTRIBUTIONS, word)) {
    const spec = DISTRIBUTIONS[word as keyof typeof DISTRIBUTIONS];
    return fail(`expected ${signature(word, spec)} with parentheses, e.g. ${spec.example}; got ${describe(input)}`);
  }
  return fail(`${DIST_EXPECTED}; got ${describe(input)}`);
}

/** Key popularity for caches: `zipf(n, s)` or `uniform(n)`. */
export function parseKeys(input: unknown): Parsed<Keys> {
  const expected = 'expected key popularity like zipf(10000, 1.1) or uniform(1000)';
  if (typeof input !== 'string') return fail(`${expected}; got ${describe(input)}`);
  const call = parseCall(input.trim(), KEY_FUNCTIONS, 'key popularity', 'key popularities');
  if (!call) return fail(`${expected}; got ${describe(input)}`);
  if ('error' in call) return fail(call.error);
  const n = call.args[0]!;
  if (!(n >= 1 && n <= LIMITS.maxKeys)) return fail(`${call.name}: n must be a whole number from 1 to ${fmt(LIMITS.maxKeys)}; got ${fmt(n)}`);
  if (call.name === 'uniform') return ok({ kind: 'uniform', n });
  const s = call.args[1]!;
  if (!(s >= 0 && s <= LIMITS.maxZipfS)) return fail(`zipf: s must be between 0 and ${LIMITS.maxZipfS}; got ${fmt(s)}`);
  return ok({ kind: 'zipf', n, s });
}

const OPS: readonly Comparison[] = ['<=', '>=', '==', '<', '>'];

/**
 * An expectation's comparison: `"< 800ms"`, `"<= 12"`, `">= 99%"`. A bare value
 * means `==` (the format's `inconsistent: 0`). `parseValue` reads the operand.
 */
export function parseComparison(
  input: unknown,
  parseValue: (v: unknown) => Parsed<number>,
): Parsed<{ readonly op: Comparison; readonly value: number; readonly text: string }> {
  if (typeof input === 'number') {
    const r = parseValue(input);
    return r.ok ? ok({ op: '==', value: r.value, text: `== ${String(input)}` }) : fail(r.message);
  }
  if (typeof input !== 'string') {
    return fail(`expected a comparison like "< 800ms" (ops: ${OPS.join(', ')}); got ${describe(input)}`);
  }
  const m = /^\s*(<=|>=|==|!=|=<|=>|<|>|=)?\s*(.*?)\s*$/s.exec(input)!;
  const rawOp = m[1];
  const operand = m[2]!;
  if (rawOp === '=' || rawOp === '!=' || rawOp === '=<' || rawOp === '=>') {
    const fix: Record<string, string> = { '=': '==', '=<': '<=', '=>': '>=' };
    const hint = fix[rawOp] ? `did you mean "${fix[rawOp]}"? ` : '';
    return fail(`unknown comparison "${rawOp}"; ${hint}comparisons: ${OPS.join(', ')}`);
  }
  if (operand === '') return fail(`expected a comparison like "< 800ms" (ops: ${OPS.join(', ')}); got ${describe(input)}`);
  const r = parseValue(operand);
  if (!r.ok) return fail(r.message);
  const op = (rawOp ?? '==') as Comparison;
  return ok({ op, value: r.value, text: `${op} ${operand}` });
}
