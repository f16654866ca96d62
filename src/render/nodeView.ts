/**
 * One node of the topology: a service (instance cells, busy-worker bar,
 * queue bar, request rate, a tag for the faults acting on it) or a workload
 * client. Draws from a ServiceView; knows nothing of the model beyond it.
 * A service node can be tapped: it reports which instance cell was hit.
 */
import { BitmapText, Container, Graphics, Rectangle, Text } from 'pixi.js';
import type { ActiveFault, InstanceView, ServiceView } from '../model/snapshot';
import { fonts, loadColour, palette } from './palette';
import type { NodeBox } from './layout';

import { CELL, CELL_GAP, CELL_ROWS, CELLS_PER_ROW, cellAt, cellOrigin, faultTag, PAD } from './geometry';

export function formatRate(perSec: number): string {
  if (!Number.isFinite(perSec)) return '–';
  if (perSec >= 10_000) return `${(perSec / 1000).toFixed(0)}k/s`;
  if (perSec >= 1000) return `${(perSec / 1000).toFixed(1)}k/s`;
  if (perSec >= 100) return `${perSec.toFixed(0)}/s`;
  if (perSec >= 10) return `${perSec.toFixed(1)}/s`;
  if (perSec > 0) return `${perSec.toFixed(2)}/s`;
  return '0/s';
}

export class ServiceNode {
  readonly view = new Container();
  private readonly bg = new Graphics();
  private readonly body = new Graphics();
  private readonly mark = new Graphics();
  private readonly tag = new Container();
  private readonly tagBg = new Graphics();
  private readonly tagText: Text;
  private tagKey = '';
  private hot = false;
  private hovered = false;
  private selected = false;
  private selectedInstance: number | null = null;
  private instanceCount = 0;
  /** Called with the tapped instance cell's index, or null for the node itself. */
  onTap: ((instance: number | null) => void) | null = null;
  /** Set by the stage while the node is being dragged, so the pointer-up is not a tap. */
  dragged = false;
  /** Called when the hover state changes (the stage renders on demand). */
  onHover: (() => void) | null = null;
  private readonly title: Text;
  private readonly rate: BitmapText;
  private readonly more: BitmapText;
  private readonly workersLabel: Text;
  private readonly queueLabel: Text;
  private readonly workersValue: BitmapText;
  private readonly queueValue: BitmapText;

  constructor(private box: NodeBox, label: string) {
    this.title = text(label, 14, palette.text, 600);
    this.rate = numbers(12, palette.muted);
    this.more = numbers(11, palette.muted);
    this.workersLabel = text('workers', 11, palette.muted, 500);
    this.queueLabel = text('queue', 11, palette.muted, 500);
    this.workersValue = numbers(11, palette.text);
    this.queueValue = numbers(11, palette.text);
    this.rate.anchor.set(1, 0);
    this.workersValue.anchor.set(1, 0);
    this.queueValue.anchor.set(1, 0);
    this.tagText = text('', 11, palette.faultText, 600);
    this.tagText.anchor.set(1, 0.5);
    this.tag.addChild(this.tagBg, this.tagText);
    this.tag.visible = false;
    this.view.addChild(this.bg, this.body, this.mark, this.title, this.rate, this.more, this.workersLabel, this.queueLabel, this.workersValue, this.queueValue, this.tag);
    fitText(this.title, box.w - 2 * PAD - 64);
    this.place(box);
    // The whole box is one hit target; children never steal the tap.
    this.view.eventMode = 'static';
    this.view.cursor = 'pointer';
    this.view.interactiveChildren = false;
    this.view.on('pointertap', (e) => {
      if (this.dragged) return; // the end of a drag, not a tap
      const p = e.getLocalPosition(this.view);
      this.onTap?.(cellAt(p.x, p.y, this.instanceCount));
    });
    this.view.on('pointerover', () => { this.hovered = true; this.drawFrame(); this.onHover?.(); });
    this.view.on('pointerout', () => { this.hovered = false; this.drawFrame(); this.onHover?.(); });
  }

  place(box: NodeBox): void {
    this.box = box;
    this.view.hitArea = new Rectangle(0, 0, box.w, box.h);
    this.view.position.set(box.x, box.y);
    this.title.position.set(PAD, 10);
    this.rate.position.set(box.w - PAD, 11);
    this.workersLabel.position.set(PAD, box.h - 44);
    this.queueLabel.position.set(PAD, box.h - 24);
    this.workersValue.position.set(box.w - PAD, box.h - 44);
    this.queueValue.position.set(box.w - PAD, box.h - 24);
  }

  /** Selected nodes get an accent border; a selected instance cell gets a ring. */
  setSelected(selected: boolean, instance: number | null): void {
    if (selected === this.selected && instance === this.selectedInstance) return;
    this.selected = selected;
    this.selectedInstance = selected ? instance : null;
    this.drawFrame();
  }

  /** What the frame and the body were last drawn from: Graphics are rebuilt only when it changes (a rebuild re-tessellates). */
  private frameKey = '';
  private bodyKey = '';

  private drawFrame(): void {
    const { w, h } = this.box;
    const key = `${w}|${h}|${this.selected}|${this.hot}|${this.hovered}|${this.selectedInstance}|${this.instanceCount}`;
    if (key === this.frameKey) return;
    this.frameKey = key;
    this.bg.clear();
    if (this.selected) this.bg.roundRect(-4, -4, w + 8, h + 8, 13).fill({ color: palette.accent, alpha: 0.14 });
    this.bg.roundRect(0, 0, w, h, 10).fill({ color: palette.node });
    const border = this.selected ? palette.accent : this.hot ? palette.nodeBorderHot : this.hovered ? palette.hover : palette.nodeBorder;
    this.bg.roundRect(0, 0, w, h, 10).stroke({ width: this.selected || this.hot ? 2 : 1, color: border });
    this.mark.clear();
    const i = this.selectedInstance;
    if (i !== null && i < Math.min(this.instanceCount, CELLS_PER_ROW * CELL_ROWS)) {
      const c = cellOrigin(i);
      this.mark.roundRect(c.x - 2.5, c.y - 2.5, CELL + 5, CELL + 5, 4).stroke({ width: 1.5, color: palette.accent });
    }
  }

  /** The fault tag straddles the top border at the right, amber with dark text. */
  private drawTag(label: string): void {
    if (label === this.tagKey) return;
    this.tagKey = label;
    this.tag.visible = label !== '';
    if (!label) return;
    this.tagText.text = label;
    const tw = this.tagText.width + 24, th = 18;
    const right = this.box.w - 10;
    this.tagText.position.set(right - 7, 0);
    this.tagBg.clear();
    this.tagBg.roundRect(right - tw, -th / 2, tw, th, 9).fill({ color: palette.fault });
    // A small bolt: an injected fault, not the service's own behaviour.
    const bx = right - tw + 7, by = -5;
    this.tagBg.poly([bx + 4, by, bx, by + 6, bx + 3, by + 6, bx + 2, by + 10, bx + 6, by + 4, bx + 3, by + 4, bx + 4, by]).fill({ color: palette.faultText });
  }

  update(v: ServiceView | undefined, fallback: { instances: number; workers: number; queue: number }, faults: readonly ActiveFault[] = []): void {
    const { w, h } = this.box;
    const instances: readonly InstanceView[] = v?.instances ??
      Array.from({ length: fallback.instances }, (_, i) => ({ id: i, n: i + 1, state: 'starting' as const, busy: 0, workers: fallback.workers, queued: 0, queueCap: fallback.queue, arrived: 0, discoverable: false }));
    // Hot border: a real share of failures, not one unlucky request in a quiet interval.
    const errShare = v && v.requestsPerSec > 0 && v.errorsPerSec >= 2 ? v.errorsPerSec / v.requestsPerSec : 0;
    this.hot = errShare > 0.05;
    this.instanceCount = instances.length;
    this.drawFrame();
    this.drawTag(v ? faultTag(v.name, faults) : '');

    setText(this.rate, v ? formatRate(v.requestsPerSec) : '');

    // Busy workers and queue fill over ready instances.
    let busy = 0, workers = 0, queued = 0, cap = 0;
    for (const inst of instances) {
      if (inst.state !== 'ready') continue;
      busy += inst.busy;
      workers += inst.workers;
      queued += inst.queued;
      cap += inst.queueCap;
    }
    const barX = PAD + 54;
    const barW = w - barX - PAD - 62;
    const busyFill = workers > 0 ? busy / workers : 0;
    const queueFill = cap === Infinity ? Math.min(1, Math.log10(1 + queued) / 4) : cap > 0 ? queued / cap : 0;
    setText(this.workersValue, `${busy}/${workers}`);
    setText(this.queueValue, cap === Infinity ? `${queued}/∞` : `${queued}/${cap}`);

    // Instance cells (colour AND shape carry the state) and the bars, redrawn only when a pixel would change.
    const shown = Math.min(instances.length, CELLS_PER_ROW * CELL_ROWS);
    let states = '';
    for (let i = 0; i < shown; i++) states += instances[i].state[0] + instances[i].state[1];
    const key = `${w}|${h}|${states}|${Math.round(busyFill * barW)}|${Math.round(queueFill * barW)}`;
    if (key === this.bodyKey) return;
    this.bodyKey = key;
    const g = this.body;
    g.clear();
    for (let i = 0; i < shown; i++) {
      const c = cellOrigin(i);
      drawCell(g, c.x, c.y, instances[i]);
    }
    setText(this.more, instances.length > shown ? `+${instances.length - shown}` : '');
    this.more.position.set(PAD + CELLS_PER_ROW * (CELL + CELL_GAP), 34 + (CELL_ROWS - 1) * (CELL + CELL_GAP));
    bar(g, barX, h - 40, barW, busyFill, loadColour(palette.busy, busyFill));
    bar(g, barX, h - 20, barW, queueFill, loadColour(palette.queue, queueFill));
  }
}

export class ClientNode {
  readonly view = new Container();
  private readonly bg = new Graphics();
  private readonly title: Text;
  private readonly route: Text;
  private readonly rate: BitmapText;

  constructor(box: NodeBox, name: string, route: string) {
    this.title = text(name, 13, palette.text, 600);
    this.route = text(route, 11, palette.muted, 400, fonts.mono);
    this.rate = numbers(12, palette.text);
    this.rate.anchor.set(1, 0);
    this.view.addChild(this.bg, this.title, this.route, this.rate);
    fitText(this.title, box.w - 2 * PAD - 54);
    fitText(this.route, box.w - 2 * PAD);
    this.place(box);
  }

  place(box: NodeBox): void {
    this.view.position.set(box.x, box.y);
    this.title.position.set(PAD + 4, 10);
    this.route.position.set(PAD + 4, 31);
    this.rate.position.set(box.w - PAD, 11);
    this.bg.clear();
    this.bg.roundRect(0, 0, box.w, box.h, 12).fill({ color: palette.nodeClient });
    this.bg.roundRect(0, 0, box.w, box.h, 12).stroke({ width: 1, color: palette.nodeBorder, alpha: 0.8 });
    this.bg.roundRect(0, 10, 3, box.h - 20, 1.5).fill({ color: palette.busy });
  }

  update(label: string): void {
    setText(this.rate, label);
  }
}

function drawCell(g: Graphics, x: number, y: number, inst: InstanceView): void {
  switch (inst.state) {
    case 'ready':
      g.roundRect(x, y, CELL, CELL, 3).fill({ color: palette.ready });
      break;
    case 'starting':
      g.roundRect(x + 0.75, y + 0.75, CELL - 1.5, CELL - 1.5, 3).stroke({ width: 1.5, color: palette.starting });
      g.rect(x + 3, y + CELL / 2, CELL - 6, CELL / 2 - 3).fill({ color: palette.starting });
      break;
    case 'draining':
      // The mirror of starting: emptying out, finishing what it holds.
      g.roundRect(x + 0.75, y + 0.75, CELL - 1.5, CELL - 1.5, 3).stroke({ width: 1.5, color: palette.ready });
      g.rect(x + 3, y + 3, CELL - 6, CELL / 2 - 3).fill({ color: palette.ready });
      break;
    case 'stopped':
      break;
    case 'dead':
      g.moveTo(x + 2, y + 2).lineTo(x + CELL - 2, y + CELL - 2)
        .moveTo(x + CELL - 2, y + 2).lineTo(x + 2, y + CELL - 2)
        .stroke({ width: 2.5, color: palette.dead, cap: 'round' });
      break;
  }
}

/** Set a text only when it changes: a new text re-measures and re-lays out its glyphs. */
function setText(t: BitmapText | Text, s: string): void {
  if (t.text !== s) t.text = s;
}

function bar(g: Graphics, x: number, y: number, w: number, fill: number, color: number): void {
  g.roundRect(x, y, w, 7, 3.5).fill({ color: palette.barTrack });
  const f = Math.max(0, Math.min(1, fill));
  if (f > 0) g.roundRect(x, y, Math.max(7, w * f), 7, 3.5).fill({ color });
}

export function text(s: string, size: number, fill: number, weight: 400 | 500 | 600, family: string = fonts.family): Text {
  return new Text({
    text: s,
    style: { fontFamily: family, fontSize: size, fill, fontWeight: String(weight) as '400' },
  });
}

/**
 * Text that changes with every snapshot (rates, counts): a BitmapText over a
 * shared glyph atlas, so an update moves quads instead of re-rasterising and
 * uploading a texture (that upload is what slows software WebGL down).
 */
export function numbers(size: number, fill: number): BitmapText {
  return new BitmapText({ text: '', style: { fontFamily: fonts.mono, fontSize: size, fill, fontWeight: '500', align: 'center' } });
}

/** Shorten with an ellipsis until it fits `maxW` px. */
export function fitText(t: Text, maxW: number): void {
  const full = t.text;
  if (t.width <= maxW) return;
  let n = full.length;
  while (n > 1 && t.width > maxW) t.text = full.slice(0, --n) + '…';
}
