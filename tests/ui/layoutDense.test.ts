// @vitest-environment happy-dom
/**
 * Layout rules for dense pictures (src/render/README.md "Layout rules"):
 * no two nodes overlap, titles and edge labels never overlap at fit,
 * titles stay ≥ 11 px (the picture pans instead of shrinking), the order
 * within layers cuts crossings, and the same input gives the same picture.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scenarioFrom } from '../helpers/world';
import { scenarioMeta } from '../../src/worker/meta';
import {
  assignLayers, countCrossings, layerEdges, layoutDefaults, layoutTopology, orderLayers, titlePx,
  type Layout, type LayoutInput, type NodeBox,
} from '../../src/render/layout';
import { labelsThatFit, overlaps, type Rect, stateSummary, TINY_SCALE, tinyTitleScale, titleBox } from '../../src/render/geometry';
import { edgeCurve, labelPoint } from '../../src/render/edgeView';

const FILE = 'scenarios/architecture/ecommerce-platform.yaml';

function denseInput(width: number, height: number): LayoutInput {
  const m = scenarioMeta(scenarioFrom(readFileSync(FILE, 'utf8'), FILE));
  return {
    services: m.services.map((s) => ({ name: s.name, calls: s.calls })),
    clients: m.workloads.map((w) => ({ id: `client:${w.name}`, target: w.service })),
    positions: m.layout,
    width,
    height,
  };
}

/** A random DAG: n services, each calling up to 3 later ones, a few clients on the first ones. */
function randomDag(n: number, seed: number): LayoutInput {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const services = Array.from({ length: n }, (_, i) => {
    const calls: string[] = [];
    for (let k = 0; k < 3; k++) {
      if (i + 1 < n && rnd() < 0.7) {
        const t = `s${i + 1 + Math.floor(rnd() * Math.min(8, n - i - 1))}`;
        if (!calls.includes(t)) calls.push(t);
      }
    }
    return { name: `s${i}`, calls };
  });
  const clients = [0, 1, 2].map((i) => ({ id: `client:c${i}`, target: `s${i}` }));
  return { services, clients, positions: {}, width: 900, height: 300 };
}

function expectNoOverlaps(boxes: readonly Rect[], what: string, names: readonly string[] = []): void {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i], boxes[j]), `${what}: ${names[i] ?? i} and ${names[j] ?? j} overlap`).toBe(false);
    }
  }
}

/** Edge labels as the stage places them (in the gap before the target), with a typical rate label's size. */
function edgeLabelRects(l: Layout, input: LayoutInput): Rect[] {
  const out: Rect[] = [];
  for (const [from, to] of layerEdges(input)) {
    const a = l.nodes.get(from)!, b = l.nodes.get(to)!;
    const p = labelPoint(edgeCurve(a, b), a, b, l.colGap);
    out.push({ x: p.x - 27, y: p.y - 9, w: 54, h: 18 });
  }
  return out;
}

describe('LAY dense layouts', () => {
  it('LAY-1 the dense scenario has 30–40 services and no two node boxes overlap, at several canvas sizes', () => {
    for (const [w, h] of [[900, 265], [900, 300], [1280, 520], [1900, 900], [400, 300]] as const) {
      const input = denseInput(w, h);
      expect(input.services.length).toBeGreaterThanOrEqual(30);
      expect(input.services.length).toBeLessThanOrEqual(40);
      const l = layoutTopology(input);
      expect(l.nodes.size).toBe(input.services.length + input.clients.length);
      const boxes = [...l.nodes.values()];
      expectNoOverlaps(boxes, `${w}×${h}`, boxes.map((b) => b.id));
    }
  });

  it('LAY-2 no two node boxes overlap for random 40-node DAGs', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const input = randomDag(40, seed);
      const l = layoutTopology(input);
      const boxes = [...l.nodes.values()];
      expect(boxes.length).toBe(43);
      expectNoOverlaps(boxes, `seed ${seed}`, boxes.map((b) => b.id));
      // Callees right of their callers (longest-path layers; wrapped sub-columns stay inside their layer).
      for (const s of input.services) {
        for (const c of s.calls) expect(l.nodes.get(c)!.x, `${s.name} → ${c}`).toBeGreaterThan(l.nodes.get(s.name)!.x + l.nodes.get(s.name)!.w);
      }
    }
  });

  it('LAY-3 titles stay readable: ≥ 11 px at fit; a picture too large pans instead of shrinking further', () => {
    const l = layoutTopology(denseInput(900, 265));
    expect(l.density).toBe('compact');
    expect(titlePx(l)).toBeGreaterThanOrEqual(11);
    expect(l.overflow).toBe(true);
    // Overflowing: it starts at the margin (clients first), and its height still fits (the user pans sideways only).
    expect(l.offsetX).toBe(layoutDefaults.margin);
    const bottom = Math.max(...[...l.nodes.values()].map((b) => b.y + b.h));
    expect(bottom * l.scale).toBeLessThanOrEqual(265 - 2 * layoutDefaults.margin);
    // A large canvas (a projector at 1920×1080) shows the whole picture, still readable.
    const big = layoutTopology(denseInput(1500, 560));
    expect(big.overflow).toBe(false);
    expect(titlePx(big)).toBeGreaterThanOrEqual(11);
    // Small scenarios keep full nodes while their titles read at ≥ 10.5 px.
    const shop = layoutTopology({
      services: [
        { name: 'storefront', calls: ['catalog', 'inventory', 'order'] }, { name: 'catalog', calls: [] },
        { name: 'inventory', calls: [] }, { name: 'order', calls: ['inventory', 'payment'] }, { name: 'payment', calls: [] },
      ],
      clients: [{ id: 'client:browse', target: 'storefront' }, { id: 'client:checkout', target: 'storefront' }],
      positions: {}, width: 900, height: 300,
    });
    expect(shop.density).toBe('full');
    expect(titlePx(shop)).toBeGreaterThanOrEqual(10.5);
  });

  it('LAY-4 labels never overlap at fit: titles sit inside their nodes; edge labels that would collide are hidden', () => {
    for (const input of [denseInput(900, 265), denseInput(1500, 560), randomDag(40, 5)]) {
      const l = layoutTopology(input);
      const boxes = [...l.nodes.values()];
      const titles = boxes.map((b) => titleBox(b));
      expectNoOverlaps(titles, 'titles', boxes.map((b) => b.id));
      // Each title is inside its own node, so it never covers another node either.
      titles.forEach((t, i) => {
        const b = boxes[i];
        expect(t.x >= b.x && t.y >= b.y && t.x + t.w <= b.x + b.w && t.y + t.h <= b.y + b.h, b.id).toBe(true);
      });
      const labels = edgeLabelRects(l, input);
      // As the stage does for compact pictures: a label may reach 8 units into a node's side, never its content.
      const shown = labelsThatFit(labels, l.density === 'compact' ? boxes : [], [], 8);
      const visible = labels.filter((_, i) => shown[i]);
      expectNoOverlaps(visible, 'edge labels');
      for (const r of visible) {
        for (const b of boxes) expect(overlaps({ ...r, x: r.x + 8, w: r.w - 16 }, b), `a label covers ${b.id}`).toBe(false);
        // Nor does it cover a title.
        for (const b of boxes) expect(overlaps(r, titleBox(b)), `a label covers ${b.id}'s title`).toBe(false);
      }
      // The check is not a blanket hide: many labels still show.
      expect(visible.length).toBeGreaterThan(labels.length / 4);
    }
  });

  it('LAY-5 deterministic: the same input gives the same picture, and file positions are respected', () => {
    const a = layoutTopology(denseInput(900, 265));
    const b = layoutTopology(denseInput(900, 265));
    expect([...a.nodes.values()]).toEqual([...b.nodes.values()]);
    expect([a.scale, a.offsetX, a.offsetY]).toEqual([b.scale, b.offsetX, b.offsetY]);
    // The compact layout's own centres, given back as `layout:`, reproduce it exactly (a drag saves these).
    const input = denseInput(900, 265);
    const positions: Record<string, [number, number]> = {};
    for (const box of a.nodes.values()) if (box.kind === 'service') positions[box.id] = [box.x + box.w / 2, box.y + box.h / 2];
    const given = layoutTopology({ ...input, positions, density: a.density });
    const ref = (l: Layout) => l.nodes.get('web-bff')!;
    for (const s of input.services) {
      const p = a.nodes.get(s.name)!, q = given.nodes.get(s.name)!;
      expect(q.x - ref(given).x).toBeCloseTo(p.x - ref(a).x, 6);
      expect(q.y - ref(given).y).toBeCloseTo(p.y - ref(a).y, 6);
      expect(q.w).toBe(p.w);
    }
    // Without a forced density, the file's compact positions still come out compact and unstretched.
    const reloaded = layoutTopology({ ...input, positions });
    expect(reloaded.density).toBe('compact');
    expect(reloaded.nodes.get('user-db')!.x - ref(reloaded).x).toBeCloseTo(a.nodes.get('user-db')!.x - ref(a).x, 6);
  });

  it('LAY-5b a file laid out for full nodes, drawn compact on a small canvas, is drawn closer: same arrangement, no pan', () => {
    // scenarios/network/rest-vs-grpc.yaml: two rows of three behind a BFF, centres 270 px apart.
    const positions = { bff: [0, 75], catalog: [330, 0], pricing: [600, 0], stock: [870, 0], reviews: [330, 150], profile: [600, 150], recommend: [870, 150] } as const;
    const services = [
      { name: 'bff', calls: ['catalog', 'pricing', 'stock', 'reviews', 'profile', 'recommend'] },
      ...['catalog', 'pricing', 'stock', 'reviews', 'profile', 'recommend'].map((name) => ({ name, calls: [] })),
    ];
    const l = layoutTopology({ services, clients: [{ id: 'client:a', target: 'bff' }, { id: 'client:b', target: 'bff' }], positions, width: 900, height: 265 });
    expect(l.density).toBe('compact');
    expect(l.overflow).toBe(false);
    expect(titlePx(l)).toBeGreaterThanOrEqual(11);
    const c = (id: string) => { const b = l.nodes.get(id)!; return { x: b.x + b.w / 2, y: b.y + b.h / 2 }; };
    // One uniform factor: distances keep their ratios.
    const k = (c('pricing').x - c('catalog').x) / 270;
    expect(k).toBeLessThan(1);
    expect((c('recommend').x - c('bff').x) / 870).toBeCloseTo(k, 6);
    expect((c('reviews').y - c('catalog').y) / 150).toBeCloseTo(k, 6);
    expectNoOverlaps([...l.nodes.values()], 'rest-vs-grpc compact');
  });

  it('LAY-5c with file positions, the clients of one entry service stack centred on it (not hanging below it)', () => {
    const l = layoutTopology({
      services: [{ name: 'front', calls: ['a'] }, { name: 'a', calls: [] }],
      clients: ['x', 'y', 'z'].map((c) => ({ id: `client:${c}`, target: 'front' })),
      positions: { front: [0, 0], a: [400, 0] }, width: 2000, height: 2000,
    });
    const front = l.nodes.get('front')!;
    const ys = ['x', 'y', 'z'].map((c) => l.nodes.get(`client:${c}`)!);
    const mid = (ys[0].y + ys[2].y + ys[2].h) / 2;
    expect(mid).toBeCloseTo(front.y + front.h / 2, 6);
    expectNoOverlaps(ys, 'clients');
  });

  it('LAY-6 barycentre ordering removes a known crossing and never adds any', () => {
    // File order puts a's callee y below b's callee x: a→y and b→x cross once.
    const input = {
      services: [
        { name: 'a', calls: ['y'] }, { name: 'b', calls: ['x'] },
        { name: 'x', calls: [] }, { name: 'y', calls: [] },
      ],
      clients: [{ id: 'client:1', target: 'a' }, { id: 'client:2', target: 'b' }],
    };
    const layers = assignLayers(input), edges = layerEdges(input);
    expect(layers.map((l) => l.map((n) => n.id))).toEqual([['client:1', 'client:2'], ['a', 'b'], ['x', 'y']]);
    expect(countCrossings(layers, edges)).toBe(1);
    const ordered = orderLayers(layers, edges);
    expect(countCrossings(ordered, edges)).toBe(0);
    expect(ordered[2].map((n) => n.id)).toEqual(['y', 'x']);

    // The dense scenario and random DAGs: far fewer crossings than file order, never more.
    const dense = denseInput(900, 265);
    const dl = assignLayers(dense), de = layerEdges(dense);
    expect(countCrossings(orderLayers(dl, de), de)).toBeLessThan(countCrossings(dl, de) / 3);
    for (let seed = 1; seed <= 10; seed++) {
      const g = randomDag(40, seed);
      const gl = assignLayers(g), ge = layerEdges(g);
      expect(countCrossings(orderLayers(gl, ge), ge)).toBeLessThanOrEqual(countCrossings(gl, ge));
    }
  });

  it('LAY-7 wrapped layers keep the barycentre order top to bottom (staggered sub-columns)', () => {
    const input = denseInput(900, 265);
    const l = layoutTopology(input);
    const ordered = orderLayers(assignLayers(input), layerEdges(input));
    for (const layer of ordered) {
      const ys = layer.map((n) => l.nodes.get(n.id)!.y);
      for (let i = 1; i < ys.length; i++) expect(ys[i], layer[i].id).toBeGreaterThan(ys[i - 1]);
    }
  });
});

describe('LOD level of detail', () => {
  it('LOD-1 far zoomed out, a node shows its name enlarged within its box, and ready/total', () => {
    const full: Pick<NodeBox, 'w' | 'h'> = { w: 208, h: 118 };
    expect(tinyTitleScale(TINY_SCALE, full)).toBeGreaterThanOrEqual(1);
    expect(tinyTitleScale(0.3, full)).toBeGreaterThan(tinyTitleScale(0.5, full));
    // At 0.5 px per unit the enlarged title reaches 11 px on screen.
    expect(14 * tinyTitleScale(0.5, full) * 0.5).toBeGreaterThanOrEqual(10.5);
    // Never larger than the box holds: title + summary lines fit its height.
    for (const box of [full, layoutDefaults.compact.service]) {
      const k = tinyTitleScale(0.05, box);
      expect(k).toBeGreaterThan(1);
      expect((14 + 12) * 1.25 * k).toBeLessThanOrEqual(box.h - 10);
    }
    expect(stateSummary(3, 0, 3)).toEqual({ text: '3/3', tone: 'ok' });
    expect(stateSummary(2, 0, 3).tone).toBe('warn');
    expect(stateSummary(2, 1, 3).tone).toBe('bad');
    expect(stateSummary(0, 0, 2).tone).toBe('bad');
  });

  it('LOD-2 labelsThatFit keeps the first of two colliding labels and every label clear of obstacles', () => {
    const a = { x: 0, y: 0, w: 50, h: 18 }, b = { x: 40, y: 5, w: 50, h: 18 }, c = { x: 200, y: 0, w: 50, h: 18 };
    expect(labelsThatFit([a, b, c], [])).toEqual([true, false, true]);
    expect(labelsThatFit([b, a, c], [])).toEqual([true, false, true]);
    expect(labelsThatFit([a, b, c], [{ x: 210, y: 10, w: 100, h: 100 }])).toEqual([true, false, false]);
    // With an inset, a label may reach 8 units into a node at its sides, not more.
    expect(labelsThatFit([c], [{ x: 242, y: 0, w: 100, h: 100 }], [], 8)).toEqual([true]);
    expect(labelsThatFit([c], [{ x: 241, y: 0, w: 100, h: 100 }], [], 8)).toEqual([false]);
  });
});
