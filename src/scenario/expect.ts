/**
 * Expectations → Expectation[]: a subject (route or service; saga and topic
 * are not supported yet), one or more metrics with a comparison in the
 * metric's unit, an optional window, and a compact text for the report. Pure.
 */
import type { Comparison, ExpectMetric, Expectation } from './types';
import type { Path } from './issues';
import {
  EXPECT_KEYS, EXPECT_SUBJECTS, ROUTE_METRICS, SAGA_METRICS, SERVICE_METRICS, TOPIC_METRICS,
} from './schema';
import { listOf } from './suggest';
import {
  describe, formatDuration, parseComparison, parseDuration, parseFraction, parseNumber, parseRate, type Parsed,
} from './values';
import { Collector, durationText, has, includes, isObj, read, unknownName } from './collect';
import { type Catalog, knownService } from './services';

type Subject = (typeof EXPECT_SUBJECTS)[number];
const METRICS_OF: Readonly<Record<Subject, readonly string[]>> = {
  route: ROUTE_METRICS,
  service: SERVICE_METRICS,
  saga: SAGA_METRICS,
  topic: TOPIC_METRICS,
};
const ALL_METRICS = [...new Set([...ROUTE_METRICS, ...SERVICE_METRICS, ...SAGA_METRICS, ...TOPIC_METRICS])];

/** A non-negative count, for requests and instance counts. */
function parseCountValue(v: unknown): Parsed<number> {
  const r = parseNumber(v);
  if (!r.ok) return { ok: false, message: r.message.replace('a plain number like 0.5', 'a number like 100') };
  if (r.value < 0) return { ok: false, message: `a count cannot be negative; got ${describe(v)}` };
  return r;
}

function metricParser(m: ExpectMetric): (v: unknown) => Parsed<number> {
  switch (m) {
    case 'p50': case 'p95': case 'p99': case 'mean': case 'max': return parseDuration;
    case 'errorRate': case 'utilization': return parseFraction;
    case 'throughput': return parseRate;
    case 'requests': case 'maxInstances': case 'minInstances': return parseCountValue;
  }
}

export function normalizeExpectItem(
  c: Collector, raw: unknown, path: Path, cat: Catalog, routes: readonly string[], hasGateway: boolean,
  durationMs: number | undefined,
): Expectation[] | undefined {
  if (!isObj(raw)) {
    c.skip();
    return undefined;
  }
  const keys = Object.keys(raw);
  const unknownKeys = keys.some((k) => !includes(EXPECT_KEYS, k));
  const subjects = keys.filter((k): k is Subject => includes(EXPECT_SUBJECTS, k));
  if (subjects.length === 0) {
    if (unknownKeys) c.skip();
    else c.error(path, 'an expectation needs a subject: route or service (planned: saga, topic), e.g. { route: api.get, p99: "< 800ms" }');
    return undefined;
  }
  if (subjects.length > 1) {
    c.error([...path, subjects[1]!], `one subject per expectation; this one has ${subjects[0]} and ${subjects[1]}; split it`, 'key');
    return undefined;
  }
  const subject = subjects[0]!;
  const metrics = keys.filter((k) => includes(ALL_METRICS, k));
  if (subject === 'saga' || subject === 'topic') {
    c.notSupported([...path, subject]);
    for (const k of [...metrics, 'during']) if (has(raw, k)) c.moot([...path, k]);
    return undefined;
  }
  let ok = true;
  let subjectText: string | undefined;
  let subj: Expectation['subject'] | undefined;
  const v = raw[subject];
  if (subject === 'route') {
    if (typeof v !== 'string' || v.trim() === '') {
      c.error([...path, 'route'], `expected a route of the workload (${listOf(routes)}); got ${describe(v)}`);
    } else if (!routes.includes(v.trim())) {
      if (!hasGateway) c.error([...path, 'route'], unknownName('route', v.trim(), routes));
    } else {
      subjectText = v.trim();
      subj = { kind: 'route', route: subjectText };
    }
  } else {
    if (knownService(c, [...path, 'service'], v, cat)) {
      subjectText = v;
      subj = { kind: 'service', service: v };
    }
  }
  if (metrics.length === 0) {
    if (unknownKeys) c.skip();
    else c.error(path, `no metric to check; ${subject} metrics: ${listOf(METRICS_OF[subject])}`);
    return undefined;
  }
  let during: readonly [number, number] | null = null;
  let duringText = '';
  if (has(raw, 'during')) {
    const d = raw.during;
    const dpath = [...path, 'during'];
    if (subject !== 'route') {
      c.error(dpath, '"during" applies to route expectations only; remove it', 'key');
      ok = false;
    } else if (!Array.isArray(d) || d.length !== 2) {
      c.error(dpath, `expected a time window [from, to], e.g. [60s, 180s]; got ${Array.isArray(d) ? `a list of ${d.length}` : describe(d)}`);
      ok = false;
    } else {
      const from = read(c, [...dpath, 0], d[0], parseDuration);
      const to = read(c, [...dpath, 1], d[1], parseDuration);
      if (from === undefined || to === undefined) ok = false;
      else if (from >= to) {
        c.error(dpath, `the window [${durationText(d[0])}, ${durationText(d[1])}] is empty; from must be before to`);
        ok = false;
      } else if (durationMs !== undefined && to > durationMs) {
        c.error([...dpath, 1], `the window ends at ${durationText(d[1])}, after the end of the run (duration ${formatDuration(durationMs)})`);
        ok = false;
      } else {
        during = [from, to];
        duringText = ` during [${durationText(d[0])}, ${durationText(d[1])}]`;
      }
    }
  }
  const out: Expectation[] = [];
  for (const m of metrics) {
    const mpath = [...path, m];
    if (!METRICS_OF[subject].includes(m)) {
      const owner = (Object.keys(METRICS_OF) as Subject[]).find((s) => METRICS_OF[s].includes(m))!;
      c.error(mpath, `"${m}" is a ${owner} metric; ${subject} metrics: ${listOf(METRICS_OF[subject])}`, 'key');
      ok = false;
      continue;
    }
    const metric = m as ExpectMetric;
    const cmp = read(c, mpath, raw[m], (x) => parseComparison(x, metricParser(metric)));
    if (!cmp) {
      ok = false;
      continue;
    }
    if (subjectText !== undefined && subj) {
      const op: Comparison = cmp.op;
      // A bare number is ms for latency metrics: say so in the text.
      const shown = typeof raw[m] === 'number' && metricParser(metric) === parseDuration ? `${cmp.text}ms` : cmp.text;
      out.push({ text: `${subjectText} ${metric} ${shown}${duringText}`, subject: subj, metric, op, value: cmp.value, during });
    }
  }
  return ok && subj ? out : undefined;
}
