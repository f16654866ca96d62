/**
 * scenarios/network/rest-vs-grpc.yaml: the same chatty page over REST and
 * over gRPC in one run. At its light load nothing queues, so the difference of
 * the two routes' means is the wire alone: six calls × (0.5 − 0.24) ms =
 * 1.56 ms with the documented defaults, each route's mean is its theory
 * (1 ms + 6 × 1 ms of CPU + 6 × the protocol's round trip), and every
 * `expect:` holds as shipped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../helpers/load';
import { World } from '../../src/model/world';
import { PROTOCOL_DEFAULTS } from '../../src/scenario';
import type { Report } from '../../src/metrics/report';

/** A call's wire cost: two hops and four (de)serialisations. */
const roundTrip = (p: 'rest' | 'grpc') => {
  const d = PROTOCOL_DEFAULTS[p];
  if (d.latency.kind !== 'const' || d.serialize.kind !== 'const') throw new Error('constant defaults expected');
  return 2 * d.latency.value + 4 * d.serialize.value;
};

describe('rest-vs-grpc.yaml', () => {
  let r: Report;
  beforeAll(() => {
    const w = new World(loadScenarioFile('network/rest-vs-grpc.yaml'));
    w.run();
    r = w.report();
  });

  it('the documented round trips: REST 0.5 ms, gRPC 0.24 ms per call', () => {
    expect(roundTrip('rest')).toBeCloseTo(0.5, 12);
    expect(roundTrip('grpc')).toBeCloseTo(0.24, 12);
  });

  it('each route\'s mean is 7 ms of CPU plus six round trips (within 1 %)', () => {
    const rest = r.routes['bff.pageRest'].latencyMs.mean, grpc = r.routes['bff.pageGrpc'].latencyMs.mean;
    expect(Math.abs(rest - (7 + 6 * roundTrip('rest'))) / rest).toBeLessThan(0.01);
    expect(Math.abs(grpc - (7 + 6 * roundTrip('grpc'))) / grpc).toBeLessThan(0.01);
  });

  it('REST costs the page 6 × 0.26 = 1.56 ms more than gRPC (± 0.1 ms)', () => {
    const diff = r.routes['bff.pageRest'].latencyMs.mean - r.routes['bff.pageGrpc'].latencyMs.mean;
    expect(Math.abs(diff - 6 * (roundTrip('rest') - roundTrip('grpc')))).toBeLessThan(0.1);
  });

  it('every expectation holds as shipped', () => {
    expect(r.expectations.length).toBeGreaterThan(0);
    expect(r.expectations.filter((e) => !e.passed)).toEqual([]);
  });
});
