/**
 * The Export menu: what is disabled before there is anything to export (and
 * says why), then every download after a finished run: the architecture SVG
 * (Mermaid), the charts as SVG and PNG, the report as JSON and CSV.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SharePage } from './pages/SharePage';
import { CSV_COLUMNS } from '../src/ui/exports';

/** Parses an SVG document in the page: its root element, parser errors, and its text. */
function inspectSvg(page: Page, text: string) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      root: root.nodeName,
      errors: doc.getElementsByTagName('parsererror').length,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      text: root.textContent ?? '',
      paths: doc.getElementsByTagName('path').length,
      classes: doc.querySelectorAll('[class]').length,
    };
  }, text);
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Shows an exported SVG on its own, white page, and screenshots it (to look at the file as a user would). */
async function screenshotSvg(page: Page, svg: string, name: string): Promise<void> {
  const view = await page.context().newPage();
  await view.setViewportSize({ width: 1280, height: 800 });
  await view.setContent(`<body style="margin:0;background:#fff"><img id="x" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
  await expect.poll(() => view.evaluate(() => (document.getElementById('x') as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await view.locator('#x').screenshot({ path: `test-results/screens/${name}.png` });
  await view.close();
}

test('before a run: the report exports wait for its end and say so; charts wait for points', async ({ app, page }) => {
  const tools = new SharePage(page);
  await app.open();
  await tools.exports.open();
  await expect(tools.exports.item('architecture-svg')).not.toHaveAttribute('aria-disabled', 'true');
  for (const id of ['report-json', 'report-csv', 'throughput-svg', 'latency-png']) {
    await expect(tools.exports.item(id)).toHaveAttribute('aria-disabled', 'true');
  }
  await expect(tools.exports.item('report-json')).toHaveAttribute('title', /when the run finishes/);
  await expect(tools.exports.menu.getByRole('group', { name: 'Report' })).toContainText('The report is made when the run finishes');
  await app.screenshot('13-export-menu-before-run');
  // A disabled item does nothing (no download, the menu stays); force: Playwright itself will not click an aria-disabled item.
  let downloads = 0;
  page.on('download', () => downloads++);
  await tools.exports.item('report-csv').click({ force: true });
  await page.waitForTimeout(300);
  expect(downloads).toBe(0);
  await expect(tools.exports.menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tools.exports.menu).toBeHidden();
  await expect(tools.exports.button).toBeFocused();
});

test('after a finished run: architecture, charts and report download and are well-formed', async ({ app, page }) => {
  test.setTimeout(180_000);
  const tools = new SharePage(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  const digest = await tools.runToEnd();

  await tools.exports.open();
  for (const id of ['architecture-svg', 'throughput-svg', 'throughput-png', 'latency-svg', 'latency-png', 'report-json', 'report-csv']) {
    await expect(tools.exports.item(id)).not.toHaveAttribute('aria-disabled', 'true');
  }
  await app.screenshot('13-export-menu');

  // Architecture: a Mermaid flowchart as a standalone SVG with every service and the call labels.
  const arch = await tools.exports.download('architecture-svg');
  expect(arch.name).toBe('shop-architecture.svg');
  const archSvg = arch.bytes.toString('utf8');
  const a = await inspectSvg(page, archSvg);
  expect(a).toMatchObject({ root: 'svg', errors: 0 });
  for (const label of ['Storefront', 'Catalog', 'Inventory', 'Orders', 'Payment', 'browse', 'reserve']) expect(a.text).toContain(label);
  expect(archSvg).not.toContain('<foreignObject');
  expect(a.width).toBeGreaterThan(300);
  await screenshotSvg(page, archSvg, '14-architecture-svg');

  // The Mermaid source, through the clipboard.
  await tools.exports.open();
  await tools.exports.item('mermaid-source').click();
  await expect(tools.exports.menu.getByRole('status')).toHaveText('Mermaid source copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^flowchart LR\n/);
  await page.keyboard.press('Escape');

  // Charts: standalone SVG (styles inline, no classes left to a stylesheet) and PNG at 2×.
  for (const kind of ['throughput', 'latency'] as const) {
    const svg = await tools.exports.download(`${kind}-svg`);
    expect(svg.name).toBe(`shop-${kind}.svg`);
    const s = await inspectSvg(page, svg.bytes.toString('utf8'));
    expect(s).toMatchObject({ root: 'svg', errors: 0, classes: 0 });
    expect(s.paths).toBeGreaterThan(3);
    expect(s.text).toContain('storefront.home');
    expect(s.text).toContain(kind === 'throughput' ? 'Throughput · Shop' : 'Latency · Shop');
    const chartBox = (await app.charts[kind].boundingBox())!;
    expect(s.width).toBe(Math.round(chartBox.width));

    const png = await tools.exports.download(`${kind}-png`);
    expect(png.name).toBe(`shop-${kind}.png`);
    const size = pngSize(png.bytes);
    expect(size.width).toBe(2 * s.width);
    expect(size.height).toBe(2 * s.height);
    expect(png.bytes.length).toBeGreaterThan(5_000); // a picture, not a blank
    mkdirSync('test-results/screens', { recursive: true }); // another run may have just cleaned test-results/
    writeFileSync(`test-results/screens/15-${kind}-export.png`, png.bytes);
    if (kind === 'throughput') await screenshotSvg(page, svg.bytes.toString('utf8'), '15-throughput-svg');
  }

  // Report: JSON with the run's digest; CSV with its header and a row per route.
  const json = await tools.exports.download('report-json');
  expect(json.name).toBe('shop-report.json');
  const report = JSON.parse(json.bytes.toString('utf8')) as { digest: string; routes: Record<string, unknown> };
  expect(report.digest).toBe(digest);
  const csv = await tools.exports.download('report-csv');
  expect(csv.name).toBe('shop-report.csv');
  const lines = csv.bytes.toString('utf8').split('\r\n');
  expect(lines[0]).toBe(CSV_COLUMNS.join(','));
  expect(lines.filter((l) => l.startsWith('route,'))).toHaveLength(Object.keys(report.routes).length);
  expect(lines.some((l) => l.startsWith('service,payment,'))).toBe(true);
});
