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
  // Running (Pause and the running badge are wider than Play and paused), the top bar still fits 1280 px.
  const bar = await page.locator('.topbar').evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth }));
  expect(bar.scroll).toBeLessThanOrEqual(bar.client);
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeInViewport({ ratio: 1 });
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

test('drag a service: it moves and nothing else does; wheel zooms; clicks still hit; fit restores the view', async ({ app, page }) => {
  await app.open();
  const t = app.topology;
  const catalog0 = await t.nodeRect('catalog');
  const orders0 = await t.nodeRect('order');
  const front0 = await t.nodeRect('storefront');
  await t.dragService('catalog', 0, -40);
  await expect.poll(async () => (await t.nodeRect('catalog')).y).toBeLessThan(catalog0.y - 30);
  const catalog1 = await t.nodeRect('catalog');
  expect(Math.abs(catalog1.x - catalog0.x)).toBeLessThan(2);
  for (const [name, before] of [['order', orders0], ['storefront', front0]] as const) {
    const now = await t.nodeRect(name);
    expect(Math.abs(now.x - before.x) + Math.abs(now.y - before.y), `${name} stays put`).toBeLessThan(1);
  }
  // A drag is not a tap: the inspector did not open on catalog.
  expect(await app.hook('selection')).toBeNull();

  // Zoom in around the centre: nodes get bigger; a click on an instance still lands on it.
  await t.wheel(-300);
  await expect.poll(async () => (await t.nodeRect('order')).w).toBeGreaterThan(orders0.w * 1.2);
  await t.clickInstance('order', 1);
  await expect(app.inspector.root.getByTestId('picked-instance')).toContainText('instance 2');
  await app.screenshot('04-zoomed-and-arranged');

  // Fit: the whole (rearranged, a little taller) picture fits again; the arrangement is kept.
  await t.zoomButton('Fit to view').click();
  await expect.poll(async () => (await t.nodeRect('order')).w).toBeLessThan(orders0.w * 1.01);
  expect((await t.nodeRect('order')).w).toBeGreaterThan(orders0.w * 0.8);
  const box = (await t.canvas.boundingBox())!;
  for (const name of ['storefront', 'catalog', 'order', 'payment', 'inventory']) {
    const r = await t.nodeRect(name);
    expect(r.y >= box.y && r.y + r.h <= box.y + box.height, `${name} inside the canvas`).toBe(true);
  }
  expect((await t.nodeRect('catalog')).y).toBeLessThan((await t.nodeRect('order')).y);
  await page.waitForTimeout(50);
});

test('a click that lands on Restart the moment the run ends (meant for Pause) does not restart it; a later one does', async ({ app, page }) => {
  await app.open();
  await app.topBar.openFile('short.yaml', `version: 1
name: Short
duration: 3s
services:
  api:
    endpoints:
      get: [ { cpu: 1ms } ]
workload:
  - { route: api.get, rate: 10/s }
`);
  await expect(page.getByTestId('scenario-name')).toHaveText('Short');
  await app.topBar.speed('max');
  await app.topBar.play();
  const restart = page.getByRole('button', { name: 'Restart', exact: true });
  await expect(restart).toBeVisible({ timeout: 10_000 });
  await restart.click();
  await page.waitForTimeout(300);
  expect(await app.hook<boolean>('done')).toBe(true);
  await page.waitForTimeout(600);
  await restart.click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await app.topBar.simTimeMs()).toBe(0);
});
