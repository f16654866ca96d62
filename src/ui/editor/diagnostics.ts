/**
 * Scenario errors → CodeMirror lint diagnostics (underlined token, message,
 * the field path as the source, a one-click fix for a misspelt key), and the
 * words of the editor's error count. Pure: no view, no worker.
 */
import type { Diagnostic } from '@codemirror/lint';
import type { ScenarioError } from '../../scenario/errors';
import { errorRange, type Lines } from './positions';

/** `did you mean "workers"?` → `workers` (the scenario layer's wording, suggest.ts). */
export function suggestionOf(message: string): string | null {
  const m = /did you mean "([^"\n]+)"\?/.exec(message);
  return m ? m[1]! : null;
}

/** The last segment of a field path: `services.web.wrokers` → `wrokers`, `a.b[2]` → null (an index). */
export function lastKeyOf(path: string): string | null {
  const m = /(?:^|\.)([^.[\]]+)$/.exec(path);
  return m ? m[1]! : null;
}

/** The whole count, including the "…and N more errors" line the scenario layer caps with. */
export function errorCount(errors: readonly ScenarioError[]): number {
  let n = 0;
  for (const e of errors) {
    const more = /^…and (\d+) more error/.exec(e.message);
    n += more ? Number(more[1]) : 1;
  }
  return n;
}

export function countText(errors: readonly ScenarioError[]): string {
  const n = errorCount(errors);
  return n === 0 ? 'valid' : `${n} ${n === 1 ? 'error' : 'errors'}`;
}

export function toDiagnostics(doc: Lines, errors: readonly ScenarioError[]): Diagnostic[] {
  return errors.map((e) => {
    const { from, to } = errorRange(doc, e.line, e.column);
    const d: Diagnostic = { from, to, severity: 'error', message: e.message, ...(e.path ? { source: e.path } : {}) };
    // A quick fix only where it is certain: the underlined token is the misspelt key itself.
    const fix = suggestionOf(e.message);
    const key = lastKeyOf(e.path);
    if (fix && key && to > from && unquote(sliceOf(doc, from, to)) === key) {
      return { ...d, actions: [{ name: `Use "${fix}"`, apply: (view, f, t) => view.dispatch({ changes: { from: f, to: t, insert: fix } }) }] };
    }
    return d;
  });
}

function sliceOf(doc: Lines, from: number, to: number): string {
  const l = lineAtOffset(doc, from);
  return l.text.slice(from - l.from, to - l.from);
}

function lineAtOffset(doc: Lines, pos: number) {
  // Binary search: Lines has no lineAt in its minimal shape.
  let lo = 1, hi = doc.lines;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.line(mid).from <= pos) lo = mid; else hi = mid - 1;
  }
  return doc.line(lo);
}

function unquote(s: string): string {
  const m = /^(["'])(.*)\1$/.exec(s);
  return m ? m[2]! : s;
}
