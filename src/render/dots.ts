/**
 * Moving dots: a sample of the real messages on the wire (snapshot `hops`),
 * each travelling along its edge — a call from caller to callee, an answer
 * back coloured and shaped by how it ended (palette.dot*; disc ok, cross
 * error, ring timeout, square refused: colour is never the only sign). A
 * dot leaves when the model sent it (spread over the frame its snapshot
 * covers) and takes its real wire time, but never less than a glimpse
 * (~0.35 s on screen), so zero-latency calls are still seen. Particles in
 * one ParticleContainer, pooled: no Graphics is redrawn per frame (style.md;
 * the issue measured that 4–10× costlier).
 */
import { canvasUtils, Graphics, Particle, ParticleContainer, Rectangle, type Renderer, Texture } from 'pixi.js';
import type { HopView } from '../model/snapshot';
import { bezierAt } from './edgeView';
import { dotColour } from './palette';

type P = { x: number; y: number };
type Curve = [P, P, P, P];

/** Shortest and longest time a dot is on screen, wall ms. */
const MIN_TRAVEL_MS = 350;
const MAX_TRAVEL_MS = 3000;
/** Dots alive at once at most: beyond it new ones are skipped (the sample is already a sample). */
const MAX_DOTS = 1500;
/** Per edge and direction, a dot leaves at most this often (wall ms): a busy edge shows a stream of separate dots, not a solid line. */
const LANE_GAP_MS = 45;

/** One white shape per kind of dot, side by side in one texture (a ParticleContainer draws from one source). */
type DotKind = HopView['outcome'] | 'call';
const SHAPES: readonly DotKind[] = ['call', 'ok', 'error', 'timeout', 'refused'];
/** Each shape's cell in the atlas, and the shape's size inside it (a transparent margin keeps neighbours from bleeding). */
const CELL_PX = 14;
const SHAPE_PX = 12;

function drawShape(g: Graphics, kind: DotKind, x: number): void {
  const c = x + CELL_PX / 2, m = CELL_PX / 2, r = SHAPE_PX / 2;
  switch (kind) {
    case 'error': // a cross, like a dead instance
      g.moveTo(c - r + 1.5, m - r + 1.5).lineTo(c + r - 1.5, m + r - 1.5).moveTo(c + r - 1.5, m - r + 1.5).lineTo(c - r + 1.5, m + r - 1.5)
        .stroke({ width: 3.5, color: 0xffffff, cap: 'round' });
      break;
    case 'timeout': // a ring: nothing came back in time
      g.circle(c, m, r - 1.5).stroke({ width: 3, color: 0xffffff });
      break;
    case 'refused': // a square: turned away at the door
      g.rect(c - r + 1, m - r + 1, SHAPE_PX - 2, SHAPE_PX - 2).fill({ color: 0xffffff });
      break;
    default:
      g.circle(c, m, r).fill({ color: 0xffffff });
  }
}

interface Dot {
  readonly p: Particle;
  curve: Curve;
  start: number;
  duration: number;
}

export class DotLayer {
  readonly view: ParticleContainer;
  private readonly texture: Texture;
  private readonly live: Dot[] = [];
  private readonly pool: Particle[] = [];
  /** When the last dot left on each lane (edge and direction), wall ms. */
  private readonly lanes = new Map<string, number>();
  private lastSim = -1;
  private lastWall = 0;
  private readonly shapes = new Map<DotKind, Texture>();

  private readonly onCanvas: boolean;

  constructor(renderer: Renderer) {
    this.onCanvas = renderer.name === 'canvas';
    const g = new Graphics();
    SHAPES.forEach((k, i) => drawShape(g, k, i * CELL_PX));
    this.texture = renderer.generateTexture({ target: g, resolution: 2, frame: new Rectangle(0, 0, SHAPES.length * CELL_PX, CELL_PX) });
    g.destroy();
    for (const [i, k] of SHAPES.entries()) {
      this.shapes.set(k, new Texture({ source: this.texture.source, frame: new Rectangle(i * CELL_PX, 0, CELL_PX, CELL_PX) }));
    }
    this.view = new ParticleContainer({
      texture: this.texture,
      dynamicProperties: { position: true, color: true, vertex: false, rotation: false, uvs: false },
      // Fixed bounds: no per-frame bounds walk over thousands of particles.
      boundsArea: new Rectangle(-1e5, -1e5, 2e5, 2e5),
    });
    // One invisible particle, always there: pixi builds the container's buffers (and compiles their
    // update function) at the first frame that has a particle — the scenario's first frame, not Play's.
    this.view.addParticle(new Particle({ texture: this.shapes.get('call')!, alpha: 0 }));
    this.warmTints();
  }

  /**
   * pixi's 2D-canvas renderer tints a particle by drawing a tinted copy of
   * its texture, made the first time a colour is drawn. Made here, before
   * Play (and again after a theme change), instead of in the run's first
   * frame, which is already the busiest.
   */
  warmTints(): void {
    if (!this.onCanvas) return;
    for (const [kind, texture] of this.shapes) canvasUtils.getTintedCanvas({ texture }, dotColour(kind));
  }

  get count(): number {
    return this.live.length;
  }

  /**
   * New hops from a snapshot at simulated time `simNow`, seen at wall time
   * `wallNow`; `curveOf` gives the caller → callee curve of an edge (null when
   * not drawn).
   */
  add(hops: readonly HopView[], simNow: number, wallNow: number, curveOf: (from: string, to: string) => Curve | null): void {
    const dSim = this.lastSim >= 0 ? simNow - this.lastSim : 0;
    const dWall = this.lastSim >= 0 ? Math.min(250, wallNow - this.lastWall) : 0;
    // Simulated ms per wall ms over the last frame (how fast the run is going now).
    const rate = dSim > 0 && dWall > 0 ? dSim / dWall : 0;
    const from = this.lastSim;
    this.lastSim = simNow;
    this.lastWall = wallNow;
    for (const h of hops) {
      if (this.live.length >= MAX_DOTS) break;
      // Leave at the model's send time, mapped into the frame this snapshot covers.
      const lead = dSim > 0 && from >= 0 ? ((h.t0 - from) / dSim) * dWall - dWall : 0;
      const start = wallNow + Math.min(0, lead);
      const lane = `${h.from}>${h.to}${h.answer ? '<' : '>'}`;
      if (start - (this.lanes.get(lane) ?? -Infinity) < LANE_GAP_MS) continue;
      const c = curveOf(h.from, h.to);
      if (!c) continue;
      this.lanes.set(lane, start);
      const wire = rate > 0 ? (h.t1 - h.t0) / rate : 0;
      const kind: DotKind = h.answer ? h.outcome : 'call';
      const texture = this.shapes.get(kind)!;
      const p = this.pool.pop() ?? new Particle({ texture, anchorX: 0.5, anchorY: 0.5 });
      p.texture = texture;
      // Diameter in world units (the layout scales the world to fit the canvas).
      const size = (h.answer ? 9 : 8) / SHAPE_PX;
      p.scaleX = p.scaleY = size;
      // Looked up per dot: the theme can change while the page runs.
      p.tint = dotColour(kind);
      p.alpha = 0;
      this.view.addParticle(p);
      this.live.push({
        p,
        curve: h.answer ? [c[3], c[2], c[1], c[0]] : c,
        start,
        duration: Math.min(MAX_TRAVEL_MS, Math.max(MIN_TRAVEL_MS, wire)),
      });
    }
  }

  /** Move every dot to `wallNow`; returns whether any is still travelling. */
  tick(wallNow: number): boolean {
    const live = this.live;
    let w = 0;
    for (let i = 0; i < live.length; i++) {
      const d = live[i];
      const t = (wallNow - d.start) / d.duration;
      if (t >= 1) {
        this.view.removeParticle(d.p);
        this.pool.push(d.p);
        continue;
      }
      const k = t < 0 ? 0 : t;
      const at = bezierAt(d.curve, k);
      d.p.x = at.x;
      d.p.y = at.y;
      // Fade in and out at the ends so dots do not pop.
      d.p.alpha = Math.min(1, k * 8, (1 - k) * 8);
      live[w++] = d;
    }
    live.length = w;
    return w > 0;
  }

  /** Drop every dot (a new scenario, a restart). */
  clear(): void {
    for (const d of this.live) {
      this.view.removeParticle(d.p);
      this.pool.push(d.p);
    }
    this.live.length = 0;
    this.lanes.clear();
    this.lastSim = -1;
  }

  destroy(): void {
    this.clear();
    this.view.destroy();
    this.texture.destroy(true);
  }
}
