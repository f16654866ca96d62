/**
 * Light and dark themes: the toggle (and `t`) switches the page and the
 * canvas, the choice survives a reload, the system's colour scheme is the
 * default, and every control shows a focus ring in both themes.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { AppPage } from './pages/AppPage';
import { SharePage } from './pages/SharePage';

const toggle = (page: Page) => page.getByRole('button', { name: 'Light theme', exact: true });
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme ?? null);
/** A button's background right now (buttons have a hover transition: a switch must not fade them over). */
const stepBackground = (page: Page) => page.getByRole('button', { name: 'Step 1 second' }).evaluate((el) => getComputedStyle(el).backgroundColor);

/** The canvas' own pixel near its top-left corner (the renderer's background there). */
const canvasCorner = (app: AppPage) => app.topology.pixel(3, 3);
const luma = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

test('the toggle switches page and canvas to light, and a reload keeps it', async ({ app, page }) => {
  await app.open();
  expect(await theme(page)).toBe('dark'); // the config's colour scheme is dark
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  expect(await pageBackground(page)).toBe('rgb(7, 12, 23)');
  // The toggle fits the top bar at 1280 px: nothing overflows sideways.
  await expect(toggle(page)).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  expect(luma(await canvasCorner(app))).toBeLessThan(40);
  await app.screenshot('theme-dark');

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  expect(await theme(page)).toBe('light');
  expect(await pageBackground(page)).toBe('rgb(233, 237, 243)');
  expect(await stepBackground(page)).toBe('rgb(242, 245, 249)');
  await expect.poll(async () => luma(await canvasCorner(app))).toBeGreaterThan(200);
  // Panels, charts' axes and the top bar follow (no dark leftovers).
  const panel = await page.getByRole('region', { name: 'Topology' }).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(panel).toBe('rgb(255, 255, 255)');
  const topbar = await page.locator('header.topbar').evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(topbar).toContain('rgb(255, 255, 255)');
  await app.runUntil(4_000, '10×');
  // Dots in the light palette, while they travel (colour and shape by outcome).
  await app.topBar.speed('1×');
  await app.topBar.play();
  await expect.poll(() => app.hook<number>('dots')).toBeGreaterThan(0);
  await app.topology.canvas.screenshot({ path: 'test-results/screens/theme-light-dots.png' });
  await app.topBar.pause();
  const tickText = await app.charts.throughput.locator('.axis text').first().evaluate((el) => getComputedStyle(el).fill);
  expect(tickText).toBe('rgb(79, 92, 115)');
  await app.screenshot('theme-light');
  // A chart export follows the theme on screen, with the variables resolved (the file has no stylesheet).
  const tools = new SharePage(page);
  await tools.exports.open();
  const svg = (await tools.exports.download('throughput-svg')).bytes.toString('utf8');
  expect(svg).not.toContain('var(');
  expect(svg).toContain('fill="rgb(255, 255, 255)"'); // the light panel behind it
  expect(svg.toLowerCase()).toContain('stroke="#204f8a"'); // route 1's light series colour in the legend

  await page.reload();
  await expect(page.getByTestId('scenario-name')).not.toHaveText('Microcosm');
  expect(await theme(page)).toBe('light');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => luma(await canvasCorner(app))).toBeGreaterThan(200);

  // `t` switches back (focus on the page, not in a field).
  await page.locator('body').click({ position: { x: 2, y: 780 } });
  await page.keyboard.press('t');
  expect(await theme(page)).toBe('dark');
  expect(await stepBackground(page)).toBe('rgb(18, 28, 48)');
  await expect.poll(async () => luma(await canvasCorner(app))).toBeLessThan(40);
  expect(await page.evaluate(() => localStorage.getItem('microcosm.theme'))).toBe('dark');
});

test('without a stored choice, the system colour scheme decides', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open();
  expect(await theme(page)).toBe('light');
  expect(await pageBackground(page)).toBe('rgb(233, 237, 243)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => theme(page)).toBe('dark'); // followed live until the user picks one
});

test('the theme is set before the app\'s script runs: a light user never sees a dark page first', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  // Without the app's script: only the page's own inline script can have set it.
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  expect(await theme(page)).toBe('light');
  expect(await pageBackground(page)).toBe('rgb(233, 237, 243)');
  // A stored choice wins over the system's.
  await page.evaluate(() => localStorage.setItem('microcosm.theme', 'dark'));
  await page.reload();
  expect(await theme(page)).toBe('dark');
  expect(await pageBackground(page)).not.toBe('rgb(233, 237, 243)');
});

test('the help, the editor and the inspector in the light theme', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open();
  await app.inspector.choose((await app.inspector.root.getByRole('combobox', { name: 'Service' }).locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.locator('.cm-editor')).toBeVisible();
  const editorBg = await page.locator('.cm-editor').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(editorBg).toBe('rgb(255, 255, 255)');
  const text = await page.locator('.cm-content').evaluate((el) => getComputedStyle(el).color);
  expect(text).toBe('rgb(27, 36, 51)');
  await app.screenshot('theme-light-editor');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.locator('body').click({ position: { x: 2, y: 780 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('light / dark theme');
  await app.screenshot('theme-light-help');
});

for (const scheme of ['dark', 'light'] as const) {
  test(`every control reached by Tab shows a focus ring (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open();
    const focusColour = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--focus').trim());
    expect(focusColour).toMatch(/^#[0-9a-f]{6}$/);
    const seen = new Map<string, string>();
    await page.locator('body').click({ position: { x: 2, y: 780 } });
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const cs = getComputedStyle(el);
        const within = el.closest('.unit-input');
        const ring = within ? getComputedStyle(within) : cs;
        return {
          what: `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? ''}`,
          kind: el.getAttribute('role') === 'tab' ? 'tab' : el.tagName === 'INPUT' ? `input-${(el as HTMLInputElement).type}` : el.tagName.toLowerCase(),
          style: ring.outlineStyle, width: parseFloat(ring.outlineWidth), colour: ring.outlineColor,
          visible: el.matches(':focus-visible'),
        };
      });
      if (!f) continue;
      expect(f.visible, `${f.what} matches :focus-visible`).toBe(true);
      expect(f.style, `${f.what} has an outline`).toBe('solid');
      expect(f.width, `${f.what} outline width`).toBeGreaterThanOrEqual(2);
      const hex = focusColour.slice(1);
      const rgb = `rgb(${parseInt(hex.slice(0, 2), 16)}, ${parseInt(hex.slice(2, 4), 16)}, ${parseInt(hex.slice(4, 6), 16)})`;
      expect(f.colour, `${f.what} ring colour`).toBe(rgb);
      seen.set(f.kind, f.what);
    }
    // The walk crossed the kinds of controls the page has.
    for (const kind of ['button', 'select', 'input-range', 'tab']) expect([...seen.keys()], `reached a ${kind}`).toContain(kind);
    await page.getByRole('button', { name: 'Step 1 second' }).focus();
    await app.screenshot(`theme-${scheme}-focus`);
  });
}
