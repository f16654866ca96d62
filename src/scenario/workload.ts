/**
 * Workload sources → Source[]: open loop (rate, constant or piecewise) or
 * closed loop (users + think), routes resolved to service.endpoint, names
 * unique (default = the route), defaults filled. Pure.
 */
import type { ClosedSource, Dist, OpenSource, RatePoint, Source } from './types';
import type { Path } from './issues';
import { LIMITS } from './limits';
import { SOURCE_KEYS } from './schema';
import { describe, parseDistribution, parseDuration, parseRate } from './values';
import {
  Collector, GATEWAY_ROUTE_RE, TARGET_RE, durationText, has, includes, isObj, read, readCount, readPositiveDuration, readText,
} from './collect';
import { type Catalog, exampleTarget, resolveTarget } from './services';

function readRate(c: Collector, path: Path, v: unknown): RatePoint[] | undefined {
  if (!Array.isArray(v)) {
    if (isObj(v)) {
      c.error(path, 'expected a rate like 200/s, or a list of { at, rate } points; got a mapping');
      return undefined;
    }
    const perSec = read(c, path, v, parseRate);
    return perSec === undefined ? undefined : [{ atMs: 0, perSec }];
  }
  if (v.length === 0) {
    c.error(path, 'the list of rate points is empty; give at least one { at, rate } point, or a constant like 100/s');
    return undefined;
  }
  if (v.length > LIMITS.maxRatePoints) {
    c.error(path, `too many rate points (${v.length}); the limit is ${LIMITS.maxRatePoints}`);
    return undefined;
  }
  const points: RatePoint[] = [];
  let ok = true;
  let prev: { atMs: number; text: string } | undefined;
  v.forEach((p, i) => {
    if (!isObj(p) || !has(p, 'at') || !has(p, 'rate')) {
      c.skip(); // reported by the schema
      ok = false;
      return;
    }
    const atMs = read(c, [...path, i, 'at'], p.at, parseDuration);
    const perSec = read(c, [...path, i, 'rate'], p.rate, parseRate);
    if (atMs === undefined || perSec === undefined) {
      ok = false;
      return;
    }
    if (prev && atMs <= prev.atMs) {
      c.error([...path, i, 'at'], `rate points must be in increasing time order; at ${durationText(p.at)} is not after the previous point's ${prev.text}`);
      ok = false;
    }
    prev = { atMs, text: durationText(p.at) };
    points.push({ atMs, perSec });
  });
  if (!ok) return undefined;
  // Before the first point the rate equals the first point's rate (flat, like after the
  // last): made explicit with a point at 0 so the model needs no special case.
  if (points[0]!.atMs > 0) points.unshift({ atMs: 0, perSec: points[0]!.perSec });
  return points;
}

export interface SourceInfo {
  readonly kind: 'open' | 'closed' | undefined;
  readonly index: number;
}

export function normalizeSource(
  c: Collector, raw: unknown, path: Path, cat: Catalog, hasGateway: boolean,
  names: Map<string, SourceInfo>, routes: string[], index: number,
): Source | undefined {
  if (!isObj(raw)) {
    c.skip();
    return undefined;
  }
  let ok = true;
  if (has(raw, 'retries')) {
    c.notSupported([...path, 'retries']);
    ok = false;
  }
  // route
  let route: string | undefined;
  let target: { service: string; endpoint: string } | undefined;
  if (!has(raw, 'route')) {
    c.skip();
    ok = false;
  } else if (typeof raw.route !== 'string' || raw.route.trim() === '') {
    c.error([...path, 'route'], `expected a route: service.endpoint, e.g. ${exampleTarget(cat)}; got ${describe(raw.route)}`);
    ok = false;
  } else {
    route = raw.route.trim();
    routes.push(route);
    if (TARGET_RE.test(route)) {
      target = resolveTarget(c, [...path, 'route'], route, cat, 'route to ');
      if (!target) ok = false;
    } else if (hasGateway) {
      ok = false; // a gateway route; the gateway itself was reported as not supported
    } else if (GATEWAY_ROUTE_RE.test(route)) {
      c.error([...path, 'route'], `route "${route}" is a gateway route, but there is no gateway (gateways are not supported yet); use service.endpoint, e.g. ${exampleTarget(cat)}`);
      ok = false;
    } else {
      c.error([...path, 'route'], `expected a route: service.endpoint, e.g. ${exampleTarget(cat)}; got ${describe(raw.route)}`);
      ok = false;
    }
  }
  // name: optional, default = the route; unique.
  let name: string | undefined = route;
  if (has(raw, 'name')) {
    name = readText(c, [...path, 'name'], raw.name);
    if (name === undefined) ok = false;
  }
  const hasRate = has(raw, 'rate');
  const hasUsers = has(raw, 'users');
  const kind = hasRate && !hasUsers ? 'open' : hasUsers && !hasRate ? 'closed' : undefined;
  if (name !== undefined) {
    const first = names.get(name);
    if (first) {
      const where = has(raw, 'name') ? 'name' : 'route';
      c.error([...path, where], `workload name "${name}" is already used by workload[${first.index}]; give each source a distinct name (the default name is the route)`);
      ok = false;
    } else {
      names.set(name, { kind, index });
    }
  }
  // scenario-format.md: the client waits forever unless told (semantics.md: no timeout by default).
  let timeoutMs: number | null = null;
  if (has(raw, 'timeout')) {
    const t = readPositiveDuration(c, [...path, 'timeout'], raw.timeout, 'timeout');
    if (t === undefined) ok = false;
    else timeoutMs = t;
  }
  if (hasRate && hasUsers) {
    const keys = Object.keys(raw);
    const later = keys.indexOf('users') > keys.indexOf('rate') ? 'users' : 'rate';
    c.error([...path, later], 'a source is open loop (rate) or closed loop (users), not both; remove one', 'key');
    return undefined;
  }
  if (!hasRate && !hasUsers) {
    if (Object.keys(raw).some((k) => !includes(SOURCE_KEYS, k))) {
      c.skip(); // probably a misspelt rate/users: the schema reports it with did-you-mean
      return undefined;
    }
    c.error(path, 'a source needs rate (open loop, e.g. rate: 100/s) or users (closed loop, e.g. users: 50 with think: exp(1s))');
    return undefined;
  }
  if (hasRate) {
    if (has(raw, 'think')) {
      c.error([...path, 'think'], '"think" goes with users (closed loop); this source is open loop (rate)', 'key');
      ok = false;
    }
    const rate = readRate(c, [...path, 'rate'], raw.rate);
    // scenario-format.md: Poisson arrivals by default.
    let arrivals: OpenSource['arrivals'] = 'poisson';
    if (has(raw, 'arrivals')) {
      if (raw.arrivals === 'poisson' || raw.arrivals === 'uniform') arrivals = raw.arrivals;
      else {
        c.skip(); // the schema's enum reports it
        ok = false;
      }
    }
    // scenario-format.md: "distinct client ids (per-client rate limits); default 1000".
    const clients = has(raw, 'clients')
      ? readCount(c, [...path, 'clients'], raw.clients, 1, LIMITS.maxClients, 'clients per source')
      : 1000;
    if (!ok || !rate || clients === undefined || name === undefined || route === undefined || !target) return undefined;
    return { kind: 'open', name, route, service: target.service, endpoint: target.endpoint, timeoutMs, rate, arrivals, clients };
  }
  for (const k of ['arrivals', 'clients']) {
    if (has(raw, k)) {
      c.error([...path, k], `"${k}" goes with rate (open loop); this source is closed loop (users)`, 'key');
      ok = false;
    }
  }
  const users = readCount(c, [...path, 'users'], raw.users, 1, LIMITS.maxUsers, 'users per source');
  let think: Dist | undefined;
  if (!has(raw, 'think')) {
    c.error([...path, 'think'], 'a closed-loop source (users) needs think, the time between a response and the next request, e.g. think: exp(1s)', 'parent');
  } else {
    think = read(c, [...path, 'think'], raw.think, parseDistribution);
  }
  if (!ok || users === undefined || !think || name === undefined || route === undefined || !target) return undefined;
  const closed: ClosedSource = { kind: 'closed', name, route, service: target.service, endpoint: target.endpoint, timeoutMs, users, think };
  return closed;
}
