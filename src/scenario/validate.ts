/**
 * Structure check with ajv against schema.ts, and the translation of ajv's
 * errors into Issues with a path and a human message (unknown keys with
 * did-you-mean, missing keys with an example, wrong shapes). Errors of leaf
 * values marked `value:…` are dropped: normalize.ts parses those itself.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Issue, Segment } from './issues';
import { scenarioSchema } from './schema';
import { didYouMean, listOf } from './suggest';
import { describe } from './values';

let validator: ValidateFunction | undefined;

/** Compiled once, lazily (ajv generates code; ~tens of ms). */
function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    validator = ajv.compile(scenarioSchema);
  }
  return validator;
}

/** Example lines for "missing required key" messages. */
const EXAMPLES: Readonly<Record<string, string>> = {
  version: 'version: 1',
  name: 'name: My scenario',
  duration: 'duration: 5m',
  services: 'services: { api: { endpoints: { get: [ { cpu: 5ms } ] } } }',
  workload: 'workload: [ { route: api.get, rate: 10/s } ]',
  endpoints: 'endpoints: { get: [ { cpu: 5ms } ] }',
  steps: 'steps: [ { cpu: 5ms } ]',
  route: 'route: service.endpoint',
  at: 'at: 30s',
  rate: 'rate: 100/s',
  match: 'match: GET /products',
  to: 'to: service.endpoint',
  do: 'do: service.endpoint',
  max: 'max: 2',
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'nothing',
};

/** JSON pointer → path; array indices become numbers (as in normalize.ts). */
export function pointerToPath(pointer: string, data: unknown): Segment[] {
  if (pointer === '') return [];
  const out: Segment[] = [];
  let cur: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = cur !== null && typeof cur === 'object' && Object.hasOwn(cur, seg) ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function isValueLeaf(e: ErrorObject): boolean {
  const c = (e.parentSchema as { $comment?: unknown } | undefined)?.$comment;
  return typeof c === 'string' && c.startsWith('value:');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function toIssue(e: ErrorObject, data: unknown): Issue | undefined {
  if (isValueLeaf(e)) return undefined;
  const path = pointerToPath(e.instancePath, data);
  const last = path[path.length - 1];
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const valid = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      if (/^[^()]*\)\s*$/.test(key)) {
        return {
          path: [...path, key], at: 'key',
          message: `unknown key "${key}": the end of a value like lognormal(3ms, 0.5) that YAML cut at a comma inside { … }; quote that value, e.g. "lognormal(3ms, 0.5)"`,
        };
      }
      return { path: [...path, key], at: 'key', message: `unknown key "${key}"; ${didYouMean(key, valid)}valid keys: ${listOf(valid, 40)}` };
    }
    case 'required': {
      const key = String(p.missingProperty);
      const example = EXAMPLES[key];
      return { path: [...path, key], at: 'parent', message: `missing required key "${key}"${example ? `; add e.g. ${example}` : ''}` };
    }
    case 'type': {
      const types = (Array.isArray(p.type) ? p.type : String(p.type).split(',')).map((t) => TYPE_NAMES[String(t)] ?? String(t));
      const what = path.length === 0
        ? 'a mapping of top-level keys (version, name, duration, services, workload, …)'
        : types.join(' or ');
      return { path, at: 'value', message: `expected ${what}; got ${describe(e.data)}` };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const got = typeof e.data === 'string' ? e.data : describe(e.data);
      return { path, at: 'value', message: `unknown value ${describe(e.data)}; ${didYouMean(got, allowed)}valid values: ${listOf(allowed)}` };
    }
    case 'minItems': {
      const n = Number(p.limit);
      if (last === 'workload') return { path, at: 'value', message: 'at least one workload source is needed, e.g. - { route: api.get, rate: 10/s }' };
      if (last === 'parallel' && typeof path[path.length - 2] === 'number') {
        return { path, at: 'value', message: 'a parallel step needs at least one sub-step, e.g. parallel: [ { call: a.x }, { call: b.y } ]' };
      }
      if (path[path.length - 2] === 'endpoints' || last === 'steps' || last === 'miss') {
        return { path, at: 'value', message: 'needs at least one step, e.g. - cpu: 5ms' };
      }
      return { path, at: 'value', message: `needs at least ${plural(n, 'item')}; got ${Array.isArray(e.data) ? e.data.length : 0}` };
    }
    case 'maxItems':
      return { path, at: 'value', message: `too many items (${Array.isArray(e.data) ? e.data.length : '?'}); the limit is ${String(p.limit)}` };
    case 'minProperties': {
      if (last === 'services') return { path, at: 'value', message: 'at least one service is needed, e.g. api: { endpoints: { get: [ { cpu: 5ms } ] } }' };
      if (last === 'endpoints') return { path, at: 'value', message: 'a service needs at least one endpoint, e.g. get: [ { cpu: 5ms } ]' };
      return { path, at: 'value', message: `needs at least ${plural(Number(p.limit), 'entry')}` };
    }
    case 'maxProperties': {
      const n = e.data !== null && typeof e.data === 'object' ? Object.keys(e.data).length : '?';
      return { path, at: 'value', message: `too many entries (${n}); the limit is ${String(p.limit)}` };
    }
    case 'minLength':
      return { path, at: 'value', message: 'must not be empty' };
    case 'maxLength':
      return { path, at: 'value', message: `too long (${typeof e.data === 'string' ? e.data.length : '?'} characters); the limit is ${String(p.limit)}` };
    default:
      return { path, at: 'value', message: e.message ?? `invalid (${e.keyword})` };
  }
}

/** Validates the structure; returns issues in ajv's order (sorted later by position). */
export function validateStructure(data: unknown): Issue[] {
  const validate = getValidator();
  if (validate(data)) return [];
  const all = validate.errors ?? [];
  // `arrivals: 5` fails both `type` and `enum`: the enum message (with the valid values) is enough.
  const enumAt = new Set(all.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const out: Issue[] = [];
  for (const e of all) {
    if (e.keyword === 'type' && enumAt.has(e.instancePath)) continue;
    const issue = toIssue(e, data);
    if (issue) out.push(issue);
  }
  return out;
}
