/**
 * A trace as waterfall rows: spans in tree order (children under their
 * parent, siblings by start), each with its depth and its bar as fractions of
 * the trace's time span (queueing and work apart). Pure.
 */
import type { Span, Trace } from '../metrics/traces';

export interface WaterfallRow {
  readonly span: Span;
  readonly depth: number;
  /** Bar start, queue end and bar end as fractions of [trace start, trace end]; `end` is 1 for an unfinished span. */
  readonly start: number;
  readonly queueEnd: number;
  readonly end: number;
}

export function waterfall(t: Trace): WaterfallRow[] {
  const t0 = t.startMs;
  const ends = t.spans.map((s) => s.endMs ?? t.endMs);
  const span = Math.max(1e-9, Math.max(t.endMs, ...ends) - t0);
  const frac = (ms: number) => Math.min(1, Math.max(0, (ms - t0) / span));
  const children = new Map<string | null, Span[]>();
  const ids = new Set(t.spans.map((s) => s.spanId));
  for (const s of t.spans) {
    // A parent that is not in the kept spans (a long retry storm is cut at 256): hang it at the root.
    const p = s.parentSpanId !== null && ids.has(s.parentSpanId) ? s.parentSpanId : null;
    const list = children.get(p);
    if (list) list.push(s);
    else children.set(p, [s]);
  }
  const rows: WaterfallRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).slice().sort((a, b) => a.startMs - b.startMs);
    for (const s of list) {
      const end = s.endMs ?? t.endMs;
      rows.push({ span: s, depth, start: frac(s.startMs), queueEnd: frac(s.startMs + s.queueMs), end: s.endMs === null ? 1 : frac(end) });
      visit(s.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}
