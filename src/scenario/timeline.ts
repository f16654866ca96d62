/**
 * Timeline items → TimelineItem: `at`, optional `for`, exactly one action.
 * kill (also of one numbered instance), load, latency, errors, slow,
 * partition and `set: service.instances` (scaling) are built; the other
 * actions of the format (database, cacheFlush, broker, deploy, other `set`
 * paths) are refused at their position as not supported yet. Pure.
 */
import type { Action, TimelineItem } from './types';
import type { Path } from './issues';
import { LIMITS } from './limits';
import { TIMELINE_ACTIONS } from './schema';
import { didYouMean } from './suggest';
import {
  type Parsed, describe, formatDuration, parseDistribution, parseDuration, parseFraction, parseNumber, parseRate,
} from './values';
import {
  Collector, durationText, has, includes, isObj, read, readCount, readPositiveDuration, unknownName,
} from './collect';
import { type Catalog, knownService } from './services';
import type { SourceInfo } from './workload';

/** Parameters each action takes (scenario-format.md, Timeline). */
const ACTION_PARAMS: Readonly<Record<(typeof TIMELINE_ACTIONS)[number], readonly string[]>> = {
  kill: ['count', 'instance'],
  load: ['rate'],
  latency: ['add'],
  errors: ['rate'],
  slow: ['factor'],
  partition: [],
  database: ['down'],
  cacheFlush: [],
  broker: [],
  deploy: ['errors', 'latency', 'maxSurge', 'maxUnavailable'],
  set: ['value'],
};
const ALL_PARAMS = [...new Set(Object.values(ACTION_PARAMS).flat())];
const BUILT = ['kill', 'load', 'latency', 'errors', 'slow', 'partition', 'set'] as const;

/** `set` paths of the format that are planned (service.<one of these>…). */
const PLANNED_SETTINGS = ['autoscale', 'model', 'startup', 'restart', 'balancer', 'database', 'cache', 'label', 'network'];
/** What `set` can change now. */
const SETTABLE = ['instances', 'workers', 'queue'] as const;
const SET_EXAMPLE = 'e.g. { at: 60s, set: catalog.instances, value: 5 }';
type BuiltAction = (typeof BUILT)[number];

/** A required parameter of an action, or an error at the item (the parent mapping). */
function param<T>(c: Collector, raw: Record<string, unknown>, path: Path, key: string, missing: string, parse: (v: unknown) => Parsed<T>): T | undefined {
  if (!has(raw, key)) {
    c.error([...path, key], missing, 'parent');
    return undefined;
  }
  return read(c, [...path, key], raw[key], parse);
}

const PARTITION_NEEDS = 'a partition needs two services, e.g. partition: [order, inventory]';

function readPartition(c: Collector, path: Path, v: unknown, cat: Catalog): readonly [string, string] | undefined {
  if (typeof v === 'string') {
    c.error(path, `${PARTITION_NEEDS}; got only ${describe(v)}`);
    return undefined;
  }
  if (!Array.isArray(v)) {
    c.error(path, `${PARTITION_NEEDS}; got ${describe(v)}`);
    return undefined;
  }
  if (v.length !== 2) {
    const got = v.length === 0 ? 'an empty list' : v.length === 1 ? `only ${describe(v[0])}` : `${v.length} services (write one timeline item per pair)`;
    c.error(path, `${PARTITION_NEEDS}; got ${got}`);
    return undefined;
  }
  const a = knownService(c, [...path, 0], v[0], cat) ? v[0] : undefined;
  const b = knownService(c, [...path, 1], v[1], cat) ? v[1] : undefined;
  if (a === undefined || b === undefined) return undefined;
  if (a === b) {
    c.error([...path, 1], `a partition is between two different services; "${a}" is named twice`);
    return undefined;
  }
  return [a, b];
}

export function normalizeTimelineItem(
  c: Collector, raw: unknown, path: Path, cat: Catalog, sources: Map<string, SourceInfo>, durationMs: number | undefined,
): TimelineItem | undefined {
  if (!isObj(raw)) {
    c.skip();
    return undefined;
  }
  let ok = true;
  let atMs: number | undefined;
  if (!has(raw, 'at')) {
    c.skip();
    ok = false;
  } else {
    atMs = read(c, [...path, 'at'], raw.at, parseDuration);
    if (atMs !== undefined && durationMs !== undefined && atMs > durationMs) {
      c.error([...path, 'at'], `at ${durationText(raw.at)} is after the end of the run (duration ${formatDuration(durationMs)}); use an earlier time`);
      ok = false;
    }
  }
  let forMs: number | null = null;
  if (has(raw, 'for')) {
    const f = readPositiveDuration(c, [...path, 'for'], raw.for, '"for"');
    if (f === undefined) ok = false;
    else forMs = f;
  }
  const keys = Object.keys(raw);
  // `errors` and `latency` are also deploy's parameters: with deploy present, deploy is the action.
  const actions = keys.includes('deploy') ? ['deploy'] : keys.filter((k) => includes(TIMELINE_ACTIONS, k));
  if (actions.length === 0) {
    if (keys.every((k) => k === 'at' || k === 'for' || includes(ALL_PARAMS, k))) {
      c.error(path, 'a timeline item needs one action: kill, load, latency, errors, slow or partition (planned: database, cacheFlush, broker, deploy, set), e.g. { at: 30s, kill: catalog }');
    } else {
      c.skip(); // an unknown key: the schema reports it with did-you-mean
    }
    return undefined;
  }
  if (actions.length > 1) {
    c.error([...path, actions[1]!], `one action per timeline item; this one has ${actions[0]} and ${actions[1]}; split it into two items`, 'key');
    return undefined;
  }
  const written = actions[0] as (typeof TIMELINE_ACTIONS)[number];
  if (!includes(BUILT, written)) {
    c.notSupported([...path, written]);
    for (const p of ACTION_PARAMS[written]) if (has(raw, p)) c.moot([...path, p]);
    return undefined;
  }
  const action: BuiltAction = written;
  const params = ACTION_PARAMS[action];
  for (const k of keys) {
    if (k === 'at' || k === 'for' || k === action || params.includes(k)) continue;
    if (includes(ALL_PARAMS, k)) {
      const owners = Object.entries(ACTION_PARAMS).filter(([, ps]) => ps.includes(k)).map(([a]) => a);
      const takes = params.length > 0 ? `${action} takes: ${params.join(', ')}` : `${action} takes nothing but at and for`;
      c.error([...path, k], `"${k}" goes with ${owners.join(' or ')}, not ${action}; ${takes}`, 'key');
      ok = false;
    }
  }
  let result: Action | undefined;
  if (action === 'latency' || action === 'errors' || action === 'slow') {
    const svc = raw[action];
    const service = knownService(c, [...path, action], svc, cat) ? svc : undefined;
    if (action === 'latency') {
      // Required: no default extra latency makes sense.
      const add = param(c, raw, path, 'add', 'latency needs add, the extra delay per request, e.g. add: 400ms', parseDistribution);
      if (service !== undefined && add !== undefined) result = { kind: 'latency', service, add };
    } else if (action === 'errors') {
      const rate = param(c, raw, path, 'rate', 'errors needs rate, the fraction of requests that fail, e.g. rate: 50%', parseFraction);
      if (service !== undefined && rate !== undefined) result = { kind: 'errors', service, rate };
    } else {
      let factor = param(c, raw, path, 'factor', 'slow needs factor, how many times longer CPU steps take, e.g. factor: 3', parseNumber);
      if (factor !== undefined && !(factor > 0 && factor <= LIMITS.maxSlowFactor)) {
        c.error([...path, 'factor'], `factor must be above 0 and at most ${LIMITS.maxSlowFactor} (1 = no change, 3 = three times slower); got ${describe(raw.factor)}`);
        factor = undefined;
      }
      if (service !== undefined && factor !== undefined) result = { kind: 'slow', service, factor };
    }
  } else if (action === 'partition') {
    const between = readPartition(c, [...path, 'partition'], raw.partition, cat);
    if (between) result = { kind: 'partition', between };
  } else if (action === 'set') {
    result = readSet(c, raw, path, cat);
  } else if (action === 'kill') {
    const svc = raw.kill;
    const service = knownService(c, [...path, 'kill'], svc, cat) ? svc : undefined;
    if (has(raw, 'instance')) {
      // One numbered instance (what the page records when an instance is clicked).
      if (has(raw, 'count')) {
        c.error([...path, 'count'], 'kill takes count (how many) or instance (which one), not both', 'key');
        return undefined;
      }
      const instance = readCount(c, [...path, 'instance'], raw.instance, 1, 1e6, '');
      if (service !== undefined && instance !== undefined) result = { kind: 'kill', service, count: 1, instance };
      return ok && result && atMs !== undefined ? { atMs, forMs, action: result } : undefined;
    }
    // scenario-format.md: `count: n | all`; one instance unless told.
    let count: number | 'all' | undefined = 1;
    if (has(raw, 'count')) {
      const n = raw.count;
      if (n === 'all') count = 'all';
      else if (typeof n === 'number') count = readCount(c, [...path, 'count'], n, 1, LIMITS.maxKillCount, 'instances');
      else {
        const hint = typeof n === 'string' ? didYouMean(n, ['all']) : '';
        c.error([...path, 'count'], `expected a whole number of instances or all; got ${describe(n)}${hint ? `; ${hint.trim()}` : ''}`);
        count = undefined;
      }
    }
    if (service !== undefined && count !== undefined) result = { kind: 'kill', service, count };
  } else {
    const name = raw.load;
    let workload: string | undefined;
    if (typeof name !== 'string') c.error([...path, 'load'], `expected a workload source name; got ${describe(name)}`);
    else {
      const info = sources.get(name);
      if (!info) c.error([...path, 'load'], unknownName('workload', name, [...sources.keys()]));
      else if (info.kind === 'closed') c.error([...path, 'load'], `load sets the rate of an open-loop source (rate); "${name}" is closed loop (users)`);
      else workload = name;
    }
    let perSec: number | undefined;
    if (!has(raw, 'rate')) c.error([...path, 'rate'], 'load needs the new rate, e.g. rate: 100/s', 'parent');
    else perSec = read(c, [...path, 'rate'], raw.rate, parseRate);
    if (workload !== undefined && perSec !== undefined) result = { kind: 'load', workload, perSec };
  }
  if (!ok || !result || atMs === undefined) return undefined;
  return { atMs, forMs, action: result };
}

/** `set: service.instances, value: n`: the one setting built (scaling); the format's other paths are planned. */
function readSet(c: Collector, raw: Record<string, unknown>, path: Path, cat: Catalog): Action | undefined {
  const setting = raw.set;
  const spath = [...path, 'set'];
  if (typeof setting !== 'string' || !/^[^.\s]+\.[^\s]+$/.test(setting.trim())) {
    c.error(spath, `expected a setting path service.setting; got ${describe(setting)}; ${SET_EXAMPLE}`);
    return undefined;
  }
  const [svc, ...rest] = setting.trim().split('.');
  const key = rest.join('.');
  if (!knownService(c, spath, svc, cat)) return undefined;
  const settable = SETTABLE.map((k) => `${svc}.${k}`).join(', ');
  if (!includes(SETTABLE, key)) {
    if (PLANNED_SETTINGS.includes(rest[0]!)) {
      c.notSupported(spath, `setting "${key}" is not supported yet (planned); settable now: ${settable}`, 'value');
      if (has(raw, 'value')) c.moot([...path, 'value']);
    } else {
      c.error(spath, `unknown setting "${key}" of service ${svc}; settable now: ${settable} (${SET_EXAMPLE})`);
    }
    return undefined;
  }
  const what = key === 'instances' ? 'the new number of instances' : key === 'workers' ? 'the new workers per instance' : 'the new queue per instance (a number or unbounded)';
  if (!has(raw, 'value')) {
    c.error([...path, 'value'], `set needs value, ${what}; ${SET_EXAMPLE}`, 'parent');
    return undefined;
  }
  const vpath = [...path, 'value'];
  if (key === 'instances') {
    const instances = readCount(c, vpath, raw.value, 0, LIMITS.maxInstances, 'instances per service');
    return instances === undefined ? undefined : { kind: 'scale', service: svc, instances };
  }
  if (key === 'queue' && raw.value === 'unbounded') return { kind: 'setting', service: svc, key, value: Infinity };
  const value = key === 'workers'
    ? readCount(c, vpath, raw.value, 1, LIMITS.maxWorkers, 'workers per instance')
    : readCount(c, vpath, raw.value, 0, LIMITS.maxQueue, 'waiting requests per instance');
  return value === undefined ? undefined : { kind: 'setting', service: svc, key, value };
}
