/**
 * Choosing a callee instance (semantics.md): round-robin per caller; random;
 * least-connections (fewest in flight from this caller's view, ties in
 * round-robin order); p2c = Envoy's LEAST_REQUEST: two distinct instances at
 * random, the one with fewer in flight from this caller (the first on a tie).
 */
import type { Service } from '../scenario/types';
import type { Uniform } from '../engine/rng';
import type { Caller } from './caller';
import type { Instance } from './instance';

export function pickInstance(
  kind: Service['balancer'],
  ready: readonly Instance[],
  caller: Caller,
  service: number,
  u: Uniform,
): Instance | null {
  const n = ready.length;
  if (n === 0) return null;
  if (kind === 'round-robin') {
    // The cursor moves even with one instance, as `index mod n` does.
    const i = caller.rr[service] % n;
    caller.rr[service] = i + 1;
    return ready[i];
  }
  if (n === 1) return ready[0];
  switch (kind) {
    case 'random':
      return ready[Math.min(n - 1, Math.floor((1 - u()) * n))];
    case 'least-connections': {
      const start = caller.rr[service] % n;
      let best = ready[start], bestLoad = caller.inFlightTo(best.id);
      for (let k = 1; k < n && bestLoad > 0; k++) {
        const inst = ready[(start + k) % n];
        const load = caller.inFlightTo(inst.id);
        if (load < bestLoad) { best = inst; bestLoad = load; }
      }
      caller.rr[service] = start + 1;
      return best;
    }
    case 'p2c': {
      const a = Math.min(n - 1, Math.floor((1 - u()) * n));
      let b = Math.min(n - 2, Math.floor((1 - u()) * (n - 1)));
      if (b >= a) b++;
      return caller.inFlightTo(ready[b].id) < caller.inFlightTo(ready[a].id) ? ready[b] : ready[a];
    }
  }
}
