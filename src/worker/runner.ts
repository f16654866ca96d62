/**
 * The worker's run loop: owns one World, the pacer and the play state, and
 * answers page commands. Never blocks for long: every turn of the loop runs
 * the model in short chunks for at most `sliceMs` of wall time, then yields so
 * page messages (pause, a slider move) are handled between slices.
 * Host services (clock, timers, postMessage) are injected, so this runs in
 * Node tests with a fake World too.
 */
import type { LoadResult } from '../scenario/errors';
import type { Action, Scenario, TimelineItem } from '../scenario/types';
import type { Report } from '../metrics/report';
import type { WorldSnapshot } from '../model/snapshot';
import { Pacer } from './pacer';
import type { FromWorker, RunStatus, ScenarioMeta, Speed, ToWorker } from './protocol';
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
  /** At most this many snapshots per wall second (~15). */
  snapshotEveryMs: 66,
} as const;

export class SimRunner {
  private scenario: Scenario | null = null;
  private meta: ScenarioMeta | null = null;
  private world: WorldLike | null = null;
  private lastLoadId = 0;
  private playing = false;
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
    let world: WorldLike;
    try {
      world = this.host.createWorld(scenario);
    } catch (e) {
      this.host.post({ type: 'failed', message: `could not build the world: ${errorText(e)}` });
      return;
    }
    this.scenario = scenario;
    this.meta = scenarioMeta(scenario);
    this.world = world;
    this.playing = false;
    this.stepTargetMs = null;
    this.finishedSent = false;
    this.reachedMs = Math.floor(world.now);
    this.chunkMs = 10;
    this.pacer.reset(world.now);
    this.rateWindow = { wall: this.host.now(), sim: world.now, rate: 0 };
    this.host.post({ type: 'loaded', id: this.lastLoadId, meta: this.meta });
    this.postSnapshot();
  }

  private restart(): void {
    if (this.scenario) this.start(this.scenario);
  }

  private play(): void {
    if (!this.world || this.isOver()) return;
    this.playing = true;
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
    if (!this.world || this.isOver()) return;
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
    const world = this.world;
    if (!world || this.isOver()) return;
    let item: TimelineItem;
    try {
      item = world.apply(action, forMs);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.host.post({ type: 'recorded', item });
    this.postSnapshot();
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
    if (!world || (!this.playing && this.stepTargetMs === null)) return;
    const start = this.host.now();
    const duration = this.scenario!.durationMs;
    let target: number;
    if (this.stepTargetMs !== null) target = this.stepTargetMs;
    else target = this.pacer.frameTarget(start, this.reachedMs);
    target = Math.min(target, duration);

    try {
      while (this.reachedMs < target && !world.done && world.stopped === null) {
        const chunkEnd = Math.min(target, this.reachedMs + this.chunkMs);
        const t0 = this.host.now();
        world.runUntil(chunkEnd);
        const t1 = this.host.now();
        this.reachedMs = chunkEnd;
        this.adaptChunk(t1 - t0);
        if (t1 - start >= runnerDefaults.sliceMs) break;
      }
    } catch (e) {
      this.fail(e);
      return;
    }

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
    this.arm(fast ? 0 : runnerDefaults.frameMs);
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
    if (!world) return;
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
    this.host.post({ type: 'failed', message: errorText(e) });
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
