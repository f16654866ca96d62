/**
 * Page objects for the top bar's file tools: Share (the link popover), Save,
 * New, the Export menu, the damaged-link notice; and a second page of the
 * same browser that, like the fixture's, fails on console errors.
 */
import { readFileSync } from 'node:fs';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class SharePopover {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly url: Locator;
  readonly notice: Locator;
  constructor(private readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Share', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Share link' });
    this.url = page.getByTestId('share-url');
    this.notice = page.getByTestId('share-notice');
  }
  /** Opens the popover and returns the link once it is made. */
  async link(): Promise<string> {
    if ((await this.button.getAttribute('aria-expanded')) !== 'true') await this.button.click();
    await expect(this.url).toHaveValue(/#s=1\./);
    return this.url.inputValue();
  }
  copy = () => this.dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  status = () => this.dialog.getByRole('status');
  close = () => this.page.keyboard.press('Escape');
}

export class ExportMenu {
  readonly button: Locator;
  readonly menu: Locator;
  constructor(private readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Export', exact: true });
    this.menu = page.getByRole('menu', { name: 'Export' });
  }
  async open(): Promise<void> {
    if ((await this.button.getAttribute('aria-expanded')) !== 'true') await this.button.click();
    await expect(this.menu).toBeVisible();
  }
  item = (id: string) => this.page.getByTestId(`export-${id}`);
  /** Picks an item and returns the file it downloads. */
  async download(id: string): Promise<{ name: string; bytes: Buffer }> {
    await this.open();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.item(id).click()]);
    return readDownload(download);
  }
}

export async function readDownload(download: Download): Promise<{ name: string; bytes: Buffer }> {
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

export class SharePage {
  readonly share: SharePopover;
  readonly exports: ExportMenu;
  readonly saveButton: Locator;
  readonly newButton: Locator;
  constructor(readonly page: Page) {
    this.share = new SharePopover(page);
    this.exports = new ExportMenu(page);
    this.saveButton = page.getByRole('button', { name: 'Save scenario', exact: true });
    this.newButton = page.getByRole('button', { name: 'New scenario', exact: true });
  }

  async save(): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.saveButton.click()]);
    return readDownload(download);
  }

  /** Plays at max speed to the end and returns the report's digest. */
  async runToEnd(): Promise<string> {
    await this.page.getByRole('button', { name: 'Speed max', exact: true }).click();
    const play = this.page.getByRole('button', { name: 'Play', exact: true });
    if (await play.isVisible()) await play.click();
    const digest = this.page.getByTestId('digest');
    await expect(digest).toBeVisible({ timeout: 120_000 });
    return (await digest.textContent())!.trim();
  }

  /** Waits until a scenario is loaded and drawn (as AppPage.open does, for any URL). */
  async waitLoaded(name: string | RegExp): Promise<void> {
    await expect(this.page.getByTestId('scenario-name')).toHaveText(name);
    await expect.poll(() => this.page.evaluate(() => (window as unknown as { __microcosm: { rendererName: string | null } }).__microcosm.rendererName)).not.toBeNull();
  }

  /** A new page of the same browser that records console errors and page errors, like the fixture. */
  static async newPage(from: Page): Promise<{ page: SharePage; problems: string[] }> {
    const page = await from.context().newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    return { page: new SharePage(page), problems };
  }
}
