/**
 * One node of the topology: a service (instance cells, busy-worker bar,
 * queue bar, request rate, a tag for the faults acting on it) or a workload
 * client. Draws from a ServiceView; knows nothing of the model beyond it.
 * A service node can be tapped: it reports which instance cell was hit.
 * Level of detail: full nodes, compact ones (dense layouts: one row of cells,
 * two thin bars) and, when zoomed far out, tiny ones (the name enlarged and
 * "ready/total") so that nothing shrinks into specks that run together.
 */
import { BitmapText, CanvasTextMetrics, Container, Graphics, Rectangle, Text } from 'pixi.js';
import type { ActiveFault, InstanceView, ServiceView } from '../model/snapshot';
import { fonts, loadColour, palette } from './palette';
import type { Density, NodeBox } from './layout';

import { CELL, CELL_GAP, cellAt, cellOrigin, COMPACT_GRID, type CellGrid, faultTag, FULL_GRID, PAD, stateSummary, TINY_SCALE, tinyTitleScale, TITLE_FONT } from './geometry';

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
  private readonly rate: NumberText;
  private readonly more: NumberText;
  private readonly workersLabel: Text;
  private readonly queueLabel: Text;
  private readonly workersValue: NumberText;
  private readonly queueValue: NumberText;
  /** Tiny nodes only: ready / total instances, tinted by state. */
  private readonly summary: NumberText;
  private density: Density = 'full';
  private tiny = false;
  /** How much a tiny node enlarges its title and summary. */
  private tinyK = 1;
  /** What the title was last fitted to (a fit re-measures the text). */
  private fitKey = '';

  constructor(private box: NodeBox, private readonly label: string, density: Density = 'full') {
    this.title = text(label, TITLE_FONT, palette.text, 600);
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
    this.summary = numbers(12, 0xffffff); // coloured by tint
    this.summary.visible = false;
    this.view.addChild(this.bg, this.body, this.mark, this.title, this.rate, this.more, this.workersLabel, this.queueLabel, this.workersValue, this.queueValue, this.summary, this.tag);
    this.place(box, density);
    // The whole box is one hit target; children never steal the tap.
    this.view.eventMode = 'static';
    this.view.cursor = 'pointer';
    this.view.interactiveChildren = false;
    this.view.on('pointertap', (e) => {
      if (this.dragged) return; // the end of a drag, not a tap
      const p = e.getLocalPosition(this.view);
      this.onTap?.(this.tiny ? null : cellAt(p.x, p.y, this.instanceCount, this.grid));
    });
    this.view.on('pointerover', () => { this.hovered = true; this.drawFrame(); this.onHover?.(); });
    this.view.on('pointerout', () => { this.hovered = false; this.drawFrame(); this.onHover?.(); });
  }

  place(box: NodeBox, density: Density = this.density): void {
    const resized = box.w !== this.box.w || box.h !== this.box.h || density !== this.density || !this.view.hitArea;
    this.box = box;
    this.density = density;
    this.view.position.set(box.x, box.y);
    if (resized) {
      this.view.hitArea = new Rectangle(0, 0, box.w, box.h);
      this.arrange();
    }
  }

  /** Where the instance cells go in this node (null while tiny: none are drawn). */
  get grid(): CellGrid {
    return this.density === 'compact' ? COMPACT_GRID : FULL_GRID;
  }

  get cellsShown(): boolean {
    return !this.tiny;
  }

  /** The title's font size in node units (× the stage's scale = screen px). */
  get titleFontSize(): number {
    return TITLE_FONT * this.title.scale.y;
  }

  /** Screen px per node unit changed (zoom, fit): below TINY_SCALE only the name (enlarged) and a summary are drawn. */
  setScreenScale(s: number): void {
    const tiny = s < TINY_SCALE;
    const k = tiny ? tinyTitleScale(s, this.box) : 1;
    if (tiny === this.tiny && k === this.tinyK) return;
    this.tiny = tiny;
    this.tinyK = k;
    this.arrange();
  }

  /** Positions and shows the parts for the node's size and level of detail. */
  private arrange(): void {
    const { w, h } = this.box;
    const compact = this.density === 'compact', tiny = this.tiny;
    const detail = !compact && !tiny;
    this.body.visible = !tiny;
    this.mark.visible = !tiny;
    this.more.visible = !tiny;
    this.rate.visible = !tiny;
    this.summary.visible = tiny;
    for (const t of [this.workersLabel, this.queueLabel, this.workersValue, this.queueValue]) t.visible = detail;
    const k = tiny ? this.tinyK : 1;
    const maxW = Math.floor((w - 2 * PAD - (detail ? 64 : 0)) / k);
    if (`${maxW}` !== this.fitKey) {
      this.fitKey = `${maxW}`;
      this.title.text = this.label;
      fitText(this.title, maxW);
    }
    this.title.scale.set(k);
    if (tiny) {
      const lineT = TITLE_FONT * 1.25 * k, lineS = 12 * 1.25 * k;
      const top = Math.max(4, (h - lineT - lineS) / 2);
      this.title.position.set(PAD, top);
      this.summary.scale.set(k);
      this.summary.position.set(PAD, top + lineT);
    } else {
      this.title.position.set(PAD, compact ? 6 : 10);
    }
    this.rate.position.set(w - PAD, compact ? COMPACT_GRID.top + 1 : 11);
    const g = this.grid;
    this.more.position.set(PAD + g.perRow * (CELL + CELL_GAP), g.top + (g.rows - 1) * (CELL + CELL_GAP) + (compact ? 1 : 0));
    this.workersLabel.position.set(PAD, h - 44);
    this.queueLabel.position.set(PAD, h - 24);
    this.workersValue.position.set(w - PAD, h - 44);
    this.queueValue.position.set(w - PAD, h - 24);
    this.bodyKey = '';
    this.frameKey = '';
    this.drawFrame();
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
    const g = this.grid;
    if (i !== null && i < Math.min(this.instanceCount, g.perRow * g.rows)) {
      const c = cellOrigin(i, g);
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
    let busy = 0, workers = 0, queued = 0, cap = 0, ready = 0, dead = 0;
    for (const inst of instances) {
      if (inst.state === 'dead') dead++;
      if (inst.state !== 'ready') continue;
      ready++;
      busy += inst.busy;
      workers += inst.workers;
      queued += inst.queued;
      cap += inst.queueCap;
    }
    const compact = this.density === 'compact';
    // Compact: two thin bars side by side along the bottom, no numbers.
    const barX = compact ? PAD : PAD + 54;
    const barW = compact ? (w - 2 * PAD - 8) / 2 : w - barX - PAD - 62;
    const busyFill = workers > 0 ? busy / workers : 0;
    const queueFill = cap === Infinity ? Math.min(1, Math.log10(1 + queued) / 4) : cap > 0 ? queued / cap : 0;
    setText(this.workersValue, `${busy}/${workers}`);
    setText(this.queueValue, cap === Infinity ? `${queued}/∞` : `${queued}/${cap}`);
    const sum = stateSummary(ready, dead, instances.length);
    setText(this.summary, sum.text);
    this.summary.tint = sum.tone === 'ok' ? palette.okText : sum.tone === 'warn' ? palette.warnText : palette.badText;

    // Instance cells (colour AND shape carry the state) and the bars, redrawn only when a pixel would change.
    const grid = this.grid;
    const shown = Math.min(instances.length, grid.perRow * grid.rows);
    let states = '';
    for (let i = 0; i < shown; i++) states += instances[i].state[0] + instances[i].state[1];
    const key = `${w}|${h}|${this.density}|${states}|${Math.round(busyFill * barW)}|${Math.round(queueFill * barW)}`;
    if (key === this.bodyKey) return;
    this.bodyKey = key;
    const g = this.body;
    g.clear();
    for (let i = 0; i < shown; i++) {
      const c = cellOrigin(i, grid);
      drawCell(g, c.x, c.y, instances[i]);
    }
    setText(this.more, instances.length > shown ? `+${instances.length - shown}` : '');
    if (compact) {
      bar(g, barX, h - 8, barW, busyFill, loadColour(palette.busy, busyFill), 4);
      bar(g, barX + barW + 8, h - 8, barW, queueFill, loadColour(palette.queue, queueFill), 4);
    } else {
      bar(g, barX, h - 40, barW, busyFill, loadColour(palette.busy, busyFill));
      bar(g, barX, h - 20, barW, queueFill, loadColour(palette.queue, queueFill));
    }
  }
}

export class ClientNode {
  readonly view = new Container();
  private readonly bg = new Graphics();
  private readonly title: Text;
  private readonly route: Text;
  private readonly rate: NumberText;

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
    this.title.position.set(PAD + 4, box.h < 58 ? 7 : 10);
    this.route.position.set(PAD + 4, box.h < 58 ? 25 : 31);
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
      g.roundRect(x + 0.75, y + 0.75, CELL - 1.5, CELL - 1.5, 3).stroke({ width: 1.5, color: palette.draining });
      g.rect(x + 3, y + 3, CELL - 6, CELL / 2 - 3).fill({ color: palette.draining });
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
function setText(t: NumberText | Text, s: string): void {
  if (t.text !== s) t.text = s;
}

function bar(g: Graphics, x: number, y: number, w: number, fill: number, color: number, h = 7): void {
  g.roundRect(x, y, w, h, h / 2).fill({ color: palette.barTrack });
  const f = Math.max(0, Math.min(1, fill));
  if (f > 0) g.roundRect(x, y, Math.max(h, w * f), h, h / 2).fill({ color });
}

export function text(s: string, size: number, fill: number, weight: 400 | 500 | 600, family: string = fonts.family): Text {
  return new Text({
    text: s,
    style: { fontFamily: family, fontSize: size, fill, fontWeight: String(weight) as '400' },
  });
}

// No text here uses letter spacing, but pixi sets the measuring context's `letterSpacing` before every
// measurement where the browser supports it, and in Chromium that setter re-resolves the font: most of
// a Text's cost (about 0.7 ms each; 20+ ms in a frame whose numbers all changed). Told it is not
// supported, pixi leaves the context at its default, 0 px.
CanvasTextMetrics._experimentalLetterSpacingSupported = false;

/** A text that changes with every snapshot: see `numbers`. */
export type NumberText = BitmapText | Text;

let bitmapNumbers = true;

/** Set by the stage once its renderer is known (BitmapText on WebGL, Text on the 2D canvas). */
export function useBitmapNumbers(on: boolean): void {
  bitmapNumbers = on;
}

/**
 * Text that changes with every snapshot (rates, counts). On WebGL a
 * BitmapText over a shared glyph atlas, so an update moves quads instead of
 * re-rasterising and uploading a texture. On pixi's 2D-canvas renderer, whose
 * BitmapText draws the wrong glyphs, a Text (re-rasterising there is cheap: no upload).
 */
export function numbers(size: number, fill: number): NumberText {
  const style = { fontFamily: fonts.mono, fontSize: size, fill, fontWeight: '500', align: 'center' } as const;
  return bitmapNumbers ? new BitmapText({ text: '', style }) : new Text({ text: '', style });
}

/** Shorten with an ellipsis until it fits `maxW` px. */
export function fitText(t: Text, maxW: number): void {
  const full = t.text;
  if (t.width <= maxW) return;
  let n = full.length;
  while (n > 1 && t.width > maxW) t.text = full.slice(0, --n) + '…';
}
