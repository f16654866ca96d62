/**
 * `network:` at the top level, on a service and on a call: which level wins
 * (the call, then the callee, then the top level, key by key), the protocol
 * defaults (docs/scenario-format.md, "The network"), an ideal network when no
 * level names one, and positioned errors.
 */
import { describe, expect, test } from 'vitest';
import type { Network, Step } from '../../src/scenario';
import { errors, ok, y } from './helpers';

/** front.go calls back.work (and other.work); `top`, `back` and `call` are inserted as written. */
function file(top: string, back: string, call: string): string {
  return y`
    version: 1
    name: N
    duration: 1m
    ${top}
    services:
      front:
        endpoints:
          go:
            - call: back.work
              ${call}
            - call: other.work
      back:
        ${back}
        endpoints:
          work: [ { cpu: 1ms } ]
      other:
        endpoints:
          work: [ { cpu: 1ms } ]
    workload: [ { route: front.go, rate: 1 } ]
  `;
}

function networks(text: string): (Network | null)[] {
  return ok(text).services[0]!.endpoints[0]!.steps.map((s: Step) => (s.kind === 'call' ? s.options.network : null));
}

const ms = (value: number) => ({ kind: 'const', value });

describe('NET-0 which network a call crosses', () => {
  test('NET-0 no level names a network: an ideal one (null: no delay, no serialisation), so theory scenarios keep their numbers', () => {
    expect(networks(file('', '', ''))).toEqual([null, null]);
  });

  test('NET-0 network: {} at the top level = REST within a zone: 0.15 ms per hop, 0.05 ms per message per side', () => {
    const rest = { protocol: 'rest', latency: ms(0.15), serialize: ms(0.05) };
    expect(networks(file('network: {}', '', ''))).toEqual([rest, rest]);
  });

  test('NET-0 protocol: grpc brings gRPC defaults: 0.1 ms per hop, 0.01 ms per message per side', () => {
    expect(networks(file('network: { protocol: grpc }', '', ''))[0]).toEqual({ protocol: 'grpc', latency: ms(0.1), serialize: ms(0.01) });
  });

  test('NET-0 a service\'s network applies to calls to it only; the others stay ideal without a top level', () => {
    const [toBack, toOther] = networks(file('', 'network: { protocol: grpc }', ''));
    expect(toBack).toEqual({ protocol: 'grpc', latency: ms(0.1), serialize: ms(0.01) });
    expect(toOther).toBeNull();
  });

  test('NET-0 key by key, the call wins over the callee, which wins over the top level; what no level says is the protocol\'s default', () => {
    const [toBack, toOther] = networks(file(
      'network: { protocol: rest, latency: 2ms }',
      'network: { protocol: grpc, serialize: "exp(0.2ms)" }',
      'network: { latency: 30ms }',
    ));
    expect(toBack).toEqual({ protocol: 'grpc', latency: ms(30), serialize: { kind: 'exp', mean: 0.2 } });
    expect(toOther).toEqual({ protocol: 'rest', latency: ms(2), serialize: ms(0.05) });
  });

  test('NET-0 latency and serialize take distributions', () => {
    const [n] = networks(file('network: { latency: "lognormal(0.2ms, 0.5)", serialize: 0 }', '', ''));
    expect(n).toEqual({ protocol: 'rest', latency: { kind: 'lognormal', median: 0.2, sigma: 0.5 }, serialize: ms(0) });
  });
});

describe('NET-E bad network settings are positioned errors', () => {
  test('NET-E an unknown protocol lists the valid ones; a misspelt key gets did-you-mean; a negative duration is refused', () => {
    const e = errors(file('network: { protocol: soap, latncy: 1ms }', 'network: { serialize: -1ms }', ''));
    expect(e).toContain('s.yaml:4:22: network.protocol: unknown value "soap"; valid values: rest, grpc');
    expect(e.some((m) => m.startsWith('s.yaml:4:28: network.latncy: unknown key "latncy"; did you mean "latency"?'))).toBe(true);
    expect(e).toContain('s.yaml:13:27: services.back.network.serialize: a duration must be ≥ 0; got -1ms');
  });

  test('NET-E a call\'s network must be a mapping', () => {
    const e = errors(file('', '', 'network: grpc'));
    expect(e).toEqual(['s.yaml:10:20: services.front.endpoints.go[0].network: expected a mapping; got "grpc"']);
  });

  test('NET-E network is a call option: on a cpu step it is refused where it stands', () => {
    const text = file('', '', '').replace('work: [ { cpu: 1ms } ]', 'work: [ { cpu: 1ms, network: {} } ]');
    expect(errors(text)[0]).toMatch(/services\.back\.endpoints\.work\[0\]\.network: "network" is a call option; it goes with a call step/);
  });
});
