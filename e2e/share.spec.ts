/**
 * The top bar's file tools: a share link replays the run (same digest in a
 * new page), a damaged link says so and opens the default scenario, a link's
 * content is only text; Save downloads the scenario with the recorded
 * actions; New opens a template.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { scenarioName, workloadRate } from './helpers';
import { SharePage } from './pages/SharePage';
import { encodeShare } from '../src/ui/share';

const SHOP = scenarioName('scenarios/shop.yaml');
const SHOP_GOLDEN_DIGEST = (JSON.parse(readFileSync('tests/golden/shop.json', 'utf8')) as { digest: string }).digest;

test('a share link replays the run with its recorded slider move: the same digest in a new page', async ({ app, page }) => {
  test.setTimeout(240_000);
  const tools = new SharePage(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await app.runUntil(8_000);
  await app.load.set('browse', 1.5 * workloadRate('scenarios/shop.yaml', 'browse'));
  await expect(app.load.recorded()).toHaveCount(1);

  const url = await tools.share.link();
  expect(url.length, 'shop.yaml with one action fits a short link').toBeLessThan(8 * 1024);
  await expect(tools.share.dialog).toContainText('1 recorded action');
  await tools.share.copy();
  await expect(tools.share.status()).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await app.screenshot('12-share');
  await tools.share.close();
  await expect(tools.share.dialog).toBeHidden();

  const original = await tools.runToEnd();
  expect(original, 'the slider move changed the run').not.toBe(SHOP_GOLDEN_DIGEST);

  const { page: other, problems } = await SharePage.newPage(page);
  await other.page.goto(url);
  await other.waitLoaded(SHOP);
  await expect(other.page.locator('.scenario-head .badge')).toHaveText('shop.yaml');
  const replayed = await other.runToEnd();
  expect(replayed, 'the link replays the same run').toBe(original);
  expect(problems).toEqual([]);
  await other.page.close();
});

test('a tampered or truncated link shows what is wrong and opens the default scenario', async ({ app, page }) => {
  const tools = new SharePage(page);
  const good = await encodeShare('mine.yaml', readFileSync('scenarios/resilience/retry-storm-naive.yaml', 'utf8'));
  const [, version, crc] = /^s=(\d+)\.([0-9a-f]{8})\./.exec(good)!;
  const tampered = good.replace(`${version}.${crc}.`, `${version}.${crc === 'ffffffff' ? '00000000' : 'ffffffff'}.`);

  await page.goto(`/#${tampered}`);
  await expect(tools.share.notice).toContainText(/^This share link is damaged: its checksum does not match/);
  await tools.waitLoaded(SHOP);
  await expect(page).toHaveURL(/\/$/); // the bad hash is dropped: a reload shows no notice
  await app.screenshot('12-share-damaged');
  await tools.share.notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(tools.share.notice).toBeHidden();

  await page.goto('about:blank'); // from '/', a hash-only goto would not load the page again
  await page.goto(`/#${good.slice(0, -40)}`);
  await expect(tools.share.notice).toContainText(/^This share link is damaged: it is shorter than it says.*cut off/);
  await tools.waitLoaded(SHOP);

  await page.goto('about:blank');
  await page.goto('/#s=1.0000');
  await expect(tools.share.notice).toContainText('This share link is damaged');
  await tools.waitLoaded(SHOP);
});

test('a link carries only text: markup in names is shown, never run; a pasted link opens in the open tab', async ({ app, page }) => {
  const tools = new SharePage(page);
  const evil = readFileSync('scenarios/shop.yaml', 'utf8')
    .replace(/^name: .*$/m, `name: "<img src=x onerror=window.__pwned=1> Evil"`)
    .replace('label: Payment', `label: "Pay\\"]-->x[<script>window.__pwned=2</script>"`);
  await app.open();
  // Pasting a link into the address bar of an open tab changes only the hash.
  await page.evaluate(async (hash) => { location.hash = hash; }, await encodeShare('evil.yaml', evil));
  await tools.waitLoaded('<img src=x onerror=window.__pwned=1> Evil');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // The diagram export keeps the label as text: no script, no img, no HTML in foreignObject.
  const { bytes } = await tools.exports.download('architecture-svg');
  const svg = bytes.toString('utf8');
  const check = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      root: doc.documentElement.nodeName,
      bad: doc.querySelectorAll('script, img, foreignObject, parsererror').length,
      text: doc.documentElement.textContent ?? '',
    };
  }, svg);
  expect(check.root).toBe('svg');
  expect(check.bad).toBe(0);
  expect(check.text).toContain('<script>window.__pwned=2</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('Save downloads the scenario with the recorded actions; New opens a template', async ({ app, page }) => {
  const tools = new SharePage(page);
  await app.open();
  const plain = await tools.save();
  expect(plain.name).toBe('shop.yaml');
  expect(plain.bytes.toString('utf8')).toBe(readFileSync('scenarios/shop.yaml', 'utf8'));

  await app.runUntil(3_000);
  await app.load.set('checkout', 20);
  await expect(app.load.recorded()).toHaveCount(1);
  const saved = await tools.save();
  expect(saved.name).toBe('shop-recorded.yaml');
  expect(saved.bytes.toString('utf8')).toMatch(/- \{ at: \d+ms, load: checkout, rate: 20\/s \}/);

  await tools.newButton.click();
  await tools.waitLoaded('My scenario');
  await expect(app.topBar.scenario).toHaveValue('opened:new-scenario.yaml');
  await tools.newButton.click();
  await expect(app.topBar.scenario).toHaveValue('opened:new-scenario-2.yaml');

  // Wide windows show the tools' names; at 1280 px they are icons with tooltips (all fit beside the clock).
  await expect(tools.share.button.locator('.btn-label')).toBeHidden();
  expect(await page.locator('.topbar').evaluate((el) => el.scrollWidth - el.clientWidth), 'the top bar overflows at 1280 px').toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1600, height: 800 });
  for (const name of ['Open file…', 'New', 'Save', 'Share', 'Export']) await expect(page.locator('.file-tools').getByText(name, { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/16-topbar-wide.png', clip: { x: 0, y: 0, width: 1600, height: 60 } });
});
