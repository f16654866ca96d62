import { describe, expect, it } from 'vitest';
import { worldFrom } from '../helpers/world';

const yaml = `
version: 1
name: traces
seed: 6
duration: 120s
services:
  front:
    workers: 50
    endpoints:
      go:
        - call: back.work
          timeout: 20ms
          retry: { max: 2, backoff: 5ms }
  back:
    workers: 50
    endpoints:
      work: [ { cpu: exp(20ms) } ]
workload:
  - { name: w, route: front.go, rate: 100/s }
`;

describe('traces', () => {
  it('TRC-1 failed requests are kept with a span per hop, attempts numbered, parents linked', () => {
    const w = worldFrom(yaml);
    w.run();
    const traces = w.traces();
    const failed = traces.filter((t) => t.keptBecause === 'failed');
    expect(failed.length).toBeGreaterThan(20);
    const t = failed[0];
    expect(t.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(t.status).toBe('error');
    const root = t.spans.filter((s) => s.parentSpanId === null);
    expect(root).toHaveLength(1);
    expect(root[0]).toMatchObject({ service: 'front', endpoint: 'go', attempt: 0, status: 'error' });
    const tries = t.spans.filter((s) => s.service === 'back');
    // Three attempts (1 + 2 retries), each timed out and abandoned by the caller.
    expect(tries.map((s) => s.attempt)).toEqual([1, 2, 3]);
    for (const s of tries) {
      expect(s.parentSpanId).toBe(root[0].spanId);
      expect(s.abandoned).toBe(true);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(t.endMs - t.startMs).toBeGreaterThanOrEqual(60);
  });

  it('TRC-2 the sample is bounded, keeps slow and some ordinary requests, and is the same for the same seed', () => {
    const a = worldFrom(yaml.replace('duration: 120s', 'duration: 600s'));
    a.run();
    const kept = a.traces();
    expect(kept.length).toBeLessThanOrEqual(400);
    expect(kept.some((t) => t.keptBecause === 'slow')).toBe(true);
    expect(kept.some((t) => t.keptBecause === 'sampled')).toBe(true);
    const b = worldFrom(yaml.replace('duration: 120s', 'duration: 600s'));
    b.run();
    expect(b.traces().map((t) => t.traceId)).toEqual(kept.map((t) => t.traceId));
  });
});
