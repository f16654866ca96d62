/**
 * A fixed-size log-linear histogram (HDR-style) of non-negative values (ms).
 * Values are bucketed at 1 µs resolution below 1 µs·2^0 and with `subBuckets`
 * linear sub-buckets per power of two above, so a percentile read at a
 * bucket's midpoint is within 1/(2·subBuckets) relative error
 * (128 → 0.4 %). The mean, min and max are exact. Memory never grows.
 */
const UNITS_PER_MS = 1000; // µs resolution
const MAX_EXP = 44; // 2^44 µs ≈ 203 days
/** Exact powers of two by doubling (Math.pow's last bits vary between engines). */
const POW2 = Array.from({ length: MAX_EXP + 1 }, (_, e) => { let p = 1; for (let i = 0; i < e; i++) p *= 2; return p; });
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high 32-bit word (sign, exponent, top mantissa) on this platform. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export class Histogram {
  readonly counts: Float64Array;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private readonly subBits: number;
  private readonly sub: number;

  constructor(subBuckets = 128) {
    this.subBits = Math.min(20, 31 - Math.clz32(subBuckets));
    this.sub = 1 << this.subBits;
    this.counts = new Float64Array((MAX_EXP + 1) * this.sub);
  }

  record(ms: number): void {
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
    this.counts[this.index(ms)]++;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /** The q-quantile (0..1), NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const rank = q * this.count;
    const counts = this.counts;
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i];
      if (c === 0) continue;
      seen += c;
      if (seen >= rank) {
        const mid = this.midpoint(i);
        // Never report outside what was seen.
        return Math.min(this.max, Math.max(this.min, mid));
      }
    }
    return this.max;
  }

  /** Bucket from the float's own exponent and top mantissa bits: no log, no pow. */
  private index(ms: number): number {
    const x = ms * UNITS_PER_MS;
    if (!(x >= 1)) return 0; // also catches NaN
    F64[0] = x;
    const hi = U32[HI];
    const e = ((hi >>> 20) & 0x7ff) - 1023;
    if (e > MAX_EXP) return this.counts.length - 1;
    return e * this.sub + ((hi >>> (20 - this.subBits)) & (this.sub - 1));
  }

  private midpoint(i: number): number {
    if (i === 0) return 0.5 / UNITS_PER_MS;
    const e = Math.floor(i / this.sub), s = i - e * this.sub;
    const lo = POW2[e] * (1 + s / this.sub);
    const hi = POW2[e] * (1 + (s + 1) / this.sub);
    return (lo + hi) / 2 / UNITS_PER_MS;
  }
}
