/**
 * Text → plain data with positions. Uses `yaml` (JSON is YAML) with a line
 * counter, then walks the node tree itself for duplicate keys, non-scalar keys,
 * nesting depth and unresolved aliases before converting to plain JS with
 * yaml's maxAliasCount guard. A cheap pre-scan rejects pathological nesting
 * before the YAML parser sees it (deep `[[[[` or `- - - -` is slow or worse).
 */
import {
  Document,
  LineCounter,
  Pair,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Alias,
  type Node as YamlNode,
} from 'yaml';
import { LIMITS } from './limits';
import type { Anchor, Issue, Path, Segment } from './issues';

export interface ParsedText {
  /** Plain data (objects, arrays, scalars); undefined when parsing failed. */
  readonly data: unknown;
  readonly issues: readonly Issue[];
  /** Resolves a path to a 1-based line and column. */
  readonly locate: (path: Path, at: Anchor) => { readonly line: number; readonly column: number };
}

type Doc = Document.Parsed;

const FRIENDLY: Readonly<Record<string, string>> = {
  MULTIPLE_DOCS: 'a scenario file holds one YAML document; remove the second "---" and what follows, or split the file',
  DUPLICATE_KEY: 'duplicate key; each key may appear once in a mapping',
  TAB_AS_INDENT: 'tabs are not allowed for indentation in YAML; indent with spaces',
  RESOURCE_EXHAUSTION: `nesting is too deep; scenario files need at most a few levels (limit ${LIMITS.maxDepth})`,
};

/** 1-based line/column of an offset. */
function lineCol(lc: LineCounter, offset: number): { line: number; column: number } {
  const p = lc.linePos(Math.max(0, offset));
  return { line: p.line, column: p.col };
}

/**
 * Rejects nesting deeper than LIMITS.maxDepth before parsing: flow brackets
 * (counted everywhere, so unbalanced brackets in prose count too: it takes 64
 * of them to matter) and compact block indicators like `- - - x` on one line.
 */
function prescan(text: string): { offset: number; message: string } | undefined {
  let depth = 0;
  let lineStart = true;
  let indicators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > LIMITS.maxDepth) {
        return { offset: i, message: `brackets nested more than ${LIMITS.maxDepth} deep; scenario files need at most a few levels` };
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    }
    if (c === 0x0a /* \n */) {
      lineStart = true;
      indicators = 0;
    } else if (lineStart) {
      if (c === 0x20 || c === 0x09) continue;
      const next = text.charCodeAt(i + 1);
      if ((c === 0x2d /* - */ || c === 0x3f /* ? */ || c === 0x3a /* : */) && (next === 0x20 || next === 0x09)) {
        indicators++;
        if (indicators > LIMITS.maxDepth) {
          return { offset: i, message: `more than ${LIMITS.maxDepth} nested "- " or "? " on one line; scenario files need at most a few levels` };
        }
        i++; // skip the space after the indicator
      } else {
        lineStart = false;
      }
    }
  }
  return undefined;
}

/** The string a scalar key becomes in a JS object (yaml's own rule). */
function keyString(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return undefined;
  return String(v);
}

interface WalkState {
  readonly issues: Issue[];
  readonly lc: LineCounter;
  readonly anchors: Set<string>;
  tooDeep: boolean;
}

/** Document-order walk: duplicate and non-scalar keys, depth, aliases to unknown anchors. */
function walk(node: unknown, path: Segment[], depth: number, st: WalkState): void {
  if (node === null || node === undefined) return;
  if (isAlias(node)) {
    const a = node as Alias;
    if (!st.anchors.has(a.source)) {
      const at = lineCol(st.lc, a.range?.[0] ?? 0);
      st.issues.push({
        path: [...path], at: 'value', ...at,
        message: `unknown alias "*${a.source}"; an alias must refer to an anchor (&${a.source}) defined earlier in the file (and not inside itself)`,
      });
    }
    return;
  }
  if (depth > LIMITS.maxDepth) {
    if (!st.tooDeep) {
      st.tooDeep = true;
      const range = (node as YamlNode).range;
      st.issues.push({ path: [...path], at: 'value', ...lineCol(st.lc, range?.[0] ?? 0), message: FRIENDLY.RESOURCE_EXHAUSTION! });
    }
    return;
  }
  if (isMap(node)) {
    const seen = new Map<string, Pair>();
    for (const pair of node.items) {
      const key = keyString(pair.key);
      if (key === undefined) {
        const range = (pair.key as YamlNode | null)?.range;
        st.issues.push({
          path: [...path], at: 'value', ...lineCol(st.lc, range?.[0] ?? node.range?.[0] ?? 0),
          message: 'a key must be a plain name, not a list, mapping or alias; write name: value',
        });
        continue;
      }
      const first = seen.get(key);
      if (first) {
        const firstAt = lineCol(st.lc, (first.key as YamlNode).range?.[0] ?? 0);
        st.issues.push({
          path: [...path, key], at: 'key', ...lineCol(st.lc, (pair.key as YamlNode).range?.[0] ?? 0),
          message: `duplicate key "${key}" (first at line ${firstAt.line}); each key may appear once, remove or rename one`,
        });
      } else {
        seen.set(key, pair);
      }
      walk(pair.value, [...path, key], depth + 1, st);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, [...path, i], depth + 1, st));
  }
  // Anchors count once the node is complete: an alias inside its own anchor is refused.
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor) st.anchors.add(anchor);
}

/** Finds the node for a path; aliases are followed to their anchor. */
function locator(doc: Doc, lc: LineCounter): ParsedText['locate'] {
  const deref = (n: unknown): unknown => {
    for (let hops = 0; hops < 8 && isAlias(n); hops++) n = (n as Alias).resolve(doc);
    return n;
  };
  const start = (n: unknown): number | undefined => (n as YamlNode | null | undefined)?.range?.[0];
  return (path, at) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    let parentNode: unknown;
    let found = 0;
    for (const seg of path) {
      const container = deref(node);
      let next: unknown;
      let nextKey: unknown;
      let hit = false;
      if (isMap(container)) {
        for (const pair of container.items) {
          if (isPair(pair) && keyString(pair.key) === String(seg)) {
            next = pair.value;
            nextKey = pair.key;
            hit = true; // keep looking: with duplicates, the last one wins (as in the data)
          }
        }
      } else if (isSeq(container) && typeof seg === 'number' && seg >= 0 && seg < container.items.length) {
        next = container.items[seg];
        hit = true;
      }
      if (!hit) break;
      parentNode = container;
      node = next;
      keyNode = nextKey;
      found++;
    }
    let offset: number | undefined;
    if (found < path.length) {
      // Not in the tree (a missing key): point at the deepest node that exists.
      offset = at === 'parent' && found === path.length - 1 ? start(deref(node)) ?? start(node) : start(node) ?? start(keyNode);
    } else if (at === 'key') {
      offset = start(keyNode) ?? start(node);
    } else if (at === 'parent') {
      offset = start(parentNode) ?? start(keyNode);
    } else {
      const v = start(node);
      offset = v !== undefined && !(isScalar(node) && node.value === null && keyNode) ? v : start(keyNode) ?? v;
    }
    if (offset === undefined) offset = start(doc.contents) ?? 0;
    return lineCol(lc, offset);
  };
}

/** Parses YAML or JSON text. Never throws for any input string. */
export function parseText(text: string): ParsedText {
  const lc = new LineCounter();
  const fallback: ParsedText['locate'] = () => ({ line: 1, column: 1 });
  const pre = prescan(text);
  if (pre) {
    // Line/column from a plain scan: the parser has not run.
    let line = 1;
    let lastNl = -1;
    for (let i = 0; i < pre.offset; i++) if (text.charCodeAt(i) === 0x0a) { line++; lastNl = i; }
    return { data: undefined, issues: [{ path: [], at: 'value', line, column: pre.offset - lastNl, message: pre.message }], locate: fallback };
  }

  const doc = parseDocument(text, {
    lineCounter: lc,
    prettyErrors: false,
    uniqueKeys: false, // duplicates are found by walk(), with their path
    strict: true,
    version: '1.2',
    schema: 'core',
    resolveKnownTags: false, // !!binary, !!set, !!timestamp… are refused, not silently converted
  });
  const locate = locator(doc, lc);
  const issues: Issue[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const first = (e.message.split('\n')[0] ?? e.message).replace(/tag:yaml\.org,2002:/g, '!!').replace(/ at line \d+, column \d+:?$/, '');
    const message = FRIENDLY[e.code] ?? (e.code === 'TAG_RESOLVE_FAILED'
      ? `${first}; scenario files use no YAML tags (remove the "!…")`
      : `YAML: ${first}`);
    issues.push({ path: [], at: 'value', message, ...lineCol(lc, e.pos[0]) });
  }
  if (issues.length > 0) return { data: undefined, issues, locate };

  const st: WalkState = { issues, lc, anchors: new Set(), tooDeep: false };
  walk(doc.contents, [], 0, st);
  if (issues.length > 0) return { data: undefined, issues, locate };

  try {
    const data: unknown = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
    return { data, issues, locate };
  } catch (e) {
    const firstAlias = findFirstAlias(doc.contents);
    const where = lineCol(lc, firstAlias ?? start0(doc));
    const excessive = e instanceof Error && /alias count/i.test(e.message);
    return {
      data: undefined,
      issues: [{
        path: [], at: 'value', ...where,
        message: excessive
          ? `YAML aliases expand too much (more than ${LIMITS.maxAliasCount} expansions: an alias bomb?); use fewer aliases`
          : `YAML: ${e instanceof Error ? e.message : 'could not read the document'}`,
      }],
      locate,
    };
  }
}

function start0(doc: Doc): number {
  return (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
}

/** Offset of the first alias in document order (iterative; depth already checked). */
function findFirstAlias(root: unknown): number | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) return (n as Alias).range?.[0];
    if (isMap(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) {
        const p = n.items[i]!;
        stack.push(p.value, p.key);
      }
    } else if (isSeq(n)) {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    }
  }
  return undefined;
}
