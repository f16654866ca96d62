/**
 * Options of a `call` step → CallOptions: timeout, retry (and its short form
 * `retry: 2`), breaker (`true` = Resilience4j's defaults), bulkhead, fallback.
 * Every default names its source (semantics.md). Saga steps and gateway routes
 * take the same options, but their sections are refused as not built yet.
 * Shapes the JSON Schema reports (wrong type, unknown key, missing max) are
 * skipped here. Pure.
 */
import type { BreakerPolicy, CallOptions, Network, NetworkSpec, RetryPolicy } from './types';
import type { Path } from './issues';
import { LIMITS } from './limits';
import { readNetworkSpec } from './network';
import { keysOf, scenarioSchema } from './schema';
import { describe, formatDuration, parseDuration, parseFraction, parseNumber } from './values';
import {
  Collector, durationText, has, includes, isObj, read, readCount, readPositiveDuration,
} from './collect';

/** No option written: wait forever, no retry, no breaker, no bulkhead, fail the request (semantics.md). */
export const CALL_DEFAULTS: CallOptions = Object.freeze({
  timeoutMs: null, // semantics.md: "No timeout by default (real HTTP clients often wait forever)"
  retry: null,
  breaker: null,
  bulkhead: null,
  fallback: 'fail', // scenario-format.md: "fail (default)"
  network: null, // no level names a network: an ideal one (network.ts)
});

/** What `retry: { max }` leaves out. */
export const RETRY_DEFAULTS: Omit<RetryPolicy, 'max'> = Object.freeze({
  backoffMs: 500, // Resilience4j Retry waitDuration 500 ms
  multiplier: 1, // Resilience4j: a fixed wait unless an exponential IntervalFunction is configured
  capMs: 10_000, // semantics.md: "capped (default cap 10 s)"
  jitter: 'none', // Resilience4j: no randomized wait unless configured
});

/** `breaker: true`, and each knob an object leaves out: Resilience4j CircuitBreakerConfig defaults (semantics.md). */
export const BREAKER_DEFAULTS: BreakerPolicy = Object.freeze({
  windowType: 'count', // slidingWindowType COUNT_BASED
  windowSize: 100, // slidingWindowSize 100
  minCalls: 100, // minimumNumberOfCalls 100
  failureRate: 0.5, // failureRateThreshold 50
  slowCallMs: 60_000, // slowCallDurationThreshold 60 s
  slowRate: 1, // slowCallRateThreshold 100
  openMs: 60_000, // waitDurationInOpenState 60 s
  halfOpenCalls: 10, // permittedNumberOfCallsInHalfOpenState 10
});

/** `bulkhead: true`: Resilience4j SemaphoreBulkhead maxConcurrentCalls 25. */
export const BULKHEAD_DEFAULT = 25;

const defs = (scenarioSchema as { definitions: Record<string, unknown> }).definitions;
const RETRY_KEYS = keysOf(defs.retry);
const BREAKER_KEYS = keysOf(defs.breaker);

/** A bare number written as text ("100"): neither a count of calls nor clearly a duration. */
const BARE_NUMBER_RE = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function readRetry(c: Collector, path: Path, v: unknown): RetryPolicy | undefined {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) {
      c.skip(); // the schema reports it: a whole number or a mapping
      return undefined;
    }
    const max = readCount(c, path, v, 0, LIMITS.maxRetries, 'retries');
    return max === undefined ? undefined : { max, ...RETRY_DEFAULTS };
  }
  if (!isObj(v)) {
    c.skip(); // the schema reports the type
    return undefined;
  }
  let ok = true;
  if (Object.keys(v).some((k) => !includes(RETRY_KEYS, k))) {
    c.skip(); // an unknown key: the schema reports it with did-you-mean
    ok = false;
  }
  let max: number | undefined;
  if (has(v, 'max')) max = readCount(c, [...path, 'max'], v.max, 0, LIMITS.maxRetries, 'retries');
  else c.skip(); // required: the schema reports it
  const backoffMs = has(v, 'backoff') ? read(c, [...path, 'backoff'], v.backoff, parseDuration) : RETRY_DEFAULTS.backoffMs;
  let multiplier: number | undefined = RETRY_DEFAULTS.multiplier;
  if (has(v, 'multiplier')) {
    multiplier = read(c, [...path, 'multiplier'], v.multiplier, parseNumber);
    if (multiplier !== undefined && !(multiplier >= 1 && multiplier <= LIMITS.maxBackoffMultiplier)) {
      c.error([...path, 'multiplier'], `multiplier must be from 1 (a fixed wait) to ${LIMITS.maxBackoffMultiplier}; got ${describe(v.multiplier)}; e.g. multiplier: 2 doubles each back-off`);
      multiplier = undefined;
    }
  }
  let capMs = has(v, 'cap') ? read(c, [...path, 'cap'], v.cap, parseDuration) : RETRY_DEFAULTS.capMs;
  if (capMs !== undefined && backoffMs !== undefined && capMs < backoffMs) {
    // The cap bounds every back-off; one below the first back-off is a mistake, not a setting.
    if (has(v, 'cap')) {
      const backoffText = has(v, 'backoff') ? durationText(v.backoff) : `${formatDuration(backoffMs)} (the default)`;
      c.error([...path, 'cap'], `cap ${durationText(v.cap)} is below the first back-off ${backoffText}; raise cap or lower backoff`);
    } else {
      c.error([...path, 'backoff'], `backoff ${durationText(v.backoff)} is above the cap ${formatDuration(capMs)} (the default); lower it or set cap, e.g. cap: ${durationText(v.backoff)}`);
    }
    capMs = undefined;
  }
  let jitter: RetryPolicy['jitter'] | undefined = RETRY_DEFAULTS.jitter;
  if (has(v, 'jitter')) {
    if (v.jitter === 'none' || v.jitter === 'full' || v.jitter === 'equal' || v.jitter === 'decorrelated') jitter = v.jitter;
    else {
      c.skip(); // the schema's enum reports it
      jitter = undefined;
    }
  }
  if (!ok || max === undefined || backoffMs === undefined || multiplier === undefined || capMs === undefined || jitter === undefined) {
    return undefined;
  }
  return { max, backoffMs, multiplier, capMs, jitter };
}

/** A rate threshold in (0, 1]: 0 would open the breaker on every judged window. */
function readThreshold(c: Collector, path: Path, v: unknown, key: string): number | undefined {
  const r = read(c, path, v, parseFraction);
  if (r === 0) {
    c.error(path, `${key} must be above 0 and at most 100% (at 0 the breaker would open on every window); e.g. ${key}: 50%`);
    return undefined;
  }
  return r;
}

function readWindow(c: Collector, path: Path, v: unknown): Pick<BreakerPolicy, 'windowType' | 'windowSize'> | undefined {
  const expected = 'a number of calls (window: 20, the last 20 calls) or a duration (window: 10s, the calls of the last 10 seconds)';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) {
      c.error(path, `a count window is a whole number of calls; got ${describe(v)}; use ${expected}`);
      return undefined;
    }
    if (v < 1) {
      c.error(path, `a window of ${v} calls records nothing; use ${expected}`);
      return undefined;
    }
    if (v > LIMITS.maxBreakerCalls) {
      c.error(path, `${v} is above the limit of ${LIMITS.maxBreakerCalls} calls per window`);
      return undefined;
    }
    return { windowType: 'count', windowSize: v };
  }
  if (typeof v === 'string') {
    if (BARE_NUMBER_RE.test(v)) {
      c.error(path, `window ${describe(v)} is ambiguous; write ${v.trim()} (unquoted) for the last ${v.trim()} calls, or a duration with a unit like ${v.trim()}s`);
      return undefined;
    }
    const ms = read(c, path, v, parseDuration);
    if (ms === undefined) return undefined;
    if (ms <= 0) {
      c.error(path, `a time window of ${v.trim()} records nothing; use ${expected}`);
      return undefined;
    }
    return { windowType: 'time', windowSize: ms };
  }
  c.error(path, `expected ${expected}; got ${describe(v)}`);
  return undefined;
}

function readBreaker(c: Collector, path: Path, v: unknown): BreakerPolicy | null | undefined {
  if (v === false) return null;
  if (v === true) return { ...BREAKER_DEFAULTS };
  if (!isObj(v)) {
    c.skip(); // the schema reports the type
    return undefined;
  }
  let ok = true;
  if (Object.keys(v).some((k) => !includes(BREAKER_KEYS, k))) {
    c.skip(); // an unknown key: the schema reports it with did-you-mean
    ok = false;
  }
  const d = BREAKER_DEFAULTS;
  const window = has(v, 'window') ? readWindow(c, [...path, 'window'], v.window) : { windowType: d.windowType, windowSize: d.windowSize };
  const minCalls = has(v, 'minCalls')
    ? readCount(c, [...path, 'minCalls'], v.minCalls, 1, LIMITS.maxBreakerCalls, 'calls')
    : d.minCalls;
  const failureRate = has(v, 'failureRate') ? readThreshold(c, [...path, 'failureRate'], v.failureRate, 'failureRate') : d.failureRate;
  const slowCallMs = has(v, 'slowCall') ? readPositiveDuration(c, [...path, 'slowCall'], v.slowCall, 'slowCall') : d.slowCallMs;
  const slowRate = has(v, 'slowRate') ? readThreshold(c, [...path, 'slowRate'], v.slowRate, 'slowRate') : d.slowRate;
  const openMs = has(v, 'open') ? readPositiveDuration(c, [...path, 'open'], v.open, 'open') : d.openMs;
  const halfOpenCalls = has(v, 'halfOpenCalls')
    ? readCount(c, [...path, 'halfOpenCalls'], v.halfOpenCalls, 1, LIMITS.maxBreakerCalls, 'calls')
    : d.halfOpenCalls;
  if (!ok || !window || minCalls === undefined || failureRate === undefined || slowCallMs === undefined ||
    slowRate === undefined || openMs === undefined || halfOpenCalls === undefined) return undefined;
  return {
    ...window,
    // Resilience4j (CircuitBreakerConfig, CircuitBreakerMetrics): a count-based window
    // judges after min(minimumNumberOfCalls, slidingWindowSize) calls, so { window: 20 }
    // opens after 20 calls, not never. A time-based window keeps minCalls as written.
    minCalls: window.windowType === 'count' ? Math.min(minCalls, window.windowSize) : minCalls,
    failureRate, slowCallMs, slowRate, openMs, halfOpenCalls,
  };
}

function readBulkhead(c: Collector, path: Path, v: unknown): number | null | undefined {
  if (v === true) return BULKHEAD_DEFAULT;
  if (v === false) return null;
  if (typeof v !== 'number') {
    c.error(path, `expected a whole number of concurrent calls (at least 1) or true (${BULKHEAD_DEFAULT}, Resilience4j's default); got ${describe(v)}`);
    return undefined;
  }
  return readCount(c, path, v, 1, LIMITS.maxBulkhead, 'concurrent calls');
}

/**
 * The options written on a call step (`raw` is the step's mapping); undefined when any is wrong.
 * `network` resolves the call's own `network:` against its callee's and the top level's.
 */
export function normalizeCallOptions(
  c: Collector, raw: Record<string, unknown>, path: Path,
  network: (own: NetworkSpec | null) => Network | null = () => null,
): CallOptions | undefined {
  let ok = true;
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) ok = false;
    return v as T;
  };
  const timeoutMs = has(raw, 'timeout')
    ? need(readPositiveDuration(c, [...path, 'timeout'], raw.timeout, 'timeout'))
    : CALL_DEFAULTS.timeoutMs;
  const retry = has(raw, 'retry') ? need(readRetry(c, [...path, 'retry'], raw.retry)) : CALL_DEFAULTS.retry;
  const breaker = has(raw, 'breaker') ? need(readBreaker(c, [...path, 'breaker'], raw.breaker)) : CALL_DEFAULTS.breaker;
  const bulkhead = has(raw, 'bulkhead') ? need(readBulkhead(c, [...path, 'bulkhead'], raw.bulkhead)) : CALL_DEFAULTS.bulkhead;
  let fallback: CallOptions['fallback'] = CALL_DEFAULTS.fallback;
  if (has(raw, 'fallback')) {
    if (raw.fallback === 'fail' || raw.fallback === 'skip') fallback = raw.fallback;
    else {
      c.skip(); // the schema's enum reports it
      ok = false;
    }
  }
  const own = has(raw, 'network') ? need(readNetworkSpec(c, [...path, 'network'], raw.network)) : null;
  return ok ? { timeoutMs, retry, breaker, bulkhead, fallback, network: network(own) } : undefined;
}
