/**
 * The time scrubber: drag back to an earlier simulated time and see the run
 * then (re-simulated, deterministic), forward again to where it was, and fork
 * it with a live action there; compare the fork with the original, or drop it.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { workloadRate } from './helpers';
import { Scrubber } from './pages/ScrubberPage';

test('scrub back to 10 s and forward again: the same run; an action there forks it', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  const scrub = new Scrubber(page);
  await expect(scrub.thumb).toHaveAttribute('aria-valuemax', '0');

  // Play to ~20 s, move the browse load, play on to ~40 s.
  await app.runUntil(20_000, '10×');
  await app.load.set('browse', 1.5 * workloadRate('scenarios/shop.yaml', 'browse'));
  await expect(app.load.recorded()).toHaveCount(1);
  const recordedAt = (await app.hook<{ atMs: number }[]>('recorded'))[0].atMs;
  expect(recordedAt, `the load change is recorded where the run was (clock ${await app.topBar.simTimeMs()} ms)`).toBeGreaterThanOrEqual(20_000);
  const T = await app.runUntil(40_000, '10×');
  const eventsAtT = await app.hook<number>('events');
  const pointsAtT = await app.charts.points(app.charts.throughput);
  const seriesAtT = { points: await app.hook<number>('seriesPoints'), lastT: await app.hook<number>('seriesLastT') };
  expect(eventsAtT).toBeGreaterThan(10_000);
  await expect.poll(() => scrub.reachMs()).toBe(T);
  await app.screenshot('scrubber-01-at-40s');

  // Back to ~10 s: the clock, the charts and the slider show the run then.
  await scrub.dragTo(10_000);
  const t10 = await app.topBar.simTimeMs();
  expect(t10).toBeGreaterThanOrEqual(9_000);
  expect(t10).toBeLessThanOrEqual(11_000);
  expect(await scrub.valueNow()).toBe(t10);
  expect(await app.hook<number>('seriesLastT')).toBeLessThan(t10);
  expect(await app.hook<number>('seriesLastT')).toBeGreaterThanOrEqual(t10 - 2_000);
  await expect.poll(() => app.charts.points(app.charts.throughput)).toBeLessThan(pointsAtT / 2);
  expect(await app.hook<number>('events')).toBeLessThan(eventsAtT / 2);
  await expect(app.load.value('browse')).toContainText(String(workloadRate('scenarios/shop.yaml', 'browse')));
  // Paused there; the recorded load change is still ahead and replays when the run goes on.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(app.load.recorded()).toHaveCount(1);
  await expect(app.load.recorded().first()).toHaveClass(/ahead/);
  await expect(app.load.recorded().first()).toContainText('ahead');
  expect(await scrub.reachMs()).toBe(T);
  await app.screenshot('scrubber-02-back-at-10s');

  // Forward past the end of what was reached: it stops at T, with the same events as before.
  await scrub.dragTo(await scrub.durationMs());
  expect(await app.topBar.simTimeMs()).toBe(T);
  expect(await app.hook<number>('events')).toBe(eventsAtT);
  // The charts' data is the original's again: as many intervals, up to the same one.
  expect({ points: await app.hook<number>('seriesPoints'), lastT: await app.hook<number>('seriesLastT') }).toEqual(seriesAtT);

  // The keyboard path: Home goes to 0, → one second on, End back to T.
  await scrub.thumb.focus();
  await page.keyboard.press('Home');
  await scrub.settled();
  await expect.poll(() => app.topBar.simTimeMs()).toBe(0);
  await page.keyboard.press('ArrowRight');
  await scrub.settled();
  await expect.poll(() => app.topBar.simTimeMs()).toBe(1_000);
  await page.keyboard.press('End');
  await scrub.settled();
  await expect.poll(() => app.topBar.simTimeMs()).toBe(T);
  expect(await app.hook<number>('events')).toBe(eventsAtT);

  // Fork: back to ~10 s and kill a catalog instance there.
  await scrub.dragTo(10_000);
  const forkMs = await app.topBar.simTimeMs();
  await app.inspector.choose('catalog');
  await app.inspector.kill(1);
  await expect(scrub.forkBadge).toHaveText(/forked at 0:(09|10|11)/);
  // The original's later load change is not part of the fork; the kill is.
  await expect(app.load.recorded()).toHaveCount(1);
  await expect(app.load.recorded().first()).toContainText('kill catalog');
  expect(await scrub.reachMs()).toBe(forkMs);
  await app.runUntil(forkMs + 5_000, '10×');
  await app.screenshot('scrubber-03-forked');

  // Back to the original: its load change again, and as far as it reached.
  await scrub.backToOriginal.click();
  await expect(scrub.forkBadge).toHaveCount(0);
  await scrub.settled();
  await expect(app.load.recorded()).toHaveCount(1);
  await expect(app.load.recorded().first()).toContainText('load browse');
  expect(await scrub.reachMs()).toBe(T);

  // Fork again and compare with the original.
  await scrub.dragTo(10_000);
  await app.inspector.kill(1);
  await expect(scrub.forkBadge).toBeVisible();
  await expect(scrub.compare).toBeEnabled();
  await scrub.compare.click();
  await expect.poll(() => app.hook<{ label: string }[] | null>('compareSides').then((s) => s?.map((x) => x.label) ?? null))
    .toEqual(['original', expect.stringMatching(/^fork at 0:(09|10|11)$/)]);
  const sides = (await app.hook<{ label: string; file: string; chars: number }[]>('compareSides'))!;
  expect(sides[0].file).toBe('scenarios/shop.yaml');
  expect(sides[0].chars).toBeGreaterThan(500);
  expect(sides[1].chars).toBeGreaterThan(500);
  // The compare view opens on the two runs, titled by the scrubber's labels.
  await expect(page.getByTestId('compare-view')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('compare-left').locator('.compare-label')).toHaveText('original');
  await expect(page.getByTestId('compare-right').locator('.compare-label')).toHaveText(/^fork at 0:(09|10|11)$/);
  await expect(page.getByTestId('compare-right')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await app.screenshot('scrubber-04-compare');
});

test('after the end: scrub to 0 and back to the end gives the same digest; how long that seek takes', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  const scrub = new Scrubber(page);
  await app.topBar.speed('max');
  await app.topBar.play();
  const digest = page.getByTestId('digest');
  await expect(digest).toBeVisible({ timeout: 60_000 });
  const original = (await digest.textContent())!.trim();
  const duration = await scrub.durationMs();
  expect(await scrub.reachMs()).toBe(duration);

  await scrub.thumb.focus();
  await page.keyboard.press('Home');
  await scrub.settled();
  await expect.poll(() => app.topBar.simTimeMs()).toBe(0);
  await expect(digest).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // The whole 3 minutes again, from 0: the worker re-simulates them (no checkpoints).
  const t0 = Date.now();
  await page.keyboard.press('End');
  await expect(digest).toHaveText(original, { timeout: 30_000 });
  const seekMs = Date.now() - t0;
  test.info().annotations.push({ type: 'seek 0 → end of shop.yaml', description: `${seekMs} ms` });
  expect(seekMs).toBeLessThan(15_000);
  expect(await app.topBar.simTimeMs()).toBe(duration);
  await app.screenshot('scrubber-05-end-again');
});

test('a long seek says how far it got: a percentage in the status and a line on the track, until it lands', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  const scrub = new Scrubber(page);
  // The shop for an hour, played at max for a few seconds: minutes of simulated time to re-run.
  const long = readFileSync('scenarios/shop.yaml', 'utf8').replace(/^duration: 3m$/m, 'duration: 60m');
  expect(long).toContain('duration: 60m');
  await app.topBar.openFile('shop-hour.yaml', long);
  await expect(page.getByTitle('source file')).toHaveText('shop-hour.yaml');
  const reached = await app.runUntil(6 * 60_000, 'max');
  await expect.poll(() => scrub.reachMs()).toBe(reached);

  // Near 0: Home re-runs nothing, then 30 s on (quick seeks: no number, no line).
  await scrub.thumb.focus();
  await page.keyboard.press('Home');
  await scrub.settled();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Shift+ArrowRight');
    await scrub.settled();
  }
  await expect.poll(() => app.topBar.simTimeMs()).toBe(30_000);
  await expect(scrub.progress).toHaveCount(0);

  // Back near the end: a seek forward over minutes, counted from 0:30.
  const t0 = Date.now();
  await page.keyboard.press('End');
  const watching = scrub.watchProgress();
  await expect(scrub.status).toHaveText(/^re-simulating… \d{1,3} %$/, { timeout: 10_000 });
  await expect(scrub.progress).toBeVisible();
  // The picture a little way in (or as it lands, on a fast machine).
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="scrubber"] [role="status"]');
    return !status || Number(status.getAttribute('data-percent') ?? 0) >= 25;
  }, undefined, { timeout: 30_000 });
  await app.screenshot('scrubber-06-long-seek-progress');
  const seen = await watching;
  await scrub.settled();
  const seekMs = Date.now() - t0;
  test.info().annotations.push({ type: `seek 0:30 → ${Math.round(reached / 1000)} s of shop-hour`, description: `${seekMs} ms, percentages shown: ${seen.map((s) => s.percent).join(' ')}` });

  expect(seen.length, 'percentages seen before it landed').toBeGreaterThanOrEqual(1);
  const percents = seen.map((s) => s.percent);
  expect(percents.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= percents[i - 1])), `never backwards: ${percents.join(' ')}`).toBe(true);
  expect(percents.some((p) => p < 100)).toBe(true);
  // The line starts where the seek ran on from (0:30 of 60:00 = 0.833 %), not at 0; its fill grows with the number.
  const durationMs = await scrub.durationMs();
  for (const s of seen) {
    expect(s.left).toBeCloseTo((30_000 / durationMs) * 100, 2);
    expect(s.filled).toBeGreaterThanOrEqual(s.percent);
  }
  expect(seen.every((s, i) => i === 0 || s.filled >= seen[i - 1].filled)).toBe(true);

  // Landed where it was sent: no number, no line.
  expect(await app.topBar.simTimeMs()).toBe(reached);
  await expect(scrub.progress).toHaveCount(0);
});
