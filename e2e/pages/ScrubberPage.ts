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
  /** "re-simulating…" while a seek runs, with "42 %" once a long one reports. */
  readonly status: Locator;
  /** The line under the track: a long seek's way (from where its re-simulation started to the target), filled as far as it got. */
  readonly progress: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByTestId('scrubber');
    this.track = page.getByTestId('scrub-track');
    this.thumb = page.getByRole('slider', { name: /^Simulated time/ });
    this.forkBadge = page.getByTestId('fork-badge');
    this.compare = page.getByRole('button', { name: 'Compare with original' });
    this.backToOriginal = page.getByRole('button', { name: 'Back to original' });
    this.status = this.root.getByRole('status');
    this.progress = page.getByTestId('seek-progress');
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

  /**
   * Watches the status in the page until the seek lands (or `timeoutMs`):
   * every percentage it showed, in order, with the line's left end (% of the track) and its fill (% of the line).
   */
  watchProgress(timeoutMs = 30_000): Promise<{ percent: number; left: number; filled: number }[]> {
    return this.page.evaluate((limit) => new Promise((resolve) => {
      const seen: { percent: number; left: number; filled: number }[] = [];
      const start = performance.now();
      const tick = () => {
        const status = document.querySelector('[data-testid="scrubber"] [role="status"]');
        if (!status || performance.now() - start > limit) return resolve(seen);
        const p = status.getAttribute('data-percent');
        const bar = document.querySelector<HTMLElement>('[data-testid="seek-progress"]');
        const fill = document.querySelector<HTMLElement>('[data-testid="seek-progress-fill"]');
        if (p !== null && (seen.length === 0 || seen[seen.length - 1].percent !== Number(p))) {
          seen.push({ percent: Number(p), left: bar ? parseFloat(bar.style.left) : NaN, filled: fill ? parseFloat(fill.style.width) : NaN });
        }
        setTimeout(tick, 20);
      };
      tick();
    }), timeoutMs);
  }

  async valueNow(): Promise<number> {
    return Number(await this.thumb.getAttribute('aria-valuenow'));
  }
}
