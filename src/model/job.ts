/**
 * A job: one execution of an endpoint at one instance, from arrival there to
 * its response. A client request is the root of a tree of jobs linked by
 * sync calls. Plain mutable records, owned by the World.
 */
import type { Instance } from './instance';
import type { CompiledEndpoint } from './compile';
import type { ClientRequest } from './client';
import { Outcome } from '../metrics/stats';

export class Job {
  /** Index of the next step to run. */
  step = 0;
  startedAt = -1;
  done = false;
  /** How it ended (valid once done). */
  outcome: Outcome = Outcome.Ok;
  /** Position in the instance's running list (swap-remove), -1 when not running. */
  runIndex = -1;
  /** Epoch of the instance when admitted: a crash makes older events stale. */
  epoch = 0;

  constructor(
    readonly id: number,
    readonly endpoint: CompiledEndpoint,
    readonly instance: Instance,
    readonly arrivedAt: number,
    /** The job waiting for this one (a sync call), or null for a root job. */
    readonly parent: Job | null,
    /** The client request, for a root job. */
    readonly request: ClientRequest | null,
    /** Edge stats index of the call that created it. */
    readonly edge: number,
    /** Arrived at or after warmup: counts in summaries. */
    readonly counted: boolean,
  ) {}
}
