import { describe, expect, it } from 'vitest';
import { rendererOverride, rendererPreference, webglIsSoftware, type ProbeCanvas } from '../../src/render/rendererChoice';

/** A canvas whose WebGL is `name`, or none; `caveat`: it refuses failIfMajorPerformanceCaveat (software). */
function canvasWith(name: string | null, caveat = false): ProbeCanvas & { lost: boolean } {
  const c = {
    lost: false,
    getContext(_kind: 'webgl', options?: WebGLContextAttributes) {
      if (name === null || (caveat && options?.failIfMajorPerformanceCaveat)) return null;
      const info = { UNMASKED_RENDERER_WEBGL: 0x9246 };
      return {
        RENDERER: 0x1f01,
        getExtension: (ext: string) => (ext === 'WEBGL_debug_renderer_info' ? info : ext === 'WEBGL_lose_context' ? { loseContext: () => { c.lost = true; } } : null),
        getParameter: (p: number) => (p === info.UNMASKED_RENDERER_WEBGL ? name : 'WebKit WebGL'),
      } as unknown as WebGLRenderingContext;
    },
  };
  return c;
}

describe('the canvas renderer is chosen when WebGL would be drawn in software', () => {
  it('a GPU keeps WebGL, and the probe context is released', () => {
    const c = canvasWith('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)');
    expect(webglIsSoftware(c)).toBe(false);
    expect(c.lost).toBe(true);
    expect(rendererPreference(null, c)).toEqual(['webgl', 'canvas']);
  });

  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'Microsoft Basic Render Driver',
  ])('%s is software: the 2D canvas first', (name) => {
    expect(rendererPreference(null, canvasWith(name))).toEqual(['canvas', 'webgl']);
  });

  it('a browser that refuses a fast context (failIfMajorPerformanceCaveat) or has no WebGL gets the 2D canvas', () => {
    expect(webglIsSoftware(canvasWith('Some GPU', true))).toBe(true);
    expect(webglIsSoftware(canvasWith(null))).toBe(true);
  });

  it('?renderer= overrides the choice either way; anything else is ignored', () => {
    expect(rendererPreference(rendererOverride('?renderer=webgl'), canvasWith('llvmpipe'))).toEqual(['webgl', 'canvas']);
    expect(rendererPreference(rendererOverride('?x=1&renderer=canvas'), canvasWith('NVIDIA'))).toEqual(['canvas', 'webgl']);
    expect(rendererOverride('?renderer=webgpu')).toBeNull();
    expect(rendererOverride('')).toBeNull();
  });
});
