/**
 * Where the canvas draws things, in viewport coordinates: lets browser tests
 * click a service node or an instance cell as a user would. Read-only; set by
 * `TopologyView` while its stage lives.
 */
import type { CanvasRect, TopologyStage } from '../render/stage';

let current: { stage: TopologyStage; canvas: HTMLCanvasElement } | null = null;

export function setProbeStage(stage: TopologyStage | null): void {
  current = stage ? { stage, canvas: stage.canvas } : null;
}

function toViewport(r: CanvasRect | null): CanvasRect | null {
  if (!r || !current) return null;
  const b = current.canvas.getBoundingClientRect();
  return { x: b.left + r.x, y: b.top + r.y, w: r.w, h: r.h };
}

export function nodeViewportRect(service: string): CanvasRect | null {
  return current ? toViewport(current.stage.nodeRect(service)) : null;
}

export function cellViewportRect(service: string, i: number): CanvasRect | null {
  return current ? toViewport(current.stage.cellRect(service, i)) : null;
}

/** The size a service's title is drawn at on screen, px. */
export function nodeTitlePx(service: string): number | null {
  return current ? current.stage.titlePx(service) : null;
}

/** Edge labels drawn now (the rest are hidden so that none overlaps another or a node). */
export function edgeLabelsOnCanvas(): { shown: number; total: number } {
  return current ? current.stage.edgeLabelsShown : { shown: 0, total: 0 };
}

/** Request dots travelling on the canvas now. */
export function dotsOnCanvas(): number {
  return current ? current.stage.dotCount : 0;
}

/** The benchmark's --diagnose: hide kinds of display objects on the canvas. */
export function diagnoseCanvas(kinds: readonly ('text' | 'bitmapText' | 'graphics' | 'dots')[]): void {
  current?.stage.diagnoseHide(kinds);
}
