import { describe, expect, it } from 'vitest';
import type { Container } from 'pixi.js';
import { LayerCache, layerCacheDefaults } from '../../src/render/layerCache';

/** A layer that records what the cache asked of it. */
function layer(w = 1000, h = 500) {
  const calls: string[] = [];
  const l = {
    calls,
    cacheAsTexture(v: boolean | { resolution?: number }) { calls.push(v === false ? 'off' : `on@${(v as { resolution: number }).resolution.toFixed(3)}`); },
    updateCacheTexture() { calls.push('update'); },
    getLocalBounds() { return { width: w, height: h }; },
  };
  return l as typeof l & Container;
}

describe('layer cache: what the canvas redraws, and when', () => {
  it('the first frame makes the textures; a snapshot change redraws one layer per frame, no sooner than minGapMs', () => {
    const a = layer(), b = layer(), c = layer();
    const cache = new LayerCache([a, b, c], 250);
    expect(cache.beforeRender(0, 1)).toBe(false);
    expect(a.calls).toEqual(['on@1.000']);
    cache.invalidate(false);
    expect(cache.beforeRender(100, 1)).toBe(true); // waits its turn, frames must keep coming
    expect(a.calls).toEqual(['on@1.000']);
    expect(cache.beforeRender(250, 1)).toBe(true);
    expect([a.calls.length, b.calls.length, c.calls.length]).toEqual([2, 1, 1]);
    expect(cache.beforeRender(266, 1)).toBe(true);
    expect(cache.beforeRender(283, 1)).toBe(false);
    expect([a.calls, b.calls, c.calls]).toEqual([['on@1.000', 'update'], ['on@1.000', 'update'], ['on@1.000', 'update']]);
    // Three snapshots inside one gap cost one refresh.
    cache.invalidate(false);
    cache.invalidate(false);
    cache.invalidate(false);
    for (let t = 300; t < 600; t += 16) cache.beforeRender(t, 1);
    expect(a.calls.filter((x) => x === 'update')).toHaveLength(2);
  });

  it('what the user did is redrawn at the next frame, every layer at once', () => {
    const a = layer(), b = layer();
    const cache = new LayerCache([a, b], 250);
    cache.beforeRender(0, 1);
    cache.invalidate(true);
    expect(cache.beforeRender(5, 1)).toBe(false);
    expect([a.calls.at(-1), b.calls.at(-1)]).toEqual(['update', 'update']);
  });

  it('zoom re-makes the textures in quarter-octave steps, capped by the texture size', () => {
    const a = layer(1000, 500);
    const cache = new LayerCache([a]);
    cache.beforeRender(0, 1);
    cache.beforeRender(16, 1.05); // within the step: same textures
    expect(a.calls).toEqual(['on@1.000']);
    cache.beforeRender(32, 2);
    expect(a.calls).toEqual(['on@1.000', 'off', 'on@2.000']);
    cache.beforeRender(48, 16); // 16 000 px wide: capped
    expect(a.calls.at(-1)).toBe(`on@${(layerCacheDefaults.maxTexturePx / 1000).toFixed(3)}`);
  });

  it('while a node is dragged the layers draw live, and are cached again after', () => {
    const a = layer();
    const cache = new LayerCache([a]);
    cache.beforeRender(0, 1);
    cache.setLive(true);
    expect(a.calls.at(-1)).toBe('off');
    expect(cache.beforeRender(16, 1)).toBe(false);
    expect(a.calls.at(-1)).toBe('off');
    cache.setLive(false);
    cache.beforeRender(32, 1);
    expect(a.calls.at(-1)).toBe('on@1.000');
  });
});
