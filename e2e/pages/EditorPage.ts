/**
 * The scenario editor as a user drives it: open it from the scenario header,
 * go to a line, retype it, hover an underline, apply with Ctrl+Enter. Reads
 * what a user sees (the header's count, the underline's line number in the
 * gutter, the notes), never CodeMirror's internals.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  readonly root: Locator;
  readonly toggle: Locator;
  readonly content: Locator;
  readonly status: Locator;
  readonly applyButton: Locator;
  readonly draftNote: Locator;
  readonly applyNote: Locator;
  readonly draftState: Locator;
  readonly cursor: Locator;
  readonly completions: Locator;
  readonly lintTooltip: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Scenario editor' });
    this.toggle = page.getByTestId('edit-toggle');
    this.content = this.root.getByRole('textbox', { name: 'Scenario source (YAML)' });
    this.status = this.root.getByTestId('editor-status');
    this.applyButton = this.root.getByRole('button', { name: /^(Apply|Applying…)$/ });
    this.draftNote = this.root.getByTestId('draft-note');
    this.applyNote = this.root.getByTestId('apply-note');
    this.draftState = this.root.getByTestId('draft-state');
    this.cursor = this.root.getByTestId('editor-cursor');
    this.completions = page.locator('.cm-tooltip-autocomplete');
    this.lintTooltip = page.locator('.cm-tooltip-lint');
  }

  /** Open the editor from the header and wait until the text is shown and checked. */
  async open(): Promise<void> {
    await this.toggle.click();
    await expect(this.root).toBeVisible();
    await expect(this.content).toBeVisible();
    await expect(this.status).not.toHaveText('checking…');
  }

  async close(): Promise<void> {
    await this.root.getByRole('button', { name: 'Close the editor' }).click();
    await expect(this.root).toBeHidden();
  }

  /** The editor's whole text, as the lines it shows (CodeMirror renders only what is in view, so scroll through). */
  async text(): Promise<string> {
    return this.content.evaluate((el) => {
      // The content element's textContent skips line breaks; its lines are .cm-line children.
      return Array.from(el.querySelectorAll('.cm-line')).map((l) => l.textContent ?? '').join('\n');
    });
  }

  /** Put the cursor at the start of line `n` with the keyboard. */
  async goToLine(n: number): Promise<void> {
    await this.content.click();
    await this.page.keyboard.press('Control+Home');
    for (let i = 1; i < n; i++) await this.page.keyboard.press('ArrowDown');
    await expect(this.cursor).toHaveText(new RegExp(`^Ln ${n}, `));
  }

  /** Retype line `n` after its indentation (the indentation stays). */
  async retypeLine(n: number, text: string): Promise<void> {
    await this.goToLine(n);
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Shift+Home');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Escape'); // close a completion list, if one opened
  }

  /** Wait until the live check has settled on `text` ('valid', '1 error', …). */
  async expectStatus(text: string): Promise<void> {
    await expect(this.status).toHaveText(text);
    await expect(this.status).toHaveAttribute('data-state', 'done');
  }

  /** The error underlines, and the line number the gutter shows beside each. */
  underlines(): Locator {
    return this.root.locator('.cm-lintRange-error');
  }

  async lineOf(el: Locator): Promise<number> {
    const box = (await el.boundingBox())!;
    const mid = box.y + box.height / 2;
    const numbers = this.root.locator('.cm-lineNumbers .cm-gutterElement');
    const n = await numbers.evaluateAll((els, y) => {
      for (const e of els) {
        const r = e.getBoundingClientRect();
        if (r.height > 0 && y >= r.top && y < r.bottom) return Number(e.textContent);
      }
      return -1;
    }, mid);
    return n;
  }

  async apply(): Promise<void> {
    await this.content.focus();
    await this.page.keyboard.press('Control+Enter');
  }

  /** Paste text at the cursor the way the clipboard would. */
  async paste(text: string): Promise<void> {
    await this.content.evaluate((el, t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
  }

  screenshot(name: string): Promise<Buffer> {
    return this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
