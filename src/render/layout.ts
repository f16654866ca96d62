/**
 * Where each node sits: the scenario's `layout:` positions when it gives one
 * for every service (node centres, in px; spread out uniformly when they are
 * closer than a node, so grid units like [1, 2] work too; clients sit left of
 * the service they call), otherwise a stable layered layout by call depth
 * (clients left, leaves right; within a column, ordered by barycentre sweeps
 * that keep the order with the fewest edge crossings, file order first).
 *
 * Readability rules: full nodes (instance cells in two rows, bars with their
 * numbers) only while the picture fits at ≥ `fullMinScale`; otherwise compact
 * nodes (name, one row of cells, the rate, two thin bars), tall columns
 * wrapped into staggered sub-columns, and a scale never below
 * `compactMinScale` (titles ≥ 11 px): a picture larger than the canvas is
 * shown from its top-left and the user pans. Pure: same input, same picture.
 */
import { TITLE_FONT } from './geometry';

export interface LayoutInput {
  /** Services in file order with the services they call. */
  readonly services: readonly { readonly name: string; readonly calls: readonly string[] }[];
  /** Workload sources and the service each enters at. */
  readonly clients: readonly { readonly id: string; readonly target: string }[];
  readonly positions: Readonly<Record<string, readonly [number, number]>>;
  readonly width: number;
  readonly height: number;
  /** Keep this node size whatever fits (the stage keeps it while the user arranges nodes). */
  readonly density?: Density;
}

/** Full nodes, or compact ones for pictures too large for full nodes to be read. */
export type Density = 'full' | 'compact';

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
  /** Scale to apply to the stage (≤ 1; below fit when the picture cannot be read smaller: then it overflows). */
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly density: Density;
  /** The picture is larger than the canvas at the smallest readable scale: the user pans. */
  readonly overflow: boolean;
}

export const layoutDefaults = {
  service: { w: 208, h: 118 },
  client: { w: 188, h: 58 },
  compact: {
    service: { w: 160, h: 52 },
    client: { w: 188, h: 44 },
    /** Between layers (edge labels sit here) and between the sub-columns of one wrapped layer. */
    columnGap: 64,
    subColumnGap: 22,
    rowGap: 10,
  },
  margin: 28,
  minColumnGap: 64,
  maxColumnGap: 150,
  minRowGap: 22,
  maxRowGap: 70,
  /** Full nodes below this scale would have titles under 10.5 px: compact nodes instead. */
  fullMinScale: 0.75,
  /** Compact titles stay ≥ 11 px on screen: never shrink further, pan instead. */
  compactMinScale: 0.8,
  /** Barycentre sweeps (down, up, down, …) tried; the order with the fewest crossings wins. */
  orderingSweeps: 12,
} as const;

/** The smallest scale a density is drawn at (its titles' readable size). */
export function minScale(density: Density): number {
  return density === 'full' ? 0 : layoutDefaults.compactMinScale;
}

export function layoutTopology(input: LayoutInput): Layout {
  const names = input.services.map((s) => s.name);
  const useGiven = names.length > 0 && names.every((n) => input.positions[n] !== undefined);
  const d = layoutDefaults;
  if (useGiven) {
    if (input.density) return placeGiven(input, input.density, false);
    const full = placeGiven(input, 'full', false);
    return full.scale >= d.fullMinScale ? full : placeGiven(input, 'compact', true);
  }
  const layers = orderLayers(assignLayers(input), layerEdges(input));
  if (input.density !== 'compact') {
    const full = place(layers, input);
    if (input.density === 'full' || full.scale >= d.fullMinScale) return full;
  }
  return placeCompact(layers, input);
}

/** Node sizes of a density. */
function sizes(density: Density) {
  const d = layoutDefaults;
  return density === 'full' ? { service: d.service, client: d.client } : d.compact;
}

/**
 * The file's positions as node centres, spread so that no two services
 * overlap; clients left of their target. `compress`: a file laid out for
 * full nodes, drawn compact, is also drawn closer (uniformly, so the
 * arrangement is the same), else compact nodes would sit far apart in a
 * picture as large as before. Never while the user arranges: a drag must
 * move nothing else.
 */
function placeGiven(input: LayoutInput, density: Density, compress: boolean): Layout {
  const d = layoutDefaults;
  const { service: S, client: C } = sizes(density);
  // Full nodes keep today's generous spread; compact ones the gaps of the compact layout (its own centres need no stretch).
  const colGap = density === 'full' ? d.maxColumnGap : d.compact.columnGap;
  const pts = input.services.map((s) => ({ id: s.name, x: input.positions[s.name][0], y: input.positions[s.name][1] }));
  // The smallest uniform stretch that keeps every pair of services apart (by x or by y, whichever is cheaper).
  const stretch = (gapX: number, gapY: number) => {
    let k = 0;
    for (let i = 0; i < pts.length; i++) {
      for (let j = i + 1; j < pts.length; j++) {
        const dx = Math.abs(pts[i].x - pts[j].x), dy = Math.abs(pts[i].y - pts[j].y);
        const needX = dx > 0 ? (S.w + gapX) / dx : Infinity;
        const needY = dy > 0 ? (S.h + gapY) / dy : Infinity;
        const need = Math.min(needX, needY);
        if (need !== Infinity) k = Math.max(k, need);
      }
    }
    return k;
  };
  const apart = density === 'full' ? stretch(d.minColumnGap / 2, d.minRowGap) : stretch(16, 10);
  // Compressing: down to room for edges and their labels between nodes, never past what keeps them apart.
  const k = compress ? Math.max(apart, Math.min(1, stretch(36, 2 * d.compact.rowGap))) || 1 : Math.max(1, apart);
  const boxes: NodeBox[] = pts.map((p) => ({ id: p.id, kind: 'service', x: p.x * k - S.w / 2, y: p.y * k - S.h / 2, w: S.w, h: S.h }));
  // Clients: one column left of the leftmost service, each near its target's height, never overlapping.
  const byId = new Map(boxes.map((b) => [b.id, b] as const));
  const left = Math.min(...boxes.map((b) => b.x));
  const cx = left - colGap - C.w;
  const rowGap = density === 'full' ? d.minRowGap : d.compact.rowGap;
  const wanted = input.clients.map((c, i) => {
    const t = byId.get(c.target);
    return { id: c.id, y: t ? t.y + t.h / 2 - C.h / 2 : i * (C.h + rowGap), i };
  }).sort((a, b) => a.y - b.y || a.i - b.i);
  // Clients that would overlap form a stack centred on where its members want to be (not hanging below the first).
  const step = C.h + rowGap;
  const stacks: { top: number; ids: string[]; wantSum: number }[] = [];
  for (const w of wanted) {
    stacks.push({ top: w.y, ids: [w.id], wantSum: w.y });
    while (stacks.length > 1) {
      const last = stacks[stacks.length - 1], prev = stacks[stacks.length - 2];
      if (prev.top + prev.ids.length * step <= last.top) break;
      // Merged: the top that puts the members, on average, where they want to be.
      const n = prev.ids.length + last.ids.length;
      prev.ids.push(...last.ids);
      prev.wantSum += last.wantSum;
      prev.top = prev.wantSum / n - ((n - 1) * step) / 2;
      stacks.pop();
    }
  }
  for (const st of stacks) st.ids.forEach((id, i) => boxes.push({ id, kind: 'client', x: cx, y: st.top + i * step, w: C.w, h: C.h }));
  return fit(boxes, input, colGap, density);
}

/**
 * Shift boxes to start at 0 and scale the whole picture to fit the canvas
 * (never enlarged, never below the density's readable scale: then the
 * overflowing axis starts at the margin, so the clients' side shows first).
 */
export function fit(boxes: readonly NodeBox[], input: Pick<LayoutInput, 'width' | 'height'>, colGap: number, density: Density = 'full'): Layout {
  const minX = Math.min(...boxes.map((b) => b.x)), minY = Math.min(...boxes.map((b) => b.y));
  const totalW = Math.max(...boxes.map((b) => b.x + b.w)) - minX;
  const totalH = Math.max(...boxes.map((b) => b.y + b.h)) - minY;
  const nodes = new Map<string, NodeBox>();
  for (const b of boxes) nodes.set(b.id, { ...b, x: b.x - minX, y: b.y - minY });
  return { nodes, colGap, density, ...scaleToFit(totalW, totalH, input, density) };
}

function scaleToFit(totalW: number, totalH: number, input: Pick<LayoutInput, 'width' | 'height'>, density: Density) {
  const d = layoutDefaults;
  const availW = Math.max(100, input.width - 2 * d.margin);
  const availH = Math.max(100, input.height - 2 * d.margin);
  const fitted = Math.min(1, availW / Math.max(1, totalW), availH / Math.max(1, totalH));
  const scale = Math.max(fitted, minScale(density));
  const overX = totalW * scale > availW + 0.5, overY = totalH * scale > availH + 0.5;
  return {
    scale,
    offsetX: overX ? d.margin : (input.width - totalW * scale) / 2,
    offsetY: overY ? d.margin : (input.height - totalH * scale) / 2,
    overflow: overX || overY,
  };
}

// ---- layers and their order -------------------------------------------------

export interface LayerNode { readonly id: string; readonly kind: 'service' | 'client' }
export type Layers = readonly (readonly LayerNode[])[];

/** Longest-path depth from the clients (layer 0); unreachable services sit in layer 1. File order within a layer. */
export function assignLayers(input: Pick<LayoutInput, 'services' | 'clients'>): LayerNode[][] {
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
  const layers: LayerNode[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (const c of clients) layers[0].push({ id: c.id, kind: 'client' });
  for (const s of services) layers[depth.get(s.name)!].push({ id: s.name, kind: 'service' });
  return layers.filter((l) => l.length > 0);
}

/** Every drawn edge as [from, to]: client → entry service, service → callee (self-calls and unknown names left out). */
export function layerEdges(input: Pick<LayoutInput, 'services' | 'clients'>): [string, string][] {
  const known = new Set(input.services.map((s) => s.name));
  const out: [string, string][] = [];
  for (const c of input.clients) if (known.has(c.target)) out.push([c.id, c.target]);
  for (const s of input.services) for (const t of s.calls) if (known.has(t) && t !== s.name) out.push([s.name, t]);
  return out;
}

/** Where each node is within its layer, as a fraction (so layers of different sizes compare). */
function positionsOf(layers: Layers): Map<string, { layer: number; pos: number }> {
  const at = new Map<string, { layer: number; pos: number }>();
  layers.forEach((l, li) => l.forEach((n, i) => at.set(n.id, { layer: li, pos: (i + 0.5) / l.length })));
  return at;
}

/**
 * Pairs of edges that cross: two edges between the same two layers whose
 * ends are in opposite orders (edges that skip layers count with the pair
 * of layers they join; edges within a layer or going back never cross here).
 */
export function countCrossings(layers: Layers, edges: readonly (readonly [string, string])[]): number {
  const at = positionsOf(layers);
  const groups = new Map<string, [number, number][]>();
  for (const [a, b] of edges) {
    const pa = at.get(a), pb = at.get(b);
    if (!pa || !pb || pa.layer === pb.layer) continue;
    const [u, v] = pa.layer < pb.layer ? [pa, pb] : [pb, pa];
    const key = `${u.layer}>${v.layer}`;
    const g = groups.get(key);
    if (g) g.push([u.pos, v.pos]);
    else groups.set(key, [[u.pos, v.pos]]);
  }
  let n = 0;
  for (const g of groups.values()) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) if ((g[i][0] - g[j][0]) * (g[i][1] - g[j][1]) < 0) n++;
    }
  }
  return n;
}

/**
 * Barycentre ordering: sweep down (each layer by the mean position of its
 * callers), then up (by its callees), a few times; keep the order with the
 * fewest crossings (the file order wins ties). Deterministic: ties in a
 * sweep keep the current order; a node with no neighbours keeps its place.
 */
export function orderLayers(layers: Layers, edges: readonly (readonly [string, string])[]): LayerNode[][] {
  let cur = layers.map((l) => [...l]);
  let best = cur.map((l) => [...l]);
  let bestN = countCrossings(best, edges);
  const preds = new Map<string, string[]>(), succs = new Map<string, string[]>();
  for (const [a, b] of edges) {
    (succs.get(a) ?? succs.set(a, []).get(a)!).push(b);
    (preds.get(b) ?? preds.set(b, []).get(b)!).push(a);
  }
  for (let sweep = 0; sweep < layoutDefaults.orderingSweeps && bestN > 0; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? cur.map((_, i) => i).slice(1) : cur.map((_, i) => i).reverse().slice(1);
    for (const li of order) {
      const at = positionsOf(cur);
      const neigh = down ? preds : succs;
      const keyed = cur[li].map((n, i) => {
        const ps: number[] = [];
        for (const m of neigh.get(n.id) ?? []) {
          const p = at.get(m);
          // Callers (down) or callees (up) in any layer on that side: an edge that skips layers pulls too.
          if (p && (down ? p.layer < li : p.layer > li)) ps.push(p.pos);
        }
        const own = (i + 0.5) / cur[li].length;
        return { n, key: ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : own, i };
      });
      keyed.sort((a, b) => a.key - b.key || a.i - b.i);
      cur[li] = keyed.map((k) => k.n);
    }
    const n = countCrossings(cur, edges);
    if (n < bestN) {
      bestN = n;
      best = cur.map((l) => [...l]);
    }
  }
  return best;
}

// ---- placing layers as columns ------------------------------------------------

/** Full nodes: one column per layer, gaps stretched to use the canvas (today's look for small scenarios). */
function place(columns: Layers, input: LayoutInput): Layout {
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
  return { nodes, colGap, density: 'full', ...scaleToFit(totalW, totalH, input, 'full') };
}

/**
 * Compact nodes: a layer taller than the canvas wraps into staggered
 * sub-columns (node i in sub-column i mod c, each a little lower than the
 * one before, so the vertical order stays the barycentre order). Tries every
 * wrap height; keeps the one that fits largest, else the narrowest whose
 * height fits at the readable scale (the user then pans sideways only).
 */
function placeCompact(layers: Layers, input: LayoutInput): Layout {
  const d = layoutDefaults;
  const c = d.compact;
  const availW = Math.max(100, input.width - 2 * d.margin);
  const availH = Math.max(100, input.height - 2 * d.margin);
  const size = (n: LayerNode) => (n.kind === 'client' ? c.client : c.service);
  const biggest = Math.max(...layers.map((l) => l.length));
  const measure = (rows: number) => {
    let w = 0, h = 0;
    layers.forEach((l, li) => {
      const s = size(l[0]);
      const cols = Math.ceil(l.length / rows);
      w += cols * s.w + (cols - 1) * c.subColumnGap + (li > 0 ? c.columnGap : 0);
      h = Math.max(h, ((l.length - 1) * (s.h + c.rowGap)) / cols + s.h);
    });
    return { rows, w, h, fits: Math.min(1, availW / w, availH / h) };
  };
  const floor = d.compactMinScale;
  // Best: fits whole at the largest scale; then: the narrowest whose height fits readable; then: the largest scale.
  const score = (m: ReturnType<typeof measure>): [number, number] =>
    m.fits >= floor ? [2, m.fits] : m.h * floor <= availH ? [1, -m.w] : [0, m.fits];
  let pick = measure(biggest);
  for (let rows = biggest - 1; rows >= 1; rows--) {
    const m = measure(rows);
    const [a, b] = score(m), [pa, pb] = score(pick);
    if (a > pa || (a === pa && b > pb + 1e-9)) pick = m; // ties keep fewer sub-columns
  }
  const nodes = new Map<string, NodeBox>();
  let x = 0;
  layers.forEach((l, li) => {
    const s = size(l[0]);
    const cols = Math.ceil(l.length / pick.rows);
    const step = (s.h + c.rowGap) / cols;
    const h = (l.length - 1) * step + s.h;
    const top = (pick.h - h) / 2;
    l.forEach((n, i) => {
      const sub = i % cols;
      nodes.set(n.id, { id: n.id, kind: n.kind, x: x + sub * (s.w + c.subColumnGap), y: top + i * step, w: s.w, h: s.h });
    });
    x += cols * s.w + (cols - 1) * c.subColumnGap + c.columnGap;
  });
  return { nodes, colGap: c.columnGap, density: 'compact', ...scaleToFit(pick.w, pick.h, input, 'compact') };
}

/** The title's size on screen, px, for a layout drawn at `zoom` (what the readability rule is about). */
export function titlePx(layout: Pick<Layout, 'scale'>, zoom = 1): number {
  return TITLE_FONT * layout.scale * zoom;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
