/**
 * Runs the two sides of a comparison headless to their end, on one seed:
 * the CLI's path (loadScenario, the run budget, World without hops or log,
 * report), plus each route's per-interval series for the charts. Both
 * sides advance in turns (the one further behind goes next), so their
 * progress bars move together. Host services are injected (tested in Node).
 */
import type { LoadResult } from '../scenario/errors';
import type { Scenario } from '../scenario/types';
import type { Report } from '../metrics/report';
import type { WorldSnapshot } from '../model/snapshot';
import type { ComparePoint, FromCompare, SeedChoice, SideIndex, ToCompare } from './compareProtocol';
import { scenarioMeta } from './meta';

/** The part of model/world.ts a comparison uses. */
export interface CompareWorld {
  readonly now: number;
  readonly done: boolean;
  readonly stopped: null | { reason: string; message: string };
  runUntil(tMs: number): void;
  snapshot(): WorldSnapshot;
  report(wallMs?: number): Report;
}

export interface CompareHost {
  /** Wall clock, ms. */
  now(): number;
  post(msg: FromCompare): void;
  load(text: string, file: string): LoadResult;
  /** A message when the run would be too large (model/budget.ts), else null. */
  budget(scenario: Scenario): string | null;
  createWorld(scenario: Scenario): CompareWorld;
}

export const compareDefaults = {
  /** Wall time one runUntil call should take; chunks adapt to it. */
  chunkWallMs: 20,
  /** At most one progress message per this much wall time. */
  progressEveryMs: 50,
} as const;

interface Side {
  readonly index: SideIndex;
  readonly scenario: Scenario;
  readonly world: CompareWorld;
  readonly series: Record<string, ComparePoint[]>;
  intervalMs: number;
  chunkMs: number;
  wallMs: number;
  over: boolean;
}

/** The seed each side runs on: the file's own, or the one chosen. */
export function seedFor(choice: SeedChoice, leftSeed: number | null, ownSeed: number): number {
  if (typeof choice === 'number') return choice;
  if (choice === 'own' || leftSeed === null) return ownSeed;
  return leftSeed;
}

/** Runs one `run` request to its end (synchronously: the page cancels by ending the worker). */
export function runComparison(msg: ToCompare, host: CompareHost): void {
  const { id } = msg;
  const loaded: (Scenario | null)[] = msg.sides.map((s, i) => {
    let r: LoadResult;
    try {
      r = host.load(s.text, s.file);
    } catch (e) {
      r = { ok: false, errors: [{ file: s.file, line: 0, column: 0, path: '', message: `internal error while loading: ${errorText(e)}` }] };
    }
    if (!r.ok) {
      host.post({ type: 'invalid', id, side: i as SideIndex, errors: r.errors });
      return null;
    }
    return r.scenario;
  });
  const leftSeed = loaded[0]?.seed ?? null;
  const sides: Side[] = [];
  loaded.forEach((scenario, i) => {
    if (!scenario) return;
    const index = i as SideIndex;
    const seed = seedFor(msg.seed, leftSeed, scenario.seed);
    const s = seed === scenario.seed ? scenario : Object.freeze({ ...scenario, seed });
    const tooBig = host.budget(s);
    if (tooBig) {
      host.post({ type: 'invalid', id, side: index, errors: [{ file: s.file, line: 0, column: 0, path: '', message: tooBig }] });
      return;
    }
    let world: CompareWorld;
    try {
      world = host.createWorld(s);
    } catch (e) {
      host.post({ type: 'failed', id, side: index, message: `could not build the world: ${errorText(e)}` });
      return;
    }
    host.post({ type: 'loaded', id, side: index, meta: scenarioMeta(s), seed });
    sides.push({ index, scenario: s, world, series: {}, intervalMs: 1000, chunkMs: 500, wallMs: 0, over: false });
  });

  const simMs: [number, number] = [0, 0];
  let lastProgress = -Infinity;
  for (;;) {
    const live = sides.filter((s) => !s.over);
    if (live.length === 0) break;
    // The side further behind (as a fraction of its duration) runs next.
    const side = live.reduce((a, b) => (fraction(b) < fraction(a) ? b : a));
    try {
      step(side);
    } catch (e) {
      side.over = true;
      host.post({ type: 'failed', id, side: side.index, message: errorText(e) });
      continue;
    }
    simMs[side.index] = side.world.now;
    const now = host.now();
    if (now - lastProgress >= compareDefaults.progressEveryMs || side.over) {
      lastProgress = now;
      host.post({ type: 'progress', id, simMs: [simMs[0], simMs[1]] });
    }
    if (side.over) {
      try {
        host.post({ type: 'done', id, side: side.index, report: side.world.report(side.wallMs), intervalMs: side.intervalMs, series: side.series });
      } catch (e) {
        host.post({ type: 'failed', id, side: side.index, message: errorText(e) });
      }
    }
  }
  host.post({ type: 'finished', id });

  function step(side: Side): void {
    const w = side.world;
    const end = Math.min(side.scenario.durationMs, Math.floor(w.now) + side.chunkMs);
    const t0 = host.now();
    w.runUntil(end);
    const took = host.now() - t0;
    side.wallMs += took;
    // Aim each call at ~chunkWallMs; grow at most ×4 per call.
    const ratio = compareDefaults.chunkWallMs / Math.max(took, 0.05);
    side.chunkMs = Math.max(1, Math.min(600_000, Math.round(side.chunkMs * Math.min(4, ratio))));
    collect(side, w.snapshot());
    if (w.done || w.stopped !== null || w.now >= side.scenario.durationMs) side.over = true;
  }
}

function fraction(s: Side): number {
  return s.scenario.durationMs > 0 ? s.world.now / s.scenario.durationMs : 1;
}

function collect(side: Side, snap: WorldSnapshot): void {
  side.intervalMs = snap.intervalMs;
  for (const [route, points] of Object.entries(snap.series)) {
    const arr = (side.series[route] ??= []);
    for (const p of points) arr.push({ t: p.t, requests: p.requests, ok: p.ok, errors: p.errors, p50: p.p50, p99: p.p99 });
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
