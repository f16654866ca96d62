/**
 * One node of the topology: a service (instance cells, busy-worker bar,
 * queue bar, request rate) or a workload client. Draws from a ServiceView;
 * knows nothing of the model beyond it.
 */
import { BitmapText, Container, Graphics, Text } from 'pixi.js';
import type { InstanceView, ServiceView } from '../model/snapshot';
import { fonts, loadColour, palette } from './palette';
import type { NodeBox } from './layout';

const PAD = 12;
const CELL = 13;
const CELL_GAP = 4;
const CELLS_PER_ROW = 10;
const CELL_ROWS = 2;

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
    this.view.addChild(this.bg, this.body, this.title, this.rate, this.more, this.workersLabel, this.queueLabel, this.workersValue, this.queueValue);
    fitText(this.title, box.w - 2 * PAD - 64);
    this.place(box);
  }

  place(box: NodeBox): void {
    this.box = box;
    this.view.position.set(box.x, box.y);
    this.title.position.set(PAD, 10);
    this.rate.position.set(box.w - PAD, 11);
    this.workersLabel.position.set(PAD, box.h - 44);
    this.queueLabel.position.set(PAD, box.h - 24);
    this.workersValue.position.set(box.w - PAD, box.h - 44);
    this.queueValue.position.set(box.w - PAD, box.h - 24);
  }

  update(v: ServiceView | undefined, fallback: { instances: number; workers: number; queue: number }): void {
    const { w, h } = this.box;
    const instances: readonly InstanceView[] = v?.instances ??
      Array.from({ length: fallback.instances }, (_, i) => ({ id: i, state: 'starting' as const, busy: 0, workers: fallback.workers, queued: 0, queueCap: fallback.queue, arrived: 0 }));
    // Hot border: a real share of failures, not one unlucky request in a quiet interval.
    const errShare = v && v.requestsPerSec > 0 && v.errorsPerSec >= 2 ? v.errorsPerSec / v.requestsPerSec : 0;

    this.bg.clear();
    this.bg.roundRect(0, 0, w, h, 10).fill({ color: palette.node });
    this.bg.roundRect(0, 0, w, h, 10).stroke({ width: errShare > 0.05 ? 2 : 1, color: errShare > 0.05 ? palette.nodeBorderHot : palette.nodeBorder });

    this.rate.text = v ? formatRate(v.requestsPerSec) : '';

    // Instance cells: colour AND shape carry the state (filled = ready, half = starting, cross = dead).
    const g = this.body;
    g.clear();
    const shown = Math.min(instances.length, CELLS_PER_ROW * CELL_ROWS);
    for (let i = 0; i < shown; i++) {
      const cx = PAD + (i % CELLS_PER_ROW) * (CELL + CELL_GAP);
      const cy = 34 + Math.floor(i / CELLS_PER_ROW) * (CELL + CELL_GAP);
      drawCell(g, cx, cy, instances[i]);
    }
    this.more.text = instances.length > shown ? `+${instances.length - shown}` : '';
    this.more.position.set(PAD + CELLS_PER_ROW * (CELL + CELL_GAP), 34 + (CELL_ROWS - 1) * (CELL + CELL_GAP));

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
    bar(g, barX, h - 40, barW, busyFill, loadColour(palette.busy, busyFill));
    bar(g, barX, h - 20, barW, queueFill, loadColour(palette.queue, queueFill));
    this.workersValue.text = `${busy}/${workers}`;
    this.queueValue.text = cap === Infinity ? `${queued}/∞` : `${queued}/${cap}`;
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
    this.rate.text = label;
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
    case 'dead':
      g.moveTo(x + 2, y + 2).lineTo(x + CELL - 2, y + CELL - 2)
        .moveTo(x + CELL - 2, y + 2).lineTo(x + 2, y + CELL - 2)
        .stroke({ width: 2.5, color: palette.dead, cap: 'round' });
      break;
  }
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
