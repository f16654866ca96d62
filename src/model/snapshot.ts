/**
 * What the view may know of a running World: plain data, copied out, never
 * live engine objects (DESIGN rule 6). Posted by the worker to the page.
 */
import type { ActiveFault } from './faults';
export type { ActiveFault };

/**
 * starting (cold, no traffic) → ready → draining (scaled down: refuses new
 * requests, finishes what it holds, at most the grace period) → stopped;
 * dead = crashed, restarting after its back-off. Stopped ones leave the view.
 */
export type InstanceState = 'starting' | 'ready' | 'draining' | 'stopped' | 'dead';

export interface InstanceView {
  readonly id: number;
  /** Its number within the service, from 1 in creation order (what `kill … instance: n` names). */
  readonly n: number;
  readonly state: InstanceState;
  readonly busy: number;
  readonly workers: number;
  readonly queued: number;
  /** Infinity for an unbounded queue. */
  readonly queueCap: number;
  /** Requests that arrived at it so far. */
  readonly arrived: number;
  /** Callers can find it now: in the registry (client discovery) or the endpoints (server); ready otherwise. */
  readonly discoverable: boolean;
}

export interface ServiceView {
  readonly name: string;
  readonly label: string;
  readonly instances: readonly InstanceView[];
  /** Over the last series interval. */
  readonly requestsPerSec: number;
  readonly errorsPerSec: number;
  /** Busy workers / workers of ready instances, now. */
  readonly utilization: number;
}

export interface EdgeView {
  /** A service name, or `client:<workload name>` for a workload source. */
  readonly from: string;
  readonly to: string;
  /** Calls per second over the last series interval. */
  readonly perSec: number;
  /** Failed calls / calls over the last series interval (0 when none). */
  readonly errorShare: number;
  /** Circuit breakers of the calling service's instances towards the callee; null when the call has none. */
  readonly breakers: null | { readonly closed: number; readonly open: number; readonly halfOpen: number };
}

/**
 * A message on the wire, for moving dots: a call out (from caller to callee,
 * sent at t0, arriving at t1) or its answer back (`answer`, with its outcome).
 * `from`/`to` name the edge as in EdgeView (so an answer runs it backwards).
 */
export interface HopView {
  readonly from: string;
  readonly to: string;
  readonly t0: number;
  readonly t1: number;
  readonly answer: boolean;
  readonly outcome: 'ok' | 'error' | 'timeout' | 'refused';
  /** The callee instance's number in its service (1-based); 0 when none was reached. */
  readonly instance: number;
}

/** One line of the event log. */
export interface LogEntry {
  /** Simulated ms. */
  readonly t: number;
  readonly kind: 'crash' | 'restart' | 'ready' | 'draining' | 'stopped' | 'breaker' | 'fault' | 'fault-end' | 'scale' | 'load' | 'failures' | 'limit' | 'note';
  /** The service it is about ('' for the run as a whole). */
  readonly service: string;
  readonly severity: 'info' | 'warn' | 'error';
  readonly text: string;
  /** A request it concerns (a kept trace's id), or null. */
  readonly trace: string | null;
}

/** One interval of a route's time series. */
export interface SeriesPoint {
  /** Interval start, ms. */
  readonly t: number;
  readonly requests: number;
  readonly ok: number;
  readonly errors: number;
  /** ms; NaN when no request completed in the interval. */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** One interval of a service's time series (everything that reached its instances). */
export interface ServiceSeriesPoint {
  /** Interval start, ms. */
  readonly t: number;
  /** Requests that arrived at its instances: client requests, calls and retries. */
  readonly requests: number;
  /** Ended with an error answer (an injected error, a failed call, cut off by a crash). */
  readonly errors: number;
  /** Refused at once: the queue was full, or the instance was gone when the request arrived. */
  readonly rejected: number;
  /** Busy workers, time-averaged over the interval. */
  readonly busy: number;
  /** Workers of ready (and draining) instances, time-averaged over the interval. */
  readonly workers: number;
  /** busy / workers over the interval (0..1), the CPU metric the autoscaler reads; NaN when no instance was up. */
  readonly utilization: number;
  /** Arrival at an instance to the answer, ms, of requests that ended in the interval; NaN when none. */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** One interval of a call edge's time series (a caller → callee, or `client:<workload>` → its service). */
export interface EdgeSeriesPoint {
  readonly t: number;
  /** Attempts sent (retries included). */
  readonly calls: number;
  /** Attempts that failed: an error answer, a timeout, no instance, a partition. */
  readonly errors: number;
  /** Calls refused at once by an open breaker or a full bulkhead (not sent, not in `calls`). */
  readonly rejected: number;
  /** Of the attempts answered in the interval (timeouts have no answer), ms; NaN when none. */
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** How snapshots and the page key an edge's series: `from->to` (names cannot hold `>`). */
export function edgeKey(from: string, to: string): string {
  return `${from}->${to}`;
}

export interface WorldSnapshot {
  readonly timeMs: number;
  readonly events: number;
  /** Length of one series interval, ms. */
  readonly intervalMs: number;
  readonly services: readonly ServiceView[];
  readonly edges: readonly EdgeView[];
  /** Injected faults in force now. */
  readonly faults: readonly ActiveFault[];
  /** A sample of the messages sent since the last snapshot (empty unless the World records hops). */
  readonly hops: readonly HopView[];
  /** Event log entries since the last snapshot (empty unless the World keeps a log). */
  readonly log: readonly LogEntry[];
  /** Series points completed since the previous snapshot, per route. */
  readonly series: Readonly<Record<string, readonly SeriesPoint[]>>;
  /** The same, per service (by name). The World always sends it; optional for snapshots made by hand. */
  readonly serviceSeries?: Readonly<Record<string, readonly ServiceSeriesPoint[]>>;
  /** The same, per call edge (by edgeKey). */
  readonly edgeSeries?: Readonly<Record<string, readonly EdgeSeriesPoint[]>>;
  /** Current offered rate per workload (what the load slider shows). */
  readonly load: Readonly<Record<string, number>>;
  /** Set when a run limit stopped the run (the scenario's end is `timeMs` reaching its duration). */
  readonly stopped: null | { readonly reason: string; readonly message: string };
}
