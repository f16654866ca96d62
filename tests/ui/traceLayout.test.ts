/** Waterfall rows of a trace: tree order, depths, bars as fractions of the trace. */
import { describe, expect, it } from 'vitest';
import { waterfall } from '../../src/ui/traceLayout';
import type { Span, Trace } from '../../src/metrics/traces';

const span = (id: string, parent: string | null, start: number, end: number | null, queue = 0): Span => ({
  spanId: id, parentSpanId: parent, service: id, endpoint: 'e', instance: 1, attempt: 1, startMs: start, queueMs: queue, endMs: end,
  status: end === null ? 'unfinished' : 'ok', abandoned: false, degraded: false,
});

describe('waterfall', () => {
  it('orders children under their parent by start, with depth and fractions of the trace', () => {
    const t: Trace = {
      traceId: 't', route: 'r', workload: 'w', startMs: 100, endMs: 200, status: 'ok', degraded: false, keptBecause: 'sampled',
      spans: [span('root', null, 100, 200, 10), span('b', 'root', 150, 190), span('a', 'root', 120, 140), span('a1', 'a', 125, null)],
    };
    const rows = waterfall(t);
    expect(rows.map((r) => `${r.span.spanId}@${r.depth}`)).toEqual(['root@0', 'a@1', 'a1@2', 'b@1']);
    expect(rows[0]).toMatchObject({ start: 0, queueEnd: 0.1, end: 1 });
    expect(rows[1]).toMatchObject({ start: 0.2, end: 0.4 });
    // Unfinished: the bar runs to the end.
    expect(rows[2]!.end).toBe(1);
  });

  it('a span whose parent was cut from the trace hangs at the root', () => {
    const t: Trace = {
      traceId: 't', route: 'r', workload: 'w', startMs: 0, endMs: 10, status: 'error', degraded: false, keptBecause: 'failed',
      spans: [span('x', 'missing', 0, 10)],
    };
    expect(waterfall(t).map((r) => r.depth)).toEqual([0]);
  });
});
