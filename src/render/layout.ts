/**
 * Where each node sits: the scenario's `layout:` positions when it gives one
 * for every service, otherwise a stable layered layout by call depth
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
  const columns = useGiven ? givenColumns(input) : layeredColumns(input);
  return place(columns, input);
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

/** The file's positions: distinct x values become columns, y keeps its order and spacing. */
function givenColumns(input: LayoutInput): Column[] {
  const xs = [...new Set(input.services.map((s) => input.positions[s.name][0]))].sort((a, b) => a - b);
  const cols: Column[] = [[], ...xs.map(() => [] as Column)];
  for (const s of input.services) {
    const [x, y] = input.positions[s.name];
    cols[xs.indexOf(x) + 1].push({ id: s.name, kind: 'service', y });
  }
  for (const c of cols) c.sort((a, b) => a.y - b.y);
  input.clients.forEach((c) => {
    const p = input.positions[c.target];
    cols[0].push({ id: c.id, kind: 'client', y: p ? p[1] : 0 });
  });
  cols[0].sort((a, b) => a.y - b.y);
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
