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
  /** Round-robin cursor over the entry service's instances. */
  rr = 0;
  constructor(
    readonly index: number,
    readonly def: Source,
    readonly entry: CompiledEndpoint,
    readonly route: RouteStats,
    readonly edge: number,
    readonly arrivals: Uniform,
    readonly think: Sampler | null,
    readonly thinkRng: Uniform,
  ) {
    if (def.kind === 'open') this.rate = def.rate;
  }
}

export class ClientRequest {
  done = false;
  constructor(
    readonly id: number,
    readonly source: SourceRt,
    readonly sentAt: number,
    readonly counted: boolean,
    /** Closed loop: the user who waits for it (index), else -1. */
    readonly user: number,
  ) {}
}
