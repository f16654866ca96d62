/**
 * The worker's run loop: owns one World, the pacer and the play state, and
 * answers page commands. Never blocks for long: every turn of the loop runs
 * the model in short chunks for at most `sliceMs` of wall time, then yields so
 * page messages (pause, a slider move) are handled between slices.
 * Host services (clock, timers, postMessage) are injected, so this runs in
 * Node tests with a fake World too.
 *
 * Time scrubbing: the run is deterministic, so the state at an earlier time is
 * a fresh World run to it with this branch's live actions applied again at
 * their recorded ms. A live action taken in the past forks the run: the
 * original's later actions are dropped from the branch (and kept for the page
 * to compare).
 */
import type { LoadResult } from '../scenario/errors';
import type { Action, Scenario, TimelineItem } from '../scenario/types';
import type { Report } from '../metrics/report';
import type { LogEntry, WorldSnapshot } from '../model/snapshot';
import { Pacer } from './pacer';
import type { ForkInfo, FromWorker, RunStatus, ScenarioMeta, Speed, ToWorker } from './protocol';
import { scenarioMeta } from './meta';
import type { Trace } from '../metrics/traces';

/** The part of model/world.ts the worker uses. */
export interface WorldLike {
  readonly now: number;
  readonly done: boolean;
  readonly stopped: null | { reason: string; message: string };
  runUntil(tMs: number): void;
  apply(action: Action, forMs?: number | null): TimelineItem;
  snapshot(): WorldSnapshot;
  report(): Report;
  /** The kept request traces, built on demand. */
  traces(): Trace[];
}

export interface RunnerHost {
  /** Wall clock, ms (performance.now in the worker). */
  now(): number;
  /** Run `fn` after `ms` (0 = as soon as pending messages are handled). */
  schedule(fn: () => void, ms: number): void;
  post(msg: FromWorker): void;
  load(text: string, file: string): LoadResult;
  createWorld(scenario: Scenario): WorldLike;
}

export const runnerDefaults = {
  /** Wall time one loop turn may spend in the model. */
  sliceMs: 10,
  /** Wall time one runUntil call should take; chunks adapt to it. */
  chunkWallMs: 2,
  /** Paced speeds: the loop wakes about once per display frame. */
  frameMs: 16,
  /**
   * For this long after a Play from the run's start at max speed, the loop rests `easeInRestMs` after
   * each slice. The page's first frames after Play are its heaviest (first
   * chart axes, first numbers, first dots); on a 2-core machine a worker that
   * never rests leaves them one core shared with the compositor, and they ran
   * into 50–130 ms tasks in most runs. Costs about half a second of
   * max-speed simulation.
   */
  easeInMs: 1000,
  easeInRestMs: 10,
  /** At most this many snapshots per wall second (~15). */
  snapshotEveryMs: 66,
  /** Log entries a seek hands over at most (the page keeps 2000). */
  seekLogKeep: 2000,
  /** A seek still running after this much wall time tells the page how far it got (a quicker one lands unannounced: no flash). */
  seekProgressAfterMs: 150,
  /** …and then about this often (5 a second: a bar that moves, few messages). */
  seekProgressEveryMs: 200,
} as const;

/**
 * A seek in progress. No checkpoints: a seek back re-runs from 0, and that is
 * fast enough. Measured: shop.yaml (3 min, ~520k events, hops and log on) runs
 * to its end in 0.4–1 s of Node wall time on a busy 2-core machine (200–450×
 * real time); in headless Chromium on the same machine (load average > 10) a
 * seek from 0 to its end landed in 2.4 s (e2e/scrubber.spec.ts annotates it).
 * Checkpoints would need a deep copy of the World (heap, RNG streams, every
 * instance); worth it only for hour-long runs. A seek forward runs on from
 * where the world is. Runs in slices like play, so pause, another seek or a
 * new file are handled between them.
 */
interface SeekJob {
  id: number;
  targetMs: number;
  /** Re-run from 0: the page replaces its charts and log with these. */
  readonly rebuilt: boolean;
  /** Where the re-simulation started (0, or the time a seek forward ran on from): progress counts from here. */
  readonly fromMs: number;
  /** Wall time the page started waiting (the first of a chain of seeks that replaced one another). */
  readonly startedWall: number;
  /** Wall time of the last `seekProgress` for this job's id; null = none yet. */
  progressWall: number | null;
  /** Series points (per route, service, edge) and log entries taken on the way: snapshots drain them. */
  readonly series: Record<SeriesKey, Record<string, unknown[]>>;
  readonly log: LogEntry[];
  last: WorldSnapshot | null;
}

/** The snapshot fields that hold points "since the previous snapshot". */
const SERIES_KEYS = ['series', 'serviceSeries', 'edgeSeries'] as const;
type SeriesKey = (typeof SERIES_KEYS)[number];

function noSeries(): Record<SeriesKey, Record<string, unknown[]>> {
  return { series: {}, serviceSeries: {}, edgeSeries: {} };
}

export class SimRunner {
  private scenario: Scenario | null = null;
  private meta: ScenarioMeta | null = null;
  private world: WorldLike | null = null;
  private lastLoadId = 0;
  private playing = false;
  /** Wall time of the last Play from the run's start (max speed eases in after it); -Infinity otherwise. */
  private playWall = -Infinity;
  private stepTargetMs: number | null = null;
  private finishedSent = false;
  private readonly pacer = new Pacer(1);
  /** Simulated ms per runUntil call, adapted to `chunkWallMs`. */
  private chunkMs = 10;
  private loopArmed = false;
  private lastSnapshotWall = -Infinity;
  private lastExpectWall = -Infinity;
  private rateWindow = { wall: 0, sim: 0, rate: 0 };
  /** Whole ms the world has been run to (what the next action's `at` will be). */
  private reachedMs = 0;
  /** This branch's live actions, in the order they were applied (whole-ms `atMs`, never decreasing). */
  private actions: TimelineItem[] = [];
  /** How many of `actions` the world has applied; the rest lie in its future (after a seek back) and replay at their times. */
  private applied = 0;
  /** The furthest time this branch has been simulated to: seeks go anywhere in [0, horizonMs]. */
  private horizonMs = 0;
  /** The run this branch forked from, until the page discards the fork or loads a file. */
  private original: { readonly actions: readonly TimelineItem[]; readonly horizonMs: number; atMs: number } | null = null;
  private seekJob: SeekJob | null = null;
  /** Live actions sent during a seek: applied where it lands. */
  private deferred: { action: Action; forMs: number | null }[] = [];

  constructor(private readonly host: RunnerHost) {}

  handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'load': return this.load(msg.text, msg.file, msg.id);
      case 'play': return this.play();
      case 'pause': return this.pause();
      case 'step': return this.step(msg.ms);
      case 'setSpeed': return this.setSpeed(msg.speed);
      case 'action': return this.action(msg.action, msg.forMs ?? null);
      case 'restart': return this.restart();
      case 'traces': return this.host.post({ type: 'traces', traces: this.world ? this.world.traces() : [] });
      case 'seek': return this.seek(msg.ms, msg.id, false);
      case 'discardFork': return this.discardFork(msg.id);
    }
  }

  private load(text: string, file: string, id: number): void {
    let result: LoadResult;
    try {
      result = this.host.load(text, file);
    } catch (e) {
      // loadScenario promises never to throw; if it does, say so as an error of the file.
      result = { ok: false, errors: [{ file, line: 0, column: 0, path: '', message: `internal error while loading: ${errorText(e)}` }] };
    }
    if (!result.ok) {
      // The running scenario stays as it is: the page can go back to it.
      this.host.post({ type: 'invalid', id, file, errors: result.errors });
      return;
    }
    this.lastLoadId = id;
    this.start(result.scenario);
  }

  private start(scenario: Scenario): void {
    const world = this.createWorld(scenario);
    if (!world) return;
    this.scenario = scenario;
    this.seekJob = null;
    this.useWorld(world);
    this.meta = scenarioMeta(scenario);
    this.playing = false;
    this.stepTargetMs = null;
    this.actions = [];
    this.horizonMs = this.reachedMs;
    this.original = null;
    this.deferred = [];
    this.chunkMs = 10;
    this.pacer.reset(this.reachedMs);
    this.rateWindow = { wall: this.host.now(), sim: this.reachedMs, rate: 0 };
    this.host.post({ type: 'loaded', id: this.lastLoadId, meta: this.meta });
    this.postSnapshot();
  }

  private createWorld(scenario: Scenario): WorldLike | null {
    try {
      return this.host.createWorld(scenario);
    } catch (e) {
      this.host.post({ type: 'failed', message: `could not build the world: ${errorText(e)}` });
      return null;
    }
  }

  /** Run a fresh World (at time 0): none of this branch's actions applied yet. */
  private useWorld(world: WorldLike): void {
    this.world = world;
    this.applied = 0;
    this.finishedSent = false;
    this.reachedMs = Math.floor(world.now);
  }

  private restart(): void {
    if (this.scenario) this.start(this.scenario);
  }

  private play(): void {
    if (!this.world || this.isOver()) return;
    this.playing = true;
    // A run's first frames are the page's heavy ones; a resume mid-run eases in no more.
    this.playWall = this.reachedMs === 0 ? this.host.now() : -Infinity;
    this.stepTargetMs = null;
    this.pacer.reset(this.reachedMs);
    this.postSnapshot();
    this.arm(0);
  }

  private pause(): void {
    if (!this.world) return;
    this.playing = false;
    this.stepTargetMs = null;
    this.postSnapshot();
  }

  private step(ms: number): void {
    if (!this.world || this.isOver() || this.seekJob) return;
    this.playing = false;
    this.stepTargetMs = Math.floor(this.reachedMs + Math.max(1, Math.round(ms)));
    this.arm(0);
  }

  private setSpeed(speed: Speed): void {
    this.pacer.speed = speed;
    this.pacer.reset(this.reachedMs);
    if (this.world) this.postSnapshot();
  }

  private action(action: Action, forMs: number | null): void {
    if (this.seekJob) {
      this.deferred.push({ action, forMs });
      return;
    }
    const world = this.world;
    if (!world || this.isOver()) return;
    let item: TimelineItem;
    try {
      // This branch's actions at this very ms come first, as they did in the run it replays.
      this.runTo(this.reachedMs);
      if (this.reachedMs < this.horizonMs || this.applied < this.actions.length) this.fork();
      item = world.apply(action, forMs);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.actions.push(item);
    this.applied = this.actions.length;
    this.host.post({ type: 'recorded', item });
    this.postSnapshot();
  }

  /**
   * An action in this branch's past: the run takes a new course from here.
   * Later actions are dropped; the first fork keeps the original for the page.
   */
  private fork(): void {
    const atMs = this.reachedMs;
    if (this.original) this.original.atMs = Math.min(this.original.atMs, atMs);
    else this.original = { actions: this.actions.slice(), horizonMs: this.horizonMs, atMs };
    this.actions = this.actions.slice(0, this.applied);
    this.horizonMs = atMs;
    this.postBranch();
  }

  private discardFork(id: number): void {
    const o = this.original;
    if (!o || !this.scenario) return;
    const atMs = Math.min(this.reachedMs, o.horizonMs);
    this.actions = o.actions.slice();
    this.horizonMs = o.horizonMs;
    this.original = null;
    this.deferred = [];
    this.postBranch();
    // The world holds the fork's actions: re-run the original to the same time.
    this.seek(atMs, id, true);
  }

  private postBranch(): void {
    const o = this.original;
    const fork: ForkInfo | null = o ? { atMs: o.atMs, original: o.actions.slice() } : null;
    this.host.post({ type: 'branch', recorded: this.actions.slice(), fork, reachMs: this.horizonMs });
  }

  /** Go to `ms` of this branch (at most as far as it has reached), paused; `rebuild` re-runs from 0 even when going forward. */
  private seek(ms: number, id: number, rebuild: boolean): void {
    if (!this.scenario || !Number.isFinite(ms)) return;
    const targetMs = Math.max(0, Math.min(Math.round(ms), this.horizonMs, this.scenario.durationMs));
    this.playing = false;
    this.stepTargetMs = null;
    const prev = this.seekJob;
    // The page has been waiting since the first seek of a chain (its quiet time
    // counts from there): when it already shows progress, the newer seek's
    // comes at its first slice, so the bar does not blink out.
    const startedWall = prev ? prev.startedWall : this.host.now();
    let job: SeekJob;
    if (rebuild || !this.world || targetMs < this.reachedMs) {
      const world = this.createWorld(this.scenario);
      if (!world) {
        // Said already ('failed'); the run stops like a model failure.
        this.world = null;
        this.seekJob = null;
        return;
      }
      this.useWorld(world);
      job = { id, targetMs, rebuilt: true, fromMs: 0, startedWall, progressWall: null, series: noSeries(), log: [], last: null };
    } else if (prev) {
      // Still on the way (from 0 or from where the world was): go on to the new target.
      job = prev;
      job.id = id;
      job.targetMs = targetMs;
      job.progressWall = null;
    } else {
      job = { id, targetMs, rebuilt: false, fromMs: this.reachedMs, startedWall, progressWall: null, series: noSeries(), log: [], last: null };
    }
    this.seekJob = job;
    this.arm(0);
  }

  /**
   * Run the world to `end`, applying this branch's recorded actions that fall
   * in the way at their own ms, exactly as they were applied live (the world
   * was run to that ms, then `apply`), so the replay is the same run.
   */
  private runTo(end: number): void {
    const world = this.world!;
    while (this.applied < this.actions.length && this.actions[this.applied].atMs <= end) {
      const item = this.actions[this.applied];
      if (item.atMs > world.now) world.runUntil(item.atMs);
      if (world.done || world.stopped !== null) break;
      world.apply(item.action, item.forMs);
      this.applied++;
    }
    world.runUntil(end);
  }

  private isOver(): boolean {
    const w = this.world;
    return !w || w.done || w.stopped !== null;
  }

  private arm(ms: number): void {
    if (this.loopArmed) return;
    this.loopArmed = true;
    this.host.schedule(() => { this.loopArmed = false; this.turn(); }, ms);
  }

  /** One loop turn: run the model for at most one slice, post a snapshot if due, re-arm. */
  private turn(): void {
    const world = this.world;
    if (world && this.seekJob) return this.seekTurn(world, this.seekJob);
    if (!world || (!this.playing && this.stepTargetMs === null)) return;
    const start = this.host.now();
    const duration = this.scenario!.durationMs;
    let target: number;
    if (this.stepTargetMs !== null) target = this.stepTargetMs;
    else target = this.pacer.frameTarget(start, this.reachedMs);
    target = Math.min(target, duration);

    try {
      this.runSlice(world, target, start);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.horizonMs = Math.max(this.horizonMs, this.reachedMs);

    if (this.stepTargetMs === null) this.pacer.frameEnd(this.reachedMs);
    this.measureRate();

    if (this.isOver()) {
      this.playing = false;
      this.stepTargetMs = null;
      this.postSnapshot();
      this.finish();
      return;
    }
    if (this.stepTargetMs !== null && this.reachedMs >= this.stepTargetMs) {
      this.stepTargetMs = null;
      this.postSnapshot();
      return;
    }
    if (this.host.now() - this.lastSnapshotWall >= runnerDefaults.snapshotEveryMs) this.postSnapshot();
    const fast = this.stepTargetMs !== null || this.pacer.speed === 'max' || this.reachedMs < target;
    this.arm(fast ? this.restAfterSlice() : runnerDefaults.frameMs);
  }

  /** 0, or in the first moment of a max-speed play a short rest (runnerDefaults.easeInMs). */
  private restAfterSlice(): number {
    const easing = this.playing && this.stepTargetMs === null && this.pacer.speed === 'max' && this.host.now() - this.playWall < runnerDefaults.easeInMs;
    return easing ? runnerDefaults.easeInRestMs : 0;
  }

  /** Run the model towards `target` in adaptive chunks until it is reached or the slice begun at `start` is used up. */
  private runSlice(world: WorldLike, target: number, start: number): void {
    while (this.reachedMs < target && !world.done && world.stopped === null) {
      const chunkEnd = Math.min(target, this.reachedMs + this.chunkMs);
      const t0 = this.host.now();
      this.runTo(chunkEnd);
      const t1 = this.host.now();
      this.reachedMs = chunkEnd;
      this.adaptChunk(t1 - t0);
      if (t1 - start >= runnerDefaults.sliceMs) break;
    }
  }

  /** One slice of a seek; when it lands, one `seeked` with everything the charts and log missed. */
  private seekTurn(world: WorldLike, job: SeekJob): void {
    const start = this.host.now();
    try {
      this.runSlice(world, job.targetMs, start);
      // Actions recorded at exactly the target are applied too ("at or before").
      if (this.reachedMs === job.targetMs && !this.isOver()) this.runTo(this.reachedMs);
      this.collect(job, world.snapshot());
    } catch (e) {
      this.fail(e);
      return;
    }
    if (this.reachedMs < job.targetMs && !this.isOver()) {
      this.postSeekProgress(job, false);
      this.arm(0);
      return;
    }
    this.land(job);
  }

  /**
   * Tell the page how far a long seek got: not before `seekProgressAfterMs`
   * (a quick seek shows no bar), then every `seekProgressEveryMs`; `final`
   * (at landing) sends where it landed, if the page was shown any progress.
   */
  private postSeekProgress(job: SeekJob, final: boolean): void {
    const now = this.host.now();
    const due = final
      ? job.progressWall !== null
      : job.progressWall === null
        ? now - job.startedWall >= runnerDefaults.seekProgressAfterMs
        : now - job.progressWall >= runnerDefaults.seekProgressEveryMs;
    if (!due) return;
    job.progressWall = now;
    this.host.post({ type: 'seekProgress', id: job.id, fromMs: job.fromMs, atMs: this.reachedMs, targetMs: job.targetMs });
  }

  /** Keep what a snapshot drained (series points, log entries) for the page. */
  private collect(job: SeekJob, snap: WorldSnapshot): void {
    for (const key of SERIES_KEYS) {
      const acc = job.series[key];
      for (const [name, points] of Object.entries(snap[key] ?? {})) {
        const into = (acc[name] ??= []);
        for (const p of points as readonly unknown[]) into.push(p);
      }
    }
    for (const e of snap.log) job.log.push(e);
    const over = job.log.length - runnerDefaults.seekLogKeep;
    if (over > 0) job.log.splice(0, over);
    job.last = snap;
  }

  private land(job: SeekJob): void {
    this.postSeekProgress(job, true);
    this.seekJob = null;
    if (this.isOver()) this.playing = false;
    // No request dots: the picture is a paused moment, not traffic in flight.
    const snapshot = { ...job.last!, ...job.series, log: job.log, hops: [] } as WorldSnapshot;
    this.pacer.reset(this.reachedMs);
    this.lastSnapshotWall = this.host.now();
    this.host.post({ type: 'seeked', id: job.id, ms: this.reachedMs, rebuilt: job.rebuilt, snapshot, status: this.status(), reachMs: this.horizonMs });
    this.postExpectations();
    for (const d of this.deferred.splice(0)) this.action(d.action, d.forMs);
    if (this.isOver()) this.finish();
    else if (this.playing) this.arm(0);
  }

  private adaptChunk(wallMs: number): void {
    // Aim each runUntil at ~chunkWallMs of wall time; grow at most ×4 per call.
    const ratio = runnerDefaults.chunkWallMs / Math.max(wallMs, 0.05);
    const next = Math.round(this.chunkMs * Math.min(4, ratio));
    this.chunkMs = Math.max(1, Math.min(600_000, next));
  }

  private measureRate(): void {
    const wall = this.host.now();
    const w = this.rateWindow;
    if (wall - w.wall >= 1000) {
      w.rate = ((this.reachedMs - w.sim) / (wall - w.wall)) * 1000;
      w.wall = wall;
      w.sim = this.reachedMs;
    }
  }

  private status(): RunStatus {
    const playing = this.playing || this.stepTargetMs !== null;
    return {
      playing,
      speed: this.pacer.speed,
      behind: playing && this.pacer.behind,
      done: this.isOver(),
      simRate: this.rateWindow.rate,
    };
  }

  private postSnapshot(): void {
    const world = this.world;
    // During a seek the snapshots are the seek's: it hands them over when it lands.
    if (!world || this.seekJob) return;
    let snapshot: WorldSnapshot;
    try {
      snapshot = world.snapshot();
    } catch (e) {
      this.fail(e);
      return;
    }
    this.lastSnapshotWall = this.host.now();
    this.host.post({ type: 'snapshot', snapshot, status: this.status() });
    this.postExpectations();
  }

  /** Expectations on the run so far: once a second of wall time while playing, and whenever it stops. */
  private postExpectations(): void {
    const world = this.world;
    if (!world || !this.scenario || this.scenario.expect.length === 0) return;
    const now = this.host.now();
    if (this.playing && now - this.lastExpectWall < 1000) return;
    this.lastExpectWall = now;
    try {
      this.host.post({ type: 'expectations', atMs: world.now, results: world.report().expectations });
    } catch (e) {
      this.fail(e);
    }
  }

  private finish(): void {
    if (this.finishedSent || !this.world) return;
    this.finishedSent = true;
    try {
      this.host.post({ type: 'finished', report: this.world.report() });
    } catch (e) {
      this.fail(e);
    }
  }

  private fail(e: unknown): void {
    this.playing = false;
    this.stepTargetMs = null;
    this.world = null;
    this.seekJob = null;
    this.deferred = [];
    this.host.post({ type: 'failed', message: errorText(e) });
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
