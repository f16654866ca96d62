/**
 * One attempt of a sync call: who called, which try it is, what it holds
 * (a bulkhead permit, an in-flight count at the chosen instance, a breaker
 * result to record) until it settles: the callee answered, or the caller's
 * timeout fired first. Settling twice is impossible; a late answer after a
 * timeout only counts as wasted work.
 */
import type { CompiledStep, StepKind } from './compile';
import type { Instance } from './instance';
import type { Breaker } from './breaker';
import type { Job } from './job';

export type CallStep = Extract<CompiledStep, { kind: StepKind.Call }>;

export class Attempt {
  settled = false;
  child: Job | null = null;
  constructor(
    readonly job: Job,
    readonly step: CallStep,
    /** 1 for the first try. */
    readonly number: number,
    /** The back-off that preceded it (decorrelated jitter grows from it). */
    readonly prevBackoffMs: number,
    readonly startedAt: number,
    readonly target: Instance,
    readonly breaker: Breaker | null,
    readonly bulkhead: boolean,
  ) {}
}

/** A retry waiting for its back-off to pass. */
export interface PendingRetry {
  readonly job: Job;
  readonly step: CallStep;
  readonly number: number;
  readonly backoffMs: number;
}
