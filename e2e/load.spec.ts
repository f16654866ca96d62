/** The load slider changes a workload's rate live, and the change is recorded as a timeline action. */
import { test, expect } from './fixtures';
import { workloadRate } from './helpers';

test('raising the browse slider raises throughput', async ({ app, page }) => {
  const initial = workloadRate('scenarios/shop.yaml', 'browse');
  const raised = 2 * initial;
  await app.open();
  await expect(app.load.value('browse')).toHaveText(`${initial}/s`);

  const t0 = await app.runUntil(20_000);
  const before = await app.throughput(5_000, Math.floor(t0 / 1000) * 1000 - 1000);
  expect(before).toBeGreaterThan(initial);

  await app.load.set('browse', raised);
  await expect(app.load.value('browse')).toHaveText(`${raised}/s`);
  // Recorded at the whole millisecond the run was paused at.
  await expect(app.load.recorded()).toHaveCount(1);
  const recorded = await app.hook<{ atMs: number; action: { kind: string; workload: string; perSec: number } }[]>('recorded');
  expect(recorded[0]).toMatchObject({ atMs: t0, action: { kind: 'load', workload: 'browse', perSec: raised } });
  expect(Number.isInteger(recorded[0].atMs)).toBe(true);

  const t1 = await app.runUntil(t0 + 15_000);
  const after = await app.throughput(Math.ceil(t0 / 1000) * 1000 + 2_000, Math.floor(t1 / 1000) * 1000 - 1000);
  // The extra offered load shows up as completed requests (most of it, at least).
  expect(after).toBeGreaterThan(before + 0.6 * (raised - initial));
  await page.waitForTimeout(100);
  await app.screenshot('04-load-raised');
});
