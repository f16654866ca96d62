/**
 * Every bundled scenario, picked from the top bar as a student would: it
 * loads (its name in the header), draws its services, runs at max speed
 * for a moment without a model failure or a console error, and shows dots or
 * chart points for the traffic it carries.
 */
import { test, expect } from './fixtures';

test('each bundled scenario can be picked and run', async ({ app, page }) => {
  test.setTimeout(300_000);
  await app.open();
  const options = await app.topBar.scenario.locator('option').evaluateAll((os) =>
    os.map((o) => ({ value: (o as HTMLOptionElement).value })).filter((o) => o.value.startsWith('/scenarios/')));
  expect(options.length).toBeGreaterThanOrEqual(20);
  let previous = await app.hook<string>('scenarioName');
  for (const o of options) {
    if (o.value === '/scenarios/shop.yaml') continue; // already open
    await app.topBar.scenario.selectOption(o.value);
    await expect.poll(() => app.hook<string>('scenarioName'), { message: `${o.value} loads` }).not.toBe(previous);
    previous = await app.hook<string>('scenarioName');
    await expect(page.getByTestId('scenario-name')).toHaveText(previous);
    await expect.poll(() => app.hook<number>('nodeCount'), { message: `${o.value} is drawn` }).toBeGreaterThan(1);
    await app.topBar.speed('max');
    await app.topBar.play();
    await expect.poll(() => app.topBar.simTimeMs(), { message: `${o.value} runs`, timeout: 20_000 }).toBeGreaterThan(2_000);
    await page.locator('body').press(' '); // pause with space: a click could land on Restart if the run just ended
    expect(await app.hook<string | null>('failure'), o.value).toBeNull();
    expect(await app.hook<number>('seriesPoints'), `${o.value} has chart points`).toBeGreaterThan(0);
  }
});
