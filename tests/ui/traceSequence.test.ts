// @vitest-environment happy-dom
/** A trace as a Mermaid sequence diagram: participants, calls and answers in time order, hostile names escaped, valid for Mermaid. */
import { describe, expect, it } from 'vitest';
import { traceSequence } from '../../src/ui/traceSequence';
import type { Span, Trace } from '../../src/metrics/traces';

const parse = async (text: string) => (await import('mermaid')).default.parse(text);

const span = (id: string, parent: string | null, service: string, start: number, end: number | null, status: Span['status'], attempt = 1): Span => ({
  spanId: id, parentSpanId: parent, service, endpoint: 'e', instance: 1, attempt, startMs: start, queueMs: 0, endMs: end, status, abandoned: false, degraded: false,
});

describe('traceSequence', () => {
  it('calls and answers in time order; a failed answer is a cross; a retry says its try', async () => {
    const t: Trace = {
      traceId: 'x', route: 'front.e', workload: 'users', startMs: 0, endMs: 50, status: 'ok', degraded: false, keptBecause: 'slow',
      spans: [span('a', null, 'front', 0, 50, 'ok'), span('b', 'a', 'back', 5, 15, 'error'), span('c', 'a', 'back', 20, 40, 'ok', 2)],
    };
    const text = traceSequence(t);
    expect(text.split('\n')).toEqual([
      'sequenceDiagram',
      '  participant p0 as client users',
      '  participant p1 as front',
      '  participant p2 as back',
      '  p0->>p1: e #35;1',
      '  p1->>p2: e #35;1',
      '  p2--xp1: error · 10.0 ms',
      '  p1->>p2: e #35;1, try 2', // # as an entity code: safe in any label
      '  p2-->>p1: ok · 20.0 ms',
      '  p1-->>p0: ok · 50.0 ms',
    ]);
    await expect(parse(text)).resolves.toBeTruthy();
  });

  it('a hostile service name stays text', async () => {
    const t: Trace = {
      traceId: 'x', route: 'r', workload: 'w;"<b>', startMs: 0, endMs: 1, status: 'error', degraded: false, keptBecause: 'failed',
      spans: [span('a', null, 'x"; participant evil', 0, null, 'unfinished')],
    };
    const text = traceSequence(t);
    expect(text).not.toContain('"');
    expect(text).not.toContain('<b>');
    await expect(parse(text)).resolves.toBeTruthy();
  });
});
