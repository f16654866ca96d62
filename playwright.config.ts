import { defineConfig } from '@playwright/test';

// One port (and build folder) per run, so two runs on one machine do not meet:
// the runner picks it, its worker processes inherit it through the environment.
process.env.PW_PORT ??= String(20_000 + (process.pid % 20_000));
const port = Number(process.env.PW_PORT);
const outDir = `dist-e2e/${port}`;

// Debian's chromium, never Playwright's own download (it cannot be fetched here).
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalTeardown: './e2e/teardown.ts',
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  // Per run, so a concurrent run's clean-up never wipes this one's (screenshots go to test-results/screens).
  outputDir: `test-results/run-${port}`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    viewport: { width: 1280, height: 800 },
    // The suite's pixel probes read the dark palette; e2e/theme.spec.ts switches to light itself.
    colorScheme: 'dark',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      ],
    },
  },
  webServer: {
    command: `npx vite build --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
