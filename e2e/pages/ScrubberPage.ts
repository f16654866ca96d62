/**
 * Page object for the time scrubber under the canvas and its fork tools:
 * drag the thumb to a simulated time as a hand would, use its keys, read
 * what it shows.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class Scrubber {
  readonly root: Locator;
  readonly track: Locator;
  readonly thumb: Locator;
  readonly forkBadge: Locator;
  readonly compare: Locator;
  readonly backToOriginal: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId('scrubber');
    this.track = page.getByTestId('scrub-track');
    this.thumb = page.getByRole('slider', { name: /^Simulated time/ });
    this.forkBadge = page.getByTestId('fork-badge');
    this.compare = page.getByRole('button', { name: 'Compare with original' });
    this.backToOriginal = page.getByRole('button', { name: 'Back to original' });
  }

  async durationMs(): Promise<number> {
    return Number(await this.track.getAttribute('data-duration-ms'));
  }

  /** How far the run has been simulated (the furthest time the thumb can go). */
  async reachMs(): Promise<number> {
    return Number(await this.track.getAttribute('data-reach-ms'));
  }

  /** The x (viewport px) of simulated time `ms` on the track. */
  private async xOf(ms: number): Promise<{ x: number; y: number }> {
    const box = (await this.track.boundingBox())!;
    const duration = await this.durationMs();
    return { x: box.x + (box.width * ms) / duration, y: box.y + box.height / 2 };
  }

  /** Press on the thumb and drag it to `ms` in small steps, then release; waits until the worker has landed there. */
  async dragTo(ms: number): Promise<void> {
    const thumb = (await this.thumb.boundingBox())!;
    const to = await this.xOf(ms);
    await this.page.mouse.move(thumb.x + thumb.width / 2, thumb.y + thumb.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 12 });
    await this.page.mouse.up();
    await this.settled();
  }

  /** Until no seek is in flight. */
  async settled(): Promise<void> {
    await expect(this.root.getByRole('status')).toHaveCount(0, { timeout: 20_000 });
  }

  async valueNow(): Promise<number> {
    return Number(await this.thumb.getAttribute('aria-valuenow'));
  }
}
