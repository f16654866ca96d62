/**
 * One replica of a service: `workers` slots and a bounded FIFO wait queue.
 * Owns its own time-weighted accounting (busy workers, requests present)
 * from warmup on; knows nothing of calls or the event loop.
 */
import type { InstanceState } from './snapshot';
import type { Job } from './job';
import { Caller } from './caller';

export class Instance {
  state: InstanceState = 'ready';
  busy = 0;
  /** Requests that arrived at it (admitted, queued or refused), over the whole run. */
  arrived = 0;
  /** Set while pulling waiting jobs, so a job that ends at once does not recurse. */
  pulling = false;
  /** Jobs started here and not finished (incl. async ones waiting downstream without a worker). */
  jobs = 0;
  /** Server discovery: readiness probes failed in a row, and whether that took it out of the endpoints. */
  probeFails = 0;
  unready = false;
  /** When it last became ready (back-off reset). */
  readyAt = 0;
  /** When it last registered (client discovery: lease renewals count from here). */
  registeredAt = 0;
  /** Bumped on each registration: a pending lease expiry for an older one is void. */
  lease = 0;
  /** Consecutive crashes, for the CrashLoopBackOff delay. */
  crashes = 0;
  /** Bumped on every crash: events for an older epoch are stale. */
  epoch = 0;
  /** This instance as a caller: balancer cursors and counts, breakers, bulkheads. */
  readonly caller: Caller;

  // FIFO ring buffer of waiting jobs.
  private q: (Job | undefined)[] = new Array(16);
  private qHead = 0;
  queued = 0;

  // Time-weighted areas from `since` (warmup) on: the report's.
  busyArea = 0;
  presentArea = 0;
  capacityArea = 0;
  /**
   * The same busy and capacity areas from time 0 (worker-ms), kept apart so
   * the report's sums are untouched: the live series read their change per
   * interval (busyTotalAt / capacityTotalAt, without accounting).
   */
  busyTotal = 0;
  capacityTotal = 0;
  private lastChange = 0;

  constructor(
    readonly id: number,
    /** Its number within the service, from 1 in creation order. */
    readonly n: number,
    readonly serviceIndex: number,
    /** Worker slots; `set: service.workers` changes it live. */
    public workers: number,
    /** Waiting room; `set: service.queue` changes it live (what waits beyond a lowered cap stays). */
    public queueCap: number,
    serviceCount: number,
    private readonly since: number,
  ) {
    this.caller = new Caller(serviceCount, id);
  }

  /** Call before any change of busy, queued or state, with the current time. */
  account(now: number): void {
    if (now > this.lastChange) {
      const dt = now - this.lastChange;
      this.busyTotal += this.busy * dt;
      if (this.state === 'ready' || this.state === 'draining') this.capacityTotal += this.workers * dt;
    }
    const from = this.lastChange > this.since ? this.lastChange : this.since;
    if (now > from) {
      const dt = now - from;
      this.busyArea += this.busy * dt;
      this.presentArea += (this.busy + this.queued) * dt;
      if (this.state === 'ready' || this.state === 'draining') this.capacityArea += this.workers * dt;
    }
    this.lastChange = now;
  }

  /** busyTotal as of `now` (≥ the last change), read without accounting. */
  busyTotalAt(now: number): number {
    return now > this.lastChange ? this.busyTotal + this.busy * (now - this.lastChange) : this.busyTotal;
  }

  /** capacityTotal as of `now`: workers of a ready or draining instance count. */
  capacityTotalAt(now: number): number {
    const up = this.state === 'ready' || this.state === 'draining';
    return up && now > this.lastChange ? this.capacityTotal + this.workers * (now - this.lastChange) : this.capacityTotal;
  }

  enqueue(job: Job): void {
    if (this.queued === this.q.length) this.growQueue();
    this.q[(this.qHead + this.queued) % this.q.length] = job;
    this.queued++;
  }

  /** The job that has waited longest, without taking it. */
  peek(): Job | undefined {
    return this.queued > 0 ? this.q[this.qHead] : undefined;
  }

  dequeue(): Job | undefined {
    if (this.queued === 0) return undefined;
    const job = this.q[this.qHead];
    this.q[this.qHead] = undefined;
    this.qHead = (this.qHead + 1) % this.q.length;
    this.queued--;
    return job;
  }

  /** Empty the queue, returning what was waiting (on a crash). */
  drainQueue(): Job[] {
    const out: Job[] = [];
    for (let j = this.dequeue(); j; j = this.dequeue()) out.push(j);
    return out;
  }

  private growQueue(): void {
    const old = this.q, n = old.length;
    const q: (Job | undefined)[] = new Array(n * 2);
    for (let i = 0; i < this.queued; i++) q[i] = old[(this.qHead + i) % n];
    this.q = q;
    this.qHead = 0;
  }
}
