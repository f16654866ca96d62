/**
 * The `app` fixture: a fresh page object per test that fails the test on any
 * console error or uncaught page error (warnings are fine: a WebGL readback
 * logs a "GPU stall" warning).
 */
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/AppPage';

export const test = base.extend<{ app: AppPage }>({
  app: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    const app = new AppPage(page);
    await use(app);
    const failure = await app.hook<string | null>('failure').catch(() => null);
    expect(failure, 'the run failed inside the worker').toBeNull();
    expect(problems, 'console errors during the test').toEqual([]);
  },
});

export { expect };
