/**
 * Recent messages on the wire, for the view's moving dots: a call going out
 * (caller → callee, sent at t0, arriving at t1) and its answer coming back
 * (callee → caller, with how it ended). Off unless the page asks for it, so
 * the CLI pays nothing. A fixed ring of typed arrays; `take` hands out at most
 * `max` of the hops recorded since the last take, evenly spread over them (a
 * sample of real requests, not the last few). Reads no random stream.
 */
import type { HopView } from './snapshot';

export const enum HopKind {
  Call = 0,
  Answer = 1,
}

/** How an answer ended, as the view colours it. */
export const HOP_OUTCOMES = ['ok', 'error', 'timeout', 'refused'] as const;
export type HopOutcome = (typeof HOP_OUTCOMES)[number];

const SIZE = 2048;

export class HopRing {
  private readonly edge = new Int32Array(SIZE);
  private readonly t0 = new Float64Array(SIZE);
  private readonly t1 = new Float64Array(SIZE);
  private readonly kind = new Uint8Array(SIZE);
  private readonly outcome = new Uint8Array(SIZE);
  private readonly instance = new Int32Array(SIZE);
  /** Hops ever recorded; the next goes at `count % SIZE`. */
  private count = 0;
  private taken = 0;

  /** `instance`: the callee instance's number in its service (1-based), 0 when unknown. */
  add(edge: number, t0: number, t1: number, kind: HopKind, outcome: number, instance: number): void {
    const i = this.count++ % SIZE;
    this.edge[i] = edge;
    this.t0[i] = t0;
    this.t1[i] = t1;
    this.kind[i] = kind;
    this.outcome[i] = outcome;
    this.instance[i] = instance;
  }

  take(max: number, edgeName: (edge: number) => readonly [string, string]): HopView[] {
    const from = Math.max(this.taken, this.count - SIZE);
    const n = this.count - from;
    this.taken = this.count;
    const out: HopView[] = [];
    if (n <= 0 || max <= 0) return out;
    const stride = n > max ? n / max : 1;
    for (let k = 0; k < n && out.length < max; k++) {
      const i = (from + Math.floor(k * stride)) % SIZE;
      if (stride > 1 && Math.floor(k * stride) >= n) break;
      const [a, b] = edgeName(this.edge[i]);
      out.push({
        from: a, to: b, t0: this.t0[i], t1: this.t1[i], answer: this.kind[i] === HopKind.Answer,
        outcome: HOP_OUTCOMES[this.outcome[i]], instance: this.instance[i],
      });
    }
    return out;
  }
}
