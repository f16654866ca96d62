/**
 * Timeline items → TimelineItem: `at`, optional `for`, exactly one action.
 * kill and load are built; every other action of the format is refused at its
 * position as not supported yet. Pure.
 */
import type { Action, TimelineItem } from './types';
import type { Path } from './issues';
import { LIMITS } from './limits';
import { TIMELINE_ACTIONS } from './schema';
import { didYouMean } from './suggest';
import { describe, formatDuration, parseDuration, parseRate } from './values';
import {
  Collector, durationText, has, includes, isObj, read, readCount, readPositiveDuration, unknownName,
} from './collect';
import { type Catalog, knownService } from './services';
import type { SourceInfo } from './workload';

/** Parameters each action takes (scenario-format.md, Timeline). */
const ACTION_PARAMS: Readonly<Record<(typeof TIMELINE_ACTIONS)[number], readonly string[]>> = {
  kill: ['count'],
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
      c.error(path, 'a timeline item needs one action: kill or load (planned: latency, errors, slow, partition, database, cacheFlush, broker, deploy, set), e.g. { at: 30s, kill: catalog }');
    } else {
      c.skip(); // an unknown key: the schema reports it with did-you-mean
    }
    return undefined;
  }
  if (actions.length > 1) {
    c.error([...path, actions[1]!], `one action per timeline item; this one has ${actions[0]} and ${actions[1]}; split it into two items`, 'key');
    return undefined;
  }
  const action = actions[0] as (typeof TIMELINE_ACTIONS)[number];
  const params = ACTION_PARAMS[action];
  if (action !== 'kill' && action !== 'load') {
    c.notSupported([...path, action]);
    for (const p of params) if (has(raw, p)) c.moot([...path, p]);
    return undefined;
  }
  for (const k of keys) {
    if (k === 'at' || k === 'for' || k === action || params.includes(k)) continue;
    if (includes(ALL_PARAMS, k)) {
      const owners = Object.entries(ACTION_PARAMS).filter(([, ps]) => ps.includes(k)).map(([a]) => a);
      c.error([...path, k], `"${k}" goes with ${owners.join(' or ')}, not ${action}; ${action} takes: ${params.join(', ')}`, 'key');
      ok = false;
    }
  }
  let result: Action | undefined;
  if (action === 'kill') {
    const svc = raw.kill;
    const service = knownService(c, [...path, 'kill'], svc, cat) ? svc : undefined;
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
