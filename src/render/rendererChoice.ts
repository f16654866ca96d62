/**
 * Which pixi renderer the canvas asks for.
 *
 * With a real GPU, WebGL. Without one (a VM, a locked-down laptop, headless
 * Chromium), browsers still offer WebGL through a software rasteriser
 * (SwiftShader, llvmpipe), and that is the slowest way to draw: every frame's
 * GL commands go to the GPU process to be rasterised on the CPU, and then —
 * since such a browser composites the page in software — the finished canvas
 * is read back with a blocking glReadPixels on the page's main thread.
 * Measured in headless Chromium on 2 cores (bench/browser): 10–12 fps, main-
 * thread tasks of 130–170 ms waiting on that readback, against 60 fps and no
 * long tasks for pixi's 2D-canvas renderer on the same page. So without a GPU
 * the canvas renderer is used: it draws with the CPU where the page already is.
 *
 * `?renderer=webgl` or `?renderer=canvas` in the page's address overrides the
 * choice (to compare them, or to work around a driver).
 */
export type RendererKind = 'webgl' | 'canvas';

/** Unmasked renderer names of software WebGL implementations. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** What the probe needs from a canvas element (a fake in unit tests). */
export interface ProbeCanvas {
  getContext(kind: 'webgl', options?: WebGLContextAttributes): WebGLRenderingContext | null;
}

/** True when WebGL would be drawn in software (or is missing): the 2D canvas is then the faster choice. */
export function webglIsSoftware(canvas: ProbeCanvas): boolean {
  try {
    // The standard signal: the browser refuses a context it would have to emulate slowly.
    const fast = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (!fast) return true;
    const info = fast.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? fast.getParameter(info.UNMASKED_RENDERER_WEBGL) : fast.getParameter(fast.RENDERER));
    fast.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE_GL.test(name);
  } catch {
    return true;
  }
}

/** pixi's `preference` list: the override if any, else WebGL with a GPU and the 2D canvas without one. */
export function rendererPreference(override: string | null, canvas: ProbeCanvas): RendererKind[] {
  if (override === 'webgl') return ['webgl', 'canvas'];
  if (override === 'canvas') return ['canvas', 'webgl'];
  return webglIsSoftware(canvas) ? ['canvas', 'webgl'] : ['webgl', 'canvas'];
}

/** The override from the page's address (`?renderer=…`), or null. */
export function rendererOverride(search: string): string | null {
  const v = new URLSearchParams(search).get('renderer');
  return v === 'webgl' || v === 'canvas' ? v : null;
}
