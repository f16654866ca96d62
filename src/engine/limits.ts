/**
 * Run limits: a runaway scenario (event storm, unbounded queue growth, huge
 * rates) stops with a typed reason and a message, never a hang or an OOM.
 */
export interface RunLimits {
  /** Events fired in the whole run. */
  readonly maxEvents: number;
  /** Events pending at once (a proxy for memory). */
  readonly maxPending: number;
  /** Requests alive at once (in queues and in service). */
  readonly maxInFlight: number;
}

export const defaultLimits: RunLimits = Object.freeze({
  maxEvents: 2_000_000_000,
  maxPending: 5_000_000,
  maxInFlight: 2_000_000,
});

export type StopReason = 'max-events' | 'max-pending' | 'max-in-flight';

export interface Stop {
  readonly reason: StopReason;
  readonly message: string;
}
