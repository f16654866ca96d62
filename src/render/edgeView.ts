/**
 * Calls between nodes: a curve with an arrow head, width by request rate,
 * colour by error share, and a label with the live rate, the error share and
 * the circuit breakers of the calling instances (closed ● / half-open ◐ /
 * open ○, each with its count: shape and colour both carry the state). All
 * edges share one Graphics; labels are small containers.
 */
import { Container, Graphics } from 'pixi.js';
import type { EdgeView } from '../model/snapshot';
import type { NodeBox } from './layout';
import { breakerColour, edgeColour, palette } from './palette';
import { formatRate, numbers, type NumberText } from './nodeView';

export interface EdgeState {
  readonly from: string;
  readonly to: string;
  readonly perSec: number;
  readonly errorShare: number;
  readonly breakers: EdgeView['breakers'];
}

type P = { x: number; y: number };

export type BreakerState = 'closed' | 'halfOpen' | 'open';
const BREAKER_ORDER: readonly BreakerState[] = ['closed', 'halfOpen', 'open'];

/** The breaker glyph: filled disc = closed, half disc in a ring = half-open, empty ring = open (an open circuit). */
export function drawBreakerGlyph(g: Graphics, cx: number, cy: number, r: number, state: BreakerState): void {
  const color = breakerColour(state);
  if (state === 'closed') {
    g.circle(cx, cy, r).fill({ color });
    return;
  }
  g.circle(cx, cy, r - 0.75).stroke({ width: 1.5, color });
  if (state === 'halfOpen') g.arc(cx, cy, r - 0.75, Math.PI / 2, (3 * Math.PI) / 2).closePath().fill({ color });
}

const BREAKER_WORDS: Record<BreakerState, string> = { closed: 'closed', halfOpen: 'half-open', open: 'open' };
const GLYPH_R = 4.5;
const ROW_H = 15;

export class EdgeLabel {
  readonly view = new Container();
  private readonly bg = new Graphics();
  private readonly label: NumberText;
  private readonly glyphs = new Graphics();
  private readonly counts: NumberText[] = [];
  private key = '';
  /** The label's box (centred on `view.position`), for the overlap check. */
  readonly size = { w: 0, h: 0 };
  constructor() {
    this.label = numbers(11, 0xffffff); // coloured by tint
    this.label.anchor.set(0.5, 0.5);
    for (let i = 0; i < BREAKER_ORDER.length; i++) {
      const t = numbers(11, 0xffffff);
      t.anchor.set(0, 0.5);
      this.counts.push(t);
    }
    this.view.addChild(this.bg, this.label, this.glyphs, ...this.counts);
  }
  update(at: P, e: EdgeState): void {
    // The error share goes on a second line: labels must fit the gap between columns.
    const share = Math.min(1, e.errorShare);
    const err = share >= 0.005 ? `\n${(share * 100).toFixed(share < 0.1 ? 1 : 0)}% err` : '';
    const text = `${formatRate(e.perSec)}${err}`;
    const colour = err ? palette.badText : e.perSec > 0 ? palette.text : palette.muted;
    const b = e.breakers;
    const parts = b ? BREAKER_ORDER.map((st) => [st, b[st]] as const).filter(([, n]) => n > 0) : [];
    this.view.position.set(Math.round(at.x), Math.round(at.y));
    const key = `${text}|${colour}|${parts.map((p) => p.join(':')).join(',')}`;
    if (key === this.key) return;
    this.key = key;
    this.label.text = text;
    this.label.tint = colour;

    const textH = err ? 32 : 18;
    const h = textH + (parts.length ? ROW_H : 0);
    this.label.position.set(0, -h / 2 + textH / 2);

    // Breaker row: glyph + count per state present, centred under the rate.
    this.glyphs.clear();
    let rowW = 0;
    // One state: its word too ("2 open"); several: glyph and count each, to fit the column gap.
    const words = parts.length === 1;
    parts.forEach(([st, n], i) => {
      const t = this.counts[i];
      t.text = words ? `${n} ${BREAKER_WORDS[st]}` : String(n);
      t.tint = st === 'closed' ? palette.okText : st === 'halfOpen' ? palette.warnText : palette.badText; // words: the text shades
      rowW += 2 * GLYPH_R + 3 + t.width + (i > 0 ? 7 : 0);
    });
    for (let i = parts.length; i < this.counts.length; i++) this.counts[i].text = '';
    let x = -rowW / 2;
    const rowY = h / 2 - ROW_H / 2 - 3;
    parts.forEach(([st], i) => {
      if (i > 0) x += 7;
      drawBreakerGlyph(this.glyphs, x + GLYPH_R, rowY, GLYPH_R, st);
      x += 2 * GLYPH_R + 3;
      const t = this.counts[i];
      t.position.set(Math.round(x), Math.round(rowY));
      x += t.width;
    });

    const w = Math.max(this.label.width, rowW) + 12;
    this.size.w = w;
    this.size.h = h;
    const open = b ? b.open > 0 : false, half = b ? b.halfOpen > 0 : false;
    const border = open ? palette.breakerOpen : half ? palette.breakerHalf : err ? palette.edgeError : palette.nodeBorder;
    this.bg.clear();
    this.bg.roundRect(-w / 2, -h / 2, w, h, 9).fill({ color: palette.labelBg, alpha: 0.92 });
    this.bg.roundRect(-w / 2, -h / 2, w, h, 9).stroke({ width: open ? 1.5 : 1, color: border, alpha: 0.9 });
    if (parts.length) {
      // A hairline between the rate and the breakers.
      this.bg.moveTo(-w / 2 + 5, -h / 2 + textH).lineTo(w / 2 - 5, -h / 2 + textH).stroke({ width: 1, color: palette.nodeBorder, alpha: 0.8 });
    }
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

/** What an edge's stroke looks like, quantised to what the eye sees (width in quarter pixels, colour as drawn). */
export function edgeStyleKey(e: EdgeState): string {
  return `${Math.round(edgeWidth(e.perSec) * 4)}|${edgeColour(e.perSec, e.errorShare)}`;
}

function edgeWidth(perSec: number): number {
  return perSec > 0 ? 1.5 + Math.min(5, Math.log10(1 + perSec) * 1.3) : 1.25;
}

export function drawEdge(g: Graphics, c: [P, P, P, P], e: EdgeState): void {
  const color = edgeColour(e.perSec, e.errorShare);
  const width = Math.round(edgeWidth(e.perSec) * 4) / 4;
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
