/**
 * `window.__microcosm`: read-only views of the store for browser tests and
 * for poking at a run from the devtools console. Nothing here drives the app.
 */
import { useApp } from '../store';

export interface MicrocosmHooks {
  readonly rendererName: string | null;
  readonly snapshotCount: number;
  readonly simTimeMs: number;
  readonly playing: boolean;
  readonly done: boolean;
  readonly digest: string | null;
  readonly scenarioName: string | null;
  /** A model or worker failure shown in the banner, or null. */
  readonly failure: string | null;
  readonly seriesPoints: number;
  /** Requests per second summed over routes for series points in [fromMs, toMs). */
  throughput(fromMs: number, toMs: number): number;
  readonly recorded: unknown;
  readonly report: unknown;
}

export function installTestHooks(): void {
  const hooks: MicrocosmHooks = {
    get rendererName() { return useApp.getState().rendererName; },
    get snapshotCount() { return useApp.getState().snapshotVersion; },
    get simTimeMs() { return useApp.getState().snapshot?.timeMs ?? 0; },
    get playing() { return useApp.getState().status.playing; },
    get done() { return useApp.getState().status.done; },
    get digest() { return useApp.getState().report?.digest ?? null; },
    get scenarioName() { return useApp.getState().meta?.name ?? null; },
    get failure() { return useApp.getState().failure; },
    get seriesPoints() { return Object.values(useApp.getState().series).reduce((n, a) => n + a.length, 0); },
    throughput(fromMs, toMs) {
      const s = useApp.getState();
      let requests = 0;
      let spanMs = 0;
      const seen = new Set<number>();
      for (const pts of Object.values(s.series)) {
        for (const p of pts) {
          if (p.t < fromMs || p.t >= toMs) continue;
          requests += p.requests;
          if (!seen.has(p.t)) { seen.add(p.t); spanMs += p.dtMs || s.seriesIntervalMs || 1000; }
        }
      }
      return spanMs > 0 ? requests / (spanMs / 1000) : 0;
    },
    get recorded() { return useApp.getState().recorded; },
    get report() { return useApp.getState().report; },
  };
  (globalThis as unknown as { __microcosm: MicrocosmHooks }).__microcosm = hooks;
}
