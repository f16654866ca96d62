/**
 * The scenario editor: opened beside the canvas, live validation underlined at
 * the error's line, Apply restarts the run, drafts survive a reload, and the
 * editor does not take the app's keys (space = play) or the first page load.
 */
import { test, expect } from './fixtures';
import { scenarioName, scenarioText } from './helpers';
import { EditorPage } from './pages/EditorPage';

const SHOP = 'scenarios/shop.yaml';
const lines = scenarioText(SHOP).split('\n');
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
const WORKERS_LINE = lineOf('    workers: 16');
const NAME_LINE = lineOf('name: ');

test('the editor is loaded only when opened, and opens on the running scenario\'s text', async ({ app, page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await app.open();
  expect(requested.filter((u) => /EditorPane|validate\.worker/.test(u)), 'no editor code on the first load').toEqual([]);

  const editor = new EditorPage(page);
  await editor.open();
  expect(requested.some((u) => /EditorPane-[\w-]+\.js/.test(u))).toBe(true);
  await editor.expectStatus('valid');
  const text = await editor.text();
  expect(text.split('\n')[NAME_LINE - 1]).toBe(lines[NAME_LINE - 1]);
  await expect(editor.root).toContainText(SHOP);
  // Beside the canvas, both usable at 1280×800.
  const ed = (await editor.root.boundingBox())!;
  const canvas = (await app.topology.canvas.boundingBox())!;
  expect(ed.x + ed.width).toBeLessThanOrEqual(canvas.x);
  expect(ed.width).toBeGreaterThan(380);
  expect(canvas.width).toBeGreaterThan(360);
  expect(ed.height).toBeGreaterThan(600);
});

test('an error is underlined at its line with did-you-mean; fixed and applied, the run restarts on it; a reload restores the draft', async ({ app, page }) => {
  await app.open();
  const editor = new EditorPage(page);
  await editor.open();

  // A misspelt key: one error, underlined on its own line, the message on hover.
  await editor.retypeLine(WORKERS_LINE, 'wrokers: 16');
  await editor.expectStatus('1 error');
  await expect(editor.underlines()).toHaveCount(1);
  await expect(editor.underlines()).toHaveText('wrokers');
  expect(await editor.lineOf(editor.underlines().first())).toBe(WORKERS_LINE);
  await expect(editor.root.locator('.cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);
  await editor.underlines().first().hover();
  await expect(editor.lintTooltip).toContainText('unknown key "wrokers"; did you mean "workers"?');
  await expect(editor.lintTooltip).toContainText('services.storefront.wrokers');
  await editor.screenshot('11-editor-error');

  // Applying an invalid text: said in the editor, the run and the editor stay.
  const originalName = scenarioName(SHOP);
  await editor.apply();
  await expect(editor.applyNote).toContainText('Not applied: 1 error');
  await expect(page.getByRole('alert', { name: 'Scenario errors' })).toHaveCount(0);
  await expect(page.getByTestId('scenario-name')).toHaveText(originalName);
  await expect(editor.root).toBeVisible();

  // The quick fix in the tooltip puts the right key back.
  await editor.underlines().first().hover();
  await editor.lintTooltip.getByRole('button', { name: 'Use "workers"' }).click();
  await editor.expectStatus('valid');
  await expect(editor.underlines()).toHaveCount(0);

  // A visible change, applied with Ctrl+Enter: the run restarts on it.
  await editor.retypeLine(NAME_LINE, 'name: Shop, edited in the page');
  await editor.expectStatus('valid');
  await app.runUntil(2_000, '10×');
  await editor.apply();
  await expect(page.getByTestId('scenario-name')).toHaveText('Shop, edited in the page');
  await expect(editor.applyNote).toContainText('Applied');
  await expect.poll(() => app.topBar.simTimeMs()).toBe(0);
  await expect(page.getByTestId('scenario-name').locator('..')).toContainText(SHOP);
  // The restarted run plays: canvas and charts beside the editor. (10×: at 100× a slow machine
  // can overshoot to the end of the run before the pause lands, and Pause becomes Restart.)
  await app.runUntil(8_000, '10×');
  await expect.poll(() => app.charts.points(app.charts.throughput)).toBeGreaterThan(3);
  await editor.screenshot('12-editor-applied');

  // Typed after the apply, then a reload before the draft timer: nothing is lost.
  await editor.goToLine(NAME_LINE);
  await page.keyboard.press('End');
  await page.keyboard.type(' again');
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText(originalName); // the page opens the bundled shop
  await expect(editor.root).toBeVisible(); // the editor stays open across reloads
  await expect(editor.draftNote).toContainText('Draft restored');
  expect((await editor.text()).split('\n')[NAME_LINE - 1]).toBe('name: Shop, edited in the page again');
  await editor.expectStatus('valid');
  await editor.screenshot('13-editor-draft-restored');

  // Discard goes back to the file, and the draft is gone for good.
  await editor.draftNote.getByRole('button', { name: 'Discard' }).click();
  await expect(editor.draftNote).toHaveCount(0);
  expect((await editor.text()).split('\n')[NAME_LINE - 1]).toBe(lines[NAME_LINE - 1]);
  await page.reload();
  await expect(editor.content).toBeVisible();
  await expect(editor.draftNote).toHaveCount(0);
});

test('completion from the schema, with its description; space types in the editor and does not play', async ({ app, page }) => {
  await app.open();
  const editor = new EditorPage(page);
  await editor.open();

  await editor.goToLine(WORKERS_LINE);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('bal');
  await expect(editor.completions).toBeVisible();
  await expect(editor.completions.locator('li').first()).toContainText('balancer');
  await expect(page.locator('.cm-completionInfo')).toContainText('How callers choose its instances');
  await editor.screenshot('14-editor-completion');
  await page.keyboard.press('Enter');
  await expect(editor.completions.getByText('least-connections')).toBeVisible(); // the enum's values next
  await page.keyboard.type('p2c');
  await expect(editor.completions).toHaveCount(0);
  expect((await editor.text()).split('\n')[WORKERS_LINE]).toBe('    balancer: p2c');
  await editor.expectStatus('valid');

  // Space inside CodeMirror (contenteditable) is text, not play / pause.
  await page.keyboard.press('Space');
  await page.keyboard.type('# a comment');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect((await editor.text()).split('\n')[WORKERS_LINE]).toBe('    balancer: p2c # a comment');
  expect(await app.topBar.simTimeMs()).toBe(0);
});

test('a huge paste gets one clear error without freezing the tab; undo brings the file back', async ({ app, page }) => {
  await app.open();
  const editor = new EditorPage(page);
  await editor.open();
  await editor.goToLine(lines.length);
  const padding = '# padding to make the file too large to be a scenario ...............\n'.repeat(32_000); // ≈ 2.2 MB
  await editor.paste(padding);
  await editor.expectStatus('1 error');
  await editor.goToLine(1); // the error is about the whole text: underlined on its first line
  await editor.underlines().first().hover();
  await expect(editor.lintTooltip).toContainText('too large');
  await expect(editor.draftState).toContainText('too large to autosave');
  // The page still answers: the run plays.
  await app.topBar.play();
  await expect.poll(() => app.topBar.simTimeMs()).toBeGreaterThan(0);
  await app.topBar.pause();
  await editor.content.focus();
  await page.keyboard.press('Control+z');
  await editor.expectStatus('valid');
});
