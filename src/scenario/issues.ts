/**
 * Problems found before they have a position: a field path plus which part of
 * the node to point at. load.ts turns them into ScenarioErrors (file, line,
 * column) once, at the end, using the YAML node positions.
 */

export type Segment = string | number;
export type Path = readonly Segment[];

/**
 * key: the key of the entry at `path` (unknown, duplicate, not-supported keys);
 * value: the value node at `path` (bad values);
 * parent: the mapping that contains `path` (a missing required key).
 */
export type Anchor = 'key' | 'value' | 'parent';

export interface Issue {
  readonly path: Path;
  readonly at: Anchor;
  readonly message: string;
  /** Set when the position is known directly (YAML syntax errors). */
  readonly line?: number;
  readonly column?: number;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `services.catalog.endpoints.list[0].cpu`; odd keys are quoted: `layout["a b"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg.length > 40 ? `${seg.slice(0, 37)}…` : seg)}]`;
  }
  return out;
}

/** True when `path` equals `prefix` or lies inside it. */
export function isWithin(path: Path, prefix: Path): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}
