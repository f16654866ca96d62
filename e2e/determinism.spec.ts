/**
 * The browser runs the same model as the CLI: same scenario, seed and
 * actions ⇒ the same digest. Also: max speed keeps the tab responsive.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { cliReport, workloadRate } from './helpers';

test('the browser run of shop.yaml gives the CLI digest', async ({ app, page }) => {
  const cli = cliReport('scenarios/shop.yaml');
  await app.open();
  await app.topBar.speed('max');
  await app.topBar.play();
  await expect(page.getByTestId('digest')).toBeVisible({ timeout: 60_000 });
  await app.screenshot('06-finished');
  // If this fails with equal event counts, suspect floating-point math that differs between
  // Node's V8 and Chromium's (Math.log/exp/cos/pow are not correctly rounded, and differ).
  await expect(page.getByTestId('digest'), `browser digest vs CLI digest (CLI: ${cli.events} events)`).toHaveText(cli.digest);
  expect(await app.hook<string>('digest')).toBe(cli.digest);
});

test('a recorded slider move replays in the CLI with the same digest', async ({ app, page }) => {
  await app.open();
  const t0 = await app.runUntil(12_000);
  await app.load.set('browse', 1.5 * workloadRate('scenarios/shop.yaml', 'browse'));
  await expect(app.load.recorded()).toHaveCount(1);
  await app.topBar.speed('max');
  await app.topBar.play();
  const digest = page.getByTestId('digest');
  await expect(digest).toBeVisible({ timeout: 60_000 });
  const browserDigest = (await digest.textContent())!.trim();

  // Save the scenario with its recorded timeline and run that file headless.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save scenario with actions' }).click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'microcosm-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const cli = cliReport(file);
  expect(cli.digest).toBe(browserDigest);
  writeFileSync(join(dir, 'note.txt'), `recorded at ${t0} ms\n`);
});

test('at max speed the page stays responsive and pause is immediate', async ({ app, page }) => {
  await app.open();
  // The shop for an hour: at max speed its 3 minutes can be over before the probe ends.
  const long = readFileSync('scenarios/shop.yaml', 'utf8').replace(/^duration: 3m$/m, 'duration: 60m');
  expect(long).toContain('duration: 60m');
  await app.topBar.openFile('shop-hour.yaml', long);
  await expect(page.getByTitle('source file')).toHaveText('shop-hour.yaml');
  // The highest loads the sliders offer, so the worker is busy for a while.
  for (const w of ['browse', 'product pages']) {
    const max = await app.load.slider(w).getAttribute('max');
    await app.load.set(w, Number(max));
  }
  await app.topBar.speed('max');
  await app.topBar.play();
  await expect.poll(() => app.topBar.simTimeMs()).toBeGreaterThan(1000);
  // The main thread stays free: timers fire on time and no task blocks it for long.
  // (Frame rate is not measured: in headless software WebGL it depends on the machine's load.)
  const probe = await page.evaluate(() => new Promise<{ maxLagMs: number; longestTaskMs: number; ticks: number }>((resolve) => {
    let longest = 0;
    const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest = Math.max(longest, e.duration); });
    po.observe({ type: 'longtask' });
    let maxLag = 0, ticks = 0;
    const start = performance.now();
    let expected = start + 20;
    const tick = () => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - expected);
      ticks++;
      if (now - start < 1000) { expected = now + 20; setTimeout(tick, 20); }
      else { po.disconnect(); resolve({ maxLagMs: maxLag, longestTaskMs: longest, ticks }); }
    };
    setTimeout(tick, 20);
  }));
  expect(probe.longestTaskMs).toBeLessThan(250);
  expect(probe.maxLagMs).toBeLessThan(250);
  expect(probe.ticks).toBeGreaterThan(15);
  if (!(await app.hook<boolean>('done'))) {
    const clicked = Date.now();
    await app.topBar.pause();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    expect(Date.now() - clicked).toBeLessThan(2000);
    await page.waitForTimeout(200);
    const t = await app.topBar.simTimeMs();
    await page.waitForTimeout(300);
    expect(await app.topBar.simTimeMs()).toBe(t);
  }
});
