/**
 * The pixi.js topology canvas. Imperative: created once per mount, fed a
 * scenario's structure and then snapshots; it renders only when one arrives,
 * the pointer changes something or request dots are still travelling (no
 * ticker), so a paused run with nothing in flight costs nothing. Never reads the model itself. Taps on a service node (or one of
 * its instance cells) and on the empty canvas are reported through `onSelect`.
 */
import { Application, BitmapFontManager, BitmapText, Container, Graphics, Text, type FederatedPointerEvent } from 'pixi.js';
import type { WorldSnapshot } from '../model/snapshot';
import type { ScenarioMeta } from '../worker/protocol';
import { drawEdge, EdgeLabel, type EdgeState, edgeCurve, edgeStyleKey, labelPoint } from './edgeView';
import { type Density, layoutTopology, type Layout, type NodeBox } from './layout';
import { ClientNode, ServiceNode, formatRate, useBitmapNumbers } from './nodeView';
import { rendererOverride, rendererPreference } from './rendererChoice';
import { CELL, cellOrigin, CLIENT_PREFIX, labelsThatFit, type Rect, TINY_SCALE } from './geometry';
import type { ActiveFault } from '../model/snapshot';
import { currentTheme, onThemeChange, palette } from './palette';
import { DotLayer } from './dots';
import { LayerCache } from './layerCache';

export { CLIENT_PREFIX };

/** A tap on a service (and which instance cell), or on the empty canvas (null). */
export type SelectHandler = (service: string | null, instance: number | null) => void;

/** A rectangle in CSS pixels relative to the canvas' top-left corner. */
export interface CanvasRect { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export class TopologyStage {
  private readonly world = new Container();
  private readonly edgeGfx = new Graphics();
  private readonly labels = new Container();
  private readonly nodeLayer = new Container();
  private readonly dots: DotLayer;
  /** Edges, nodes and labels from textures, redrawn when they change (dots stay live). */
  private readonly cache: LayerCache;
  private services = new Map<string, ServiceNode>();
  private clients = new Map<string, ClientNode>();
  private edgeLabels = new Map<string, EdgeLabel>();
  private meta: ScenarioMeta | null = null;
  private snapshot: WorldSnapshot | null = null;
  private layout: Layout | null = null;
  private width: number;
  private height: number;
  private selection: { service: string; instance: number | null } | null = null;
  /** Set by the host: where taps go. */
  onSelect: SelectHandler | null = null;
  /** Set by the host: services' centres after the user dragged one (layout units, for the file's `layout:`). */
  onLayoutChange: ((positions: Record<string, [number, number]>) => void) | null = null;
  /** View zoom and pan on top of the fitted layout (wheel, drag on the empty canvas, the zoom buttons). */
  private zoom = 1;
  private pan = { x: 0, y: 0 };
  /** Services' centres once the user has dragged a node: from then on the layout is exactly these. */
  private positions: Record<string, [number, number]> | null = null;
  /** The node size the picture had when the user started arranging it (kept, so no node changes size under the pointer). */
  private arrangedDensity: Density | undefined = undefined;
  /** The scale and offset the picture had when the user started arranging it (kept, so nothing else moves). */
  private pinned: { scale: number; offsetX: number; offsetY: number; ref: string; at: { x: number; y: number } } | null = null;
  private drag:
    | { kind: 'node'; id: string; grab: { x: number; y: number }; start: { x: number; y: number }; moved: boolean }
    | { kind: 'pan'; start: { x: number; y: number }; pan: { x: number; y: number }; moved: boolean }
    | null = null;

  private constructor(private readonly app: Application, width: number, height: number) {
    this.width = width;
    this.height = height;
    this.dots = new DotLayer(app.renderer);
    this.offTheme = onThemeChange(() => this.applyTheme());
    this.world.addChild(this.edgeGfx, this.dots.view, this.nodeLayer, this.labels);
    this.cache = new LayerCache([this.edgeGfx, this.nodeLayer, this.labels]);
    app.stage.addChild(this.world);
    // A tap on the empty canvas clears the selection (nodes handle their own taps).
    app.stage.eventMode = 'static';
    app.stage.hitArea = app.screen;
    app.stage.on('pointerdown', (e) => {
      if (e.target === app.stage && e.button === 0) this.drag = { kind: 'pan', start: { x: e.global.x, y: e.global.y }, pan: { ...this.pan }, moved: false };
    });
    app.stage.on('globalpointermove', (e) => this.onPointerMove(e));
    app.stage.on('pointerup', (e) => this.endDrag(e));
    app.stage.on('pointerupoutside', (e) => this.endDrag(e));
    app.canvas.addEventListener('wheel', this.onWheel, { passive: false });
    app.canvas.addEventListener('dblclick', this.onDoubleClick);
  }

  // ---- zoom, pan and dragging nodes ---------------------------------------

  /** Zoom by `factor` around a canvas point (CSS px), within 0.3×–4×. */
  zoomBy(factor: number, at: { x: number; y: number } = { x: this.width / 2, y: this.height / 2 }): void {
    const z = Math.min(4, Math.max(0.3, this.zoom * factor));
    const k = z / this.zoom;
    this.pan = { x: at.x - (at.x - this.pan.x) * k, y: at.y - (at.y - this.pan.y) * k };
    this.zoom = z;
    this.applyTransform();
    this.drawSoon();
  }

  /** Back to the fitted picture (keeps any arrangement the user made). */
  resetView(): void {
    this.zoom = 1;
    this.pan = { x: 0, y: 0 };
    this.pinned = null;
    this.relayout();
    this.drawSoon();
  }

  get zoomLevel(): number {
    return this.zoom;
  }

  private readonly onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const r = this.app.canvas.getBoundingClientRect();
    this.zoomBy(Math.exp(-e.deltaY * 0.0015), { x: e.clientX - r.left, y: e.clientY - r.top });
  };

  private readonly onDoubleClick = (e: MouseEvent): void => {
    const r = this.app.canvas.getBoundingClientRect();
    const hit = this.app.renderer.events.rootBoundary.hitTest(e.clientX - r.left, e.clientY - r.top);
    if (hit === this.app.stage || hit === null) this.resetView();
  };

  private beginNodeDrag(id: string, e: FederatedPointerEvent): void {
    if (e.button !== 0 || !this.layout) return;
    const box = this.layout.nodes.get(id);
    if (!box) return;
    const p = this.toLayout(e.global);
    this.drag = { kind: 'node', id, grab: { x: p.x - box.x, y: p.y - box.y }, start: { x: e.global.x, y: e.global.y }, moved: false };
    const node = this.services.get(id);
    if (node) node.dragged = false;
  }

  private onPointerMove(e: FederatedPointerEvent): void {
    const d = this.drag;
    if (!d) return;
    const dx = e.global.x - d.start.x, dy = e.global.y - d.start.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return; // a tap wobbles; a drag goes somewhere
    d.moved = true;
    if (d.kind === 'pan') {
      this.pan = { x: d.pan.x + dx, y: d.pan.y + dy };
      this.applyTransform();
      this.drawSoon();
      return;
    }
    const node = this.services.get(d.id);
    if (node) node.dragged = true;
    this.cache.setLive(true);
    const layout = this.layout!;
    if (!this.positions) {
      this.positions = centres(layout);
      this.arrangedDensity = layout.density;
    }
    // Pin the picture's scale and one other node's place: moving this node moves nothing else.
    if (!this.pinned) {
      const ref = [...layout.nodes.keys()].find((k) => k !== d.id && !k.startsWith(CLIENT_PREFIX)) ?? d.id;
      const b = layout.nodes.get(ref)!;
      this.pinned = { scale: layout.scale, offsetX: layout.offsetX, offsetY: layout.offsetY, ref, at: { x: b.x, y: b.y } };
    }
    const p = this.toLayout(e.global);
    const box = layout.nodes.get(d.id)!;
    this.positions = { ...this.positions, [d.id]: [Math.round(p.x - d.grab.x + box.w / 2 - layout.nodes.get(this.pinned.ref)!.x + this.pinned.at.x), Math.round(p.y - d.grab.y + box.h / 2 - layout.nodes.get(this.pinned.ref)!.y + this.pinned.at.y)] };
    this.relayout();
    this.drawSoon();
  }

  private endDrag(e: FederatedPointerEvent): void {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    if (d.kind === 'pan') {
      if (!d.moved && e.target === this.app.stage) this.onSelect?.(null, null);
      return;
    }
    this.cache.setLive(false);
    this.drawSoon();
    if (d.moved && this.positions) this.onLayoutChange?.({ ...this.positions });
  }

  /** A canvas point (CSS px) in layout units. */
  private toLayout(g: { x: number; y: number }): { x: number; y: number } {
    const l = this.layout!;
    return { x: ((g.x - this.pan.x) / this.zoom - l.offsetX) / l.scale, y: ((g.y - this.pan.y) / this.zoom - l.offsetY) / l.scale };
  }

  private applyTransform(): void {
    const l = this.layout;
    if (!l) return;
    this.world.scale.set(l.scale * this.zoom);
    this.world.position.set(this.pan.x + this.zoom * l.offsetX, this.pan.y + this.zoom * l.offsetY);
    this.applyDetail();
  }

  /** Level of detail for the screen scale: nodes pick theirs; edge labels go when they would be specks. */
  private applyDetail(): void {
    const s = (this.layout?.scale ?? 1) * this.zoom;
    for (const n of this.services.values()) n.setScreenScale(s);
    this.labels.visible = s >= TINY_SCALE;
  }

  /** Creates the canvas inside `host`. The caller must destroy the result even if it unmounted meanwhile. */
  static async create(host: HTMLElement): Promise<TopologyStage> {
    const app = new Application();
    const resolution = Math.min(2, globalThis.devicePixelRatio || 1);
    // Glyph atlases for the changing numbers, sharp on HiDPI screens too.
    BitmapFontManager.defaultOptions.resolution = resolution;
    const width = Math.max(200, host.clientWidth);
    const height = Math.max(200, host.clientHeight);
    await app.init({
      // WebGL with a GPU, the 2D canvas without one (rendererChoice.ts); never WebGPU (broken headless, and not needed).
      preference: rendererPreference(rendererOverride(globalThis.location?.search ?? ''), document.createElement('canvas')),
      preserveDrawingBuffer: true,
      antialias: true,
      autoStart: false,
      background: palette.background,
      width,
      height,
      resolution,
      autoDensity: true,
    });
    app.ticker?.stop();
    // pixi's 2D-canvas renderer draws BitmapText glyphs from the wrong atlas frames: numbers use Text there.
    useBitmapNumbers(app.renderer.name !== 'canvas');
    app.canvas.setAttribute('aria-label', 'Service topology');
    app.canvas.setAttribute('role', 'img');
    app.canvas.dataset.testid = 'topology-canvas';
    host.appendChild(app.canvas);
    return new TopologyStage(app, width, height);
  }

  get rendererName(): string {
    return this.app.renderer.name;
  }

  get canvas(): HTMLCanvasElement {
    return this.app.canvas;
  }

  resize(width: number, height: number): void {
    if (width < 50 || height < 50) return;
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    this.app.renderer.resize(width, height);
    this.app.stage.hitArea = this.app.screen;
    this.pinned = null; // fit the new size
    this.relayout();
    this.draw();
  }

  setScenario(meta: ScenarioMeta | null): void {
    if (meta === this.meta) return;
    // A restart of the same scenario keeps the user's arrangement and view; another scenario starts afresh.
    const same = meta && this.meta && meta.file === this.meta.file && meta.services.map((s) => s.name).join() === this.meta.services.map((s) => s.name).join();
    if (!same) {
      this.positions = null;
      this.arrangedDensity = undefined;
      this.pinned = null;
      this.zoom = 1;
      this.pan = { x: 0, y: 0 };
    }
    this.meta = meta;
    this.snapshot = null;
    this.dots.clear();
    this.rebuild();
    this.draw();
  }

  private pendingLoad: Readonly<Record<string, number>> = {};

  /** Load changes sent but not yet in a snapshot: the client nodes show them at once. */
  setPendingLoad(perSec: Readonly<Record<string, number>>): void {
    this.pendingLoad = perSec;
  }

  update(snapshot: WorldSnapshot | null, force = false): void {
    if (snapshot === this.snapshot && !force) return;
    // The first snapshot of a run (or after a restart or a seek back) shows at once; later ones wait their turn.
    const jump = !this.snapshot || !snapshot || snapshot.timeMs < this.snapshot.timeMs || force;
    if (snapshot && this.snapshot && snapshot.timeMs < this.snapshot.timeMs) this.dots.clear(); // a restart
    this.snapshot = snapshot;
    // A service that only the snapshot knows (added by the model) gets a node too.
    if (snapshot && snapshot.services.some((s) => !this.services.has(s.name))) this.rebuild();
    if (snapshot && snapshot.hops.length > 0 && this.layout && !reducedMotion()) {
      const nodes = this.layout.nodes;
      this.dots.add(snapshot.hops, snapshot.timeMs, performance.now(), (from, to) => {
        const a = nodes.get(from), b = nodes.get(to);
        return a && b ? edgeCurve(a, b) : null;
      });
    }
    // Snapshot changes reach the cached layers at most every layerCacheDefaults.minGapMs.
    this.drawSoon(jump);
  }

  private frame: number | null = null;
  /** What the edges' Graphics was last built from. */
  private edgesKey = '';
  /** Where and how large the edge labels were when their overlaps were last checked. */
  private labelsKey = '';
  /** The structure or a snapshot changed since the last draw (else a frame only moves dots). */
  private dirty = false;

  /**
   * Snapshots (and pointer moves) can come faster than the screen — or a
   * software GPU — draws: draw at most once per display frame, the latest
   * state, so GPU work never queues up behind the page. While dots travel,
   * frames keep coming, each only moving them unless something changed.
   */
  private drawSoon(urgent = true): void {
    this.dirty = true;
    this.cache.invalidate(urgent);
    this.nextFrame();
  }

  private nextFrame(): void {
    if (this.frame !== null) return;
    const raf = globalThis.requestAnimationFrame;
    if (!raf) { this.draw(); return; }
    this.frame = raf(() => {
      this.frame = null;
      if (this.dirty) this.updateScene();
      if (this.renderNow() || this.dots.count > 0) this.nextFrame();
    });
  }

  /** Move the dots, refresh the cached layers if due, draw. True while a layer change waits for its turn. */
  private renderNow(): boolean {
    const now = performance.now();
    this.dots.tick(now);
    const waiting = this.cache.beforeRender(now, this.world.scale.x * this.app.renderer.resolution);
    this.app.render();
    return waiting;
  }

  /** Drop the dots in flight (a seek landed: they belong to the time left behind). */
  clearDots(): void {
    this.dots.clear();
    this.drawSoon(false);
  }

  /** Dots travelling now (for tests and the benchmark). */
  get dotCount(): number {
    return this.dots.count;
  }

  /** For the browser benchmark's --diagnose: hide every display object of these kinds, to see what the GPU time is spent on. */
  diagnoseHide(kinds: readonly ('text' | 'bitmapText' | 'graphics' | 'dots')[]): void {
    const hide = new Set(kinds);
    const walk = (c: Container): void => {
      for (const child of c.children) {
        if (child instanceof BitmapText) child.visible = !hide.has('bitmapText');
        else if (child instanceof Text) child.visible = !hide.has('text');
        else if (child instanceof Graphics) child.visible = !hide.has('graphics');
        if (child.children.length) walk(child);
      }
    };
    walk(this.world);
    this.dots.view.visible = !hide.has('dots');
    this.drawSoon();
  }

  /** Highlight the selected service (and instance cell); null clears it. */
  setSelection(sel: { service: string; instance: number | null } | null): void {
    const cur = this.selection;
    if (cur === sel || (cur && sel && cur.service === sel.service && cur.instance === sel.instance)) return;
    this.selection = sel;
    this.applySelection();
    this.drawSoon();
  }

  /** Where a service node is drawn, in CSS px relative to the canvas (for tests and popovers). */
  nodeRect(service: string): CanvasRect | null {
    const box = this.layout?.nodes.get(service);
    if (!box || !this.layout) return null;
    const k = this.layout.scale * this.zoom;
    const ox = this.pan.x + this.zoom * this.layout.offsetX, oy = this.pan.y + this.zoom * this.layout.offsetY;
    return { x: ox + box.x * k, y: oy + box.y * k, w: box.w * k, h: box.h * k };
  }

  /** Where instance cell `i` of a service is drawn, in CSS px relative to the canvas. */
  cellRect(service: string, i: number): CanvasRect | null {
    const box = this.layout?.nodes.get(service);
    if (!box || !this.layout) return null;
    const k = this.layout.scale * this.zoom;
    const ox = this.pan.x + this.zoom * this.layout.offsetX, oy = this.pan.y + this.zoom * this.layout.offsetY;
    const node = this.services.get(service);
    if (!node || !node.cellsShown) return null;
    const c = cellOrigin(i, node.grid);
    return { x: ox + (box.x + c.x) * k, y: oy + (box.y + c.y) * k, w: CELL * k, h: CELL * k };
  }

  /** The size a service's title is drawn at on screen, px (the readability rule: ≥ 11 at fit). */
  titlePx(service: string): number | null {
    const node = this.services.get(service);
    if (!node || !this.layout) return null;
    return node.titleFontSize * this.layout.scale * this.zoom;
  }

  /** Edge labels drawn now (not hidden for overlapping), and how many there are. */
  get edgeLabelsShown(): { shown: number; total: number } {
    let shown = 0;
    for (const l of this.edgeLabels.values()) if (l.view.visible) shown++;
    return { shown: this.labels.visible ? shown : 0, total: this.edgeLabels.size };
  }

  private applySelection(): void {
    for (const [name, node] of this.services) {
      const on = this.selection?.service === name;
      node.setSelected(on, on ? this.selection!.instance : null);
    }
  }

  private readonly offTheme: () => void;

  /** The palette changed (light / dark): a new background, and every node, label and edge drawn again in it. */
  private applyTheme(): void {
    this.app.renderer.background.color = palette.background;
    this.dots.warmTints();
    this.rebuild();
    this.draw();
  }

  destroy(): void {
    this.offTheme();
    this.app.canvas.removeEventListener('wheel', this.onWheel);
    this.app.canvas.removeEventListener('dblclick', this.onDoubleClick);
    if (this.frame !== null) globalThis.cancelAnimationFrame?.(this.frame);
    this.frame = null;
    this.cache.destroy();
    this.dots.destroy();
    this.app.destroy({ removeView: true }, { children: true });
  }

  private rebuild(): void {
    this.nodeLayer.removeChildren().forEach((c) => c.destroy({ children: true }));
    this.labels.removeChildren().forEach((c) => c.destroy({ children: true }));
    this.services.clear();
    this.clients.clear();
    this.edgeLabels.clear();
    this.labelsKey = ''; // new labels: check their overlaps afresh
    this.layout = null;
    if (!this.meta) return;
    this.relayout();
  }

  private structure() {
    const meta = this.meta!;
    const services = meta.services.map((s) => ({ name: s.name, label: s.label, calls: s.calls }));
    for (const v of this.snapshot?.services ?? []) {
      if (!services.some((s) => s.name === v.name)) services.push({ name: v.name, label: v.label, calls: [] });
    }
    const clients = meta.workloads.map((w) => ({ id: CLIENT_PREFIX + w.name, target: w.service, name: w.name, route: w.route }));
    return { services, clients };
  }

  private relayout(): void {
    if (!this.meta) return;
    const { services, clients } = this.structure();
    let layout = layoutTopology({ services, clients, positions: this.positions ?? this.meta.layout, width: this.width, height: this.height, density: this.positions ? this.arrangedDensity : undefined });
    const pin = this.pinned;
    const ref = pin ? layout.nodes.get(pin.ref) : undefined;
    if (pin && ref) {
      // Keep the scale, and the reference node where it was: the refit after a drag moves nothing on screen.
      layout = { ...layout, scale: pin.scale, offsetX: pin.offsetX + (pin.at.x - ref.x) * pin.scale, offsetY: pin.offsetY + (pin.at.y - ref.y) * pin.scale };
    }
    this.layout = layout;
    this.applyTransform();
    for (const s of services) {
      const box = layout.nodes.get(s.name)!;
      const node = this.services.get(s.name);
      if (node) node.place(box, layout.density);
      else {
        const n = new ServiceNode(box, s.label, layout.density);
        n.onTap = (instance) => this.onSelect?.(s.name, instance);
        n.view.on('pointerdown', (e) => this.beginNodeDrag(s.name, e));
        n.onHover = () => this.drawSoon();
        this.services.set(s.name, n);
        this.nodeLayer.addChild(n.view);
      }
    }
    this.applySelection();
    for (const c of clients) {
      const box = layout.nodes.get(c.id)!;
      const node = this.clients.get(c.id);
      if (node) node.place(box);
      else {
        const n = new ClientNode(box, c.name, c.route);
        this.clients.set(c.id, n);
        this.nodeLayer.addChild(n.view);
      }
    }
    this.applyDetail();
    this.nodeRects.length = 0;
    for (const b of layout.nodes.values()) this.nodeRects.push(b);
  }

  /** Node boxes (edge labels must not cover them) and the labels' boxes, reused between draws. */
  private readonly nodeRects: Rect[] = [];
  private labelOrder: EdgeLabel[] = [];
  private labelRects: { x: number; y: number; w: number; h: number }[] = [];
  private labelFits: boolean[] = [];
  private readonly labelImportance = new Map<EdgeLabel, number>();

  /**
   * Hide edge labels that would cover a label shown before them (or, in a
   * compact picture, a node's content): failing and breaker-carrying edges
   * first, then the edges' order (deterministic). Uniform zoom keeps
   * overlaps as they are, so this runs only when labels move or resize.
   */
  private fitLabels(important: ReadonlyMap<EdgeLabel, number>): void {
    const order = this.labelOrder;
    order.length = 0;
    for (const l of this.edgeLabels.values()) order.push(l);
    order.sort((a, b) => (important.get(b) ?? 0) - (important.get(a) ?? 0));
    const rects = this.labelRects;
    while (rects.length < order.length) rects.push({ x: 0, y: 0, w: 0, h: 0 });
    rects.length = order.length;
    order.forEach((l, i) => {
      const r = rects[i];
      // Sizes rounded up, so a rate that gains a digit does not make a neighbour blink.
      r.w = roundUp(l.size.w);
      r.h = roundUp(l.size.h);
      r.x = l.view.position.x - r.w / 2;
      r.y = l.view.position.y - r.h / 2;
    });
    // Full nodes have gaps made for their labels (a breaker row may reach a node's border); compact ones are packed.
    const compact = this.layout?.density === 'compact';
    labelsThatFit(rects, compact ? this.nodeRects : [], this.labelFits, 8);
    order.forEach((l, i) => { l.view.visible = this.labelFits[i]; });
  }

  /** Edges from the structure (drawn idle before the first call) merged with the snapshot's live ones. */
  private edges(): EdgeState[] {
    const meta = this.meta!;
    const out = new Map<string, EdgeState>();
    for (const w of meta.workloads) out.set(`${CLIENT_PREFIX}${w.name}->${w.service}`, { from: CLIENT_PREFIX + w.name, to: w.service, perSec: 0, errorShare: 0, breakers: null });
    for (const s of meta.services) for (const c of s.calls) out.set(`${s.name}->${c}`, { from: s.name, to: c, perSec: 0, errorShare: 0, breakers: null });
    for (const e of this.snapshot?.edges ?? []) out.set(`${e.from}->${e.to}`, e);
    return [...out.values()];
  }

  /** Update and draw now (a new scenario, a resize). */
  private draw(): void {
    this.cache.invalidate(true);
    this.updateScene();
    if (this.renderNow()) this.nextFrame();
  }

  /** Bring nodes, edges and labels up to the latest snapshot (no drawing). */
  private updateScene(): void {
    const meta = this.meta, layout = this.layout;
    this.dirty = false;
    if (!meta || !layout) {
      this.edgeGfx.clear();
      this.edgesKey = '';
    }
    if (meta && layout) {
      const snap = this.snapshot;
      const byName = new Map(snap?.services.map((s) => [s.name, s]) ?? []);
      const faults = faultsByService(snap?.faults ?? []);
      for (const s of meta.services) {
        this.services.get(s.name)?.update(byName.get(s.name), { instances: s.instances, workers: s.workers, queue: s.queue }, faults.get(s.name));
      }
      for (const v of snap?.services ?? []) {
        if (!meta.services.some((s) => s.name === v.name)) this.services.get(v.name)?.update(v, { instances: 0, workers: 0, queue: 0 }, faults.get(v.name));
      }
      for (const w of meta.workloads) {
        const label = w.kind === 'closed' ? `${w.users} users` : formatRate(this.pendingLoad[w.name] ?? snap?.load[w.name] ?? w.initialPerSec);
        this.clients.get(CLIENT_PREFIX + w.name)?.update(label);
      }
      const seen = new Set<string>();
      let labelsKey = '';
      const importance = this.labelImportance;
      importance.clear();
      // The edges' Graphics is rebuilt only when a curve, width or colour would change on screen.
      const drawn: [ReturnType<typeof edgeCurve>, EdgeState][] = [];
      let edgesKey = `${currentTheme()};`; // the same edges in another theme are other pixels
      for (const e of this.edges()) {
        const a = layout.nodes.get(e.from), b = layout.nodes.get(e.to);
        if (!a || !b) continue;
        const key = `${e.from}->${e.to}`;
        seen.add(key);
        const curve = edgeCurve(a, b);
        drawn.push([curve, e]);
        edgesKey += `${key}@${a.x},${a.y},${b.x},${b.y}:${edgeStyleKey(e)};`;
        let label = this.edgeLabels.get(key);
        if (!label) {
          label = new EdgeLabel();
          this.edgeLabels.set(key, label);
          this.labels.addChild(label.view);
        }
        label.update(labelPoint(curve, a, b, layout.colGap), e);
        // Failing calls and open breakers matter most; otherwise the edges' order (stable: no label flickers as rates move).
        const b0 = e.breakers;
        const tier = (e.errorShare >= 0.005 ? 2 : 0) + (b0 && (b0.open > 0 || b0.halfOpen > 0) ? 1 : 0);
        importance.set(label, tier);
        labelsKey += `${key}@${label.view.position.x},${label.view.position.y},${roundUp(label.size.w)},${roundUp(label.size.h)},${tier};`;
      }
      if (edgesKey !== this.edgesKey) {
        this.edgesKey = edgesKey;
        this.edgeGfx.clear();
        for (const [curve, e] of drawn) drawEdge(this.edgeGfx, curve, e);
      }
      for (const [key, label] of this.edgeLabels) {
        if (!seen.has(key)) {
          label.view.destroy({ children: true });
          this.edgeLabels.delete(key);
        }
      }
      if (labelsKey !== this.labelsKey) {
        this.labelsKey = labelsKey;
        this.fitLabels(importance);
      }
    }
  }
}

/** Each service's centre, in layout units, rounded (what `layout:` in the file says). */
function centres(l: Layout): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [id, b] of l.nodes as ReadonlyMap<string, NodeBox>) {
    if (b.kind === 'service') out[id] = [Math.round(b.x + b.w / 2), Math.round(b.y + b.h / 2)];
  }
  return out;
}

function roundUp(v: number): number {
  return Math.ceil(v / 6) * 6;
}

/** People who ask their system for less motion get no moving dots. */
function reducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Active faults per service they act on (a partition acts on both of its services). */
function faultsByService(faults: readonly ActiveFault[]): Map<string, ActiveFault[]> {
  const out = new Map<string, ActiveFault[]>();
  for (const f of faults) {
    const names = f.kind === 'partition' ? f.target.split(' ↔ ') : [f.target];
    for (const n of names) {
      const list = out.get(n);
      if (list) list.push(f);
      else out.set(n, [f]);
    }
  }
  return out;
}
