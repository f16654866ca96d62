/** The shape of the page's state: what the UI shows, and the commands it may send. */
import type { ScenarioError } from '../scenario/errors';
import type { Action, TimelineItem } from '../scenario/types';
import type { ExpectationResult, Report } from '../metrics/report';
import type { LogEntry, WorldSnapshot } from '../model/snapshot';
import type { Trace } from '../metrics/traces';
import type { ForkInfo, RunStatus, ScenarioMeta, Speed } from '../worker/protocol';
import type { ChartSeries, DetailSeries } from './series';

/** A scenario the picker offers: bundled with the app, or a file the user opened. */
export interface CatalogEntry {
  /** Path for bundled files (`/scenarios/shop.yaml`), `opened:<name>` for a user's file. */
  readonly key: string;
  readonly group: string;
  readonly name: string;
  /** First line of the description. */
  readonly summary: string;
  readonly file: string;
  readonly text: string;
}

/** A scenario's source as loaded (or being loaded): kept so nothing opened is lost. */
export interface Source {
  readonly key: string;
  readonly file: string;
  readonly text: string;
}

export interface InvalidFile extends Source {
  readonly errors: readonly ScenarioError[];
}

export interface SessionSlice {
  catalog: readonly CatalogEntry[];
  /** The scenario that is loaded and running (null before the first load). */
  source: Source | null;
  /** A load sent to the worker, not answered yet. */
  pending: (Source & { readonly id: number }) | null;
  /** Shown instead of the run while set; the run is kept underneath. */
  invalid: InvalidFile | null;
  /** A model failure (the run stopped), shown as a banner. */
  failure: string | null;
  meta: ScenarioMeta | null;
  setCatalog(entries: readonly CatalogEntry[]): void;
  /** Load a picker entry by key. */
  selectScenario(key: string): void;
  /** Load a file the user opened (validated in the worker). */
  openFile(file: string, text: string): void;
  /** Leave the errors view and go back to the running scenario. */
  dismissErrors(): void;
}

export interface RunSlice {
  status: RunStatus;
  snapshot: WorldSnapshot | null;
  /** Increments on every snapshot: views redraw only when it changes. */
  snapshotVersion: number;
  series: ChartSeries;
  /** Chart points per service and per call edge, kept like `series`. */
  detail: DetailSeries;
  /** Series interval inferred from the points (ms), null until two points are seen. */
  seriesIntervalMs: number | null;
  /**
   * Load changes sent but not yet visible in a snapshot (the World applies a
   * live action at its next event, so a paused run shows it only after play).
   */
  pendingLoad: Readonly<Record<string, { readonly perSec: number; readonly atMs: number }>>;
  /** Live actions recorded by the worker, in the scenario timeline's form. */
  recorded: readonly TimelineItem[];
  /** The scenario's expectations on the run so far (null before the first evaluation). */
  liveExpectations: { readonly atMs: number; readonly results: readonly ExpectationResult[] } | null;
  /** The event log so far (the newest LOG_LIMIT entries), oldest first. */
  log: readonly LogEntry[];
  /** The kept request traces (failed, slow, a sample), newest first, as last fetched; null = not fetched. */
  traces: readonly Trace[] | null;
  /** Ask the worker for the kept traces (they are built on demand). */
  fetchTraces(): void;
  report: Report | null;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(ms?: number): void;
  setSpeed(speed: Speed): void;
  /** Change a workload's rate now (recorded as a timeline `load` action). */
  setLoad(workload: string, perSec: number): void;
  /**
   * Apply a live action now (kill, a fault…), recorded as a timeline item;
   * `forMs` makes it temporary (the model undoes it), null = until the end.
   */
  act(action: Action, forMs?: number | null): void;
  restart(): void;
  /** The furthest simulated time this run (this branch) has reached: the scrubber goes anywhere up to it. */
  reachMs: number;
  /** A seek sent to the worker and not answered yet. */
  seeking: { readonly id: number; readonly ms: number } | null;
  /**
   * How far the worker's re-simulation for `seeking` has got (a long seek only;
   * null until the worker says, and again once it lands, a newer seek is sent
   * or a file loads): from `fromMs` (0, or where a seek forward started) to `targetMs`.
   */
  seekProgress: SeekProgress | null;
  /** Set when a live action changed this run's past: when, and the original run's live actions. */
  fork: ForkInfo | null;
  /** Re-simulate to `ms` (at most `reachMs`) and pause there; charts and log show the run up to it. */
  seek(ms: number): void;
  /** Drop the fork: back to the original run, at the same time (or as far as it reached). */
  discardFork(): void;
}

/** A long seek's way so far (simulated ms), as the worker last reported it. */
export interface SeekProgress {
  readonly id: number;
  readonly fromMs: number;
  readonly atMs: number;
  readonly targetMs: number;
}

/** What the user picked on the canvas or in the inspector. */
export interface Selection {
  readonly service: string;
  /** Index into the service's instances when an instance cell was clicked. */
  readonly instance: number | null;
}

export interface ViewSlice {
  /** pixi's renderer once it runs ('webgl' | 'canvas'), for the status line and tests. */
  rendererName: string | null;
  setRendererName(name: string | null): void;
  /** The service (and instance) the inspector acts on; null = none. */
  selection: Selection | null;
  select(service: string | null, instance?: number | null): void;
  /** Services' positions after the user arranged the canvas (for the file's `layout:`); null = as laid out. */
  layout: Readonly<Record<string, readonly [number, number]>> | null;
  setLayout(layout: Readonly<Record<string, readonly [number, number]>> | null): void;
  /** The request trace shown in the trace view; null = the list of kept traces. */
  traceId: string | null;
  /** Show a trace (fetches the kept traces from the worker), or null for the list. */
  showTrace(id: string | null): void;
}

export type AppState = SessionSlice & RunSlice & ViewSlice;
