/**
 * Counters the model feeds as facts happen: per route, per service, per edge.
 * Summaries (the report) count only what arrived at or after warmup; the
 * per-interval series (the live charts) count everything. Bounded memory:
 * fixed-size histograms and a ring of series points.
 */
import { Histogram } from './histogram';
import type { SeriesPoint } from '../model/snapshot';

/** How a request or call ended. */
export const enum Outcome {
  Ok = 0,
  Error = 1,
  Rejected = 2,
  Timeout = 3,
}

/** Bounded ring of series points, with a cursor for "since last read". */
export class SeriesRing {
  private readonly buf: SeriesPoint[] = [];
  private start = 0; // absolute index of buf[0]
  private readCursor = 0;
  constructor(private readonly capacity = 4000) {}

  push(p: SeriesPoint): void {
    this.buf.push(p);
    if (this.buf.length > this.capacity) {
      this.buf.shift();
      this.start++;
    }
  }

  /** Points added since the previous call. */
  takeNew(): SeriesPoint[] {
    const from = Math.max(this.readCursor, this.start);
    const out = this.buf.slice(from - this.start);
    this.readCursor = this.start + this.buf.length;
    return out;
  }

  all(): readonly SeriesPoint[] {
    return this.buf;
  }
}

export class RouteStats {
  requests = 0;
  ok = 0;
  errors = 0;
  rejected = 0;
  timeouts = 0;
  /** Of the ok answers, those degraded by a fallback that skipped a failed call. */
  degraded = 0;
  /** Latency of requests that got a response (ok or error). */
  readonly latency = new Histogram();

  // Current series interval (counts everything, warmup included).
  private iRequests = 0;
  private iOk = 0;
  private iErrors = 0;
  private readonly iLatency = new Histogram(32);
  readonly series = new SeriesRing();

  constructor(readonly route: string) {}

  arrived(counted: boolean): void {
    this.iRequests++;
    if (counted) this.requests++;
  }

  ended(outcome: Outcome, latencyMs: number, counted: boolean, degraded = false): void {
    if (counted && degraded && outcome === Outcome.Ok) this.degraded++;
    if (outcome === Outcome.Ok) this.iOk++;
    else this.iErrors++;
    if (outcome === Outcome.Ok || outcome === Outcome.Error) this.iLatency.record(latencyMs);
    if (!counted) return;
    switch (outcome) {
      case Outcome.Ok: this.ok++; this.latency.record(latencyMs); break;
      case Outcome.Error: this.errors++; this.latency.record(latencyMs); break;
      case Outcome.Rejected: this.rejected++; break;
      case Outcome.Timeout: this.timeouts++; break;
    }
  }

  /** p99 of the last closed interval (ms), 0 before any: what "slow" means for traces. */
  lastP99 = 0;

  closeInterval(t: number): void {
    const p99 = this.iLatency.quantile(0.99);
    if (p99 > 0) this.lastP99 = p99;
    this.series.push({
      t,
      requests: this.iRequests,
      ok: this.iOk,
      errors: this.iErrors,
      p50: this.iLatency.quantile(0.5),
      p95: this.iLatency.quantile(0.95),
      p99: this.iLatency.quantile(0.99),
    });
    this.iRequests = this.iOk = this.iErrors = 0;
    this.iLatency.reset();
  }
}

export class ServiceStats {
  requests = 0;
  errors = 0;
  rejected = 0;
  readonly queueWait = new Histogram();
  /** Arrival at an instance to completion (queue + service + downstream waits). */
  readonly residence = new Histogram();
  /** Callee time spent on jobs whose caller had already given up, ms. */
  wastedMs = 0;
  readyMin = Infinity;
  readyMax = 0;
  // Last interval, for the live view.
  iRequests = 0;
  iErrors = 0;
  lastPerSec = 0;
  lastErrorsPerSec = 0;

  closeInterval(intervalMs: number): void {
    this.lastPerSec = (this.iRequests * 1000) / intervalMs;
    this.lastErrorsPerSec = (this.iErrors * 1000) / intervalMs;
    this.iRequests = this.iErrors = 0;
  }
}

export class EdgeStats {
  /** Attempts sent (retries included; not the ones a breaker or bulkhead refused). */
  calls = 0;
  /** Attempts that failed: an error answer, no instance, a partition (timeouts apart). */
  errors = 0;
  timeouts = 0;
  /** Of the errors: attempts sent to an instance that was gone (a stale discovery view); partitions are errors but not counted here. */
  refused = 0;
  /** Attempts that were retries. */
  retries = 0;
  /** Calls refused at once by an open breaker / a full bulkhead. */
  breakerRejected = 0;
  bulkheadRejected = 0;
  /** Calls that failed for good (after retries) and took their fallback or failed the caller. */
  failedFinal = 0;
  /** Latency of attempts that got an answer. */
  readonly latency = new Histogram();
  /** Breaker transitions to OPEN, over all caller instances. */
  breakerOpened = 0;
  /** The first breaker state changes (bounded), for the report and the event log. */
  readonly breakerLog: { atMs: number; instance: number; from: string; to: string }[] = [];
  iCalls = 0;
  iErrors = 0;
  lastPerSec = 0;
  lastErrorShare = 0;
  constructor(readonly from: string, readonly to: string) {}

  closeInterval(intervalMs: number): void {
    this.lastPerSec = (this.iCalls * 1000) / intervalMs;
    // Failures are counted when they end, calls when they start: cap the share at 1.
    this.lastErrorShare = this.iCalls > 0 ? Math.min(1, this.iErrors / this.iCalls) : this.iErrors > 0 ? 1 : 0;
    this.iCalls = this.iErrors = 0;
  }
}
