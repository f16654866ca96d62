/**
 * The canvas' edge, node and label layers drawn from cached textures.
 *
 * Request dots move every frame; the rest of the picture changes only when a
 * snapshot arrives (bars, rates, colours) or the user does something. Drawn
 * live, those layers cost every frame their full drawing: on pixi's 2D-canvas
 * renderer (chosen without a GPU) a few ms of paths and glyphs on the main
 * thread. Cached (pixi's `cacheAsTexture`), a frame draws each as one image,
 * and they are redrawn into their textures only when they changed: at most
 * every `minGapMs` for snapshots (numbers no one reads faster), at the next
 * frame for what the user did (hover, selection, zoom, a theme).
 *
 * The textures' resolution follows the view's scale, so text stays sharp,
 * within a size cap. While a node is dragged the layers draw live.
 */
import type { Container } from 'pixi.js';

export const layerCacheDefaults = {
  /** At most one redraw of the cached layers per this many ms for snapshot changes. */
  minGapMs: 250,
  /** The largest cached texture side, px (memory, and the WebGL limit of small GPUs). */
  maxTexturePx: 4096,
} as const;

export class LayerCache {
  private stale = false;
  private lastUpdate = -Infinity;
  /** The resolution the textures were made at; 0 = not cached. */
  private resolution = 0;
  private live = false;
  /** The scale the resolution was last worked out for (NaN: work it out again). */
  private lastScale = NaN;
  /** The next refresh redraws every layer in one frame (the user acted), not one layer per frame. */
  private urgent = false;
  /** Layers still to redraw for a snapshot change, one per frame (a long frame split in three short ones). */
  private queue: Container[] = [];

  constructor(private readonly layers: readonly Container[], private readonly minGapMs: number = layerCacheDefaults.minGapMs) {}

  /** The layers' content changed: redraw them when allowed (`urgent`: at the next frame). */
  invalidate(urgent: boolean): void {
    this.stale = true;
    if (urgent) {
      this.urgent = true;
      this.lastUpdate = -Infinity;
      // The layers' size may have changed too (a relayout): check the texture cap again.
      this.lastScale = NaN;
    }
  }

  /** Draw live (no cache) while on, e.g. during a node drag; cached again after. */
  setLive(on: boolean): void {
    if (on === this.live) return;
    this.live = on;
    if (on) this.uncache();
  }

  /**
   * Before each render: (re)make or refresh the textures when due. `scale` is
   * screen px per layout unit times the device pixel ratio. Returns true when
   * a change still waits for its turn (keep frames coming until then).
   */
  beforeRender(now: number, scale: number): boolean {
    if (this.live) return false;
    if (scale !== this.lastScale || this.resolution === 0) {
      this.lastScale = scale;
      const res = this.resolutionFor(scale);
      if (res !== this.resolution) {
        this.uncache();
        for (const l of this.layers) l.cacheAsTexture({ resolution: res });
        this.resolution = res;
        this.stale = false;
        this.urgent = false;
        this.queue = [];
        this.lastUpdate = now;
        return false;
      }
    }
    if (this.stale && now - this.lastUpdate >= this.minGapMs) {
      this.queue = [...this.layers];
      this.stale = false;
      this.lastUpdate = now;
    }
    if (this.urgent) {
      for (const l of this.queue) l.updateCacheTexture();
      this.queue = [];
      this.urgent = false;
    } else this.queue.shift()?.updateCacheTexture();
    return this.stale || this.queue.length > 0;
  }

  destroy(): void {
    this.uncache();
  }

  private uncache(): void {
    this.queue = [];
    if (this.resolution === 0) return;
    for (const l of this.layers) l.cacheAsTexture(false);
    this.resolution = 0;
  }

  /** `scale` in quarter-octave steps (a wheel turn does not re-make textures on every tick), capped by the texture size. */
  private resolutionFor(scale: number): number {
    let side = 1;
    for (const l of this.layers) {
      const b = l.getLocalBounds();
      side = Math.max(side, b.width, b.height);
    }
    const stepped = 2 ** (Math.round(Math.log2(Math.max(scale, 1 / 64)) * 4) / 4);
    return Math.min(stepped, layerCacheDefaults.maxTexturePx / side);
  }
}
