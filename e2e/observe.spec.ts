/**
 * Seeing what happened: the event log (filterable, with a trace to open),
 * the trace waterfall, live expectations, the help and the keys, and a
 * scenario description rendered from Markdown without running what it holds.
 */
import { test, expect } from './fixtures';
import { Observe } from './pages/ObservePage';

const KILLED = `version: 1
name: Killed back end
description: |
  **front** calls *back* through a breaker; back is killed at 5 s.

  <img src=x onerror="window.__pwned = 1"> <script>window.__pwned = 2</script> [a link](javascript:window.__pwned=3)
seed: 3
duration: 1m
services:
  front:
    instances: 2
    workers: 16
    endpoints:
      get:
        - call: back.get
          timeout: 100ms
          breaker: { window: 10, minCalls: 5, open: 5s }
  back:
    instances: 2
    endpoints:
      get: [ { cpu: exp(5ms) } ]
workload:
  - { name: users, route: front.get, rate: 40/s }
timeline:
  - { at: 5s, kill: back, count: all }
expect:
  - { route: front.get, errorRate: "< 5%" }
  - { route: front.get, p99: "< 200ms" }
`;

test('the event log tells what happened; a failure opens its trace as a waterfall', async ({ app, page }) => {
  const o = new Observe(page);
  await app.open();
  await app.topBar.openFile('killed.yaml', KILLED);
  await expect(page.getByTestId('scenario-name')).toHaveText('Killed back end');
  await app.runUntil(9_000);
  await o.tab('Event log');
  await expect(o.entries('crash')).toHaveCount(2);
  await expect(o.entries('crash').first()).toContainText('instance 1 crashed');
  await expect(o.entries('breaker').first()).toContainText(/breaker front #[12] → back: closed → open/);
  await expect(o.entries('failures').first()).toContainText('calls front → back');
  // Filter by service: back's own entries are about its instances (the crashes, then their restart).
  await o.filterService('back');
  expect(await o.entries().count()).toBeGreaterThanOrEqual(2);
  for (const text of await o.entries().allTextContents()) expect(text).toMatch(/instance \d/);
  await expect(o.entries('breaker')).toHaveCount(0);
  await o.filterService('');
  await o.filterText('breaker');
  expect(await o.entries().count()).toBeGreaterThan(0);
  for (const text of await o.entries().allTextContents()) expect(text).toContain('breaker');
  await o.filterText('');
  await app.screenshot('20-event-log');

  // A failure line carries a request to look at: its trace, as a waterfall.
  await o.entries('failures').locator('button.log-trace').first().click();
  await expect(o.waterfall()).toBeVisible();
  await expect(o.waterfall().locator('li.wf-row').first()).toContainText('front.get');
  await expect(o.waterfall().locator('li.wf-row').first()).toHaveAttribute('data-status', /error|timeout/);
  await app.screenshot('21-trace-waterfall');
  // The same request as a sequence diagram, an SVG file.
  const [download] = await Promise.all([page.waitForEvent('download'), o.traces.getByRole('button', { name: 'Sequence SVG' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^trace-[0-9a-f]{16}\.svg$/);
  const svg = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(svg).toContain('<svg');
  expect(svg).toContain('front');
  await o.traces.getByRole('button', { name: '← All traces' }).click();
  await expect(o.traces.getByTestId('trace-list').locator('li').first()).toBeVisible();
});

test('expectations are judged live; keys drive the run; help and About open', async ({ app, page }) => {
  const o = new Observe(page);
  await app.open();
  await app.topBar.openFile('killed.yaml', KILLED);
  await expect(page.getByTestId('scenario-name')).toHaveText('Killed back end');
  // Keys: 2 = 10×, → one second while paused, space plays and pauses.
  await page.locator('body').press('2');
  await expect(page.getByRole('button', { name: 'Speed 10×', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.locator('body').press('ArrowRight');
  await expect.poll(() => app.topBar.simTimeMs()).toBe(1000);
  await page.locator('body').press(' ');
  await expect.poll(() => app.topBar.simTimeMs(), { timeout: 20_000 }).toBeGreaterThan(8_000);
  await page.locator('body').press(' ');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // The kill at 5 s breaks the error-rate check while it runs.
  await expect(o.expectations()).toHaveCount(2);
  await expect(o.expectations().first()).toHaveAttribute('data-state', 'fail');
  await expect(page.getByTestId('expect-summary')).toContainText(/of 2 hold/);

  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Microcosm' })).toBeVisible();
  await app.screenshot('22-help');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'About', exact: true }).click();
  const about = page.getByTestId('scenario-about');
  await expect(about.locator('strong')).toHaveText('front');
  const html = await about.innerHTML();
  expect(html).not.toMatch(/onerror|<script|javascript:/i);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await app.screenshot('23-about');
  await page.keyboard.press('Escape');
});
