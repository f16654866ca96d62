/**
 * The normalised Scenario: plain, fully specified, frozen data handed to the
 * model. Every default is filled here (source: semantics.md / scenario-format.md),
 * so model code never checks for missing options. All durations are in
 * milliseconds of simulated time, all rates per second.
 */

/** A sampled duration (ms). Parameters are already in ms. */
export type Dist =
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'exp'; readonly mean: number }
  | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'erlang'; readonly k: number; readonly mean: number }
  | { readonly kind: 'pareto'; readonly scale: number; readonly shape: number }
  | { readonly kind: 'bimodal'; readonly fast: number; readonly slow: number; readonly slowFraction: number };

/** Key popularity for caches (not used by the model yet). */
export type Keys =
  | { readonly kind: 'zipf'; readonly n: number; readonly s: number }
  | { readonly kind: 'uniform'; readonly n: number };

/** Retry with back-off (semantics.md: AWS "Exponential Backoff and Jitter"). */
export interface RetryPolicy {
  /** Retries after the first attempt (attempts = max + 1). */
  readonly max: number;
  /** First back-off, ms (default 500 ms: Resilience4j waitDuration). */
  readonly backoffMs: number;
  /** The n-th retry waits backoff × multiplier^(n−1), capped (default 1: Resilience4j's fixed wait). */
  readonly multiplier: number;
  /** Back-off cap, ms (default 10 s). */
  readonly capMs: number;
  /** none | full = U(0, b) | equal = b/2 + U(0, b/2) | decorrelated = min(cap, U(base, prev × 3)) (default none). */
  readonly jitter: 'none' | 'full' | 'equal' | 'decorrelated';
}

/** Resilience4j CircuitBreaker settings; `breaker: true` gives its defaults (semantics.md). */
export interface BreakerPolicy {
  /** count: the last `windowSize` calls; time: the calls of the last `windowSize` ms. */
  readonly windowType: 'count' | 'time';
  /** Calls (count) or ms (time; aggregated in 1-second buckets as Resilience4j does); default 100 calls. */
  readonly windowSize: number;
  /** Calls recorded before the rates are judged (default 100); already capped by a count window's size. */
  readonly minCalls: number;
  /** Failure rate at or above which the breaker opens (default 50 %). */
  readonly failureRate: number;
  /** A call slower than this counts as slow, ms (default 60 s). */
  readonly slowCallMs: number;
  /** Slow-call rate at or above which the breaker opens (default 100 %). */
  readonly slowRate: number;
  /** Wait in OPEN before HALF_OPEN, ms (default 60 s). */
  readonly openMs: number;
  /** Calls permitted in HALF_OPEN (default 10). */
  readonly halfOpenCalls: number;
}

/** One level's `network:` as written: what it leaves out comes from a less specific level or the protocol. */
export interface NetworkSpec {
  readonly protocol: 'rest' | 'grpc' | undefined;
  readonly latency: Dist | undefined;
  readonly serialize: Dist | undefined;
}

/** The network a call crosses (resolved: call, then callee service, then top level, then the protocol's defaults). */
export interface Network {
  /** rest: JSON over HTTP/1.1; grpc: Protobuf over HTTP/2. */
  readonly protocol: 'rest' | 'grpc';
  /** One-way delay per hop (each way of a call). */
  readonly latency: Dist;
  /** CPU to encode or decode one message; each side pays it twice per call. */
  readonly serialize: Dist;
}

/** Options of a sync call (on a `call` step). */
export interface CallOptions {
  /** The caller gives up after this long; null = waits forever (the default: that is the lesson). */
  readonly timeoutMs: number | null;
  readonly retry: RetryPolicy | null;
  readonly breaker: BreakerPolicy | null;
  /** Max concurrent calls from one caller instance to this target; null = no bulkhead. `bulkhead: true` = 25 (Resilience4j). */
  readonly bulkhead: number | null;
  /** On final failure: fail the request (default) or skip the step and continue degraded. */
  readonly fallback: 'fail' | 'skip';
  /** The network it crosses; null = ideal (no delay, no serialisation: no level of the file names a network). */
  readonly network: Network | null;
}

export type Step =
  | { readonly kind: 'cpu'; readonly dist: Dist }
  | { readonly kind: 'call'; readonly service: string; readonly endpoint: string; readonly options: CallOptions }
  | { readonly kind: 'parallel'; readonly steps: readonly Step[] }
  | { readonly kind: 'fail'; readonly probability: number };

export interface Endpoint {
  readonly name: string;
  readonly steps: readonly Step[];
}

export interface Service {
  readonly name: string;
  /** Display name; defaults to the key. */
  readonly label: string;
  /** Initial replicas (default 1). */
  readonly instances: number;
  /** Concurrent requests per instance (default 8). */
  readonly workers: number;
  /** Waiting requests per instance beyond which arrivals get 503 (default 100); Infinity = `unbounded`. */
  readonly queue: number;
  /** threads: a worker is held while waiting for downstream calls (default); async: released, re-acquired to continue. */
  readonly model: 'threads' | 'async';
  /** Cold start until ready (default 5 s). */
  readonly startupMs: number;
  /** Self-healing delay after a crash (default 10 s, doubling on repeats, cap 5 min). */
  readonly restartMs: number;
  /** How callers choose among its instances, each caller instance with its own view (semantics.md). */
  readonly balancer: 'round-robin' | 'random' | 'least-connections' | 'p2c';
  /** Endpoints in file order. */
  readonly endpoints: readonly Endpoint[];
}

/** A rate that is piecewise linear between points and flat after the last. */
export interface RatePoint {
  readonly atMs: number;
  readonly perSec: number;
}

interface SourceBase {
  readonly name: string;
  /** As written: a gateway route ("GET /products") or "service.endpoint". */
  readonly route: string;
  readonly service: string;
  readonly endpoint: string;
  /** The client gives up after this long (counted as a timeout); null = waits forever. */
  readonly timeoutMs: number | null;
}

export interface OpenSource extends SourceBase {
  readonly kind: 'open';
  /** At least one point; a constant rate is one point at 0. */
  readonly rate: readonly RatePoint[];
  readonly arrivals: 'poisson' | 'uniform';
  /** Distinct client ids (default 1000). */
  readonly clients: number;
}

export interface ClosedSource extends SourceBase {
  readonly kind: 'closed';
  readonly users: number;
  readonly think: Dist;
}

export type Source = OpenSource | ClosedSource;

export type Action =
  /** Crash instances: `count` of the live ones (the first in order), or the one numbered `instance` (1-based, as the page numbers them). */
  | { readonly kind: 'kill'; readonly service: string; readonly count: number | 'all'; readonly instance?: number }
  /** `set: service.instances`: scale to this many replicas (new ones start cold; removed ones drain, then stop). */
  | { readonly kind: 'scale'; readonly service: string; readonly instances: number }
  /** `set: service.workers` / `service.queue`: every instance's capacity from now on (queue: Infinity = unbounded). */
  | { readonly kind: 'setting'; readonly service: string; readonly key: 'workers' | 'queue'; readonly value: number }
  | { readonly kind: 'load'; readonly workload: string; readonly perSec: number }
  /** Extra latency on every answer the service sends, once per request, on the wire: its worker is free, its caller waits. */
  | { readonly kind: 'latency'; readonly service: string; readonly add: Dist }
  /** The service fails this fraction of the requests it handles (500), on top of its own fail steps. */
  | { readonly kind: 'errors'; readonly service: string; readonly rate: number }
  /** CPU slow-down: the service's CPU steps take `factor` times longer. */
  | { readonly kind: 'slow'; readonly service: string; readonly factor: number }
  /** Calls between the two services (either direction) fail at once (connection refused). */
  | { readonly kind: 'partition'; readonly between: readonly [string, string] };

export interface TimelineItem {
  readonly atMs: number;
  /** Undo after this long; null = permanent. */
  readonly forMs: number | null;
  readonly action: Action;
}

export type Comparison = '<' | '<=' | '>' | '>=' | '==';

export type ExpectMetric =
  | 'p50' | 'p95' | 'p99' | 'mean' | 'max'
  | 'errorRate' | 'requests' | 'throughput'
  | 'utilization' | 'maxInstances' | 'minInstances';

export interface Expectation {
  /** As written in the file, for the report. */
  readonly text: string;
  readonly subject: { readonly kind: 'route'; readonly route: string } | { readonly kind: 'service'; readonly service: string };
  readonly metric: ExpectMetric;
  readonly op: Comparison;
  /** In the metric's unit: ms for latencies, a fraction for rates, a count otherwise. */
  readonly value: number;
  /** Only requests arriving in [from, to) count; null = the whole run after warmup. */
  readonly during: readonly [number, number] | null;
}

/**
 * How callers find instances. `ideal` (no `discovery:` section): callers see
 * every instance change at once. `client` (Eureka): instances renew a lease,
 * the registry expires silent ones, callers refresh a cached view. `server`
 * (Kubernetes Service): endpoints follow readiness; a crashed container is
 * removed about a second after it exits.
 */
export interface Discovery {
  readonly mode: 'ideal' | 'client' | 'server';
  /** Client view refresh period (Eureka registryFetchIntervalSeconds 30 s). */
  readonly refreshMs: number;
  /** Lease renewal (Eureka leaseRenewalIntervalInSeconds 30 s). */
  readonly heartbeatMs: number;
  /** Lease expiry without renewal (Eureka leaseExpirationDurationInSeconds 90 s). */
  readonly expiryMs: number;
  /** Server mode readiness probe (Kubernetes periodSeconds 10, failureThreshold 3). */
  readonly probe: { readonly periodMs: number; readonly failures: number };
}

export interface Scenario {
  readonly version: 1;
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly discovery: Discovery;
  /** In file order. */
  readonly services: readonly Service[];
  readonly workload: readonly Source[];
  /** Sorted by atMs (stable). */
  readonly timeline: readonly TimelineItem[];
  readonly expect: readonly Expectation[];
  readonly layout: Readonly<Record<string, readonly [number, number]>>;
  /** The file it came from, for messages. */
  readonly file: string;
}
