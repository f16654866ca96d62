/**
 * Per-service and per-call-edge time series for the live charts: one point
 * per series interval, like the routes' (src/metrics/stats.ts), counting
 * everything (warmup included). Display data only: neither the report nor
 * the digest reads them, and feeding them draws no random numbers.
 *
 * A service's utilisation over an interval is exact: the change of its
 * instances' busy-worker area over the change of their ready-worker area
 * (Instance.busyTotal / capacityTotal, areas from time 0 kept beside the
 * report's warmup-based ones, read without accounting).
 */
import { Histogram } from '../metrics/histogram';
import type { EdgeStats } from '../metrics/stats';
import type { Instance } from './instance';
import type { EdgeSeriesPoint, ServiceSeriesPoint } from './snapshot';

/**
 * Points not read yet, at most `capacity` (the oldest go first). A run has
 * about 2000 intervals at most (world.ts sizes the interval so), so a reader
 * that never comes (the CLI) costs bounded memory.
 */
export class PointRing<T> {
  private buf: T[] = [];
  constructor(private readonly capacity = 2048) {}

  push(p: T): void {
    this.buf.push(p);
    if (this.buf.length > this.capacity) this.buf.shift();
  }

  /** Points added since the previous call. */
  takeNew(): T[] {
    const out = this.buf;
    this.buf = [];
    return out;
  }
}

/** Histogram sub-buckets for interval percentiles: 1/64 relative, as the routes' series. */
const SUB_BUCKETS = 32;

/** One service's interval counters. */
export class ServiceSeries {
  /** Requests that arrived at its instances (client requests, calls and retries). */
  requests = 0;
  /** Ended with an error answer (an injected error, a failed call, cut off by a crash). */
  errors = 0;
  /** Refused: the queue was full, or the instance was gone when the request arrived. */
  rejected = 0;
  /** Arrival at an instance to the answer, of requests that got a worker. */
  readonly latency = new Histogram(SUB_BUCKETS);
  readonly points = new PointRing<ServiceSeriesPoint>();
  /** The instances' areas at the last close. */
  private busyAt = 0;
  private capacityAt = 0;

  /** Close the interval [t, now). */
  close(t: number, now: number, instances: readonly Instance[]): void {
    let busy = 0, capacity = 0;
    for (const inst of instances) {
      busy += inst.busyTotalAt(now);
      capacity += inst.capacityTotalAt(now);
    }
    const dBusy = busy - this.busyAt, dCapacity = capacity - this.capacityAt;
    this.busyAt = busy;
    this.capacityAt = capacity;
    const dt = now - t;
    const h = this.latency;
    this.points.push({
      t,
      requests: this.requests,
      errors: this.errors,
      rejected: this.rejected,
      busy: dt > 0 ? dBusy / dt : 0,
      workers: dt > 0 ? dCapacity / dt : 0,
      utilization: dCapacity > 0 ? dBusy / dCapacity : NaN,
      p50: h.quantile(0.5),
      p95: h.quantile(0.95),
      p99: h.quantile(0.99),
    });
    this.requests = this.errors = this.rejected = 0;
    h.reset();
  }
}

/** One call edge's interval latency; its counts come from EdgeStats' interval counters. */
export class EdgeSeries {
  /** Attempts that got an answer (ok or error; not timeouts). */
  readonly latency = new Histogram(SUB_BUCKETS);
  readonly points = new PointRing<EdgeSeriesPoint>();
  /** Breaker and bulkhead refusals at the last close (EdgeStats keeps totals only). */
  private refusedAt = 0;

  /** Close the interval starting at t; call before `e.closeInterval` resets its counters. */
  close(t: number, e: EdgeStats): void {
    const refused = e.breakerRejected + e.bulkheadRejected;
    const h = this.latency;
    this.points.push({
      t,
      calls: e.iCalls,
      errors: e.iErrors,
      rejected: refused - this.refusedAt,
      p50: h.quantile(0.5),
      p95: h.quantile(0.95),
      p99: h.quantile(0.99),
    });
    this.refusedAt = refused;
    h.reset();
  }
}
