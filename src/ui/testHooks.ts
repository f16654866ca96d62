/**
 * `window.__microcosm`: read-only views of the store for browser tests and
 * for poking at a run from the devtools console. Nothing here drives the app.
 */
import type { ActiveFault, EdgeView } from '../model/snapshot';
import { CLIENT_PREFIX } from '../render/geometry';
import { useApp } from '../store';
import { useCompare } from './compare/compareState';
import { cellViewportRect, diagnoseCanvas, dotsOnCanvas, edgeLabelsOnCanvas, nodeTitlePx, nodeViewportRect } from './topologyProbe';

type Rect = { x: number; y: number; w: number; h: number };

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
  /** Failed requests per second summed over routes, likewise. */
  errorsPerSec(fromMs: number, toMs: number): number;
  /** The breaker counts of a call edge in the last snapshot (null: no breaker, or no such edge). */
  breakers(from: string, to: string): EdgeView['breakers'];
  readonly faults: readonly ActiveFault[];
  readonly selection: unknown;
  /** Where the canvas draws a service node / one of its instance cells, in viewport px (null before layout). */
  nodeRect(service: string): Rect | null;
  cellRect(service: string, i: number): Rect | null;
  /** The size a service's title is drawn at on screen, px (null before layout). */
  titlePx(service: string): number | null;
  /** Edge labels drawn now, of all the edges' labels (some hide so that none overlaps). */
  readonly edgeLabels: { shown: number; total: number };
  readonly recorded: unknown;
  readonly report: unknown;
  /** Request dots travelling on the canvas now. */
  readonly dots: number;
  /** Nodes the canvas draws: services (from the scenario and the last snapshot) + workload clients. */
  readonly nodeCount: number;
  /** Call edges the canvas draws: client → entry service, the scenario's calls, and the snapshot's live edges. */
  readonly edgeCount: number;
  /** The worker's simulated ms per wall second over its last second (status.simRate). */
  readonly simRate: number;
  /** Events the model has fired, as of the last snapshot. */
  readonly events: number;
  /** The latest interval start among the charts' series points (-1 when there are none). */
  readonly seriesLastT: number;
  /** The compare view's two sides (label, file, text length), or null while it is closed. */
  readonly compareSides: { label: string; file: string; chars: number }[] | null;
  /** The browser benchmark's --diagnose: hide kinds of display objects on the canvas. */
  diagnoseCanvas(kinds: readonly ('text' | 'bitmapText' | 'graphics' | 'dots')[]): void;
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
    throughput(fromMs, toMs) { return perSecond(fromMs, toMs, 'requests'); },
    errorsPerSec(fromMs, toMs) { return perSecond(fromMs, toMs, 'errors'); },
    breakers(from, to) {
      return useApp.getState().snapshot?.edges.find((e) => e.from === from && e.to === to)?.breakers ?? null;
    },
    get faults() { return useApp.getState().snapshot?.faults ?? []; },
    get selection() { return useApp.getState().selection; },
    nodeRect: (service) => nodeViewportRect(service),
    cellRect: (service, i) => cellViewportRect(service, i),
    titlePx: (service) => nodeTitlePx(service),
    get edgeLabels() { return edgeLabelsOnCanvas(); },
    get recorded() { return useApp.getState().recorded; },
    get report() { return useApp.getState().report; },
    get dots() { return dotsOnCanvas(); },
    diagnoseCanvas: (kinds) => diagnoseCanvas(kinds),
    get nodeCount() {
      const { meta, snapshot } = useApp.getState();
      if (!meta) return 0;
      const services = new Set(meta.services.map((sv) => sv.name));
      for (const v of snapshot?.services ?? []) services.add(v.name);
      return services.size + meta.workloads.length;
    },
    get edgeCount() {
      const { meta, snapshot } = useApp.getState();
      if (!meta) return 0;
      // The same union the stage draws (render/stage.ts `edges()`).
      const keys = new Set<string>();
      for (const w of meta.workloads) keys.add(`${CLIENT_PREFIX}${w.name}->${w.service}`);
      for (const sv of meta.services) for (const c of sv.calls) keys.add(`${sv.name}->${c}`);
      for (const e of snapshot?.edges ?? []) keys.add(`${e.from}->${e.to}`);
      return keys.size;
    },
    get simRate() { return useApp.getState().status.simRate; },
    get events() { return useApp.getState().snapshot?.events ?? 0; },
    get seriesLastT() {
      let t = -1;
      for (const pts of Object.values(useApp.getState().series)) for (const p of pts) t = Math.max(t, p.t);
      return t;
    },
    get compareSides() {
      const sides = useCompare.getState().sides;
      return sides ? sides.map((x) => ({ label: x.label, file: x.file, chars: x.text.length })) : null;
    },
  };
  (globalThis as unknown as { __microcosm: MicrocosmHooks }).__microcosm = hooks;
}

/** A count per second summed over routes, for series points in [fromMs, toMs). */
function perSecond(fromMs: number, toMs: number, field: 'requests' | 'errors'): number {
  const s = useApp.getState();
  let n = 0;
  let spanMs = 0;
  const seen = new Set<number>();
  for (const pts of Object.values(s.series)) {
    for (const p of pts) {
      if (p.t < fromMs || p.t >= toMs) continue;
      n += p[field];
      if (!seen.has(p.t)) { seen.add(p.t); spanMs += p.dtMs || s.seriesIntervalMs || 1000; }
    }
  }
  return spanMs > 0 ? n / (spanMs / 1000) : 0;
}
