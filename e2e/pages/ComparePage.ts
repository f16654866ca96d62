/**
 * Page object of the compare view: open it from the top bar's Compare…
 * picker, wait for both runs, read each column and the table of differences.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type Side = 'left' | 'right';

export class ComparePage {
  readonly button: Locator;
  readonly picker: Locator;
  readonly view: Locator;
  readonly table: Locator;
  readonly seed: Locator;
  constructor(private readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Compare…' });
    this.picker = page.getByRole('dialog', { name: 'Compare two designs' });
    this.view = page.getByTestId('compare-view');
    this.table = page.getByTestId('compare-table');
    this.seed = page.getByTestId('compare-seed');
  }

  pick = (side: Side) => this.picker.getByRole('combobox', { name: side === 'left' ? 'Left design' : 'Right design' });

  async openPicker(): Promise<void> {
    await this.button.click();
    await expect(this.picker).toBeVisible();
  }

  /** Picks the sides (catalog keys, or '@running'; unchanged when omitted) and opens the view. */
  async compare(left?: string, right?: string): Promise<void> {
    if (left) await this.pick('left').selectOption(left);
    if (right) await this.pick('right').selectOption(right);
    await this.picker.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect(this.view).toBeVisible();
  }

  column = (side: Side) => this.page.getByTestId(`compare-${side}`);
  status = (side: Side) => this.column(side).getAttribute('data-status');
  digest = (side: Side) => this.page.getByTestId(`compare-${side}-digest`);
  errors = (side: Side) => this.page.getByTestId(`compare-${side}-errors`).locator('li');
  chart = (side: Side, metric: 'throughput' | 'p99' | 'failedShare') => this.page.getByTestId(`compare-${side}-${metric}`);
  architecture = (side: Side) => this.page.getByTestId(`compare-${side}-architecture`);
  expectations = (side: Side) => this.page.getByTestId(`compare-${side}-expectations`);
  progress = (side: Side) => this.column(side).getByRole('progressbar');
  row = (kind: 'route' | 'service', name: string, figure: string) => this.page.getByTestId(`delta-${kind}-${name}-${figure}`);

  /** The words of a side's architecture (the text of the <img>'s SVG). */
  diagramText = (side: Side) => this.architecture(side).evaluate((img) => new DOMParser().parseFromString(
    decodeURIComponent((img as HTMLImageElement).src.replace(/^data:image\/svg\+xml;charset=utf-8,/, '')), 'image/svg+xml').documentElement.textContent ?? '');

  /**
   * The heights of a side's node label lines as the column shows them, px: the
   * <img>'s SVG laid out off-screen at the size the <img> is drawn (an <img>'s
   * own text cannot be measured), each line's getBoundingClientRect.
   */
  diagramLabelHeights = (side: Side) => this.architecture(side).evaluate((el) => {
    const img = el as HTMLImageElement;
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;left:-10000px;top:0;';
    host.innerHTML = decodeURIComponent(img.src.replace(/^data:image\/svg\+xml;charset=utf-8,/, '')).replace(/^<\?xml[^>]*>/, '');
    document.body.appendChild(host);
    const svg = host.querySelector('svg')!;
    const box = img.getBoundingClientRect();
    svg.setAttribute('width', String(box.width));
    svg.setAttribute('height', String(box.height));
    const heights = [...svg.querySelectorAll('g.node text > tspan')].map((t) => t.getBoundingClientRect().height);
    host.remove();
    return heights;
  });

  /** Each line of a side's chart: its route, its stroke attribute and the colour the browser draws it in. */
  lineColours = (side: Side, metric: 'throughput' | 'p99' | 'failedShare') => this.chart(side, metric).locator('path[data-route]').evaluateAll((paths) =>
    paths.map((p) => ({ route: p.getAttribute('data-route')!, stroke: p.getAttribute('stroke')!, drawn: getComputedStyle(p).stroke })));

  /** A theme variable's colour now, as the browser computes it (rgb(…)). */
  themeColour = (name: string) => this.page.evaluate((n) => {
    const probe = document.createElement('i');
    probe.style.color = `var(${n})`;
    document.body.appendChild(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  }, name);

  /** Waits until both sides are over and returns their statuses. */
  async waitForBoth(timeout = 120_000): Promise<[string | null, string | null]> {
    const over = /^(done|invalid|failed|cancelled)$/;
    await expect(this.column('left')).toHaveAttribute('data-status', over, { timeout });
    await expect(this.column('right')).toHaveAttribute('data-status', over, { timeout });
    return [await this.status('left'), await this.status('right')];
  }

  /** Every row of the table with its numbers (data-left, data-right, data-delta; NaN when missing). */
  rows(): Promise<{ id: string; left: number; right: number; delta: number; verdict: string; text: string }[]> {
    return this.table.locator('tr[data-testid]').evaluateAll((trs) => trs.map((tr) => {
      const n = (a: string) => { const v = tr.getAttribute(a); return v === null || v === '' ? NaN : Number(v); };
      return {
        id: tr.getAttribute('data-testid')!, left: n('data-left'), right: n('data-right'), delta: n('data-delta'),
        verdict: tr.getAttribute('data-verdict') ?? '', text: (tr.querySelector('td.delta')?.textContent ?? '').trim(),
      };
    }));
  }

  async download(what: 'svg' | 'png' | 'json' | 'csv'): Promise<Download> {
    const wait = this.page.waitForEvent('download');
    await this.page.getByTestId(`compare-export-${what}`).click();
    return wait;
  }

  close = () => this.page.getByRole('button', { name: 'Close compare' }).click();
  cancel = () => this.view.getByRole('button', { name: 'Cancel', exact: true }).click();
}
