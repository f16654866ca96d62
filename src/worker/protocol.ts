/**
 * The typed messages between the page and the simulation worker. Plain,
 * structured-clone-safe data only: the page never sees engine objects, and
 * the worker never sees the DOM. Both sides import only this file from each other.
 */
import type { ScenarioError } from '../scenario/errors';
import type { Action, TimelineItem } from '../scenario/types';
import type { ExpectationResult, Report } from '../metrics/report';
import type { WorldSnapshot } from '../model/snapshot';
import type { Trace } from '../metrics/traces';

export type Speed = 1 | 10 | 100 | 'max';
export const SPEEDS: readonly Speed[] = [1, 10, 100, 'max'];

/** What the page needs to lay out and label a loaded scenario (no model objects). */
export interface ScenarioMeta {
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly seed: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly services: readonly ServiceMeta[];
  readonly workloads: readonly WorkloadMeta[];
  /** Routes in workload order (the keys of snapshot series). */
  readonly routes: readonly string[];
  readonly layout: Readonly<Record<string, readonly [number, number]>>;
  /** Timeline items written in the file (not the live ones). */
  readonly timeline: readonly TimelineItem[];
}

export interface ServiceMeta {
  readonly name: string;
  readonly label: string;
  readonly instances: number;
  readonly workers: number;
  /** Waiting requests per instance; Infinity = unbounded (structured clone keeps it). */
  readonly queue: number;
  /** Services this one calls (from its endpoints' call steps), in file order, unique. */
  readonly calls: readonly string[];
  readonly model: 'threads' | 'async';
  readonly balancer: 'round-robin' | 'random' | 'least-connections' | 'p2c';
  readonly startupMs: number;
  readonly restartMs: number;
}

export interface WorkloadMeta {
  readonly name: string;
  readonly kind: 'open' | 'closed';
  readonly route: string;
  readonly service: string;
  /** Open loop: the highest rate in the file's rate points (req/s); closed: 0. */
  readonly maxPerSec: number;
  /** Open loop: the rate at t = 0 (req/s). */
  readonly initialPerSec: number;
  /** Closed loop: users; open: 0. */
  readonly users: number;
}

/** Page → worker. */
export type ToWorker =
  | { readonly type: 'load'; readonly text: string; readonly file: string; readonly id: number }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  /** Advance `ms` of simulated time (whole ms), then pause. */
  | { readonly type: 'step'; readonly ms: number }
  | { readonly type: 'setSpeed'; readonly speed: Speed }
  | { readonly type: 'action'; readonly action: Action; readonly forMs?: number | null }
  /** Rebuild the world from the loaded scenario, dropping live actions. */
  | { readonly type: 'restart' }
  /** Send the kept request traces (built on demand). */
  | { readonly type: 'traces' }
  /**
   * Re-simulate to `ms` (clamped to what this run has reached) and pause there;
   * answered by `seeked` with the same id. A newer seek replaces one in progress.
   */
  | { readonly type: 'seek'; readonly ms: number; readonly id: number }
  /** Drop the fork: back to the original run's live actions, re-simulated to the same time (answered by `seeked`). */
  | { readonly type: 'discardFork'; readonly id: number };

/** A run whose past was changed: when it left the original, and the original's live actions (all of them). */
export interface ForkInfo {
  readonly atMs: number;
  readonly original: readonly TimelineItem[];
}

/** The pacer's view of the run, sent with every snapshot. */
export interface RunStatus {
  readonly playing: boolean;
  readonly speed: Speed;
  /** True when the worker cannot keep up with wall time × speed. */
  readonly behind: boolean;
  readonly done: boolean;
  /** Simulated ms per wall second over the last second (what "max" achieves). */
  readonly simRate: number;
}

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'loaded'; readonly id: number; readonly meta: ScenarioMeta }
  | { readonly type: 'invalid'; readonly id: number; readonly file: string; readonly errors: readonly ScenarioError[] }
  | { readonly type: 'snapshot'; readonly snapshot: WorldSnapshot; readonly status: RunStatus }
  | { readonly type: 'recorded'; readonly item: TimelineItem }
  | { readonly type: 'finished'; readonly report: Report }
  | { readonly type: 'traces'; readonly traces: readonly Trace[] }
  /** The scenario's expectations on the run so far (about once a second while it runs). */
  | { readonly type: 'expectations'; readonly atMs: number; readonly results: readonly ExpectationResult[] }
  /**
   * A seek landed: the world is at `ms`, paused (unless play was pressed meanwhile).
   * `rebuilt`: it was re-simulated from 0, and the snapshot's series and log run
   * from 0 (they replace the page's); else they follow on from the last snapshot.
   * `reachMs`: the furthest time this run has reached (the scrubber's limit).
   */
  | { readonly type: 'seeked'; readonly id: number; readonly ms: number; readonly rebuilt: boolean; readonly snapshot: WorldSnapshot; readonly status: RunStatus; readonly reachMs: number }
  /**
   * A long seek on its way: it started at `fromMs` (0 for a re-run from the
   * start, the current time for a seek forward) and has re-simulated up to
   * `atMs`, towards `targetMs`. Only for a seek still running after ~150 ms of
   * wall time, then about every 200 ms; `atMs` never decreases for one id, and
   * the last one (sent just before `seeked`, when any was sent) has `atMs` where it landed.
   */
  | { readonly type: 'seekProgress'; readonly id: number; readonly fromMs: number; readonly atMs: number; readonly targetMs: number }
  /** The run's branch changed (a fork, or back to the original): its live actions, the fork, how far it reaches. */
  | { readonly type: 'branch'; readonly recorded: readonly TimelineItem[]; readonly fork: ForkInfo | null; readonly reachMs: number }
  /** Something threw inside the model: the run stops, the page stays usable. */
  | { readonly type: 'failed'; readonly message: string };
