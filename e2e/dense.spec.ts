/**
 * A dense scenario (39 services) at 1280×800, picked from the top bar as a
 * student would: every service is drawn, no two nodes overlap, titles stay
 * readable (the picture is not shrunk below 11 px titles: it pans instead),
 * no edge label covers another, and a click on a service opens it in the
 * inspector. Zoomed far out, the nodes turn tiny (name and "ready/total").
 * Screenshots: test-results/screens/dense-*.png.
 */
import { parse } from 'yaml';
import { test, expect } from './fixtures';
import { scenarioText } from './helpers';

const FILE = 'scenarios/architecture/ecommerce-platform.yaml';
const services = Object.keys((parse(scenarioText(FILE)) as { services: Record<string, unknown> }).services);

type Rect = { x: number; y: number; w: number; h: number };

/** Open the page and pick the dense scenario from the top bar (a loaded machine can take a while to boot the page). */
async function openDense(app: import('./pages/AppPage').AppPage): Promise<void> {
  await app.page.goto('/');
  await expect(app.page.getByTestId('scenario-name')).not.toHaveText('Microcosm', { timeout: 30_000 });
  await app.topBar.scenario.selectOption(`/${FILE}`);
  await expect.poll(() => app.hook<string>('scenarioName'), { timeout: 30_000 }).toMatch(/^E-commerce platform/);
  await expect.poll(() => app.hook<string | null>('rendererName')).not.toBeNull();
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

test('the dense scenario is drawn whole, readable and without overlaps; a click inspects a service', async ({ app, page }) => {
  test.setTimeout(120_000);
  expect(services.length).toBeGreaterThanOrEqual(30);
  await openDense(app);
  await app.runUntil(4_000, '10×');

  const probe = (fn: 'nodeRect' | 'titlePx', name: string) =>
    page.evaluate(([f, n]) => (window as unknown as { __microcosm: Record<string, (s: string) => unknown> }).__microcosm[f](n), [fn, name] as const);

  // Every service has a node; no two overlap.
  const rects: [string, Rect][] = [];
  for (const s of services) {
    const r = (await probe('nodeRect', s)) as Rect | null;
    expect(r, `${s} is drawn`).not.toBeNull();
    rects.push([s, r!]);
  }
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      expect(overlap(rects[i][1], rects[j][1]), `${rects[i][0]} and ${rects[j][0]} overlap`).toBe(false);
    }
  }
  // Titles at fit are readable on a projector.
  for (const s of services) expect((await probe('titlePx', s)) as number, `${s} title px`).toBeGreaterThanOrEqual(11);
  // Nodes are large enough to read and hit.
  expect(Math.min(...rects.map(([, r]) => r.h))).toBeGreaterThanOrEqual(40);
  // Some edge labels show; those that would overlap are hidden (the overlap rule is unit-tested).
  const labels = await app.hook<{ shown: number; total: number }>('edgeLabels');
  expect(labels.total).toBeGreaterThan(40);
  expect(labels.shown).toBeGreaterThan(5);

  // The picture starts with the clients and the edge: the first layers are on screen.
  const box = (await app.topology.canvas.boundingBox())!;
  for (const s of ['web-bff', 'mobile-bff', 'partner-api']) {
    const r = rects.find(([n]) => n === s)![1];
    expect(r.x >= box.x && r.x + r.w <= box.x + box.width && r.y >= box.y && r.y + r.h <= box.y + box.height, `${s} on screen`).toBe(true);
  }
  await app.screenshot('dense-01-fit');

  // A click on a service opens it in the inspector.
  await app.topology.clickService('catalog');
  await expect(app.inspector.root.getByRole('combobox', { name: 'Service' })).toHaveValue('catalog');
  await app.screenshot('dense-02-selected');
});

test('the dense scenario pans to its far side, and zoomed far out shows tiny nodes that still do not overlap', async ({ app, page }) => {
  test.setTimeout(120_000);
  await openDense(app);
  await app.runUntil(3_000, '10×');
  const t = app.topology;
  const box = (await t.canvas.boundingBox())!;

  // Drag one compact node up into empty space: it moves; no other node moves or changes size.
  const others = ['mobile-bff', 'partner-api', 'catalog', 'auth', 'search'];
  const before = await Promise.all(others.map((s) => t.nodeRect(s)));
  const bff0 = await t.nodeRect('web-bff');
  await t.dragService('web-bff', 0, -30);
  await expect.poll(async () => (await t.nodeRect('web-bff')).y).toBeLessThan(bff0.y - 20);
  expect((await t.nodeRect('web-bff')).w).toBeCloseTo(bff0.w, 3);
  for (const [i, s] of others.entries()) {
    const now = await t.nodeRect(s);
    expect(Math.abs(now.x - before[i].x) + Math.abs(now.y - before[i].y) + Math.abs(now.w - before[i].w), `${s} stays put`).toBeLessThan(1);
  }
  expect(await app.hook('selection'), 'a drag is not a tap').toBeNull();

  // The picture is wider than the canvas at a readable size: drag the background left until the
  // rightmost leaf is on screen (a few strokes, as a hand would); nothing changes size.
  let far = services[0];
  for (const s of services) if ((await t.nodeRect(s)).x > (await t.nodeRect(far)).x) far = s;
  const leaf0 = await t.nodeRect(far);
  expect(leaf0.x + leaf0.w, 'the picture overflows at fit (it pans instead of shrinking)').toBeGreaterThan(box.x + box.width);
  for (let stroke = 0; stroke < 6; stroke++) {
    const r = await t.nodeRect(far);
    const dx = Math.min(box.width - 60, r.x + r.w - (box.x + box.width) + 30);
    if (dx <= 0) break;
    // An empty spot: just under the canvas' top edge.
    await page.mouse.move(box.x + box.width - 20, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 20 - dx, box.y + 6, { steps: 10 });
    await page.mouse.up();
  }
  const leaf1 = await t.nodeRect(far);
  expect(leaf1.w).toBeCloseTo(leaf0.w, 3);
  expect(leaf1.x + leaf1.w).toBeLessThanOrEqual(box.x + box.width);
  expect(await app.hook('selection'), 'a pan is not a tap on a service').toBeNull();
  await app.screenshot('dense-03-panned');
  // A service found by panning can be clicked too.
  await t.clickService(far);
  await expect(app.inspector.root.getByRole('combobox', { name: 'Service' })).toHaveValue(far);

  // Zoom far out: tiny nodes (no cells to hit), no edge labels, still no overlaps.
  for (let i = 0; i < 3; i++) await t.zoomButton('Zoom out').click();
  expect(await page.evaluate(() => (window as unknown as { __microcosm: { cellRect(s: string, i: number): unknown } }).__microcosm.cellRect('checkout', 0))).toBeNull();
  await expect.poll(() => app.hook<{ shown: number }>('edgeLabels').then((l) => l.shown)).toBe(0);
  const rects: Rect[] = [];
  for (const s of services) rects.push(await t.nodeRect(s));
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i], rects[j]), `${services[i]} / ${services[j]}`).toBe(false);
  }
  // A tiny node enlarges its name (within its box): larger on screen than a plain title at this zoom would be.
  const px = (await page.evaluate(() => (window as unknown as { __microcosm: { titlePx(s: string): number } }).__microcosm.titlePx('checkout')))!;
  const plain = 14 * (await t.nodeRect('checkout')).w / 160; // compact nodes are 160 units wide
  expect(px).toBeGreaterThan(plain * 1.2);
  await app.screenshot('dense-04-zoomed-out');

  // Fit brings back the readable picture.
  await t.zoomButton('Fit to view').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __microcosm: { titlePx(s: string): number } }).__microcosm.titlePx('checkout'))).toBeGreaterThanOrEqual(11);
});

test('folding the panel under the canvas gives the dense picture the height: more services on screen, remembered, a tab opens it again', async ({ app, page }) => {
  test.setTimeout(120_000);
  await openDense(app);
  await app.runUntil(2_000, '10×');
  const t = app.topology;
  const onScreen = async () => {
    const box = (await t.canvas.boundingBox())!;
    let n = 0;
    for (const s of services) {
      const r = await t.nodeRect(s);
      if (r.x >= box.x && r.x + r.w <= box.x + box.width && r.y >= box.y && r.y + r.h <= box.y + box.height) n++;
    }
    return n;
  };
  const h0 = (await t.canvas.boundingBox())!.height;
  const n0 = await onScreen();
  const fold = page.getByRole('button', { name: 'Hide panel ▾' });
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await fold.click();
  await expect(page.getByRole('button', { name: 'Show panel ▴' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('throughput-chart')).toHaveCount(0);
  await expect.poll(async () => (await t.canvas.boundingBox())!.height).toBeGreaterThan(h0 + 200);
  await t.zoomButton('Fit to view').click();
  await expect.poll(onScreen).toBeGreaterThan(n0);
  for (const s of services) expect(await page.evaluate((n) => (window as unknown as { __microcosm: { titlePx(s: string): number } }).__microcosm.titlePx(n), s), `${s} title px`).toBeGreaterThanOrEqual(11);
  await app.screenshot('dense-05-folded');
  // Chart exports say why they are not offered.
  await page.getByRole('button', { name: /^Export/ }).click();
  await expect(page.getByRole('menuitem', { name: /Throughput \(SVG\)/ })).toHaveAttribute('title', /folded away/);
  await page.keyboard.press('Escape');
  // Remembered across a reload; a tab opens the panel again, on that tab.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Show panel ▴' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Event log' }).click();
  await expect(page.getByRole('tab', { name: 'Event log' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Hide panel ▾' })).toBeVisible();
  await expect.poll(async () => (await t.canvas.boundingBox())!.height).toBeLessThan(h0 + 20);
});

test('smaller bundled scenarios read at 1280×800 too: titles ≥ 10.5 px, no overlaps, nothing off the canvas', async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.page.goto('/');
  await expect(page.getByTestId('scenario-name')).not.toHaveText('Microcosm', { timeout: 30_000 });
  const box = (await app.topology.canvas.boundingBox())!;
  for (const file of ['scenarios/shop.yaml', 'scenarios/resilience/blast-radius.yaml', 'scenarios/resilience/cascading-failure-resilient.yaml', 'scenarios/network/rest-vs-grpc.yaml']) {
    const names = Object.keys((parse(scenarioText(file)) as { services: Record<string, unknown> }).services);
    if (file !== 'scenarios/shop.yaml') {
      const before = await app.hook<string>('scenarioName');
      await app.topBar.scenario.selectOption(`/${file}`);
      await expect.poll(() => app.hook<string>('scenarioName'), { timeout: 30_000 }).not.toBe(before);
    }
    const rects: Rect[] = [];
    for (const s of names) {
      const r = await app.topology.nodeRect(s);
      rects.push(r);
      expect(r.x >= box.x && r.y >= box.y && r.x + r.w <= box.x + box.width && r.y + r.h <= box.y + box.height, `${file}: ${s} on the canvas`).toBe(true);
      const px = await page.evaluate((n) => (window as unknown as { __microcosm: { titlePx(s: string): number } }).__microcosm.titlePx(n), s);
      expect(px, `${file}: ${s} title px`).toBeGreaterThanOrEqual(10.5);
    }
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i], rects[j]), `${file}: ${names[i]} / ${names[j]}`).toBe(false);
    }
    await app.screenshot(`dense-05-${file.split('/').pop()!.replace('.yaml', '')}`);
  }
});
