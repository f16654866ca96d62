/**
 * The architects' side-by-side compare: two designs from the top bar, both run
 * to their end on one seed in the compare worker, their digests the CLI's, the
 * table's deltas right − left, the charts in the theme's series colours, the
 * architectures readable (≥ 11 px labels in a column, ≥ 14 px in the slide,
 * 39 services too), and the slide export (SVG, PNG) well-formed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { cliReport, workloadRate } from './helpers';
import { ComparePage } from './pages/ComparePage';

const NAIVE = 'scenarios/resilience/cascading-failure-naive.yaml';
const RESILIENT = 'scenarios/resilience/cascading-failure-resilient.yaml';
const DENSE = 'scenarios/architecture/ecommerce-platform.yaml';

interface CliCompare {
  left: { digest: string; seed: number; routes: Record<string, { latencyMs: { p99: number } }> };
  right: { digest: string; seed: number };
  delta: { routes: Record<string, Record<string, { left: number; right: number; delta: number; verdict: string }>> };
}

/** `sim -- a --compare b --json` (exit 1 = an expectation failed, still a result). */
function cliCompare(a: string, b: string): CliCompare {
  let out: string;
  try {
    out = execFileSync('npx', ['tsx', 'src/cli/main.ts', a, '--compare', b, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    if (err.status === 1 && err.stdout) out = err.stdout;
    else throw new Error(`CLI failed (${err.status}): ${err.stderr}`);
  }
  return JSON.parse(out) as CliCompare;
}

function inspectSvg(page: Page, text: string) {
  return page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      root: root.nodeName, errors: doc.getElementsByTagName('parsererror').length,
      width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')),
      text: root.textContent ?? '', paths: doc.querySelectorAll('path[data-route]').length,
      nested: doc.querySelectorAll('svg svg').length, scripts: doc.getElementsByTagName('script').length,
      // Colours as the browser reads them (rgb(…)), to compare with the page's.
      strokes: [...doc.querySelectorAll('path[data-route]')].map((p) => rgb(p.getAttribute('stroke')!)),
      background: rgb(root.querySelector('rect')?.getAttribute('fill') ?? ''),
    };
    function rgb(c: string): string {
      const probe = document.createElement('i');
      probe.style.color = c;
      document.body.appendChild(probe);
      const out = getComputedStyle(probe).color;
      probe.remove();
      return out;
    }
  }, text);
}

/** Shows an exported SVG on its own white page and screenshots it, to look at the file as a slide tool would. */
async function screenshotSvg(page: Page, svg: string, name: string): Promise<void> {
  const view = await page.context().newPage();
  await view.setViewportSize({ width: 1280, height: 800 });
  await view.setContent(`<body style="margin:0;background:#fff"><img id="x" style="width:1280px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
  await expect.poll(() => view.evaluate(() => (document.getElementById('x') as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await view.locator('#x').screenshot({ path: `test-results/screens/${name}.png` });
  await view.close();
}

/** The slide at its natural size (inline, so its text can be measured): its width and the nested diagrams' node label line heights, px. */
async function slideLabelHeights(page: Page, svg: string): Promise<{ width: number; heights: number[] }> {
  const view = await page.context().newPage();
  await view.setViewportSize({ width: 1920, height: 1080 });
  await view.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
  const out = await view.evaluate(() => {
    const root = document.querySelector('body > svg')!;
    return {
      width: root.getBoundingClientRect().width,
      heights: [...root.querySelectorAll('svg svg g.node text > tspan')].map((t) => t.getBoundingClientRect().height),
    };
  });
  await view.close();
  return out;
}

test('two bundled designs side by side: same seed, CLI digests, consistent deltas, slide export', async ({ app, page }) => {
  test.setTimeout(240_000);
  const cmp = new ComparePage(page);
  const cli = cliCompare(NAIVE, RESILIENT);
  // The comparison's runs are the single runs of each file on that seed (both files say seed 11).
  expect(cli.left.seed).toBe(11);
  expect(cli.left.digest).toBe(cliReport(NAIVE).digest);
  expect(cli.right.digest).toBe(cliReport(RESILIENT).digest);

  await app.open();
  await app.topBar.scenario.selectOption(`/${NAIVE}`);
  await expect(page.getByTestId('scenario-name')).toHaveText('Cascading failure — naive');

  await cmp.openPicker();
  // Left: the running scenario; right: its counterpart in the same folder.
  await expect(cmp.pick('left')).toHaveValue('@running');
  await expect(cmp.pick('right')).toHaveValue(`/${RESILIENT}`);
  await app.screenshot('compare-01-picker');
  await cmp.compare();

  // Progress bars while running, then both finish.
  await expect(cmp.progress('left')).toBeVisible();
  expect(await cmp.waitForBoth()).toEqual(['done', 'done']);
  await expect(cmp.seed).toHaveText('same seed: 11');
  await expect(cmp.progress('left')).toHaveAttribute('aria-valuenow', '100');
  await expect(cmp.progress('right')).toHaveAttribute('aria-valuenow', '100');
  await expect(cmp.digest('left')).toHaveText(cli.left.digest);
  await expect(cmp.digest('right')).toHaveText(cli.right.digest);
  await expect(cmp.column('left')).toContainText('Cascading failure — naive');
  await expect(cmp.column('right')).toContainText('Cascading failure — resilient');
  await expect(cmp.expectations('left')).toHaveAttribute('data-passed', '16');
  await expect(cmp.expectations('right')).toHaveAttribute('data-total', '14');

  // Charts on shared scales: each metric's y maximum is the same in both columns.
  for (const metric of ['throughput', 'p99', 'failedShare'] as const) {
    const l = await cmp.chart('left', metric).getAttribute('data-ymax');
    expect(Number(l), metric).toBeGreaterThan(0);
    await expect(cmp.chart('right', metric)).toHaveAttribute('data-ymax', l!);
    await expect(cmp.chart('left', metric).locator('path[data-route]')).toHaveCount(2);
  }
  // The lines in the theme's colour-blind-checked series colours (theme.css), as the main charts: a variable
  // each, drawn in the theme's value, and a theme switch recolours them without a redraw.
  const series = await Promise.all([1, 2].map((i) => cmp.themeColour(`--series-${i}`)));
  for (const side of ['left', 'right'] as const) {
    const lines = await cmp.lineColours(side, 'p99');
    expect(lines.map((l) => l.stroke)).toEqual(['var(--series-1)', 'var(--series-2)']);
    expect(lines.map((l) => l.drawn)).toEqual(series);
  }
  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  const lightSeries = await cmp.themeColour('--series-1');
  expect(lightSeries).not.toBe(series[0]);
  expect((await cmp.lineColours('right', 'throughput'))[0].drawn).toBe(lightSeries);
  await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });

  // The architecture diagrams (mermaid, loaded on demand).
  await expect(cmp.architecture('left')).toBeVisible({ timeout: 30_000 });
  await expect(cmp.architecture('right')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => cmp.architecture('right').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  await app.screenshot('compare-02-view');
  // A diagram at full size; Esc closes it first, then the view.
  await cmp.architecture('right').click();
  const zoom = page.getByRole('dialog', { name: 'Architecture at full size' });
  await expect(zoom).toBeVisible();
  await app.screenshot('compare-02b-diagram');
  await page.keyboard.press('Escape');
  await expect(zoom).toBeHidden();
  await expect(cmp.view).toBeVisible();

  // The table: every Δ is right − left; the figures are the CLI's.
  const rows = await cmp.rows();
  expect(rows.length).toBe(2 * 7 + 5 * 3);
  for (const r of rows) {
    expect(r.delta, r.id).toBeCloseTo(r.right - r.left, 9);
    if (r.verdict === 'better' || r.verdict === 'worse') expect(r.text, r.id).toContain(r.verdict);
  }
  const p99 = rows.find((r) => r.id === 'delta-route-web.checkout-latencyP99Ms')!;
  expect(p99.left).toBe(cli.delta.routes['web.checkout'].latencyP99Ms.left);
  expect(p99.right).toBe(cli.delta.routes['web.checkout'].latencyP99Ms.right);
  expect(p99.verdict).toBe('better');
  expect(p99.text).toMatch(/^−11\.83 s −99\.5% better$/);
  const browseFailed = rows.find((r) => r.id === 'delta-route-web.browse-failed')!;
  expect([browseFailed.left, browseFailed.right, browseFailed.delta]).toEqual([3067, 0, -3067]);
  await cmp.table.scrollIntoViewIfNeeded();
  await app.screenshot('compare-03-table');

  // Export for a slide: one SVG with both sides, well-formed, and the PNG at 2×.
  const svgFile = await cmp.download('svg');
  expect(svgFile.suggestedFilename()).toBe('cascading-failure-naive-vs-cascading-failure-resilient.svg');
  const svg = readFileSync((await svgFile.path())!, 'utf8');
  const info = await inspectSvg(page, svg);
  expect(info.root).toBe('svg');
  expect(info.errors).toBe(0);
  expect(info.scripts).toBe(0);
  expect(info.width).toBe(1920);
  expect(info.height).toBeGreaterThan(900);
  expect(info.text).toContain('Cascading failure — naive');
  expect(info.text).toContain('Cascading failure — resilient');
  expect(info.text).toContain('same seed 11');
  expect(info.text).toContain(cli.left.digest);
  // 3 charts × 2 routes × 2 sides, and the two architectures nested.
  expect(info.paths).toBe(12);
  expect(info.nested).toBeGreaterThanOrEqual(2 + 6);
  // The theme's colours as values (the file has no stylesheet): the lines in the page's series colours.
  expect(svg).not.toContain('var(');
  expect(info.strokes.slice(0, 2)).toEqual(series);
  expect(info.background).toBe(await cmp.themeColour('--panel'));
  await screenshotSvg(page, svg, 'compare-04-slide');

  const png = readFileSync((await (await cmp.download('png')).path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBe(3840);
  expect(png.readUInt32BE(20)).toBe(info.height * 2);

  const json = JSON.parse(readFileSync((await (await cmp.download('json')).path())!, 'utf8')) as CliCompare;
  expect(Object.keys(json)).toEqual(['left', 'right', 'delta']);
  expect([json.left.digest, json.right.digest]).toEqual([cli.left.digest, cli.right.digest]);
  expect(json.delta.routes).toEqual(cli.delta.routes);
  const csv = readFileSync((await (await cmp.download('csv')).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('kind,name,figure,left,right,delta,delta_pct,verdict');
  expect(csv).toContain('route,web.browse,failed,3067,0,-3067,-100,better');

  // Esc closes; the page is as it was.
  await page.keyboard.press('Escape');
  await expect(cmp.view).toBeHidden();
  await expect(page.getByTestId('scenario-name')).toHaveText('Cascading failure — naive');
});

test('an invalid side shows its positioned errors in its column; the other runs; each file\'s own seed', async ({ app, page }) => {
  test.setTimeout(180_000);
  const cmp = new ComparePage(page);
  await app.open();
  const broken = readFileSync(RESILIENT, 'utf8').replace(/^( {4})workers:/m, '$1wrokers:').replace(/^seed: 11$/m, 'seed: 12');
  await app.topBar.openFile('broken.yaml', broken);
  await expect(app.errors.items().first()).toBeVisible();
  await app.errors.back();

  await cmp.openPicker();
  await cmp.compare(`/${NAIVE}`, 'opened:broken.yaml');
  expect(await cmp.waitForBoth()).toEqual(['done', 'invalid']);
  await expect(cmp.errors('right').first()).toContainText(/^broken\.yaml:\d+:\d+ services\.\w+\.wrokers: .*did you mean "workers"/);
  await expect(cmp.digest('left')).toHaveText(cliReport(NAIVE).digest);
  await expect(cmp.table).toBeHidden();
  await expect(page.getByTestId('compare-export-svg')).toBeDisabled();
  await app.screenshot('compare-05-invalid');

  // Each file's own seed: the left again on 11, alone.
  await cmp.view.getByRole('checkbox', { name: "each file's own seed" }).check();
  expect(await cmp.waitForBoth()).toEqual(['done', 'invalid']);
  await expect(cmp.seed).toHaveText('seed 11');
  await cmp.close();
  await expect(cmp.view).toBeHidden();
});

test('Cancel stops both long runs at once; the page\'s shortcuts stay with the view', async ({ app, page }) => {
  const cmp = new ComparePage(page);
  await app.open();
  const before = await app.topBar.simTimeMs();
  await cmp.openPicker();
  await cmp.compare('/scenarios/validation/mm1-rho80.yaml', '/scenarios/validation/mm1-rho90.yaml');
  await expect.poll(async () => Number(await cmp.column('right').getAttribute('data-sim-ms')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(cmp.column('left')).toHaveAttribute('data-status', 'running');
  // Space does not start the page's run behind the view.
  await page.keyboard.press('Space');
  await cmp.cancel();
  expect(await cmp.waitForBoth(5_000)).toEqual(['cancelled', 'cancelled']);
  await expect(cmp.view.getByRole('button', { name: 'Run again' })).toBeVisible();
  await app.screenshot('compare-06-cancelled');
  await cmp.close();
  expect(await app.topBar.simTimeMs()).toBe(before);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('the running scenario with its recorded actions against the file as shipped', async ({ app, page }) => {
  test.setTimeout(180_000);
  const cmp = new ComparePage(page);
  await app.open();
  const initial = workloadRate('scenarios/shop.yaml', 'browse');
  await app.runUntil(5_000);
  await app.load.set('browse', 2 * initial);
  await expect(app.load.recorded()).toHaveCount(1);

  await cmp.openPicker();
  await expect(cmp.pick('left').locator('option:checked')).toHaveText(/^Running now: .* \(with 1 recorded action\)$/);
  await cmp.compare(undefined, '/scenarios/shop.yaml');
  expect(await cmp.waitForBoth()).toEqual(['done', 'done']);
  await expect(cmp.column('left')).toContainText('(as run)');
  // The same file and seed; the recorded load change makes the difference, and the table says so.
  const sides = await app.hook<{ chars: number }[]>('compareSides');
  expect(sides[0].chars).toBeGreaterThan(sides[1].chars);
  expect(await cmp.digest('left').textContent()).not.toBe(await cmp.digest('right').textContent());
  await expect(cmp.digest('right')).toHaveText(cliReport('scenarios/shop.yaml').digest);
  const requests = (await cmp.rows()).find((r) => r.id === 'delta-route-storefront.home-requests')!;
  // browse (storefront.home) at twice its rate from 5 s on: far more requests on the left.
  expect(requests.left).toBeGreaterThan(1.5 * requests.right);
  expect(requests.delta).toBe(requests.right - requests.left);
});

test('39 services against a variant: the architectures stay readable in the columns (≥ 11 px) and in the slide (≥ 14 px)', async ({ app, page }) => {
  test.setTimeout(240_000);
  const cmp = new ComparePage(page);
  await app.open();
  // The variant: one call's timeout changed (web-bff → search.query, 800ms → 400ms).
  const text = readFileSync(DENSE, 'utf8');
  expect(text.match(/timeout: 800ms/g)).toHaveLength(1);
  await app.topBar.openFile('ecommerce-variant.yaml', text.replace('timeout: 800ms', 'timeout: 400ms'));
  await expect(page.getByTestId('scenario-name')).toHaveText(/^E-commerce platform/, { timeout: 30_000 });

  await cmp.openPicker();
  await cmp.compare(`/${DENSE}`, 'opened:ecommerce-variant.yaml');
  expect(await cmp.waitForBoth()).toEqual(['done', 'done']);
  await expect(cmp.architecture('left')).toBeVisible({ timeout: 60_000 });
  await expect(cmp.architecture('right')).toBeVisible({ timeout: 60_000 });

  // Every node label line at least 11 px high as drawn in its column (45 boxes, 2–3 lines each).
  for (const side of ['left', 'right'] as const) {
    const heights = await cmp.diagramLabelHeights(side);
    expect(heights.length, `${side} label lines`).toBeGreaterThan(100);
    expect(Math.min(...heights), `${side} smallest label line, px`).toBeGreaterThanOrEqual(11);
  }
  // Too big for the column at that size: it scrolls in its box, opened at the entry (web-bff), and the box is no wider than the column.
  const box = cmp.column('left').getByTestId('compare-left-architecture-box');
  const scroll = await box.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight, top: el.scrollTop }));
  expect(scroll.sw).toBeGreaterThan(scroll.cw);
  expect(scroll.sh).toBeGreaterThan(scroll.ch);
  expect(scroll.top).toBeGreaterThan(0);
  expect((await box.boundingBox())!.width).toBeLessThanOrEqual((await cmp.column('left').boundingBox())!.width);
  // Only the call that differs keeps its label: 800ms on the left, 400ms on the right; checkout's 3s (the same on both) is left out.
  const [l, r] = [await cmp.diagramText('left'), await cmp.diagramText('right')];
  expect(l).toContain('timeout 800ms');
  expect(r).toContain('timeout 400ms');
  expect(l + r).not.toContain('timeout 3s');
  await expect(cmp.column('left')).toContainText('Call options written only where the two designs differ');
  await app.screenshot('compare-07-dense');
  // Scrolling one diagram scrolls the other to the same place.
  await box.evaluate((el) => { el.scrollLeft = 200; });
  await expect.poll(() => page.getByTestId('compare-right-architecture-box').evaluate((el) => el.scrollLeft)).toBe(200);

  // The slide: 1920 wide, each diagram given the room its labels need (≥ 14 px at the slide's own size).
  const svg = readFileSync((await (await cmp.download('svg')).path())!, 'utf8');
  const slide = await slideLabelHeights(page, svg);
  expect(slide.width).toBe(1920);
  expect(slide.heights.length).toBeGreaterThan(200);
  expect(Math.min(...slide.heights), 'smallest label line in the slide, px').toBeGreaterThanOrEqual(14);
  const png = readFileSync((await (await cmp.download('png')).path())!);
  expect(png.readUInt32BE(16)).toBe(3840);
  writeFileSync('test-results/screens/compare-08-dense-slide.png', png);
});

test('the shop against itself: one readable diagram per column and once across the slide', async ({ app, page }) => {
  test.setTimeout(180_000);
  const cmp = new ComparePage(page);
  await app.open();
  await cmp.openPicker();
  await cmp.compare('/scenarios/shop.yaml', '/scenarios/shop.yaml');
  expect(await cmp.waitForBoth()).toEqual(['done', 'done']);
  await expect(cmp.architecture('left')).toBeVisible({ timeout: 30_000 });
  // Small: the whole diagram in the column, nothing scrolls, labels ≥ 11 px.
  expect(Math.min(...await cmp.diagramLabelHeights('left'))).toBeGreaterThanOrEqual(11);
  const box = await page.getByTestId('compare-left-architecture-box').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }));
  expect(box.sw).toBeLessThanOrEqual(box.cw);
  expect(box.sh).toBeLessThanOrEqual(box.ch);
  await app.screenshot('compare-09-shop');
  const svg = readFileSync((await (await cmp.download('svg')).path())!, 'utf8');
  const slide = await slideLabelHeights(page, svg);
  expect(Math.min(...slide.heights)).toBeGreaterThanOrEqual(14);
  expect(svg).toContain('BOTH DESIGNS');
  expect(svg.match(/<g class="nodes">/g)).toHaveLength(1);
});
