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

  constructor(serviceCount: number) {
    this.rr = new Int32Array(serviceCount);
    this.bulkheadInUse = new Int32Array(serviceCount);
    this.breakers = new Array(serviceCount).fill(null);
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
