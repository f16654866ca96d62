/**
 * A bounded sample of request traces (semantics.md, Observability): a trace
 * per client request, a span per hop (instance, attempt number, status).
 * Kept: every failed request (up to a ring), the slow ones (slower than the
 * route's p99 of the previous interval), and a small fraction of the rest.
 * Ids are W3C-sized (16-byte trace id, 8-byte span id), derived from the
 * seed and the model's own ids, so the same run keeps the same traces.
 */

export type SpanStatus = 'ok' | 'error' | 'rejected' | 'timeout' | 'unfinished';

export interface Span {
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly service: string;
  readonly endpoint: string;
  /** The instance's number within its service (1-based, as the page and `kill … instance: n` name it). */
  readonly instance: number;
  /** 1 for a first try, 2+ for retries; 0 for a request from a client or a parallel branch's own work. */
  readonly attempt: number;
  readonly startMs: number;
  /** Waiting for a worker. */
  readonly queueMs: number;
  /** null: still running when the trace was kept (its caller had given up). */
  readonly endMs: number | null;
  readonly status: SpanStatus;
  /** Its caller had given up on it (timeout): the rest of its work is wasted. */
  readonly abandoned: boolean;
  readonly degraded: boolean;
}

export type KeptBecause = 'failed' | 'slow' | 'sampled';

export interface Trace {
  readonly traceId: string;
  readonly route: string;
  readonly workload: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly status: Exclude<SpanStatus, 'unfinished'>;
  readonly degraded: boolean;
  readonly keptBecause: KeptBecause;
  readonly spans: readonly Span[];
}

/** Rings per reason: failures never crowd out the slow or sampled ones. */
export class TraceStore<T extends { readonly keptBecause: KeptBecause; readonly startMs: number } = Trace> {
  private readonly rings: Record<KeptBecause, T[]> = { failed: [], slow: [], sampled: [] };
  kept = 0;
  constructor(private readonly capacity: Readonly<Record<KeptBecause, number>> = { failed: 200, slow: 100, sampled: 100 }) {}

  add(t: T): void {
    const ring = this.rings[t.keptBecause];
    ring.push(t);
    if (ring.length > this.capacity[t.keptBecause]) ring.shift();
    this.kept++;
  }

  /** Newest first. */
  all(): T[] {
    return [...this.rings.failed, ...this.rings.slow, ...this.rings.sampled].sort((a, b) => b.startMs - a.startMs);
  }

  /** The newest kept entry that matches, or undefined (newest first: the one just added is found at once). */
  findNewest(match: (t: T) => boolean): T | undefined {
    for (const ring of [this.rings.failed, this.rings.slow, this.rings.sampled]) {
      for (let i = ring.length - 1; i >= 0; i--) if (match(ring[i]!)) return ring[i];
    }
    return undefined;
  }
}

/** 16 hex digits from two 32-bit words (murmur3 finaliser, not cryptographic). */
export function hexId(a: number, b: number): string {
  return word(mix(a ^ 0x9e3779b9, b)) + word(mix(b ^ 0x85ebca6b, a));
}

function mix(h: number, k: number): number {
  // One murmur3 round, then its finaliser: order matters (mix(a, b) ≠ mix(b, a)).
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function word(x: number): string {
  return x.toString(16).padStart(8, '0');
}
