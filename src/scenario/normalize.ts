/**
 * Plain data → the normalised Scenario of types.ts. Top level here (version,
 * name, seed, duration, warmup, layout, the sections not built yet); the
 * sections are in services.ts, workload.ts, timeline.ts and expect.ts. Fills
 * every default (each with its source), resolves every name with did-you-mean,
 * and tolerates shapes the JSON Schema already reports (it skips them). Never
 * throws on any input. Pure: no I/O, no clock, no randomness.
 */
import type { Expectation, Scenario, Service, Source, TimelineItem } from './types';
import { LIMITS } from './limits';
import { describe, parseDuration } from './values';
import {
  Collector, durationText, get, has, isObj, read, readCount, readPositiveDuration, readText,
} from './collect';
import { type CallEdge, buildCatalog, checkCallCycles, checkName, knownService, normalizeService } from './services';
import { type SourceInfo, normalizeSource } from './workload';
import { normalizeTimelineItem } from './timeline';
import { normalizeExpectItem } from './expect';
import { normalizeDiscovery } from './discovery';
import { readNetworkSpec } from './network';
import type { NetworkSpec } from './types';

export { Collector, notSupportedMessage } from './collect';

/** Builds the Scenario, or undefined when anything was wrong (see the collector). */
export function normalize(data: unknown, file: string, c: Collector): Scenario | undefined {
  if (!isObj(data)) {
    c.skip(); // not a mapping: the schema reports it
    return undefined;
  }
  let ok = true;
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) ok = false;
    return v as T;
  };
  for (const k of ['gateway', 'topics', 'sagas']) {
    if (has(data, k)) {
      c.notSupported([k]);
      ok = false;
    }
  }
  const hasGateway = has(data, 'gateway');

  if (has(data, 'version') && data.version !== 1) {
    c.error(['version'], typeof data.version === 'number'
      ? `unsupported version ${describe(data.version)}; this Microcosm reads version: 1`
      : `expected version: 1; got ${describe(data.version)}`);
    ok = false;
  } else if (!has(data, 'version')) ok = false; // the schema reports it
  const name = has(data, 'name') ? need(readText(c, ['name'], data.name)) : need<string>(undefined);
  const description = typeof data.description === 'string' ? data.description : '';
  if (has(data, 'description') && typeof data.description !== 'string') ok = false; // schema: type
  // scenario-format.md: "seed: default 1".
  const seed = has(data, 'seed') ? need(readCount(c, ['seed'], data.seed, 0, Number.MAX_SAFE_INTEGER, '')) : 1;
  let durationMs: number | undefined;
  if (has(data, 'duration')) {
    durationMs = readPositiveDuration(c, ['duration'], data.duration, 'duration');
    if (durationMs !== undefined && durationMs > LIMITS.maxRunMs) {
      c.error(['duration'], `a run of ${durationText(data.duration)} is longer than the limit of 30 days (720h)`);
      durationMs = undefined;
    }
  }
  need(durationMs);
  // scenario-format.md: "summary metrics ignore [0, warmup); default 0".
  let warmupMs = 0;
  if (has(data, 'warmup')) {
    warmupMs = need(read(c, ['warmup'], data.warmup, parseDuration));
    if (warmupMs !== undefined && durationMs !== undefined && warmupMs >= durationMs) {
      c.error(['warmup'], `warmup ${durationText(data.warmup)} must be shorter than the duration ${durationText(data.duration)}`);
      ok = false;
    }
  }

  const discovery = need(normalizeDiscovery(c, data));

  // Services: names first (so calls can point forward), then each service.
  const rawServices = get(data, 'services');
  // Networks first: a call's network depends on its callee's `network:`, which may come later in the file.
  const topNetwork = has(data, 'network') ? need(readNetworkSpec(c, ['network'], data.network)) ?? null : null;
  const serviceNetworks = new Map<string, NetworkSpec | null>();
  if (isObj(rawServices)) {
    for (const [svcName, raw] of Object.entries(rawServices)) {
      if (isObj(raw) && has(raw, 'network')) serviceNetworks.set(svcName, need(readNetworkSpec(c, ['services', svcName, 'network'], raw.network)) ?? null);
    }
  }
  const cat = { ...buildCatalog(rawServices), network: { top: topNetwork, services: serviceNetworks } };
  const edges: CallEdge[] = [];
  const services: Service[] = [];
  if (isObj(rawServices) && Object.keys(rawServices).length > 0) {
    for (const [svcName, raw] of Object.entries(rawServices)) {
      const path = ['services', svcName];
      if (!checkName(c, path, svcName, 'service')) {
        ok = false;
        continue;
      }
      const s = normalizeService(c, svcName, raw, path, cat, edges);
      if (s) services.push(s);
      else ok = false;
    }
    checkCallCycles(c, edges);
  } else {
    c.skip();
    ok = false;
  }

  // Workload.
  const sourceNames = new Map<string, SourceInfo>();
  const routes: string[] = [];
  const workload: Source[] = [];
  const rawWorkload = get(data, 'workload');
  if (Array.isArray(rawWorkload) && rawWorkload.length > 0) {
    rawWorkload.forEach((raw, i) => {
      const s = normalizeSource(c, raw, ['workload', i], cat, hasGateway, sourceNames, routes, i);
      if (s) workload.push(s);
      else ok = false;
    });
  } else {
    c.skip();
    ok = false;
  }

  // Timeline, sorted by time (stable: equal times keep file order).
  const timeline: TimelineItem[] = [];
  const rawTimeline = get(data, 'timeline');
  if (Array.isArray(rawTimeline)) {
    rawTimeline.forEach((raw, i) => {
      const t = normalizeTimelineItem(c, raw, ['timeline', i], cat, sourceNames, durationMs);
      if (t) timeline.push(t);
      else ok = false;
    });
  } else if (has(data, 'timeline')) {
    c.skip();
    ok = false;
  }
  timeline.sort((a, b) => a.atMs - b.atMs);

  // Expectations.
  const expect: Expectation[] = [];
  const rawExpect = get(data, 'expect');
  if (Array.isArray(rawExpect)) {
    rawExpect.forEach((raw, i) => {
      const e = normalizeExpectItem(c, raw, ['expect', i], cat, [...new Set(routes)], hasGateway, durationMs);
      if (e) expect.push(...e);
      else ok = false;
    });
  } else if (has(data, 'expect')) {
    c.skip();
    ok = false;
  }

  // Layout: positions of services.
  const layout: [string, readonly [number, number]][] = [];
  const rawLayout = get(data, 'layout');
  if (isObj(rawLayout)) {
    for (const [key, v] of Object.entries(rawLayout)) {
      const path = ['layout', key];
      if (!knownService(c, path, key, cat, 'layout of ', 'key')) {
        ok = false;
        continue;
      }
      const fine = Array.isArray(v) && v.length === 2 &&
        v.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= LIMITS.maxCoordinate);
      if (!fine) {
        c.error(path, `expected a position [x, y] of two numbers (each within ±${LIMITS.maxCoordinate}); got ${Array.isArray(v) ? `[${v.map(describe).join(', ')}]` : describe(v)}`);
        ok = false;
        continue;
      }
      layout.push([key, [v[0] as number, v[1] as number]]);
    }
  } else if (has(data, 'layout')) {
    c.skip();
    ok = false;
  }

  if (!ok || c.issues.length > 0 || durationMs === undefined) return undefined;
  return {
    version: 1,
    name,
    description,
    seed,
    durationMs,
    warmupMs,
    discovery,
    services,
    workload,
    timeline,
    expect,
    layout: Object.fromEntries(layout),
    file,
  };
}
