/** The page loads, plays, draws and charts: the first things a student sees. */
import { test, expect } from './fixtures';
import { scenarioName } from './helpers';

test('loads the default scenario without console errors', async ({ app, page }) => {
  await app.open();
  await expect(page.getByTestId('scenario-name')).toHaveText(scenarioName('scenarios/shop.yaml'));
  await expect(app.topBar.scenario).toHaveValue('/scenarios/shop.yaml');
  // Every bundled scenario is offered (invalid/ examples are not).
  const options = await app.topBar.scenario.locator('option').allTextContents();
  expect(options.length).toBeGreaterThanOrEqual(1);
  expect(options.join('\n')).not.toMatch(/invalid/i);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  expect(await app.hook<string>('rendererName')).toMatch(/^(webgl|canvas)$/);
  await app.screenshot('01-loaded');
});

test('play advances simulated time; pause, space and step control it', async ({ app, page }) => {
  await app.open();
  expect(await app.topBar.simTimeMs()).toBe(0);
  await app.topBar.play();
  await expect.poll(() => app.topBar.simTimeMs()).toBeGreaterThan(300);
  await app.topBar.pause();
  const paused = await app.topBar.simTimeMs();
  await page.waitForTimeout(400);
  expect(await app.topBar.simTimeMs()).toBe(paused);

  // Step: exactly one second of simulated time, on a whole millisecond.
  await app.topBar.step();
  await expect.poll(() => app.topBar.simTimeMs()).toBe(Math.floor(paused) + 1000);

  // Space toggles play (focus on the page body, not on a button).
  await page.locator('body').click({ position: { x: 5, y: 780 } });
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('the charts update as simulated time passes', async ({ app }) => {
  await app.open();
  expect(await app.charts.points(app.charts.throughput)).toBe(0);
  await app.topBar.speed('10×');
  await app.topBar.play();
  await expect.poll(() => app.charts.points(app.charts.throughput)).toBeGreaterThan(3);
  const before = await app.charts.pathData(app.charts.throughput);
  const n = await app.charts.points(app.charts.throughput);
  await expect.poll(() => app.charts.points(app.charts.throughput)).toBeGreaterThan(n + 3);
  expect(await app.charts.pathData(app.charts.throughput)).not.toBe(before);
  expect(await app.charts.points(app.charts.latency)).toBeGreaterThan(0);
  await expect(app.charts.latency.locator('path.line').first()).toHaveAttribute('d', /^M/);
  await app.topBar.pause();
  await app.screenshot('02-running');
});

test('the canvas is not blank: nodes, instance cells and edges are drawn', async ({ app }) => {
  await app.open();
  const idle = await app.topology.pixelStats();
  expect(idle.width).toBeGreaterThan(300);
  // Nodes and edges cover a real share of the canvas, in several colours.
  expect(idle.nonBackground / (idle.width * idle.height)).toBeGreaterThan(0.05);
  expect(idle.colours).toBeGreaterThan(20);
  // Ready instances are green cells.
  expect(idle.readyGreen).toBeGreaterThan(50);

  await app.runUntil(5_000, '10×');
  const running = await app.topology.pixelStats();
  expect(running.nonBackground).toBeGreaterThan(idle.nonBackground * 0.9);
  await app.topology.canvas.screenshot({ path: 'test-results/screens/03-canvas.png' });
});

test('request dots travel the edges while the run plays, and settle when it pauses', async ({ app, page }) => {
  await app.open();
  expect(await app.hook<number>('dots')).toBe(0);
  await app.topBar.speed('1×');
  await app.topBar.play();
  await expect.poll(() => app.hook<number>('dots'), { timeout: 10_000 }).toBeGreaterThan(5);
  await page.waitForTimeout(300);
  await app.topology.canvas.screenshot({ path: 'test-results/screens/03b-dots.png' });
  await app.topBar.pause();
  // Each dot finishes its trip (at most 3 s on screen) and no new ones come.
  await expect.poll(() => app.hook<number>('dots'), { timeout: 5_000 }).toBe(0);
});
