/**
 * Builds the benchmark's bare pixi reference page (reference.html) on its
 * own: root is this folder, so nothing here enters the app's bundle.
 * `bench/browser/run.ts` builds it into dist-bench/reference and serves it
 * with vite preview.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  build: {
    rollupOptions: { input: { reference: fileURLToPath(new URL('reference.html', import.meta.url)) } },
    chunkSizeWarningLimit: 2000,
  },
});
