/**
 * A job: one execution of an endpoint at one instance, from arrival there to
 * its response. A client request is the root of a tree of jobs linked by
 * sync calls (each call attempt creates a child job). A parallel step runs
 * its branches as branch jobs that share their parent's instance and worker.
 * Plain mutable records, owned by the World.
 */
import type { Instance } from './instance';
import type { CompiledStep } from './compile';
import type { ClientRequest } from './client';
import type { Attempt } from './attempt';
import { Outcome } from '../metrics/stats';

/** A parallel step under way: its branches, how many are still out, whether one failed. */
export interface Join {
  readonly branches: Job[];
  pending: number;
  failed: boolean;
}

export class Job {
  /** Index of the next step to run. */
  step = 0;
  startedAt = -1;
  endedAt: number | null = null;
  done = false;
  /** How it ended (valid once done). */
  outcome: Outcome = Outcome.Ok;
  /** Holds one of its instance's workers now (async jobs let go while they wait). */
  holding = false;
  /** Position in the instance's running list (swap-remove), -1 when not there. */
  runIndex = -1;
  /** Epoch of the instance when admitted: a crash makes older events stale. */
  epoch = 0;
  /** A call failed and its fallback skipped it: the answer is degraded. */
  degraded = false;
  /** Its caller gave up (timeout): whatever it still does is wasted work. */
  abandoned = false;
  /** The client request it serves (for traces). */
  root: ClientRequest | null = null;
  /** The job its request caused before this one (the trace's span list, newest first). */
  prevInTrace: Job | null = null;
  /** The parallel step it waits for, if any. */
  join: Join | null = null;

  constructor(
    readonly id: number,
    readonly steps: readonly CompiledStep[],
    readonly instance: Instance,
    /** When it reaches its instance (a called job: set again when it comes off the wire). */
    public arrivedAt: number,
    /** The call attempt that created it, or null for a root or branch job. */
    readonly attempt: Attempt | null,
    /** The client request, for a root job. */
    readonly request: ClientRequest | null,
    /** Edge stats index of the call that created it. */
    readonly edge: number,
    /** Arrived at or after warmup: counts in summaries. */
    readonly counted: boolean,
    /** The job whose parallel step this branch belongs to. */
    readonly branchOf: Job | null = null,
    /** "service.endpoint", for traces. */
    readonly name: string = '',
  ) {}
}
