/**
 * Services, endpoints and steps → Service[]: defaults (each with its source),
 * names checked, calls resolved against the catalog of all services (so calls
 * may point forward) with did-you-mean, call options (calls.ts), parallel
 * steps (nested to any depth), call cycles refused (calls inside parallel
 * count), and the parts of the format not built yet (database, cache,
 * autoscale, db/cache/publish/saga steps, effect/undoes) refused at their
 * position. Pure.
 */
import type { Endpoint, Service, Step } from './types';
import type { Anchor, Path } from './issues';
import { LIMITS } from './limits';
import { CALL_OPTION_KEYS, STEP_KEYS, STEP_KINDS } from './schema';
import { normalizeCallOptions } from './calls';
import { type NetworkLevels, resolveNetwork } from './network';
import { didYouMean, listOf } from './suggest';
import { describe, parseDistribution, parseDuration, parseFraction } from './values';
import {
  Collector, NAME_MAX, NAME_RE, TARGET_RE, get, has, includes, isObj, read, readCount, readText, unknownName,
} from './collect';

export interface Catalog {
  /**
   * Service name → endpoint names, in file order; undefined when the service has no
   * endpoints mapping (the schema reports that, so names on it are not checked).
   */
  readonly services: Map<string, readonly string[] | undefined>;
  /** False when `services` itself is missing or malformed: name checks would only echo that. */
  readonly valid: boolean;
  /** The `network:` of the top level and of each service, for resolving each call's network. */
  readonly network?: NetworkLevels;
}

/** scenario-format.md, Services: `balancer: round-robin | random | least-connections | p2c`. */
const BALANCERS: readonly Service['balancer'][] = ['round-robin', 'random', 'least-connections', 'p2c'];

export function checkName(c: Collector, path: Path, name: string, kind: 'service' | 'endpoint'): boolean {
  if (!NAME_RE.test(name) || name.length > NAME_MAX) {
    c.error(path, `${kind} name "${name.length > 40 ? `${name.slice(0, 37)}…` : name}" is not valid; use letters, digits, - and _, starting with a letter, at most ${NAME_MAX} characters (calls are written service.endpoint)`, 'key');
    return false;
  }
  return true;
}

export function buildCatalog(raw: unknown): Catalog {
  const services = new Map<string, readonly string[] | undefined>();
  if (isObj(raw)) {
    for (const [name, svc] of Object.entries(raw)) {
      const eps = isObj(svc) ? get(svc, 'endpoints') : undefined;
      services.set(name, isObj(eps) ? Object.keys(eps) : undefined);
    }
  }
  return { services, valid: isObj(raw) && services.size > 0 };
}

/** Checks a service name against the catalog; false (and an error unless moot) when unknown. */
export function knownService(c: Collector, path: Path, v: unknown, cat: Catalog, prefix = '', at: Anchor = 'value'): v is string {
  if (typeof v !== 'string') {
    c.error(path, `expected a service name; got ${describe(v)}`);
    return false;
  }
  if (!cat.valid) {
    c.skip(); // services itself is broken and reported
    return false;
  }
  if (!cat.services.has(v)) {
    c.error(path, unknownName('service', v, [...cat.services.keys()], prefix), at);
    return false;
  }
  return true;
}

export function exampleTarget(cat: Catalog): string {
  for (const [svc, eps] of cat.services) if (eps?.[0] !== undefined) return `${svc}.${eps[0]}`;
  return 'catalog.list';
}

/** Resolves `service.endpoint`; `kind` words the message ("call to", "route to"). */
export function resolveTarget(
  c: Collector, path: Path, v: unknown, cat: Catalog, lead: string,
): { readonly service: string; readonly endpoint: string } | undefined {
  if (typeof v !== 'string') {
    c.error(path, `expected service.endpoint, e.g. ${exampleTarget(cat)}; got ${describe(v)}`);
    return undefined;
  }
  const m = TARGET_RE.exec(v.trim());
  if (!m) {
    c.error(path, `expected service.endpoint, e.g. ${exampleTarget(cat)}; got ${describe(v)}`);
    return undefined;
  }
  const service = m[1]!;
  const endpoint = m[2]!;
  if (!cat.valid) {
    c.skip(); // services itself is broken and reported
    return undefined;
  }
  if (!cat.services.has(service)) {
    c.error(path, unknownName('service', service, [...cat.services.keys()], lead));
    return undefined;
  }
  const eps = cat.services.get(service);
  if (!eps) {
    c.skip(); // that service has no endpoints mapping: reported by the schema
    return undefined;
  }
  if (!eps.includes(endpoint)) {
    c.error(path, `unknown endpoint "${endpoint}" on service ${service}; ${didYouMean(endpoint, eps)}endpoints: ${listOf(eps)}`);
    return undefined;
  }
  return { service, endpoint };
}

export interface CallEdge {
  readonly from: string;
  readonly to: string;
  readonly path: Path;
}

function normalizeStep(c: Collector, raw: unknown, path: Path, cat: Catalog, from: string, edges: CallEdge[]): Step | undefined {
  if (!isObj(raw)) {
    c.skip();
    return undefined;
  }
  const keys = Object.keys(raw);
  if (keys.some((k) => !includes(STEP_KEYS, k))) {
    c.skip(); // an unknown key: the schema reports it with did-you-mean
    if (!keys.some((k) => includes(STEP_KINDS, k))) return undefined;
  }
  const kinds = keys.filter((k) => includes(STEP_KINDS, k));
  if (kinds.length === 0) {
    if (keys.every((k) => includes(STEP_KEYS, k))) {
      c.error(path, 'a step needs one of cpu, call, parallel, fail (planned: db, cache, publish, saga), e.g. - cpu: 5ms');
    }
    return undefined;
  }
  if (kinds.length > 1) {
    c.error([...path, kinds[1]!], `a step does one thing; this one has ${kinds[0]} and ${kinds[1]}; split it into two steps`, 'key');
    return undefined;
  }
  const kind = kinds[0]!;
  if (kind === 'db' || kind === 'cache' || kind === 'publish' || kind === 'saga') {
    c.notSupported([...path, kind]);
    for (const k of ['miss', 'outbox', ...CALL_OPTION_KEYS]) if (has(raw, k)) c.moot([...path, k]);
    return undefined;
  }
  let bad = false;
  for (const k of keys) {
    if (k === kind) continue;
    if (includes(CALL_OPTION_KEYS, k)) {
      if (kind === 'call') continue; // read below
      c.error([...path, k], `"${k}" is a call option; it goes with a call step, e.g. { call: ${exampleTarget(cat)}, ${k}: … }`, 'key');
      bad = true;
    } else if (k === 'miss') {
      c.error([...path, k], '"miss" goes with a cache step (not supported yet); remove it', 'key');
      bad = true;
    } else if (k === 'outbox') {
      c.error([...path, k], '"outbox" goes with a publish step (not supported yet); remove it', 'key');
      bad = true;
    }
  }
  const vpath = [...path, kind];
  const v = raw[kind];
  switch (kind) {
    case 'cpu': {
      const dist = read(c, vpath, v, parseDistribution);
      return dist && !bad ? { kind: 'cpu', dist } : undefined;
    }
    case 'fail': {
      const probability = read(c, vpath, v, parseFraction);
      return probability !== undefined && !bad ? { kind: 'fail', probability } : undefined;
    }
    case 'call': {
      const t = resolveTarget(c, vpath, v, cat, 'call to ');
      if (t) edges.push({ from, to: `${t.service}.${t.endpoint}`, path: vpath });
      // Checked even when the target is wrong; the network: the call's own, its callee's, the top level's.
      const options = normalizeCallOptions(c, raw, path, (own) =>
        resolveNetwork([own, (t && cat.network?.services.get(t.service)) ?? null, cat.network?.top ?? null]));
      return t && options && !bad ? { kind: 'call', service: t.service, endpoint: t.endpoint, options } : undefined;
    }
    case 'parallel': {
      // Sub-steps run concurrently; their calls are edges of this endpoint (cycle check).
      const steps = normalizeSteps(c, v, vpath, cat, from, edges);
      return steps && !bad ? { kind: 'parallel', steps } : undefined;
    }
  }
  return undefined;
}

function normalizeSteps(c: Collector, list: unknown, path: Path, cat: Catalog, from: string, edges: CallEdge[]): Step[] | undefined {
  if (!Array.isArray(list) || list.length === 0 || list.length > LIMITS.maxSteps) {
    c.skip(); // wrong shape or size (incl. an empty parallel): reported by the schema
    return undefined;
  }
  const steps: Step[] = [];
  let ok = true;
  list.forEach((raw, i) => {
    const s = normalizeStep(c, raw, [...path, i], cat, from, edges);
    if (s) steps.push(s);
    else ok = false;
  });
  return ok ? steps : undefined;
}

function normalizeEndpoint(c: Collector, raw: unknown, path: Path, cat: Catalog, from: string, edges: CallEdge[]): Step[] | undefined {
  if (Array.isArray(raw)) return normalizeSteps(c, raw, path, cat, from, edges);
  if (!isObj(raw)) {
    c.skip();
    return undefined;
  }
  for (const k of ['effect', 'undoes']) if (has(raw, k)) c.notSupported([...path, k]);
  if (!has(raw, 'steps')) {
    c.skip();
    return undefined;
  }
  const steps = normalizeSteps(c, raw.steps, [...path, 'steps'], cat, from, edges);
  return has(raw, 'effect') || has(raw, 'undoes') ? undefined : steps;
}

export function normalizeService(c: Collector, name: string, raw: unknown, path: Path, cat: Catalog, edges: CallEdge[]): Service | undefined {
  if (!isObj(raw)) {
    c.skip();
    return undefined;
  }
  let ok = true;
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) ok = false;
    return v as T;
  };
  for (const k of ['database', 'cache', 'autoscale']) {
    if (has(raw, k)) {
      c.notSupported([...path, k]);
      ok = false;
    }
  }
  // Display name: scenario-format.md "optional display name" → the key.
  const label = has(raw, 'label') ? need(readText(c, [...path, 'label'], raw.label)) : name;
  // scenario-format.md: "initial replicas; default 1".
  const instances = has(raw, 'instances')
    ? need(readCount(c, [...path, 'instances'], raw.instances, 0, LIMITS.maxInstances, 'instances per service'))
    : 1;
  // scenario-format.md: "concurrent requests per instance; default 8".
  const workers = has(raw, 'workers')
    ? need(readCount(c, [...path, 'workers'], raw.workers, 1, LIMITS.maxWorkers, 'workers per instance'))
    : 8;
  // scenario-format.md: "waiting requests per instance, beyond → 503; default 100; `unbounded` allowed".
  let queue = 100;
  if (has(raw, 'queue')) {
    const q = raw.queue;
    if (q === 'unbounded') queue = Infinity;
    else if (typeof q === 'number') queue = need(readCount(c, [...path, 'queue'], q, 0, LIMITS.maxQueue, 'waiting requests per instance'));
    else {
      const hint = typeof q === 'string' ? didYouMean(q, ['unbounded']) : '';
      c.error([...path, 'queue'], `expected a whole number from 0 to ${LIMITS.maxQueue} or unbounded; got ${describe(q)}${hint ? `; ${hint.trim()}` : ''}`);
      ok = false;
    }
  }
  // scenario-format.md: "threads (worker held during downstream waits, default) | async".
  let model: Service['model'] = 'threads';
  if (has(raw, 'model')) {
    if (raw.model === 'threads' || raw.model === 'async') model = raw.model;
    else {
      c.skip(); // not one of threads|async: the schema's enum reports it
      ok = false;
    }
  }
  // scenario-format.md: "cold start until ready; default 5s" (semantics.md: not Ready until started).
  const startupMs = has(raw, 'startup') ? need(read(c, [...path, 'startup'], raw.startup, parseDuration)) : 5_000;
  // semantics.md: Kubernetes CrashLoopBackOff starts at 10 s, doubling, cap 5 min.
  const restartMs = has(raw, 'restart') ? need(read(c, [...path, 'restart'], raw.restart, parseDuration)) : 10_000;
  // Default round-robin per caller instance (semantics.md "Load balancing"; the format's example).
  let balancer: Service['balancer'] = 'round-robin';
  if (has(raw, 'balancer')) {
    if (typeof raw.balancer === 'string' && includes(BALANCERS, raw.balancer)) balancer = raw.balancer;
    else {
      c.skip(); // not one of the four: the schema's enum reports it with did-you-mean
      ok = false;
    }
  }
  const endpoints: Endpoint[] = [];
  const rawEps = get(raw, 'endpoints');
  if (isObj(rawEps)) {
    for (const [ep, rawEp] of Object.entries(rawEps)) {
      const epPath = [...path, 'endpoints', ep];
      if (!checkName(c, epPath, ep, 'endpoint')) {
        ok = false;
        continue;
      }
      const steps = normalizeEndpoint(c, rawEp, epPath, cat, `${name}.${ep}`, edges);
      if (steps) endpoints.push({ name: ep, steps });
      else ok = false;
    }
    if (Object.keys(rawEps).length === 0) {
      c.skip();
      ok = false;
    }
  } else {
    c.skip(); // missing or not a mapping: the schema reports it
    ok = false;
  }
  if (!ok) return undefined;
  return { name, label, instances, workers, queue, model, startupMs, restartMs, balancer, endpoints };
}

/** Reports each call cycle once, at the call that closes it. */
export function checkCallCycles(c: Collector, edges: readonly CallEdge[]): void {
  const out = new Map<string, CallEdge[]>();
  for (const e of edges) {
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  const state = new Map<string, 'active' | 'done'>();
  let reported = 0;
  for (const root of out.keys()) {
    if (state.has(root)) continue;
    // Iterative DFS: a frame is a node and the index of its next edge.
    const stack: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 'active');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const list = out.get(top.node) ?? [];
      if (top.next >= list.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const edge = list[top.next++]!;
      const s = state.get(edge.to);
      if (s === 'active') {
        if (reported++ < 10) {
          const from = stack.findIndex((f) => f.node === edge.to);
          const cycle = [...stack.slice(from).map((f) => f.node), edge.to].join(' → ');
          c.error(edge.path, `call cycle ${cycle}; every request would call itself without end; remove one of these calls`);
        }
      } else if (s === undefined) {
        state.set(edge.to, 'active');
        stack.push({ node: edge.to, next: 0 });
      }
    }
  }
}
