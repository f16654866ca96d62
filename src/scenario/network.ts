/**
 * `network:` (top level, on a service, on a call) → the Network of each call.
 * The most specific level wins, key by key: call, then the callee service
 * (where it runs, what its server speaks), then the top level. A call none of
 * whose levels says `network` crosses an ideal network (no delay, no
 * serialisation), so scenarios that do not teach the network keep their
 * queueing-theory numbers; naming one brings in the defaults below. Pure.
 */
import type { Dist, Network, NetworkSpec } from './types';
import type { Path } from './issues';
import { Collector, has, includes, isObj, read } from './collect';
import { keysOf, scenarioSchema } from './schema';
import { parseDistribution } from './values';

const ms = (value: number): Dist => Object.freeze({ kind: 'const', value });

/**
 * Per protocol: one-way latency per hop within a zone, and the CPU to encode
 * or decode one message (paid by each side, so four times per call).
 * semantics.md is silent; the reasoning is in docs/scenario-format.md
 * ("The network"): an in-zone round trip of about 0.2 ms, HTTP/1.1 text
 * headers and ~3× bigger JSON bodies on the wire for REST, and Protobuf
 * (de)serialisation about 5× cheaper than JSON.
 */
export const PROTOCOL_DEFAULTS: Readonly<Record<Network['protocol'], { readonly latency: Dist; readonly serialize: Dist }>> = Object.freeze({
  rest: Object.freeze({ latency: ms(0.15), serialize: ms(0.05) }),
  grpc: Object.freeze({ latency: ms(0.1), serialize: ms(0.01) }),
});

/** scenario-format.md extension: REST unless a level says grpc. */
export const DEFAULT_PROTOCOL: Network['protocol'] = 'rest';

const NETWORK_KEYS = keysOf((scenarioSchema as { definitions: Record<string, unknown> }).definitions.network);

/** One level's `network:` mapping as written (keys left out stay undefined); undefined when wrong. */
export function readNetworkSpec(c: Collector, path: Path, raw: unknown): NetworkSpec | undefined {
  if (!isObj(raw)) {
    c.skip(); // the schema reports the type
    return undefined;
  }
  let ok = true;
  if (Object.keys(raw).some((k) => !includes(NETWORK_KEYS, k))) {
    c.skip(); // an unknown key: the schema reports it with did-you-mean
    ok = false;
  }
  let protocol: Network['protocol'] | undefined;
  if (has(raw, 'protocol')) {
    if (raw.protocol === 'rest' || raw.protocol === 'grpc') protocol = raw.protocol;
    else {
      c.skip(); // the schema's enum reports it
      ok = false;
    }
  }
  const dist = (key: 'latency' | 'serialize'): Dist | undefined => {
    if (!has(raw, key)) return undefined;
    const d = read(c, [...path, key], raw[key], parseDistribution);
    if (d === undefined) ok = false;
    return d;
  };
  const latency = dist('latency');
  const serialize = dist('serialize');
  return ok ? { protocol, latency, serialize } : undefined;
}

/** The network one call crosses; null = ideal (no level names a network). */
export function resolveNetwork(levels: readonly (NetworkSpec | null)[]): Network | null {
  const given = levels.filter((l): l is NetworkSpec => l !== null);
  if (given.length === 0) return null;
  const first = <K extends keyof NetworkSpec>(k: K): NetworkSpec[K] => given.find((l) => l[k] !== undefined)?.[k];
  const protocol = first('protocol') ?? DEFAULT_PROTOCOL;
  const d = PROTOCOL_DEFAULTS[protocol];
  return Object.freeze({ protocol, latency: first('latency') ?? d.latency, serialize: first('serialize') ?? d.serialize });
}

/** What a call needs to resolve its network: the top level's spec and each service's. */
export interface NetworkLevels {
  readonly top: NetworkSpec | null;
  readonly services: ReadonlyMap<string, NetworkSpec | null>;
}
