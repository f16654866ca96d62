/**
 * A running hash of the event trace (time bits + kind + entity id per event),
 * two 32-bit murmur-style lanes → 16 hex digits. Same trace ⇒ same digest,
 * in Node and in the browser (IEEE doubles, integer ops only).
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

export class Digest {
  private h1 = 0x9e3779b9 | 0;
  private h2 = 0x85ebca6b | 0;

  add(time: number, kind: number, id: number): void {
    f64[0] = time;
    this.h1 = mix(this.h1, u32[0]);
    this.h1 = mix(this.h1, kind);
    this.h2 = mix(this.h2, u32[1]);
    this.h2 = mix(this.h2, id | 0);
  }

  hex(): string {
    const a = fmix(this.h1 ^ this.h2) >>> 0;
    const b = fmix(this.h2 + Math.imul(this.h1, 0x27d4eb2d)) >>> 0;
    return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
  }
}

function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
