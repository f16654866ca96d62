/**
 * What the page needs to know of a loaded scenario to lay it out and label
 * it, derived once from the normalised Scenario. Structure only: no rates
 * computed over time, no model objects.
 */
import type { Scenario, Step } from '../scenario/types';
import type { ScenarioMeta, ServiceMeta, WorkloadMeta } from './protocol';

export function scenarioMeta(s: Scenario): ScenarioMeta {
  const services: ServiceMeta[] = s.services.map((svc) => {
    const calls: string[] = [];
    for (const ep of svc.endpoints) collectCalls(ep.steps, calls);
    return {
      name: svc.name,
      label: svc.label,
      instances: svc.instances,
      workers: svc.workers,
      queue: svc.queue,
      calls: calls.filter((c) => c !== svc.name),
      model: svc.model,
      balancer: svc.balancer,
      startupMs: svc.startupMs,
      restartMs: svc.restartMs,
    };
  });
  const workloads: WorkloadMeta[] = s.workload.map((w) =>
    w.kind === 'open'
      ? {
          name: w.name, kind: 'open', route: w.route, service: w.service,
          maxPerSec: Math.max(0, ...w.rate.map((p) => p.perSec)),
          initialPerSec: w.rate[0]?.perSec ?? 0,
          users: 0,
        }
      : { name: w.name, kind: 'closed', route: w.route, service: w.service, maxPerSec: 0, initialPerSec: 0, users: w.users },
  );
  const routes: string[] = [];
  for (const w of s.workload) if (!routes.includes(w.route)) routes.push(w.route);
  return {
    name: s.name,
    description: s.description,
    file: s.file,
    seed: s.seed,
    durationMs: s.durationMs,
    warmupMs: s.warmupMs,
    services,
    workloads,
    routes,
    layout: s.layout,
    timeline: s.timeline,
  };
}

/** Call targets of a step list; tolerant of step kinds added later (nested `steps`/`miss`). */
function collectCalls(steps: readonly Step[], out: string[]): void {
  for (const step of steps) {
    if (step.kind === 'call' && !out.includes(step.service)) out.push(step.service);
    const nested = step as unknown as { steps?: readonly Step[]; miss?: readonly Step[] };
    if (Array.isArray(nested.steps)) collectCalls(nested.steps, out);
    if (Array.isArray(nested.miss)) collectCalls(nested.miss, out);
  }
}
