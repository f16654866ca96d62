/** Page objects for the views under the canvas (charts, event log, traces), the help and the About dialog. */
import type { Locator, Page } from '@playwright/test';

export class Observe {
  readonly log: Locator;
  readonly traces: Locator;
  constructor(private readonly page: Page) {
    this.log = page.getByRole('region', { name: 'Event log' });
    this.traces = page.getByRole('region', { name: 'Traces' });
  }
  tab = (name: 'Charts' | 'Event log' | 'Traces') => this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  entries = (kind?: string) => this.log.locator(kind ? `li.log-entry[data-kind="${kind}"]` : 'li.log-entry');
  filterService = (service: string) => this.log.getByRole('combobox', { name: 'Log service filter' }).selectOption(service);
  filterText = (text: string) => this.log.getByRole('searchbox', { name: 'Log text filter' }).fill(text);
  waterfall = () => this.traces.getByTestId('waterfall');
  expectations = () => this.page.getByTestId('live-expectations').locator('li');
}
