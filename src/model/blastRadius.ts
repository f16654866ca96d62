/**
 * "If this service goes down, what stops working?" — from the call graph
 * alone: a route is unavailable without a service when a call chain from its
 * entry reaches that service with no `fallback: skip` on the way, degraded
 * when every such chain passes a skipping fallback, unaffected otherwise.
 * (The run itself shows the same thing in numbers: kill the service and
 * watch each route's errors and `degraded` count.)
 */
import type { Scenario, Step } from '../scenario/types';

export type Impact = 'unaffected' | 'degraded' | 'unavailable';

export interface BlastRadius {
  readonly unavailable: readonly string[];
  readonly degraded: readonly string[];
}

const worse = (a: Impact, b: Impact): Impact =>
  a === 'unavailable' || b === 'unavailable' ? 'unavailable' : a === 'degraded' || b === 'degraded' ? 'degraded' : 'unaffected';

export function blastRadius(s: Scenario): Record<string, BlastRadius> {
  const endpoints = new Map(s.services.map((svc) => [svc.name, new Map(svc.endpoints.map((e) => [e.name, e.steps]))]));

  /** Impact on one endpoint of losing `down` (call graphs are acyclic: the scenario layer refuses cycles). */
  const impact = (service: string, endpoint: string, down: string, memo: Map<string, Impact>): Impact => {
    if (service === down) return 'unavailable';
    const key = `${service}.${endpoint}`;
    const known = memo.get(key);
    if (known) return known;
    const steps = endpoints.get(service)?.get(endpoint) ?? [];
    const ofSteps = (list: readonly Step[]): Impact =>
      list.reduce<Impact>((acc, st) => {
        if (st.kind === 'parallel') return worse(acc, ofSteps(st.steps));
        if (st.kind !== 'call') return acc;
        const below = impact(st.service, st.endpoint, down, memo);
        const here = below === 'unavailable' && st.options.fallback === 'skip' ? 'degraded' : below;
        return worse(acc, here);
      }, 'unaffected');
    const result = ofSteps(steps);
    memo.set(key, result);
    return result;
  };

  const out: Record<string, BlastRadius> = {};
  for (const svc of s.services) {
    const memo = new Map<string, Impact>();
    const unavailable = new Set<string>(), degraded = new Set<string>();
    for (const src of s.workload) {
      const i = impact(src.service, src.endpoint, svc.name, memo);
      if (i === 'unavailable') unavailable.add(src.route);
      else if (i === 'degraded') degraded.add(src.route);
    }
    for (const r of unavailable) degraded.delete(r);
    out[svc.name] = { unavailable: [...unavailable], degraded: [...degraded] };
  }
  return out;
}
