/**
 * Where the cursor is in a YAML file that is being typed (so usually broken):
 * the path of keys above it (`services`, `<name>`, `endpoints`, `<name>`, `[]`)
 * and whether a key or a value is being typed there. Indentation-based and
 * tolerant, not a YAML parser: block mappings and sequences (also the
 * indentless `key:\n- item` form), block scalars skipped, flow `{ }` / `[ ]`
 * on the cursor's line. Pure and linear in the text.
 */

/** A path through the document: mapping keys, and `[]` for "an item of a sequence". */
export type YamlPath = readonly string[];

export const ITEM = '[]';

export interface KeyContext {
  readonly kind: 'key';
  readonly path: YamlPath;
  /** The partial key before the cursor, and where it starts (an offset). */
  readonly prefix: string;
  readonly from: number;
  /** Where the key's word ends after the cursor (completion replaces up to here). */
  readonly to: number;
  /** The column the key starts at (for the indentation of a multi-line insert). */
  readonly column: number;
  /** A colon already follows the word: complete the name only. */
  readonly hasColon: boolean;
  /** Inside `{ … }` on one line: insert `key: ` only, never a block. */
  readonly flow: boolean;
  /** Keys already present in the same mapping (above and below). */
  readonly siblings: ReadonlySet<string>;
}

export interface ValueContext {
  readonly kind: 'value';
  /** The path of the value, ending with its key (or `[]` in a flow sequence). */
  readonly path: YamlPath;
  readonly prefix: string;
  readonly from: number;
  readonly to: number;
}

export type YamlContext = KeyContext | ValueContext;

interface Comp {
  readonly col: number;
  readonly kind: 'key' | 'item';
  readonly name: string;
  /** The text after `key:` (to the end of what was given). */
  readonly value: string;
  readonly valueCol: number;
}

interface Frame {
  readonly col: number;
  readonly kind: 'root' | 'key' | 'item';
  readonly seg: string;
  readonly keys: Set<string>;
}

// A mapping key: quoted, or plain (not starting with an indicator), up to `:` followed by a space or the end.
const KEY_RE = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s\-?:,[\]{}#&*!|>'"%@`][^#\n]*?|-[^\s#][^#\n]*?)[ \t]*:(?=[ \t]|$)/;
const BLOCK_SCALAR_RE = /^[|>][-+0-9]*\s*(#.*)?$/;
const WORD_RE = /^[\w./-]*$/;

function unquote(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

/** The items (`- `) and the key (if any) a line starts with, and where the rest begins. */
export function parseLine(text: string): { comps: Comp[]; restCol: number } {
  const comps: Comp[] = [];
  let i = 0;
  while (text[i] === ' ') i++;
  for (;;) {
    if (text[i] === '-' && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      comps.push({ col: i, kind: 'item', name: ITEM, value: '', valueCol: i + 1 });
      i++;
      while (text[i] === ' ' || text[i] === '\t') i++;
      continue;
    }
    const m = KEY_RE.exec(text.slice(i));
    if (m) {
      let v = i + m[0].length;
      while (text[v] === ' ' || text[v] === '\t') v++;
      comps.push({ col: i, kind: 'key', name: unquote(m[1]!.trim()), value: text.slice(v), valueCol: v });
    }
    return { comps, restCol: i };
  }
}

/** Feeds lines top to bottom and keeps the stack of open mappings and sequence items. */
class Walker {
  readonly stack: Frame[] = [{ col: -1, kind: 'root', seg: '', keys: new Set() }];
  /** Inside a block scalar (`key: |`) owned by a key at this column; -1 = not. */
  blockCol = -1;
  onKey: ((parent: Frame, name: string) => void) | null = null;

  get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  path(): string[] {
    return this.stack.slice(1).map((f) => f.seg);
  }

  /** True while the line belongs to a block scalar (and is consumed by it). */
  inBlockScalar(text: string): boolean {
    if (this.blockCol < 0) return false;
    if (text.trim() === '') return true;
    if (text.length - text.trimStart().length > this.blockCol) return true;
    this.blockCol = -1;
    return false;
  }

  feed(text: string): void {
    if (this.inBlockScalar(text)) return;
    const t = text.trimStart();
    if (t === '' || t.startsWith('#') || t.startsWith('%')) return;
    if (/^(---|\.\.\.)(\s|$)/.test(t)) {
      this.stack.length = 1; // a new document
      return;
    }
    const { comps } = parseLine(text);
    for (const c of comps) this.push(c);
    const last = comps[comps.length - 1];
    if (last?.kind === 'key' && BLOCK_SCALAR_RE.test(last.value)) this.blockCol = last.col;
  }

  push(c: Comp): void {
    if (c.kind === 'key') {
      this.popFor(c.col);
      this.top.keys.add(c.name);
      this.onKey?.(this.top, c.name);
      this.stack.push({ col: c.col, kind: 'key', seg: c.name, keys: new Set() });
    } else {
      // An item closes deeper frames and its sibling item, not the key it is the value of (`key:\n- a`).
      while (this.top.kind !== 'root' && (this.top.col > c.col || (this.top.col === c.col && this.top.kind === 'item'))) this.stack.pop();
      this.stack.push({ col: c.col, kind: 'item', seg: ITEM, keys: new Set() });
    }
  }

  /** Close every frame a key at this column is not inside of. */
  popFor(col: number): void {
    while (this.top.kind !== 'root' && this.top.col >= col) this.stack.pop();
  }
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/**
 * The completion context at `pos`, or null where nothing is completed
 * (a comment, a block scalar, a quoted string, something unrecognised).
 */
export function yamlContext(text: string, pos: number): YamlContext | null {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  let lineEnd = text.indexOf('\n', pos);
  if (lineEnd < 0) lineEnd = text.length;
  const w = new Walker();
  for (const l of splitLines(text.slice(0, lineStart)).slice(0, -1)) w.feed(l);

  const prefixRaw = text.slice(lineStart, pos);
  const prefix = prefixRaw.replace(/\r$/, '');
  const rest = text.slice(pos, lineEnd).replace(/\r$/, '');
  if (w.inBlockScalar(prefix + rest) && (prefix + rest).trim() !== '') return null;
  if (w.blockCol >= 0 && prefix.length > w.blockCol) return null; // a blank line inside a block scalar
  w.blockCol = -1;
  if (/(^|\s)#/.test(prefix)) return null;

  const { comps, restCol } = parseLine(prefix);
  const last = comps[comps.length - 1];
  const wordAfter = /^[\w.-]*/.exec(rest)![0];

  if (last?.kind === 'key') {
    for (const c of comps.slice(0, -1)) w.push(c);
    w.popFor(last.col);
    const keyPath = [...w.path(), last.name];
    const value = last.value;
    const flowAt = value.search(/[[{]/);
    if (flowAt === 0) return flowContext(keyPath, value, pos - value.length, wordAfter);
    if (!WORD_RE.test(value)) return null;
    return { kind: 'value', path: keyPath, prefix: value, from: pos - value.length, to: pos + wordAfter.length };
  }

  for (const c of comps) w.push(c);
  const tail = prefix.slice(restCol);
  if (tail.startsWith('{') || tail.startsWith('[')) return flowContext(w.path(), tail, lineStart + restCol, wordAfter);
  if (!/^[\w.-]*$/.test(tail)) return null;
  w.popFor(restCol);
  const parent = w.top;
  const path = w.path();
  const siblings = new Set(parent.keys);
  // Keys below the cursor in the same mapping count too; a placeholder frame
  // for the key being typed takes the lines nested under it.
  w.stack.push({ col: restCol, kind: 'key', seg: tail, keys: new Set() });
  w.onKey = (p, name) => { if (p === parent) siblings.add(name); };
  const after = splitLines(text.slice(lineEnd + 1));
  if (lineEnd < text.length) {
    for (const l of after) {
      w.feed(l);
      if (!w.stack.includes(parent)) break;
    }
  }
  const hasColon = /^[\w.-]*\s*:/.test(rest);
  return {
    kind: 'key', path, prefix: tail, from: pos - tail.length, to: pos + wordAfter.length,
    column: restCol, hasColon, flow: false, siblings,
  };
}

/** Context inside a flow collection that starts `s` (at document offset `at`) and ends at the cursor. */
function flowContext(base: YamlPath, s: string, at: number, wordAfter: string): YamlContext | null {
  interface F { type: 'map' | 'seq'; path: string[]; key: string | null; tokenStart: number; keys: Set<string> }
  const stack: F[] = [];
  let cur: F | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"' || ch === "'") {
      const close = s.indexOf(ch, i + 1);
      if (close < 0) return null; // inside a quoted string
      i = close;
      continue;
    }
    if (ch === '{' || ch === '[') {
      let path: string[];
      if (!cur) path = [...base];
      else if (cur.type === 'seq') path = [...cur.path, ITEM];
      else if (cur.key !== null) path = [...cur.path, cur.key];
      else return null; // a collection as a key
      if (cur) stack.push(cur);
      cur = { type: ch === '{' ? 'map' : 'seq', path, key: null, tokenStart: i + 1, keys: new Set() };
    } else if (ch === '}' || ch === ']') {
      cur = stack.pop() ?? null;
      if (!cur) return null; // the flow collection closed before the cursor
    } else if (ch === ',' && cur) {
      cur.key = null;
      cur.tokenStart = i + 1;
    } else if (ch === ':' && cur?.type === 'map' && cur.key === null && (i + 1 === s.length || /\s/.test(s[i + 1]!))) {
      cur.key = unquote(s.slice(cur.tokenStart, i).trim());
      cur.keys.add(cur.key);
      cur.tokenStart = i + 1;
    }
  }
  if (!cur) return null;
  const token = s.slice(cur.tokenStart).trimStart();
  if (!WORD_RE.test(token)) return null;
  const from = at + s.length - token.length;
  const to = at + s.length + wordAfter.length;
  if (cur.type === 'map' && cur.key === null) {
    return { kind: 'key', path: cur.path, prefix: token, from, to, column: from - at, hasColon: false, flow: true, siblings: cur.keys };
  }
  return { kind: 'value', path: cur.type === 'map' ? [...cur.path, cur.key!] : [...cur.path, ITEM], prefix: token, from, to };
}

/** Service names and their endpoints as written in the file (block style), for `call:` targets. */
export function documentNames(text: string): { services: string[]; endpoints: Map<string, string[]> } {
  const w = new Walker();
  const services: string[] = [];
  const endpoints = new Map<string, string[]>();
  w.onKey = (parent, name) => {
    const p = w.path();
    if (p.length === 1 && p[0] === 'services' && parent.kind === 'key') {
      services.push(name);
      endpoints.set(name, []);
    } else if (p.length === 3 && p[0] === 'services' && p[2] === 'endpoints') {
      endpoints.get(p[1]!)?.push(name);
    }
  };
  for (const l of splitLines(text)) w.feed(l);
  return { services, endpoints };
}
