import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { LIMITS, loadScenario, type LoadResult, type Scenario, type Step } from '../../src/scenario';

/** What every result must satisfy, valid or not (one expect per result: they are many). */
function checkResult(r: LoadResult, file: string): void {
  if (r.ok) {
    checkScenario(r.scenario);
    return;
  }
  const problems: string[] = [];
  if (r.errors.length === 0) problems.push('no errors');
  if (r.errors.length > LIMITS.maxErrors + 1) problems.push('too many errors');
  r.errors.forEach((e, i) => {
    const bad = e.file !== file || !Number.isInteger(e.line) || e.line < 0 || !Number.isInteger(e.column) || e.column < 0 ||
      typeof e.path !== 'string' || e.message.length === 0 || /internal error/.test(e.message);
    if (bad) problems.push(`malformed: ${JSON.stringify(e)}`);
    const prev = r.errors[i - 1];
    if (prev && i < LIMITS.maxErrors && (prev.line > e.line || (prev.line === e.line && prev.column > e.column))) problems.push(`unsorted at ${i}`);
  });
  expect(problems).toEqual([]);
}

/** Invariants of a normalised Scenario: frozen, finite, in range, names resolved. */
function checkScenario(s: Scenario): void {
  expect(Object.isFrozen(s)).toBe(true);
  expect(s.durationMs).toBeGreaterThan(0);
  expect(s.warmupMs).toBeLessThan(s.durationMs);
  const names = new Map(s.services.map((x) => [x.name, new Set(x.endpoints.map((e) => e.name))]));
  const checkStep = (step: Step): void => {
    if (step.kind === 'call') {
      expect(names.get(step.service)?.has(step.endpoint)).toBe(true);
      const { timeoutMs, retry, breaker, bulkhead, fallback } = step.options;
      const problems: string[] = [];
      if (timeoutMs !== null && !(timeoutMs > 0 && Number.isFinite(timeoutMs))) problems.push('timeout');
      if (retry && !(Number.isInteger(retry.max) && retry.max >= 0 && retry.max <= LIMITS.maxRetries && retry.backoffMs >= 0 &&
        retry.multiplier >= 1 && retry.multiplier <= LIMITS.maxBackoffMultiplier && retry.capMs >= retry.backoffMs &&
        Number.isFinite(retry.capMs) && ['none', 'full', 'equal', 'decorrelated'].includes(retry.jitter))) problems.push('retry');
      if (breaker && !(breaker.windowSize > 0 && Number.isFinite(breaker.windowSize) && Number.isInteger(breaker.minCalls) && breaker.minCalls >= 1 &&
        (breaker.windowType === 'time' || (Number.isInteger(breaker.windowSize) && breaker.minCalls <= breaker.windowSize)) &&
        breaker.failureRate > 0 && breaker.failureRate <= 1 && breaker.slowRate > 0 && breaker.slowRate <= 1 &&
        breaker.slowCallMs > 0 && breaker.openMs > 0 && Number.isInteger(breaker.halfOpenCalls) && breaker.halfOpenCalls >= 1)) problems.push('breaker');
      if (bulkhead !== null && !(Number.isInteger(bulkhead) && bulkhead >= 1)) problems.push('bulkhead');
      if (fallback !== 'fail' && fallback !== 'skip') problems.push('fallback');
      expect(problems).toEqual([]);
    }
    if (step.kind === 'parallel') {
      expect(step.steps.length).toBeGreaterThan(0);
      step.steps.forEach(checkStep);
    }
    if (step.kind === 'fail') expect(step.probability >= 0 && step.probability <= 1).toBe(true);
  };
  for (const svc of s.services) {
    expect(Number.isInteger(svc.instances) && svc.instances <= LIMITS.maxInstances).toBe(true);
    expect(svc.queue === Infinity || Number.isInteger(svc.queue)).toBe(true);
    expect(['threads', 'async']).toContain(svc.model);
    expect(['round-robin', 'random', 'least-connections', 'p2c']).toContain(svc.balancer);
    for (const ep of svc.endpoints) ep.steps.forEach(checkStep);
  }
  for (const t of s.timeline) {
    const a = t.action;
    if (a.kind === 'latency' || a.kind === 'errors' || a.kind === 'slow' || a.kind === 'kill') expect(names.has(a.service)).toBe(true);
    if (a.kind === 'errors') expect(a.rate >= 0 && a.rate <= 1).toBe(true);
    if (a.kind === 'slow') expect(a.factor > 0 && a.factor <= LIMITS.maxSlowFactor).toBe(true);
    if (a.kind === 'partition') expect(names.has(a.between[0]) && names.has(a.between[1]) && a.between[0] !== a.between[1]).toBe(true);
  }
  for (const src of s.workload) {
    expect(names.get(src.service)?.has(src.endpoint)).toBe(true);
    if (src.kind === 'open') {
      expect(src.rate[0]!.atMs).toBe(0);
      for (let i = 1; i < src.rate.length; i++) expect(src.rate[i]!.atMs).toBeGreaterThan(src.rate[i - 1]!.atMs);
      for (const p of src.rate) expect(p.perSec >= 0 && p.perSec <= LIMITS.maxRatePerSec).toBe(true);
    }
  }
  for (let i = 1; i < s.timeline.length; i++) expect(s.timeline[i]!.atMs).toBeGreaterThanOrEqual(s.timeline[i - 1]!.atMs);
  const json = JSON.stringify(s, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) && v !== Infinity ? 'NON-FINITE' : v));
  expect(json).not.toContain('NON-FINITE');
}

const base = {
  version: 1, name: 'P', duration: '2m',
  services: {
    a: {
      instances: 2, model: 'async', balancer: 'p2c',
      endpoints: {
        x: [
          { cpu: 'exp(5ms)' },
          {
            call: 'b.y', timeout: '300ms', retry: { max: 2, backoff: '50ms', multiplier: 2, cap: '1s', jitter: 'full' },
            breaker: { window: 20, minCalls: 10, failureRate: '50%', slowCall: '1s', slowRate: '100%', open: '10s', halfOpenCalls: 3 },
            bulkhead: 10, fallback: 'skip',
          },
          { parallel: [{ call: 'b.y', retry: 1, breaker: true, bulkhead: true }, { parallel: [{ cpu: '1ms' }, { fail: '1%' }] }] },
        ],
      },
    },
    b: { queue: 'unbounded', balancer: 'least-connections', endpoints: { y: [{ cpu: 'lognormal(3ms, 0.5)' }, { fail: '1%' }] } },
  },
  workload: [
    { name: 'w', route: 'a.x', rate: [{ at: '0s', rate: '5/s' }, { at: '60s', rate: '20/s' }] },
    { route: 'b.y', users: 3, think: 'exp(1s)' },
  ],
  timeline: [
    { at: '30s', kill: 'b' }, { at: '10s', load: 'w', rate: '1/s' },
    { at: '20s', for: '10s', latency: 'b', add: 'exp(50ms)' }, { at: '40s', errors: 'b', rate: '10%' },
    { at: '50s', slow: 'a', factor: 2 }, { at: '60s', for: '5s', partition: ['a', 'b'] },
  ],
  expect: [{ route: 'a.x', p99: '< 800ms', during: ['10s', '60s'] }, { service: 'b', utilization: '< 90%' }],
} as const;

/** Paths to every leaf of `base`, so a property can replace one. */
function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (v !== null && typeof v === 'object') {
    return Object.entries(v).flatMap(([k, c]) => leaves(c, [...path, Array.isArray(v) ? Number(k) : k]));
  }
  return [path];
}
const BASE_LEAVES = leaves(base);

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

const yamlish = fc.string({
  unit: fc.constantFrom('-', ' ', ' ', ':', '[', ']', '{', '}', '\n', '\n', '  ', '*a', '&a', '!', '?', '"', "'", '#', '|', '>', ',', 'a', 'version', 'services', '1', '5ms', '%', '\t', '---', '<<'),
  maxLength: 120,
});

describe('PROP loadScenario never throws and always answers well-formed', () => {
  test('PROP-1 arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => {
      checkResult(loadScenario(text, 'p.yaml'), 'p.yaml');
    }), { numRuns: 100 });
  });

  test('PROP-2 YAML-flavoured token soup', () => {
    fc.assert(fc.property(yamlish, (text) => {
      checkResult(loadScenario(text, 'p.yaml'), 'p.yaml');
    }), { numRuns: 200 });
  });

  test('PROP-3 arbitrary JSON values, as JSON and as YAML', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
      checkResult(loadScenario(JSON.stringify(v), 'p.json'), 'p.json');
      checkResult(loadScenario(stringify(v), 'p.yaml'), 'p.yaml');
    }), { numRuns: 100 });
  });

  test('PROP-4 a valid scenario with one leaf replaced by anything: valid with invariants, or positioned errors', () => {
    expect(loadScenario(JSON.stringify(base), 'b.json').ok).toBe(true);
    const anything = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 1e12, 1e300, '1e12/s', '-5s', 'unbounded', 'all', '', ' ', '0%', '100%', 'exp(0ms)', 'a.x', 'b.y', 'a.y', '__proto__', 'constructor'),
    );
    fc.assert(fc.property(fc.constantFrom(...BASE_LEAVES), anything, fc.boolean(), (path, value, asYaml) => {
      const v = replaceAt(base, path, value);
      const text = asYaml ? stringify(v) : JSON.stringify(v);
      const r = loadScenario(text, 'm.yaml');
      checkResult(r, 'm.yaml');
      if (!r.ok) expect(r.errors.some((e) => e.line > 0)).toBe(true);
    }), { numRuns: 200 });
  });

  test('PROP-5 a valid scenario with a random key added anywhere is refused at that key', () => {
    const objects = [...new Map(leaves(base).map((p) => p.slice(0, -1)).map((p) => [JSON.stringify(p), p])).values()];
    fc.assert(fc.property(fc.constantFrom(...objects), fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('q', 'z', 'x', 'j') }), (path, key) => {
      const copy = structuredClone(base) as unknown as Record<string | number, unknown>;
      let cur: Record<string | number, unknown> = copy;
      for (const seg of path) cur = cur[seg] as Record<string | number, unknown>;
      if (Array.isArray(cur)) return; // a list of steps/points: adding a key makes no sense
      cur[key] = 1;
      const r = loadScenario(JSON.stringify(copy, null, 1), 'k.json');
      checkResult(r, 'k.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.some((e) => e.path.endsWith(key) && e.line > 0)).toBe(true);
    }), { numRuns: 100 });
  });
});
