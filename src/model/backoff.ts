/**
 * Retry back-off with jitter, per the AWS Architecture Blog "Exponential
 * Backoff and Jitter" (semantics.md): b = min(cap, base × multiplier^n);
 * none = b; full = U(0, b); equal = b/2 + U(0, b/2);
 * decorrelated = min(cap, U(base, prev × 3)). Pure: the uniform comes in.
 */
import type { RetryPolicy } from '../scenario/types';
import type { Uniform } from '../engine/rng';

/**
 * Delay before retry number `retry` (1 = the first retry). `prevMs` is the
 * previous delay (decorrelated jitter grows from it; pass the base first).
 */
export function backoffMs(p: RetryPolicy, retry: number, prevMs: number, u: Uniform): number {
  let b = p.backoffMs;
  for (let i = 1; i < retry && b < p.capMs; i++) b *= p.multiplier;
  b = Math.min(p.capMs, b);
  switch (p.jitter) {
    case 'none': return b;
    case 'full': return b * (1 - u());
    case 'equal': return b / 2 + (b / 2) * (1 - u());
    case 'decorrelated': {
      const hi = Math.max(p.backoffMs, prevMs * 3);
      return Math.min(p.capMs, p.backoffMs + (hi - p.backoffMs) * (1 - u()));
    }
  }
}
