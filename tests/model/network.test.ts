/**
 * The network between services (docs/scenario-format.md, "The network"): each
 * call crosses one hop each way, the caller encodes the request and decodes
 * the answer, the callee decodes and encodes on its worker. With constant
 * CPU, ample workers and evenly spaced arrivals nothing queues, so every
 * latency is exact arithmetic on the documented defaults.
 */
import { describe, expect, it } from 'vitest';
import { runYaml } from '../helpers/world';

/** front.go = 1 ms CPU, then a call to back.work = 2 ms CPU. */
const chain = (top = '', back = '', call = '', timeline = '', backWorkers = 100) => `
version: 1
name: net
duration: 60s
${top}
services:
  front:
    workers: 100
    endpoints:
      go:
        - cpu: 1ms
        - call: back.work
          ${call}
  back:
    workers: ${backWorkers}
    ${back}
    endpoints:
      work: [ { cpu: 2ms } ]
workload:
  - { name: w, route: front.go, rate: 100/s, arrivals: uniform }
${timeline}
`;

const latency = (r: ReturnType<typeof runYaml>) => r.routes['front.go'].latencyMs;

describe('NET the network a call crosses', () => {
  it('NET-1 no network named: the call costs nothing on the wire (1 + 2 = 3 ms)', () => {
    const l = latency(runYaml(chain()));
    expect([l.p50, l.max]).toEqual([3, 3]);
  });

  it('NET-2 REST defaults: 2 hops of 0.15 ms and 4 serialisations of 0.05 ms: 3 + 0.3 + 0.2 = 3.5 ms', () => {
    const r = runYaml(chain('network: { protocol: rest }'));
    expect([latency(r).p50, latency(r).max]).toEqual([3.5, 3.5]);
    // The caller sees the call take all of it but front's own CPU.
    expect(r.edges['front → back'].latencyMs.max).toBe(2.5);
  });

  it('NET-3 gRPC defaults: 2 hops of 0.1 ms and 4 serialisations of 0.01 ms: 3 + 0.2 + 0.04 = 3.24 ms', () => {
    const l = latency(runYaml(chain('network: { protocol: grpc }')));
    expect([l.p50, l.max]).toEqual([3.24, 3.24]);
  });

  it('NET-4 a call-level latency (another region) overrides the callee\'s and the top level\'s: 3 + 2×30 + 4×0.01 ms', () => {
    const l = latency(runYaml(chain('network: { latency: 2ms }', 'network: { protocol: grpc }', 'network: { latency: 30ms }')));
    expect(l.max).toBeCloseTo(63.04, 9);
  });

  it('NET-5 the callee decodes and encodes on its worker: utilisation = λ·(S + 2·serialize) / workers', () => {
    // 100/s × (2 ms + 2 × 0.5 ms) on one worker = 0.3; the 10 ms of wire time each way costs the callee nothing.
    const r = runYaml(chain('', 'network: { serialize: 0.5ms, latency: 10ms }', '', '', 1));
    expect(r.services.back.utilization).toBeCloseTo(0.3, 2);
    expect(latency(r).max).toBeCloseTo(1 + 0.5 + 10 + 1 + 2 + 10 + 0.5, 9);
  });

  it('NET-6 a CPU slow-down stretches the callee\'s serialisation, not the wire', () => {
    // 1 + (0.05 + 0.15) + 3 × (2 × 0.05 + 2) + (0.15 + 0.05) = 7.7 ms.
    const l = latency(runYaml(chain('network: {}', '', '', 'timeline: [ { at: 0s, slow: back, factor: 3 } ]')));
    expect(l.max).toBeCloseTo(7.7, 9);
  });

  it('NET-7 a call timeout counts the wire: 1 ms each way + 2 ms of work times out at 3.5 ms, not at 4.5 ms', () => {
    const slowWire = 'network: { latency: 1ms, serialize: 0 }';
    const tight = runYaml(chain(slowWire, '', 'timeout: 3.5ms'));
    expect(tight.edges['front → back'].timeouts).toBe(tight.edges['front → back'].calls);
    const enough = runYaml(chain(slowWire, '', 'timeout: 4.5ms'));
    expect(enough.edges['front → back'].timeouts).toBe(0);
    expect(latency(enough).max).toBeCloseTo(5, 9);
  });

  it('NET-8 a latency distribution is sampled per hop: the mean round trip is 2 × its mean', () => {
    const r = runYaml(chain('network: { latency: exp(5ms), serialize: 0 }'));
    const n = r.routes['front.go'].ok;
    // Mean of (3 + sum of two exp(5)): 13 ms, SD of the mean = sqrt(2)·5/sqrt(n).
    expect(Math.abs(latency(r).mean - 13)).toBeLessThan(4 * Math.SQRT2 * 5 / Math.sqrt(n));
  });
});
