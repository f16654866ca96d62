/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // scenarios/ is read as raw text by the page (import.meta.glob ?raw)
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    // e2e/*.spec.ts belong to Playwright, not Vitest
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 120_000,
  },
});
