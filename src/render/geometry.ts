/**
 * Where things sit inside a service node (instance cells) and the words of
 * its fault tag: pure, so the hit test and the labels are unit-tested without
 * a canvas.
 */
import type { ActiveFault } from '../model/snapshot';

/** Snapshot edges from a workload start at `client:<workload name>`. */
export const CLIENT_PREFIX = 'client:';

export const PAD = 12;
export const CELL = 13;
export const CELL_GAP = 4;
export const CELLS_PER_ROW = 10;
export const CELL_ROWS = 2;
/** Top of the first row of instance cells. */
const CELLS_TOP = 34;

/** Top-left corner of instance cell `i` inside a service node. */
export function cellOrigin(i: number): { x: number; y: number } {
  return { x: PAD + (i % CELLS_PER_ROW) * (CELL + CELL_GAP), y: CELLS_TOP + Math.floor(i / CELLS_PER_ROW) * (CELL + CELL_GAP) };
}

/** The instance cell under a point of the node (the gaps count as the cell before them), or null. */
export function cellAt(x: number, y: number, instances: number): number | null {
  const col = Math.floor((x - PAD) / (CELL + CELL_GAP));
  const row = Math.floor((y - CELLS_TOP) / (CELL + CELL_GAP));
  if (x < PAD - 2 || y < CELLS_TOP - 2 || col < 0 || col >= CELLS_PER_ROW || row < 0 || row >= CELL_ROWS) return null;
  const i = row * CELLS_PER_ROW + col;
  return i < instances ? i : null;
}

/** The tag over a node's top edge: the one fault acting on it, or how many. */
export function faultTag(service: string, faults: readonly ActiveFault[]): string {
  if (faults.length === 0) return '';
  if (faults.length > 1) return `${faults.length} faults`;
  const f = faults[0];
  if (f.kind === 'partition') {
    const other = f.target.split(' ↔ ').find((s) => s !== service) ?? '';
    return `cut ↔ ${other}`;
  }
  return f.kind === 'errors' ? f.detail.replace(' errors', ' err') : f.detail;
}

