/**
 * What one caller (a service instance, or a workload's clients) knows and
 * holds towards the services it calls: its round-robin cursors, its own
 * count of in-flight calls per callee instance (least-connections and p2c
 * use only this caller's view, as a client-side balancer does), its circuit
 * breakers and its bulkhead permits, one of each per target service.
 */
import type { Breaker } from './breaker';

export class Caller {
  readonly rr: Int32Array;
  readonly bulkheadInUse: Int32Array;
  readonly breakers: (Breaker | null)[];
  /** Client-side discovery: this caller's cached registry view per service (null otherwise). */
  views: (readonly import('./instance').Instance[])[] | null = null;
  private readonly inflight = new Map<number, number>();

  /**
   * `identity` spreads the round-robin starting points (as gRPC's round_robin
   * starts at a random index): callers that all started at 0 would send in
   * lockstep to the same callee instance.
   */
  constructor(serviceCount: number, identity: number) {
    this.rr = new Int32Array(serviceCount);
    for (let s = 0; s < serviceCount; s++) this.rr[s] = (Math.imul(identity + 1, 0x9e3779b1) ^ Math.imul(s + 1, 0x85ebca6b)) >>> 2;
    this.bulkheadInUse = new Int32Array(serviceCount);
    this.breakers = new Array(serviceCount).fill(null);
  }

  /**
   * A crashed process forgets all of it: bulkhead permits, in-flight counts
   * and breakers live in its memory (Resilience4j's do), so the restarted
   * one starts with none. Round-robin cursors carry on (any start is as good).
   */
  reset(): void {
    this.bulkheadInUse.fill(0);
    this.breakers.fill(null);
    this.inflight.clear();
  }

  inFlightTo(instanceId: number): number {
    return this.inflight.get(instanceId) ?? 0;
  }

  callStarted(instanceId: number): void {
    this.inflight.set(instanceId, (this.inflight.get(instanceId) ?? 0) + 1);
  }

  callEnded(instanceId: number): void {
    const n = (this.inflight.get(instanceId) ?? 1) - 1;
    if (n <= 0) this.inflight.delete(instanceId);
    else this.inflight.set(instanceId, n);
  }
}
