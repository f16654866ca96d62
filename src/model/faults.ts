/**
 * Active injected faults and their combined effect per service: CPU
 * slow-down (factors multiply), error rate (independent: 1 − Π(1 − r)),
 * added response latency (each active fault adds a sample) and network
 * partitions between two services (both directions). Each fault can be
 * removed again (the `for` of a timeline item). Pure bookkeeping.
 */
import type { Action } from '../scenario/types';
import { distText, sampler, type Sampler } from '../engine/distributions';
import type { Uniform } from '../engine/rng';

export interface ActiveFault {
  readonly id: number;
  readonly kind: 'latency' | 'errors' | 'slow' | 'partition';
  /** Service name, or "a ↔ b" for a partition. */
  readonly target: string;
  readonly detail: string;
  readonly sinceMs: number;
  /** When it is undone; null = until the end. */
  readonly untilMs: number | null;
}

type FaultAction = Extract<Action, { kind: 'latency' | 'errors' | 'slow' | 'partition' }>;

interface Entry {
  readonly fault: ActiveFault;
  readonly action: FaultAction;
  readonly sample: Sampler | null;
}

export class Faults {
  /** CPU time multiplier per service index. */
  readonly slow: Float64Array;
  /** Probability that a request the service receives fails at once (500). */
  readonly errorRate: Float64Array;
  private entries: Entry[] = [];
  private nextId = 1;
  private readonly partitions = new Set<string>();

  constructor(
    private readonly serviceIndex: ReadonlyMap<string, number>,
    private readonly latencyRng: Uniform,
  ) {
    const n = serviceIndex.size;
    this.slow = new Float64Array(n).fill(1);
    this.errorRate = new Float64Array(n);
    this.latencyOn = new Uint8Array(n);
  }

  static isFault(a: Action): a is FaultAction {
    return a.kind === 'latency' || a.kind === 'errors' || a.kind === 'slow' || a.kind === 'partition';
  }

  /** Start a fault; returns its id for `remove`. */
  add(a: FaultAction, now: number, forMs: number | null): number {
    const id = this.nextId++;
    const target = a.kind === 'partition' ? `${a.between[0]} ↔ ${a.between[1]}` : a.service;
    const detail =
      a.kind === 'latency' ? `+${distText(a.add)}` :
      a.kind === 'errors' ? `${round(a.rate * 100)}% errors` :
      a.kind === 'slow' ? `CPU ×${a.factor}` : 'calls refused';
    this.entries.push({
      fault: { id, kind: a.kind, target, detail, sinceMs: now, untilMs: forMs === null ? null : now + forMs },
      action: a,
      sample: a.kind === 'latency' ? sampler(a.add) : null,
    });
    this.recompute();
    return id;
  }

  remove(id: number): void {
    this.entries = this.entries.filter((e) => e.fault.id !== id);
    this.recompute();
  }

  /** Sum of one sample of every latency fault on the service (0 when none). */
  extraLatency(service: number): number {
    let extra = 0;
    for (const e of this.entries) {
      if (e.sample && this.serviceIndex.get((e.action as { service: string }).service) === service) {
        extra += e.sample(this.latencyRng);
      }
    }
    return extra;
  }

  hasLatency(service: number): boolean {
    return this.latencyOn[service] === 1;
  }

  partitioned(a: number, b: number): boolean {
    return this.partitions.size > 0 && this.partitions.has(a < b ? `${a}:${b}` : `${b}:${a}`);
  }

  active(): ActiveFault[] {
    return this.entries.map((e) => e.fault);
  }

  /** 1 where a latency fault is active (a typed array: read on every answer). */
  private readonly latencyOn: Uint8Array;

  private recompute(): void {
    this.slow.fill(1);
    this.errorRate.fill(0);
    this.partitions.clear();
    this.latencyOn.fill(0);
    const ok = new Float64Array(this.errorRate.length).fill(1);
    for (const { action: a } of this.entries) {
      if (a.kind === 'partition') {
        const x = this.serviceIndex.get(a.between[0])!, y = this.serviceIndex.get(a.between[1])!;
        this.partitions.add(x < y ? `${x}:${y}` : `${y}:${x}`);
        continue;
      }
      const s = this.serviceIndex.get(a.service);
      if (s === undefined) continue;
      if (a.kind === 'slow') this.slow[s] *= a.factor;
      else if (a.kind === 'errors') ok[s] *= 1 - a.rate;
      else this.latencyOn[s] = 1;
    }
    for (let i = 0; i < ok.length; i++) this.errorRate[i] = 1 - ok[i];
  }
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
