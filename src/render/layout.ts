/**
 * Where each node sits: the scenario's `layout:` positions when it gives one
 * for every service (node centres, in px; spread out uniformly when they are
 * closer than a node, so grid units like [1, 2] work too; clients sit left of
 * the service they call), otherwise a stable layered layout by call depth
 * (clients left, leaves right; within a column, callers' order then file
 * order). Pure: same input, same picture.
 */

export interface LayoutInput {
  /** Services in file order with the services they call. */
  readonly services: readonly { readonly name: string; readonly calls: readonly string[] }[];
  /** Workload sources and the service each enters at. */
  readonly clients: readonly { readonly id: string; readonly target: string }[];
  readonly positions: Readonly<Record<string, readonly [number, number]>>;
  readonly width: number;
  readonly height: number;
}

export interface NodeBox {
  readonly id: string;
  readonly kind: 'service' | 'client';
  /** Top-left corner and size, px. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Layout {
  readonly nodes: ReadonlyMap<string, NodeBox>;
  /** Horizontal gap between columns, px (edge labels sit in it). */
  readonly colGap: number;
  /** Scale to apply to the stage so everything fits (≤ 1). */
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export const layoutDefaults = {
  service: { w: 208, h: 118 },
  client: { w: 188, h: 58 },
  margin: 28,
  minColumnGap: 64,
  maxColumnGap: 150,
  minRowGap: 22,
  maxRowGap: 70,
} as const;

export function layoutTopology(input: LayoutInput): Layout {
  const names = input.services.map((s) => s.name);
  const useGiven = names.length > 0 && names.every((n) => input.positions[n] !== undefined);
  return useGiven ? placeGiven(input) : place(layeredColumns(input), input);
}

/** The file's positions as node centres, spread so that no two services overlap; clients left of their target. */
function placeGiven(input: LayoutInput): Layout {
  const d = layoutDefaults;
  const S = d.service, C = d.client;
  const pts = input.services.map((s) => ({ id: s.name, x: input.positions[s.name][0], y: input.positions[s.name][1] }));
  // The smallest uniform stretch that keeps every pair of services apart (by x or by y, whichever is cheaper).
  let k = 1;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const dx = Math.abs(pts[i].x - pts[j].x), dy = Math.abs(pts[i].y - pts[j].y);
      const needX = dx > 0 ? (S.w + d.minColumnGap / 2) / dx : Infinity;
      const needY = dy > 0 ? (S.h + d.minRowGap) / dy : Infinity;
      const need = Math.min(needX, needY);
      if (need !== Infinity) k = Math.max(k, need);
    }
  }
  const boxes: NodeBox[] = pts.map((p) => ({ id: p.id, kind: 'service', x: p.x * k - S.w / 2, y: p.y * k - S.h / 2, w: S.w, h: S.h }));
  // Clients: one column left of the leftmost service, each near its target's height, never overlapping.
  const byId = new Map(boxes.map((b) => [b.id, b] as const));
  const left = Math.min(...boxes.map((b) => b.x));
  const cx = left - d.maxColumnGap - C.w;
  const wanted = input.clients.map((c, i) => {
    const t = byId.get(c.target);
    return { id: c.id, y: t ? t.y + t.h / 2 - C.h / 2 : i * (C.h + d.minRowGap), i };
  }).sort((a, b) => a.y - b.y || a.i - b.i);
  let floor = -Infinity;
  for (const w of wanted) {
    const y = Math.max(w.y, floor);
    boxes.push({ id: w.id, kind: 'client', x: cx, y, w: C.w, h: C.h });
    floor = y + C.h + d.minRowGap;
  }
  return fit(boxes, input, d.maxColumnGap);
}

/** Shift boxes to start at 0 and scale the whole picture to fit the canvas (never enlarged). */
export function fit(boxes: readonly NodeBox[], input: Pick<LayoutInput, 'width' | 'height'>, colGap: number): Layout {
  const d = layoutDefaults;
  const minX = Math.min(...boxes.map((b) => b.x)), minY = Math.min(...boxes.map((b) => b.y));
  const totalW = Math.max(...boxes.map((b) => b.x + b.w)) - minX;
  const totalH = Math.max(...boxes.map((b) => b.y + b.h)) - minY;
  const availW = Math.max(100, input.width - 2 * d.margin);
  const availH = Math.max(100, input.height - 2 * d.margin);
  const scale = Math.min(1, availW / Math.max(1, totalW), availH / Math.max(1, totalH));
  const nodes = new Map<string, NodeBox>();
  for (const b of boxes) nodes.set(b.id, { ...b, x: b.x - minX, y: b.y - minY });
  return { nodes, colGap, scale, offsetX: (input.width - totalW * scale) / 2, offsetY: (input.height - totalH * scale) / 2 };
}

type Column = { id: string; kind: 'service' | 'client'; /** preferred vertical order key */ y: number }[];

/** Longest-path depth from the clients; unreachable services sit in column 1. */
function layeredColumns(input: LayoutInput): Column[] {
  const { services, clients } = input;
  const known = new Set(services.map((s) => s.name));
  const depth = new Map<string, number>();
  for (const s of services) depth.set(s.name, 1);
  // Relax edges at most |services| times: longest path, safe on cycles.
  for (let round = 0; round < services.length; round++) {
    let changed = false;
    for (const s of services) {
      const d = depth.get(s.name)!;
      for (const callee of s.calls) {
        if (!known.has(callee) || callee === s.name) continue;
        if (depth.get(callee)! < d + 1 && d + 1 <= services.length) {
          depth.set(callee, d + 1);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  const maxDepth = Math.max(1, ...depth.values());
  const cols: Column[] = Array.from({ length: maxDepth + 1 }, () => []);
  clients.forEach((c, i) => cols[0].push({ id: c.id, kind: 'client', y: i }));
  const order = new Map<string, number>();
  clients.forEach((c, i) => order.set(c.id, i));
  for (let d = 1; d <= maxDepth; d++) {
    const inCol = services.map((s, i) => ({ s, i })).filter(({ s }) => depth.get(s.name) === d);
    // Barycentre of callers in the previous columns keeps crossings down; file order breaks ties.
    const keyed = inCol.map(({ s, i }) => {
      const callers: number[] = [];
      for (const c of clients) if (c.target === s.name && order.has(c.id)) callers.push(order.get(c.id)!);
      for (const p of services) if (p.calls.includes(s.name) && order.has(p.name)) callers.push(order.get(p.name)!);
      const bary = callers.length ? callers.reduce((a, b) => a + b, 0) / callers.length : Infinity;
      return { id: s.name, bary, i };
    });
    keyed.sort((a, b) => (a.bary === b.bary ? a.i - b.i : a.bary === Infinity ? 1 : b.bary === Infinity ? -1 : a.bary - b.bary));
    keyed.forEach((k, idx) => {
      cols[d].push({ id: k.id, kind: 'service', y: idx });
      order.set(k.id, idx);
    });
  }
  return cols.filter((c) => c.length > 0);
}

function place(columns: Column[], input: LayoutInput): Layout {
  const d = layoutDefaults;
  const colWidths = columns.map((c) => Math.max(...c.map((n) => (n.kind === 'client' ? d.client.w : d.service.w))));
  const colHeights = columns.map((c) => c.reduce((h, n) => h + (n.kind === 'client' ? d.client.h : d.service.h), 0));
  const availW = Math.max(100, input.width - 2 * d.margin);
  const availH = Math.max(100, input.height - 2 * d.margin);
  const gaps = Math.max(1, columns.length - 1);
  const colGap = clamp((availW - colWidths.reduce((a, b) => a + b, 0)) / gaps, d.minColumnGap, d.maxColumnGap);
  const rowGapFor = (i: number) => {
    const n = columns[i].length;
    return n <= 1 ? 0 : clamp((availH - colHeights[i]) / (n - 1), d.minRowGap, d.maxRowGap);
  };
  const totalW = colWidths.reduce((a, b) => a + b, 0) + colGap * (columns.length - 1);
  const totalH = Math.max(...columns.map((c, i) => colHeights[i] + rowGapFor(i) * (c.length - 1)));
  const nodes = new Map<string, NodeBox>();
  let x = 0;
  columns.forEach((col, i) => {
    const gap = rowGapFor(i);
    const h = colHeights[i] + gap * (col.length - 1);
    let y = (totalH - h) / 2;
    for (const n of col) {
      const size = n.kind === 'client' ? d.client : d.service;
      nodes.set(n.id, { id: n.id, kind: n.kind, x: x + (colWidths[i] - size.w) / 2, y, w: size.w, h: size.h });
      y += size.h + gap;
    }
    x += colWidths[i] + colGap;
  });
  const scale = Math.min(1, availW / Math.max(1, totalW), availH / Math.max(1, totalH));
  return {
    nodes,
    colGap,
    scale,
    offsetX: (input.width - totalW * scale) / 2,
    offsetY: (input.height - totalH * scale) / 2,
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
