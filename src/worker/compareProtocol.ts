/**
 * The typed messages between the page's compare view and its own worker
 * (compare.worker.ts), which runs two scenarios headless to their end on one
 * seed. Plain, structured-clone-safe data only, like protocol.ts.
 */
import type { ScenarioError } from '../scenario/errors';
import type { Report } from '../metrics/report';
import type { ScenarioMeta } from './protocol';

export type SideIndex = 0 | 1;

/** `left`: both sides run on the left file's seed (the default); `own`: each on its own; a number: both on it. */
export type SeedChoice = 'left' | 'own' | number;

/** One interval of a route's series (what the compare charts draw). */
export interface ComparePoint {
  /** Interval start, ms of simulated time. */
  readonly t: number;
  readonly requests: number;
  readonly ok: number;
  /** Failed answers (errors, rejections, timeouts) that ended in the interval. */
  readonly errors: number;
  /** ms; NaN when nothing completed. */
  readonly p50: number;
  readonly p99: number;
}

/** Page → compare worker. */
export type ToCompare = {
  readonly type: 'run';
  readonly id: number;
  readonly sides: readonly [{ readonly file: string; readonly text: string }, { readonly file: string; readonly text: string }];
  readonly seed: SeedChoice;
};

/** Compare worker → page. */
export type FromCompare =
  | { readonly type: 'ready' }
  /** The side's file is valid and will run on `seed`. */
  | { readonly type: 'loaded'; readonly id: number; readonly side: SideIndex; readonly meta: ScenarioMeta; readonly seed: number }
  | { readonly type: 'invalid'; readonly id: number; readonly side: SideIndex; readonly errors: readonly ScenarioError[] }
  /** Simulated ms reached per side (a side not running keeps its last value). */
  | { readonly type: 'progress'; readonly id: number; readonly simMs: readonly [number, number] }
  | {
      readonly type: 'done'; readonly id: number; readonly side: SideIndex; readonly report: Report;
      readonly intervalMs: number; readonly series: Readonly<Record<string, readonly ComparePoint[]>>;
    }
  /** Something threw inside the model: this side stops, the other goes on. */
  | { readonly type: 'failed'; readonly id: number; readonly side: SideIndex; readonly message: string }
  /** Both sides are over (done, invalid or failed). */
  | { readonly type: 'finished'; readonly id: number };
