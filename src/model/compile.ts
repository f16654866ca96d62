/**
 * Turns the Scenario's services and endpoints into runtime structures: steps
 * with their samplers and named random streams bound once, so the event loop
 * does no lookups by name.
 */
import type { Scenario, Service } from '../scenario/types';
import type { RandomStreams, Uniform } from '../engine/rng';
import { sampler, type Sampler } from '../engine/distributions';

export const enum StepKind {
  Cpu = 0,
  Call = 1,
  Fail = 2,
}

export type CompiledStep =
  | { readonly kind: StepKind.Cpu; readonly sample: Sampler; readonly rng: Uniform }
  | { readonly kind: StepKind.Call; readonly service: number; endpoint: CompiledEndpoint | null; readonly edge: number }
  | { readonly kind: StepKind.Fail; readonly probability: number; readonly rng: Uniform };

export interface CompiledEndpoint {
  readonly service: number;
  readonly name: string;
  readonly steps: CompiledStep[];
}

export interface CompiledService {
  readonly index: number;
  readonly def: Service;
  readonly endpoints: Map<string, CompiledEndpoint>;
}

/** Edges are (caller, callee) pairs; `edgeIndex` interns them. */
export interface EdgeTable {
  index(from: string, to: string): number;
}

export function compileServices(scenario: Scenario, rng: RandomStreams, edges: EdgeTable): CompiledService[] {
  const byName = new Map<string, number>();
  scenario.services.forEach((s, i) => byName.set(s.name, i));
  const compiled: CompiledService[] = scenario.services.map((def, index) => ({
    index,
    def,
    endpoints: new Map(),
  }));
  // First pass: create endpoints so calls can point at them.
  for (const cs of compiled) {
    for (const ep of cs.def.endpoints) cs.endpoints.set(ep.name, { service: cs.index, name: ep.name, steps: [] });
  }
  for (const cs of compiled) {
    for (const ep of cs.def.endpoints) {
      const target = cs.endpoints.get(ep.name)!;
      ep.steps.forEach((step, i) => {
        const where = `${cs.def.name}.${ep.name}#${i}`;
        switch (step.kind) {
          case 'cpu':
            target.steps.push({ kind: StepKind.Cpu, sample: sampler(step.dist), rng: rng.stream(`cpu:${where}`) });
            break;
          case 'call': {
            const si = byName.get(step.service);
            if (si === undefined) throw new Error(`unknown service ${step.service}`);
            target.steps.push({
              kind: StepKind.Call,
              service: si,
              endpoint: compiled[si].endpoints.get(step.endpoint) ?? null,
              edge: edges.index(cs.def.name, step.service),
            });
            break;
          }
          case 'fail':
            target.steps.push({ kind: StepKind.Fail, probability: step.probability, rng: rng.stream(`fail:${where}`) });
            break;
        }
      });
    }
  }
  return compiled;
}
