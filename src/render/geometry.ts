/**
 * Where things sit inside a service node (instance cells, the title), the
 * words of its fault tag and state summary, the level of detail for a zoom,
 * and which edge labels fit without overlapping: pure, so the hit test and
 * the labels are unit-tested without a canvas.
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


/** Where a node's instance cells go: the full node has two rows of ten, a compact one (dense scenarios) one row of four. */
export interface CellGrid { readonly top: number; readonly perRow: number; readonly rows: number }
export const FULL_GRID: CellGrid = { top: CELLS_TOP, perRow: CELLS_PER_ROW, rows: CELL_ROWS };
export const COMPACT_GRID: CellGrid = { top: 27, perRow: 4, rows: 1 };

/** Top-left corner of instance cell `i` inside a service node. */
export function cellOrigin(i: number, grid: CellGrid = FULL_GRID): { x: number; y: number } {
  return { x: PAD + (i % grid.perRow) * (CELL + CELL_GAP), y: grid.top + Math.floor(i / grid.perRow) * (CELL + CELL_GAP) };
}

/** The instance cell under a point of the node (the gaps count as the cell before them), or null. */
export function cellAt(x: number, y: number, instances: number, grid: CellGrid = FULL_GRID): number | null {
  const col = Math.floor((x - PAD) / (CELL + CELL_GAP));
  const row = Math.floor((y - grid.top) / (CELL + CELL_GAP));
  if (x < PAD - 2 || y < grid.top - 2 || col < 0 || col >= grid.perRow || row < 0 || row >= grid.rows) return null;
  const i = row * grid.perRow + col;
  return i < instances ? i : null;
}

// ---- level of detail -------------------------------------------------------

/** Font sizes of a service node's title and its numbers, in layout units. */
export const TITLE_FONT = 14;
/** The smallest title a student at a projector still reads, in screen px. */
export const MIN_TITLE_PX = 11;
/**
 * Below this many screen px per layout unit (the user zoomed far out) the
 * cells, bars and edge labels would be specks that run into each other: a
 * node shows only its name, enlarged, and a state summary ("2/3").
 */
export const TINY_SCALE = 0.55;

/** How much a tiny node enlarges its title: to MIN_TITLE_PX on screen if the box allows, in steps (each step re-fits the text). */
export function tinyTitleScale(screenScale: number, box: { w: number; h: number }): number {
  const want = MIN_TITLE_PX / (TITLE_FONT * Math.max(0.05, screenScale));
  // Title and summary lines (1.25 em each) within the box, less a margin.
  const most = Math.max(1, (box.h - 10) / (TITLE_FONT * 1.25 + 12 * 1.25));
  const k = Math.max(1, Math.min(want, most));
  return Math.floor(k * 4) / 4;
}

/** Where a node's title is drawn (node-local box, for the overlap tests). */
export function titleBox(box: { x: number; y: number; w: number }): Rect {
  return { x: box.x + PAD, y: box.y + 8, w: box.w - 2 * PAD, h: TITLE_FONT * 1.3 };
}

/** Ready / total instances and a tone for a node too small for its cells. */
export function stateSummary(ready: number, dead: number, total: number): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  const tone = (total > 0 && ready === 0) || dead > 0 ? 'bad' : ready < total ? 'warn' : 'ok';
  return { text: `${ready}/${total}`, tone };
}

// ---- labels that fit ---------------------------------------------------------

export interface Rect { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/**
 * Which labels to show, greedily in the order given (most important first):
 * a label is shown when it overlaps no label shown before it and no
 * obstacle (node boxes) by more than `inset` at its sides (a label a little
 * wider than its gap may touch a node's border, not cover its content).
 * Writes into `out` (reused between frames).
 */
export function labelsThatFit(labels: readonly Rect[], obstacles: readonly Rect[], out: boolean[] = [], inset = 0): boolean[] {
  out.length = labels.length;
  for (let i = 0; i < labels.length; i++) {
    const r = labels[i];
    let ok = true;
    const core = inset > 0 ? { x: r.x + inset, y: r.y, w: Math.max(0, r.w - 2 * inset), h: r.h } : r;
    for (let j = 0; j < obstacles.length && ok; j++) if (overlaps(core, obstacles[j])) ok = false;
    for (let j = 0; j < i && ok; j++) if (out[j] && overlaps(r, labels[j], 2)) ok = false;
    out[i] = ok;
  }
  return out;
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

