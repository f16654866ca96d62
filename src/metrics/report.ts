/**
 * The report JSON of scenario-format.md ("fields may be added, not removed or
 * renamed"). Built by the model at the end of a run; printed by the CLI.
 */

export interface LatencySummary {
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface RouteReport {
  readonly requests: number;
  readonly ok: number;
  readonly errors: number;
  readonly rejected: number;
  readonly timeouts: number;
  /** Requests still in flight when the run ended (not in latency). */
  readonly inFlight: number;
  /** Of the ok answers, those a fallback degraded (a failed call skipped). */
  readonly degraded: number;
  readonly latencyMs: LatencySummary;
}

export interface ServiceReport {
  readonly requests: number;
  readonly errors: number;
  readonly rejected: number;
  readonly utilization: number;
  readonly instances: { readonly min: number; readonly max: number; readonly final: number };
  readonly queueWaitMs: { readonly mean: number; readonly p99: number };
  /** Time-average number of requests at the service's instances (waiting + in service). */
  readonly meanInSystem: number;
  readonly breakers: Readonly<Record<string, { readonly opened: number }>>;
  /** Time its instances spent on requests whose caller had already given up (timeouts), ms. */
  readonly wastedMs: number;
  /** Each instance at the end: state, its own utilisation, requests that arrived, queue now. */
  readonly perInstance: readonly { readonly id: number; readonly n: number; readonly state: string; readonly utilization: number; readonly arrived: number; readonly queued: number }[];
}

/** A caller → callee edge ("order → payment", or "client:<workload> → service"). */
export interface EdgeReport {
  readonly from: string;
  readonly to: string;
  /** Attempts sent, retries included. */
  readonly calls: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Of the errors: sent to an instance that was gone (a stale discovery view). */
  readonly refused: number;
  readonly retries: number;
  readonly breakerRejected: number;
  readonly bulkheadRejected: number;
  /** Calls that failed for good, after their retries (then fallback or failure). */
  readonly failedFinal: number;
  readonly breakerOpened: number;
  /** Breaker state changes, in time order (the first 200 per edge). */
  readonly breakerTransitions: readonly { readonly atMs: number; readonly instance: number; readonly from: string; readonly to: string }[];
  readonly latencyMs: LatencySummary;
}

export interface ExpectationResult {
  readonly text: string;
  readonly actual: string;
  readonly passed: boolean;
}

export interface Report {
  readonly scenario: string;
  readonly seed: number;
  readonly simulatedMs: number;
  readonly events: number;
  readonly wallMs: number;
  readonly digest: string;
  /** Set when a run limit stopped the run early. */
  readonly stopped: null | { readonly reason: string; readonly message: string };
  readonly routes: Readonly<Record<string, RouteReport>>;
  readonly services: Readonly<Record<string, ServiceReport>>;
  /** Per service: the routes that fail without it, and those that only degrade (from the call graph). */
  readonly blastRadius: Readonly<Record<string, { readonly unavailable: readonly string[]; readonly degraded: readonly string[] }>>;
  /** Keyed "from → to". Counts the whole run (warmup included). */
  readonly edges: Readonly<Record<string, EdgeReport>>;
  readonly topics: Readonly<Record<string, never>>;
  readonly sagas: Readonly<Record<string, never>>;
  readonly caches: Readonly<Record<string, never>>;
  readonly expectations: readonly ExpectationResult[];
}
