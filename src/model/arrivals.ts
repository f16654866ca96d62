/**
 * Arrival times of an open-loop source by inverting its cumulative rate
 * Λ(t) = ∫ rate: the next arrival after t is where Λ has grown by `work`.
 * Poisson arrivals use work ~ Exp(1) (an exact non-homogeneous Poisson
 * process, no thinning, no wasted events); uniform arrivals use work = 1.
 * The rate is piecewise linear between points, flat before the first and
 * after the last (scenario-format.md).
 */
import type { RatePoint } from '../scenario/types';

/** Rate (per ms) at time t. */
export function rateAt(points: readonly RatePoint[], t: number): number {
  const n = points.length;
  if (t <= points[0].atMs) return points[0].perSec / 1000;
  for (let i = 0; i < n - 1; i++) {
    const a = points[i], b = points[i + 1];
    if (t < b.atMs) {
      const f = (t - a.atMs) / (b.atMs - a.atMs);
      return (a.perSec + f * (b.perSec - a.perSec)) / 1000;
    }
  }
  return points[n - 1].perSec / 1000;
}

/** The time after `t` at which the cumulative rate has grown by `work`; Infinity if never. */
export function nextArrival(points: readonly RatePoint[], t: number, work: number): number {
  let remaining = work;
  let now = t;
  const n = points.length;
  // Index of the first point strictly after now.
  let i = 0;
  while (i < n && points[i].atMs <= now) i++;
  for (;;) {
    const rNow = rateAt(points, now);
    if (i === 0 || i === n) {
      // Flat segment: before the first point or after the last.
      const end = i === 0 ? points[0].atMs : Infinity;
      if (rNow > 0) {
        const d = remaining / rNow;
        if (now + d <= end) return now + d;
        remaining -= rNow * (end - now);
      }
      if (end === Infinity) return Infinity;
      now = end;
      i++;
      continue;
    }
    const end = points[i].atMs;
    const rEnd = points[i].perSec / 1000;
    const area = ((rNow + rEnd) / 2) * (end - now);
    if (area >= remaining) {
      // Solve k/2·d² + rNow·d = remaining for d in the stable form.
      const k = (rEnd - rNow) / (end - now);
      const d = (2 * remaining) / (rNow + Math.sqrt(Math.max(0, rNow * rNow + 2 * k * remaining)));
      return Math.min(end, now + d);
    }
    remaining -= area;
    now = end;
    i++;
  }
}
