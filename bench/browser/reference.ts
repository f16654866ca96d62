/**
 * The browser benchmark's reference scene: bare pixi.js v8, no React, no
 * store, no worker. Service-like rounded rectangles with a few labels, bezier
 * edges drawn once into one static Graphics, and dots moving along the edges
 * as Particles in one ParticleContainer (the app's technique, render/dots.ts),
 * rendered on every requestAnimationFrame. Counts and canvas size come from
 * the query string (`?services=5&clients=3&edges=8&dots=300&w=900&h=500`), so
 * it draws what the app showed at its busiest. Imports nothing from src/.
 */
import { Application, BitmapText, Container, Graphics, Particle, ParticleContainer, Rectangle, Text } from 'pixi.js';

type P = { x: number; y: number };
type Curve = [P, P, P, P];
type Box = { x: number; y: number; w: number; h: number };

const q = new URLSearchParams(location.search);
const num = (k: string, d: number) => {
  const v = Number(q.get(k));
  return Number.isFinite(v) && q.has(k) ? v : d;
};
const SERVICES = num('services', 5);
const CLIENTS = num('clients', 3);
const EDGES = num('edges', 8);
const DOTS = num('dots', 300);
const WIDTH = num('w', 900);
const HEIGHT = num('h', 520);

const colours = { background: 0x0b1120, node: 0x151f33, client: 0x111a2c, border: 0x2b3a57, text: 0xe6edf7, muted: 0x8a9ab5, edge: 0x5876a8, call: 0xcfe6ff, ok: 0x3ddc97 };
const font = 'Inter, "Segoe UI", system-ui, Arial, sans-serif';

/** Clients in the first column, services in the next ones: a few per column, like the app's layered layout. */
function layout(): { clients: Box[]; services: Box[]; width: number; height: number } {
  const perCol = Math.max(1, Math.ceil(Math.sqrt(SERVICES)));
  const cols = 1 + Math.ceil(SERVICES / perCol);
  const colW = 208 + 110;
  const rowsMax = Math.max(CLIENTS, perCol);
  const rowH = 118 + 40;
  const clients = Array.from({ length: CLIENTS }, (_, i) => ({ x: 0, y: i * rowH + 30, w: 188, h: 58 }));
  const services = Array.from({ length: SERVICES }, (_, i) => ({ x: colW * (1 + Math.floor(i / perCol)), y: (i % perCol) * rowH, w: 208, h: 118 }));
  return { clients, services, width: cols * colW - 110, height: rowsMax * rowH - 40 };
}

function curve(a: Box, b: Box): Curve {
  const forward = b.x >= a.x + a.w - 1;
  if (forward) {
    const p0 = { x: a.x + a.w, y: a.y + a.h / 2 };
    const p3 = { x: b.x - 2, y: b.y + b.h / 2 };
    const dx = Math.max(30, (p3.x - p0.x) / 2);
    return [p0, { x: p0.x + dx, y: p0.y }, { x: p3.x - dx, y: p3.y }, p3];
  }
  const p0 = { x: a.x + a.w / 2, y: a.y + a.h };
  const p3 = { x: b.x + b.w / 2, y: b.y + b.h + 2 };
  const dip = Math.max(p0.y, p3.y) + 60;
  return [p0, { x: p0.x, y: dip }, { x: p3.x, y: dip }, p3];
}

/** Writes the cubic bezier point at t into `out` (no allocation per dot per frame). */
function bezierAt(c: Curve, t: number, out: P): void {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;
  out.x = a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x;
  out.y = a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y;
}

/** M edges: each client to a service, then service → later service pairs, then any pair (deterministic). */
function edgePairs(clients: Box[], services: Box[]): [Box, Box][] {
  const out: [Box, Box][] = [];
  for (let i = 0; i < clients.length && out.length < EDGES && services.length; i++) out.push([clients[i], services[i % services.length]]);
  for (let gap = 1; out.length < EDGES && gap < services.length; gap++) {
    for (let i = 0; i + gap < services.length && out.length < EDGES; i++) out.push([services[i], services[i + gap]]);
  }
  const all = [...clients, ...services];
  for (let i = 0; out.length < EDGES && all.length > 1; i++) out.push([all[i % all.length], all[(i * 7 + 3) % all.length]]);
  return out;
}

async function main(): Promise<void> {
  const app = new Application();
  // The same options as the app's stage (render/stage.ts), with the renderer the app reported (`renderer=`).
  const renderer = new URLSearchParams(location.search).get('renderer') === 'canvas' ? 'canvas' : 'webgl';
  await app.init({
    preference: renderer === 'canvas' ? ['canvas', 'webgl'] : ['webgl', 'canvas'],
    preserveDrawingBuffer: true,
    antialias: true,
    autoStart: false,
    background: colours.background,
    width: WIDTH,
    height: HEIGHT,
    resolution: Math.min(2, globalThis.devicePixelRatio || 1),
    autoDensity: true,
  });
  app.ticker?.stop();
  document.getElementById('stage')!.appendChild(app.canvas);

  const { clients, services, width, height } = layout();
  const world = new Container();
  const scale = Math.min(1, (WIDTH - 56) / width, (HEIGHT - 56) / height);
  world.scale.set(scale);
  world.position.set((WIDTH - width * scale) / 2, (HEIGHT - height * scale) / 2);
  app.stage.addChild(world);

  // Edges: drawn once.
  const curves = edgePairs(clients, services).map(([a, b]) => curve(a, b));
  const edgeGfx = new Graphics();
  for (const c of curves) {
    edgeGfx.moveTo(c[0].x, c[0].y).bezierCurveTo(c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y).stroke({ width: 2, color: colours.edge, alpha: 0.9 });
  }

  // Dots: pooled particles, positions and alpha updated every frame.
  const g = new Graphics().circle(6, 6, 6).fill({ color: 0xffffff });
  const texture = app.renderer.generateTexture({ target: g, resolution: 2 });
  g.destroy();
  const dotLayer = new ParticleContainer({
    texture,
    dynamicProperties: { position: true, color: true, vertex: false, rotation: false, uvs: false },
    boundsArea: new Rectangle(-1e5, -1e5, 2e5, 2e5),
  });
  const dots: { p: Particle; c: Curve; start: number; duration: number; back: boolean }[] = [];
  const size = 8 / Math.max(1, texture.frame.width);
  for (let i = 0; i < DOTS && curves.length; i++) {
    const back = i % 2 === 1;
    const p = new Particle({ texture, anchorX: 0.5, anchorY: 0.5, scaleX: size, scaleY: size, tint: back ? colours.ok : colours.call });
    dotLayer.addParticle(p);
    // Spread phases and speeds so dots do not move in lockstep (350 ms … 1.5 s on screen, like the app's).
    dots.push({ p, c: curves[i % curves.length], start: -((i * 977) % 1500), duration: 350 + ((i * 389) % 1150), back });
  }

  // Nodes: a rounded box with a border, a title and a couple of labels each.
  const nodeLayer = new Container();
  const addNode = (b: Box, title: string, client: boolean) => {
    const v = new Container();
    v.position.set(b.x, b.y);
    const bg = new Graphics();
    bg.roundRect(0, 0, b.w, b.h, client ? 12 : 10).fill({ color: client ? colours.client : colours.node });
    bg.roundRect(0, 0, b.w, b.h, client ? 12 : 10).stroke({ width: 1, color: colours.border });
    const t = new Text({ text: title, style: { fontFamily: font, fontSize: client ? 13 : 14, fill: colours.text, fontWeight: '600' } });
    t.position.set(12, 10);
    const rate = new BitmapText({ text: '123/s', style: { fontFamily: 'monospace', fontSize: 12, fill: colours.muted } });
    rate.anchor.set(1, 0);
    rate.position.set(b.w - 12, 11);
    v.addChild(bg, t, rate);
    if (!client) {
      const w = new Text({ text: 'workers', style: { fontFamily: font, fontSize: 11, fill: colours.muted } });
      w.position.set(12, b.h - 44);
      v.addChild(w);
    }
    nodeLayer.addChild(v);
  };
  clients.forEach((b, i) => addNode(b, `client ${i + 1}`, true));
  services.forEach((b, i) => addNode(b, `Service ${i + 1}`, false));

  world.addChild(edgeGfx, dotLayer, nodeLayer);

  const at = { x: 0, y: 0 };
  const frame = (now: number) => {
    for (const d of dots) {
      let t = ((now - d.start) % d.duration) / d.duration;
      if (d.back) t = 1 - t;
      bezierAt(d.c, t, at);
      d.p.x = at.x;
      d.p.y = at.y;
      d.p.alpha = Math.min(1, t * 8, (1 - t) * 8);
    }
    app.render();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  (globalThis as unknown as { __reference: unknown }).__reference = {
    rendererName: app.renderer.name,
    nodes: clients.length + services.length,
    edges: curves.length,
    dots: dots.length,
    canvas: { w: WIDTH, h: HEIGHT },
  };
}

void main();
