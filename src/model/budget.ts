/**
 * An upfront estimate of a run's size, so a scenario that would take hours
 * (1e6/s for 30 days) is refused at once with a message instead of starting.
 */
import type { Scenario } from '../scenario/types';
import { distMean } from '../engine/distributions';
import { rateAt } from './arrivals';

/** About 1–2 minutes of CPU at the model's speed on a small machine. */
export const MAX_REQUESTS = 100_000_000;

/** Expected client requests over the whole run (closed loop: an upper bound). */
export function estimateRequests(s: Scenario): number {
  let total = 0;
  for (const src of s.workload) {
    if (src.kind === 'open') {
      // The rate is linear between breakpoints: the trapezoid rule is exact.
      const cuts = [0, ...src.rate.map((p) => p.atMs).filter((t) => t > 0 && t < s.durationMs), s.durationMs];
      for (let i = 1; i < cuts.length; i++) {
        const a = cuts[i - 1], b = cuts[i];
        total += ((rateAt(src.rate, a) + rateAt(src.rate, b)) / 2) * (b - a);
      }
    } else {
      const think = Math.max(distMean(src.think), 0.001);
      total += (src.users * s.durationMs) / think;
    }
  }
  return total;
}

/** A message when the run would be too large, else null. */
export function checkBudget(s: Scenario): string | null {
  const n = estimateRequests(s);
  if (n <= MAX_REQUESTS) return null;
  return `workload: this scenario would send about ${n.toExponential(1)} requests over ${s.durationMs / 1000}s; the limit is ${MAX_REQUESTS.toExponential(0)}: shorten \`duration\` or lower the rates`;
}
