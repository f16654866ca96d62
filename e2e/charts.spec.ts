/**
 * The chart panel's scopes on the shop: all routes (throughput, error share,
 * latency p50/p95/p99, utilisation per service), a service picked on the
 * canvas, a call picked in the panel's select, and the export of what is shown.
 *
 * Independent figures (scenarios/shop.yaml): the catalog gets 300/s `list`
 * (lognormal(8ms, 0.5): mean 8·e^0.125 = 9.06 ms) and 120/s `get` (exp(4ms))
 * on 2 × 6 workers, an offered load of 2.72 + 0.48 = 3.2 Erlangs: about 27 %
 * busy. The storefront → catalog call carries those 300 + 120 = 420 calls/s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { SharePage } from './pages/SharePage';
import { formatClock } from '../src/ui/format';

test('a service clicked on the canvas gets its charts; a call picked in the select gets its own', async ({ app, page }) => {
  await app.open();
  await app.runUntil(6_000);
  const charts = app.charts;

  // All routes: four charts, p95 beside p50 and p99, one utilisation line per service.
  await expect(charts.scope).toHaveValue('all');
  await expect(charts.panel.getByTestId('latency-sub')).toContainText('p95');
  await expect(charts.panel.getByTestId('chart-legend')).toContainText('storefront.checkout');
  for (const c of [charts.throughput, charts.errorShare, charts.latency, charts.utilisation]) {
    await expect.poll(() => charts.points(c)).toBeGreaterThan(3);
  }
  await expect(charts.utilisation).toHaveAttribute('data-lines', '5');
  // Three routes × three percentiles.
  await expect(charts.latency.locator('path.line')).toHaveCount(9);
  await expect(charts.title('utilisation')).toHaveAttribute('title', /^Utilisation: busy workers ÷ workers of ready instances over each interval.*Kubernetes HPA/);
  await expect(charts.title('errors')).toHaveAttribute('title', /failed requests ÷ requests/);
  await app.screenshot('charts-all');

  // The canvas: a click on the catalog opens it in the inspector and the charts follow.
  await app.topology.clickService('catalog');
  await expect(app.inspector.root.getByTestId('inspector')).toHaveAttribute('data-service', 'catalog');
  await expect(charts.scope).toHaveValue('service:catalog');
  await expect(charts.utilisation).toHaveAttribute('data-lines', '1');
  const busy = await charts.last(charts.utilisation);
  expect(busy).toBeGreaterThan(0);
  expect(busy).toBeLessThanOrEqual(100);
  // About 27 % (3.2 Erlangs on 12 workers); one second's worth varies by a few points.
  expect(busy).toBeGreaterThan(15);
  expect(busy).toBeLessThan(40);
  await expect(charts.utilisation.locator('text.readout')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(charts.latency.locator('path.line')).toHaveCount(3);
  await page.waitForTimeout(300); // one more throttled redraw, for the picture
  await app.screenshot('charts-service-catalog');

  // A call, from the select: calls/s, error share, latency; no utilisation of its own.
  await charts.pickScope('Storefront → Catalog');
  await expect(charts.scope).toHaveValue('edge:storefront->catalog');
  await expect(charts.utilisation).toHaveCount(0);
  await expect.poll(() => charts.points(charts.throughput)).toBeGreaterThan(3);
  const calls = await charts.last(charts.throughput);
  // 420/s offered; a Poisson count over 1 s has SD ≈ 20.5.
  expect(calls).toBeGreaterThan(420 - 4 * 20.5);
  expect(calls).toBeLessThan(420 + 4 * 20.5);
  expect(await charts.last(charts.errorShare)).toBe(0);
  expect(await charts.last(charts.latency)).toBeGreaterThan(0);
  await expect(charts.title('throughput')).toHaveAttribute('title', /^Calls per second from the caller to the callee/);
  await page.waitForTimeout(300);
  await app.screenshot('charts-edge-storefront-catalog');

  // A scope picked by hand stays when the inspector closes; All routes comes back from the select.
  await app.inspector.root.getByRole('button', { name: 'Close inspector' }).click();
  await expect(charts.scope).toHaveValue('edge:storefront->catalog');
  await charts.pickScope('All routes');
  await expect(charts.utilisation).toHaveAttribute('data-lines', '5');
});

test('the inspector\'s service gets the charts, a live kill is marked on them; closing it brings all routes back', async ({ app, page }) => {
  await app.open();
  await app.runUntil(3_000);
  // The keyboard path: the inspector's own select.
  await app.inspector.choose('payment');
  await expect(app.charts.scope).toHaveValue('service:payment');
  await app.inspector.duration('until end');
  await app.inspector.kill(1);
  await app.topBar.play();
  await expect.poll(() => app.charts.points(app.charts.utilisation), { timeout: 20_000 }).toBeGreaterThan(6);
  await app.topBar.pause();
  // The live kill is a red marker at its time (the file's own kill at 1:40 may be in view too).
  const recorded = await app.hook<{ atMs: number }[]>('recorded');
  expect(recorded).toHaveLength(1);
  const kill = app.charts.utilisation.locator('g.marker', { has: page.locator('title', { hasText: `${formatClock(recorded[0]!.atMs)}  kill payment × 1` }) });
  await expect(kill).toHaveCount(1);
  await expect(kill).toHaveAttribute('data-fault', 'true');
  const busy = await app.charts.last(app.charts.utilisation);
  expect(busy).toBeGreaterThan(0);
  expect(busy).toBeLessThanOrEqual(100);
  await page.waitForTimeout(300);
  await app.screenshot('charts-service-payment-killed');
  await page.keyboard.press('Escape');
  await expect(app.charts.scope).toHaveValue('all');
  await expect(app.charts.utilisation).toHaveAttribute('data-lines', '5');
});

test('the export follows the scope: the service\'s utilisation chart, titled and named after it', async ({ app, page }) => {
  const tools = new SharePage(page);
  await app.open();
  await app.runUntil(4_000);
  await app.charts.pickScope('Payment');
  // The chart redraws at most 4×/s: wait until it shows the new scope (one line, the service's), not the old one.
  await expect.poll(() => app.charts.utilisation.locator('[data-key]').count()).toBe(1);
  await expect.poll(() => app.charts.points(app.charts.utilisation)).toBeGreaterThan(2);
  await tools.exports.open();
  const svg = await tools.exports.download('utilisation-svg');
  expect(svg.name).toBe('shop-utilisation-service-payment.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('Utilisation — service Payment · Shop');
  // The page's chart, not another: one line, the service's.
  expect(text.match(/data-key="/g)?.length).toBe(1);
  expect(text).toContain('data-key="payment"');
  // The PNG too, kept to look at.
  await tools.exports.open();
  const png = await tools.exports.download('utilisation-png');
  expect(png.name).toBe('shop-utilisation-service-payment.png');
  mkdirSync('test-results/screens', { recursive: true });
  writeFileSync('test-results/screens/charts-export-utilisation-payment.png', png.bytes);
  await page.keyboard.press('Escape');
  // The edge scope has no utilisation chart to export.
  await app.charts.pickScope('Orders → Payment');
  await tools.exports.open();
  await expect(tools.exports.item('utilisation-svg')).toHaveCount(0);
  await expect(tools.exports.item('latency-svg')).toBeVisible();
});
