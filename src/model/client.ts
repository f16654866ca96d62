/**
 * The clients of a workload source: open-loop arrivals or closed-loop users,
 * and the requests they send (what the route metrics count).
 */
import type { Source } from '../scenario/types';
import type { Uniform } from '../engine/rng';
import type { Sampler } from '../engine/distributions';
import type { RouteStats } from '../metrics/stats';
import type { RatePoint } from '../scenario/types';
import type { CompiledEndpoint } from './compile';
import { Caller } from './caller';
import type { Job } from './job';

export class SourceRt {
  /** Piecewise rate now in force (a live `load` replaces it). */
  rate: readonly RatePoint[] = [];
  /** Bumped when the rate changes: the pending arrival event is then stale. */
  generation = 0;
  /** Time of the pending arrival event; an event at another time is stale. */
  nextAt = Infinity;
  /** Requests sent and not yet answered. */
  inFlight = 0;
  /** Of those, the ones sent at or after warmup (what the report counts). */
  inFlightCounted = 0;
  /** The clients as a caller of the entry service (its balancer's view). */
  readonly caller: Caller;
  constructor(
    readonly index: number,
    readonly def: Source,
    readonly entry: CompiledEndpoint,
    readonly route: RouteStats,
    readonly edge: number,
    readonly arrivals: Uniform,
    readonly think: Sampler | null,
    readonly thinkRng: Uniform,
    serviceCount: number,
  ) {
    if (def.kind === 'open') this.rate = def.rate;
    this.caller = new Caller(serviceCount, -1 - index);
  }
}

export class ClientRequest {
  done = false;
  /** Id of the entry instance it was sent to, -1 when none was ready. */
  target = -1;
  /** The last job it caused: its spans, linked back through `Job.prevInTrace` (no array per request). */
  lastJob: Job | null = null;
  /** Spans linked so far (bounded). */
  spans = 0;
  constructor(
    readonly id: number,
    readonly source: SourceRt,
    readonly sentAt: number,
    readonly counted: boolean,
    /** Closed loop: the user who waits for it (index), else -1. */
    readonly user: number,
  ) {}
}
