/**
 * Calls between nodes: a curve with an arrow head, width by request rate,
 * colour by error share, and a label with the live rate. All edges share one
 * Graphics; labels are small containers.
 */
import { type BitmapText, Container, Graphics } from 'pixi.js';
import type { NodeBox } from './layout';
import { edgeColour, palette } from './palette';
import { formatRate, numbers } from './nodeView';

export interface EdgeState {
  readonly from: string;
  readonly to: string;
  readonly perSec: number;
  readonly errorShare: number;
}

type P = { x: number; y: number };

export class EdgeLabel {
  readonly view = new Container();
  private readonly bg = new Graphics();
  private readonly label: BitmapText;
  private key = '';
  constructor() {
    this.label = numbers(11, 0xffffff); // coloured by tint
    this.label.anchor.set(0.5, 0.5);
    this.view.addChild(this.bg, this.label);
  }
  update(at: P, e: EdgeState): void {
    // The error share goes on a second line: labels must fit the gap between columns.
    const err = e.errorShare >= 0.005 ? `\n${(e.errorShare * 100).toFixed(e.errorShare < 0.1 ? 1 : 0)}% err` : '';
    const text = `${formatRate(e.perSec)}${err}`;
    const colour = err ? palette.edgeError : e.perSec > 0 ? palette.text : palette.muted;
    this.view.position.set(Math.round(at.x), Math.round(at.y));
    const key = `${text}|${colour}`;
    if (key === this.key) return;
    this.key = key;
    this.label.text = text;
    this.label.tint = colour;
    const w = this.label.width + 12;
    const h = err ? 32 : 18;
    this.bg.clear();
    this.bg.roundRect(-w / 2, -h / 2, w, h, 9).fill({ color: palette.labelBg, alpha: 0.92 });
    this.bg.roundRect(-w / 2, -h / 2, w, h, 9).stroke({ width: 1, color: err ? palette.edgeError : palette.nodeBorder, alpha: 0.9 });
  }
}

/** The curve from the right side of `a` to the left side of `b` (below both when `b` is not to the right). */
export function edgeCurve(a: NodeBox, b: NodeBox): [P, P, P, P] {
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

/**
 * Where an edge's label goes: in the column gap just before its target, so a
 * call that skips a column is not labelled on top of the node it passes.
 */
export function labelPoint(c: [P, P, P, P], a: NodeBox, b: NodeBox, colGap: number): P {
  const start = a.x + a.w, end = b.x;
  if (end <= start) return bezierAt(c, 0.5);
  const x = end - Math.min(colGap, end - start) / 2;
  // x(t) is monotone on a forward curve: bisect.
  let lo = 0, hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (bezierAt(c, mid).x < x) lo = mid;
    else hi = mid;
  }
  return bezierAt(c, (lo + hi) / 2);
}

export function bezierAt(c: [P, P, P, P], t: number): P {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;
  return { x: a * c[0].x + b * c[1].x + d * c[2].x + e * c[3].x, y: a * c[0].y + b * c[1].y + d * c[2].y + e * c[3].y };
}

export function drawEdge(g: Graphics, c: [P, P, P, P], e: EdgeState): void {
  const color = edgeColour(e.perSec, e.errorShare);
  const width = e.perSec > 0 ? 1.5 + Math.min(5, Math.log10(1 + e.perSec) * 1.3) : 1.25;
  g.moveTo(c[0].x, c[0].y).bezierCurveTo(c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y)
    .stroke({ width, color, alpha: e.perSec > 0 ? 0.95 : 0.7, cap: 'round' });
  // Arrow head along the curve's end tangent.
  const tip = c[3];
  const from = bezierAt(c, 0.96);
  const ang = Math.atan2(tip.y - from.y, tip.x - from.x);
  const size = 7 + width;
  const left = { x: tip.x - size * Math.cos(ang - 0.45), y: tip.y - size * Math.sin(ang - 0.45) };
  const right = { x: tip.x - size * Math.cos(ang + 0.45), y: tip.y - size * Math.sin(ang + 0.45) };
  g.poly([tip.x, tip.y, left.x, left.y, right.x, right.y]).fill({ color });
}
