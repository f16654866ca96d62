/**
 * Shared by the normalize* modules: the Collector of issues (and of subtrees
 * that are not supported yet), safe accessors for plain data from YAML, and
 * readers that parse a value or record a positioned issue. Pure.
 */
import type { Anchor, Issue, Path } from './issues';
import { LIMITS } from './limits';
import { listOf, suggest } from './suggest';
import { describe, parseDuration, type Parsed } from './values';

/** The message for a known part of the format that is not built yet. */
export function notSupportedMessage(key: string): string {
  return `"${key}" is not supported yet (planned); remove it to run this scenario`;
}

/** Issues found here, plus subtrees whose structural (ajv) errors are moot. */
export class Collector {
  readonly issues: Issue[] = [];
  /** Not-supported subtrees: ajv errors inside them are dropped (the user must remove them anyway). */
  readonly unsupported: Path[] = [];
  /** Shapes left to the JSON Schema (wrong container type, missing required key). */
  skipped = 0;

  error(path: Path, message: string, at: Anchor = 'value'): void {
    this.issues.push({ path, at, message });
  }

  notSupported(path: Path, message = notSupportedMessage(String(path[path.length - 1])), at: Anchor = 'key'): void {
    this.issues.push({ path, at, message });
    this.unsupported.push(path);
  }

  /** Marks a subtree as moot without a message of its own (its owner was reported). */
  moot(path: Path): void {
    this.unsupported.push(path);
  }

  skip(): void {
    this.skipped++;
  }
}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
export const has = (o: Obj, k: string): boolean => Object.hasOwn(o, k);
export const get = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
export const includes = <T extends string>(list: readonly T[], k: string): k is T => (list as readonly string[]).includes(k);

/** Service and endpoint names: they are written `service.endpoint`, so no dots or spaces. */
export const NAME_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const NAME_MAX = 64;
export const TARGET_RE = /^([^.\s]+)\.([^.\s]+)$/;
export const GATEWAY_ROUTE_RE = /^[A-Za-z]+\s+\//;

export function read<T>(c: Collector, path: Path, v: unknown, parse: (v: unknown) => Parsed<T>): T | undefined {
  const r = parse(v);
  if (!r.ok) {
    c.error(path, r.message);
    return undefined;
  }
  return r.value;
}

/** A whole number in [min, max]; `unit` names the limit ("instances per service"). */
export function readCount(c: Collector, path: Path, v: unknown, min: number, max: number, unit: string): number | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    c.error(path, `expected a whole number from ${min} to ${max}; got ${describe(v)}`);
    return undefined;
  }
  const u = unit ? ` ${unit}` : '';
  if (v < min) {
    c.error(path, `${v} is below the minimum of ${min}${u}; use ${min}..${max}`);
    return undefined;
  }
  if (v > max) {
    c.error(path, `${v} is above the limit of ${max}${u}; use ${min}..${max}`);
    return undefined;
  }
  return v;
}

export function readText(c: Collector, path: Path, v: unknown, max: number = LIMITS.maxNameLength): string | undefined {
  if (typeof v !== 'string') {
    c.error(path, `expected text; got ${describe(v)}`);
    return undefined;
  }
  if (v.trim() === '') {
    c.error(path, 'must not be empty');
    return undefined;
  }
  if (v.length > max) {
    c.error(path, `too long (${v.length} characters); the limit is ${max}`);
    return undefined;
  }
  return v;
}

/** A duration that must be > 0 (timeouts, `for`, the run). */
export function readPositiveDuration(c: Collector, path: Path, v: unknown, what: string): number | undefined {
  const ms = read(c, path, v, parseDuration);
  if (ms === undefined) return undefined;
  if (ms <= 0) {
    c.error(path, `${what} must be > 0; got ${describe(v)}`);
    return undefined;
  }
  return ms;
}

/** `unknown service "x"; did you mean "y"?` or the list when nothing is close. */
export function unknownName(kind: string, name: string, known: readonly string[], prefix = ''): string {
  const s = suggest(name, known);
  return s !== undefined
    ? `${prefix}unknown ${kind} "${name}"; did you mean "${s}"?`
    : `${prefix}unknown ${kind} "${name}"; ${kind}s: ${listOf(known)}`;
}

/** The text a duration was written as (bare numbers are ms). */
export function durationText(v: unknown): string {
  return typeof v === 'number' ? `${v}ms` : String(v).trim();
}
