/** A bad file is reported with its line and column; nothing opened or running is lost. */
import { test, expect } from './fixtures';
import { scenarioText } from './helpers';

test('an invalid file shows its line:column error and the run is kept', async ({ app, page }) => {
  await app.open();
  const t0 = await app.runUntil(3_000, '10×');

  // The shop with a negative worker count in the catalog.
  const good = scenarioText('scenarios/shop.yaml');
  const lines = good.split('\n');
  const catalogAt = lines.findIndex((l) => /^ {2}catalog:/.test(l));
  const workersAt = lines.findIndex((l, i) => i > catalogAt && /^ {4}workers:/.test(l));
  lines[workersAt] = '    workers: -3';
  const bad = lines.join('\n');
  const line = workersAt + 1;
  const column = lines[workersAt].indexOf('-3') + 1;

  await app.topBar.openFile('broken-shop.yaml', bad);
  await expect(app.errors.root).toBeVisible();
  await expect(app.errors.root).toContainText('broken-shop.yaml');
  const first = app.errors.items().first();
  await expect(first).toContainText(`${line}:${column}`);
  await expect(first).toContainText('services.catalog.workers');
  // The user's file is shown as it was opened, the bad line marked.
  await expect(app.errors.root.locator('.source-line.bad').first()).toContainText('workers: -3');
  await app.screenshot('05-invalid-file');

  // Back to the run: still the shop, still at the same simulated time.
  await app.errors.back();
  await expect(app.errors.root).toBeHidden();
  expect(await app.topBar.simTimeMs()).toBe(t0);
  await expect(page.getByTestId('scenario-name')).not.toHaveText('Microcosm');
  // The opened file stays in the picker, so it can be fixed and reopened.
  await expect(app.topBar.scenario.locator('option', { hasText: 'broken-shop.yaml' })).toHaveCount(1);
});

test('a YAML syntax error is positioned too', async ({ app }) => {
  await app.open();
  await app.topBar.openFile('syntax.yaml', 'version: 1\nname: [unclosed\nduration: 1m\n');
  await expect(app.errors.root).toBeVisible();
  await expect(app.errors.items().first()).toContainText(/^\s*\d+:\d+/);
});
