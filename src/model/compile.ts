/**
 * Turns the Scenario's services and endpoints into runtime structures: steps
 * with their samplers and named random streams bound once, so the event loop
 * does no lookups by name.
 */
import type { CallOptions, Scenario, Service, Step } from '../scenario/types';
import type { RandomStreams, Uniform } from '../engine/rng';
import { sampler, type Sampler } from '../engine/distributions';

export const enum StepKind {
  Cpu = 0,
  Call = 1,
  Fail = 2,
  Parallel = 3,
}

export type CompiledStep =
  | { readonly kind: StepKind.Cpu; readonly sample: Sampler; readonly rng: Uniform }
  | {
      readonly kind: StepKind.Call;
      readonly service: number;
      endpoint: CompiledEndpoint | null;
      readonly edge: number;
      readonly options: CallOptions;
      /** Draws for retry jitter on this call site. */
      readonly jitter: Uniform;
      /** The network it crosses; null = ideal (no delay, no serialisation). */
      readonly net: CompiledNetwork | null;
    }
  | { readonly kind: StepKind.Fail; readonly probability: number; readonly rng: Uniform }
  /** Each branch is a one-step sequence, run concurrently; the step continues when all finish. */
  | {
      readonly kind: StepKind.Parallel;
      readonly branches: readonly (readonly CompiledStep[])[];
      /** A branch burns CPU: the job keeps its worker even in the async model. */
      readonly usesCpu: boolean;
    };

/** A call's network with its samplers bound: one-way latency and per-message serialisation CPU. */
export interface CompiledNetwork {
  readonly protocol: 'rest' | 'grpc';
  readonly latency: Sampler;
  readonly serialize: Sampler;
  readonly rng: Uniform;
}

export interface CompiledEndpoint {
  readonly service: number;
  readonly name: string;
  /** "service.endpoint" */
  readonly label: string;
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
    for (const ep of cs.def.endpoints) cs.endpoints.set(ep.name, { service: cs.index, name: ep.name, label: `${cs.def.name}.${ep.name}`, steps: [] });
  }
  const compileStep = (cs: CompiledService, step: Step, where: string): CompiledStep => {
    switch (step.kind) {
      case 'cpu':
        return { kind: StepKind.Cpu, sample: sampler(step.dist), rng: rng.stream(`cpu:${where}`) };
      case 'call': {
        const si = byName.get(step.service);
        if (si === undefined) throw new Error(`unknown service ${step.service}`);
        return {
          kind: StepKind.Call,
          service: si,
          endpoint: compiled[si].endpoints.get(step.endpoint) ?? null,
          edge: edges.index(cs.def.name, step.service),
          options: step.options,
          jitter: rng.stream(`jitter:${where}`),
          net: step.options.network && {
            protocol: step.options.network.protocol,
            latency: sampler(step.options.network.latency),
            serialize: sampler(step.options.network.serialize),
            rng: rng.stream(`network:${where}`),
          },
        };
      }
      case 'fail':
        return { kind: StepKind.Fail, probability: step.probability, rng: rng.stream(`fail:${where}`) };
      case 'parallel':
        return {
          kind: StepKind.Parallel,
          branches: step.steps.map((sub, k) => [compileStep(cs, sub, `${where}/${k}`)]),
          usesCpu: step.steps.some(function cpu(x: Step): boolean { return x.kind === 'cpu' || (x.kind === 'parallel' && x.steps.some(cpu)); }),
        };
    }
  };
  for (const cs of compiled) {
    for (const ep of cs.def.endpoints) {
      const target = cs.endpoints.get(ep.name)!;
      ep.steps.forEach((step, i) => target.steps.push(compileStep(cs, step, `${cs.def.name}.${ep.name}#${i}`)));
    }
  }
  return compiled;
}
