/**
 * A circuit breaker as Resilience4j's CircuitBreaker behaves (semantics.md):
 * CLOSED → OPEN when, over a count- or time-based sliding window holding at
 * least `minCalls` results, the failure rate or the slow-call rate reaches
 * its threshold; OPEN rejects calls (not recorded) until `openMs` has passed,
 * then the next call moves it to HALF_OPEN (Resilience4j's default: no
 * automatic transition); HALF_OPEN permits `halfOpenCalls` calls and, once
 * all have completed, goes back to OPEN or to CLOSED by the same thresholds.
 * One breaker per caller instance per target service. Pure: time comes in.
 */
import type { BreakerPolicy } from '../scenario/types';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerTransition {
  readonly atMs: number;
  readonly from: BreakerState;
  readonly to: BreakerState;
}

export class Breaker {
  state: BreakerState = 'closed';
  /** Transitions to OPEN so far. */
  opened = 0;
  private openedAt = 0;
  private halfOpenPermits = 0;
  private halfOpenResults = 0;
  private halfOpenFailures = 0;
  private halfOpenSlow = 0;
  // Count window: a ring of the last N outcomes.
  private readonly ring: Uint8Array; // bit 0 failed, bit 1 slow
  private ringNext = 0;
  private ringCount = 0;
  // Time window: one bucket per second, as Resilience4j aggregates.
  private readonly bucketCalls: Float64Array;
  private readonly bucketFailures: Float64Array;
  private readonly bucketSlow: Float64Array;
  private readonly bucketEpoch: Float64Array;
  // Running totals over the window.
  private calls = 0;
  private failures = 0;
  private slow = 0;

  constructor(
    private readonly policy: BreakerPolicy,
    private readonly onTransition: (t: BreakerTransition) => void = () => {},
  ) {
    const count = policy.windowType === 'count';
    this.ring = new Uint8Array(count ? policy.windowSize : 0);
    const buckets = count ? 0 : Math.max(1, Math.ceil(policy.windowSize / 1000));
    this.bucketCalls = new Float64Array(buckets);
    this.bucketFailures = new Float64Array(buckets);
    this.bucketSlow = new Float64Array(buckets);
    this.bucketEpoch = new Float64Array(buckets).fill(-1);
  }

  /** May a call go through now? A permitted HALF_OPEN call uses up a permit. */
  tryAcquire(now: number): boolean {
    if (this.state === 'open') {
      if (now - this.openedAt < this.policy.openMs) return false;
      this.move('half-open', now);
    }
    if (this.state === 'half-open') {
      if (this.halfOpenPermits <= 0) return false;
      this.halfOpenPermits--;
    }
    return true;
  }

  /** Give back a permit acquired for a call that was then not made (Resilience4j releasePermission). */
  release(): void {
    if (this.state === 'half-open') this.halfOpenPermits++;
  }

  /** Record a completed call (error or timeout = failed; slow by duration). */
  onResult(now: number, failed: boolean, durationMs: number): void {
    const slow = durationMs >= this.policy.slowCallMs;
    if (this.state === 'open') return; // completed after the breaker opened: no effect
    if (this.state === 'half-open') {
      this.halfOpenResults++;
      if (failed) this.halfOpenFailures++;
      if (slow) this.halfOpenSlow++;
      if (this.halfOpenResults >= this.policy.halfOpenCalls) {
        const n = this.halfOpenResults;
        const trip = this.halfOpenFailures / n >= this.policy.failureRate || this.halfOpenSlow / n >= this.policy.slowRate;
        this.move(trip ? 'open' : 'closed', now);
      }
      return;
    }
    this.record(now, failed, slow);
    if (this.calls >= this.policy.minCalls) {
      if (this.failures / this.calls >= this.policy.failureRate || this.slow / this.calls >= this.policy.slowRate) {
        this.move('open', now);
      }
    }
  }

  /** Failure rate over the window now (NaN when empty), for the inspector. */
  failureRate(): number {
    return this.calls > 0 ? this.failures / this.calls : NaN;
  }

  private record(now: number, failed: boolean, slow: boolean): void {
    if (this.policy.windowType === 'count') {
      const size = this.ring.length;
      if (this.ringCount === size) {
        const old = this.ring[this.ringNext];
        this.calls--;
        if (old & 1) this.failures--;
        if (old & 2) this.slow--;
      } else this.ringCount++;
      this.ring[this.ringNext] = (failed ? 1 : 0) | (slow ? 2 : 0);
      this.ringNext = (this.ringNext + 1) % size;
    } else {
      this.expire(now);
      const second = Math.floor(now / 1000);
      const b = second % this.bucketCalls.length;
      this.bucketCalls[b]++;
      if (failed) this.bucketFailures[b]++;
      if (slow) this.bucketSlow[b]++;
    }
    this.calls++;
    if (failed) this.failures++;
    if (slow) this.slow++;
  }

  /** Drop buckets older than the window. */
  private expire(now: number): void {
    const second = Math.floor(now / 1000);
    const n = this.bucketCalls.length;
    for (let i = 0; i < n; i++) {
      const epoch = this.bucketEpoch[i];
      const expected = second - ((second - i) % n + n) % n; // the second this slot should hold now
      if (epoch !== expected) {
        if (epoch >= 0) {
          this.calls -= this.bucketCalls[i];
          this.failures -= this.bucketFailures[i];
          this.slow -= this.bucketSlow[i];
        }
        this.bucketCalls[i] = this.bucketFailures[i] = this.bucketSlow[i] = 0;
        this.bucketEpoch[i] = expected;
      }
    }
  }

  private move(to: BreakerState, now: number): void {
    const from = this.state;
    this.state = to;
    if (to === 'open') {
      this.opened++;
      this.openedAt = now;
    } else if (to === 'half-open') {
      this.halfOpenPermits = this.policy.halfOpenCalls;
      this.halfOpenResults = this.halfOpenFailures = this.halfOpenSlow = 0;
    } else {
      // CLOSED again: Resilience4j starts a fresh window.
      this.resetWindow();
    }
    this.onTransition({ atMs: now, from, to });
  }

  private resetWindow(): void {
    this.ring.fill(0);
    this.ringNext = this.ringCount = 0;
    this.bucketCalls.fill(0);
    this.bucketFailures.fill(0);
    this.bucketSlow.fill(0);
    this.bucketEpoch.fill(-1);
    this.calls = this.failures = this.slow = 0;
  }
}
