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

/** Request dots travelling on the canvas now. */
export function dotsOnCanvas(): number {
  return current ? current.stage.dotCount : 0;
}
