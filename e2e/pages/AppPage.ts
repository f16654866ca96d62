/**
 * Page objects for the Microcosm page: read like a user's session
 * (`app.topBar.play()`, `app.load.set('browse', 600)`), and hide selectors.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class TopBar {
  readonly scenario: Locator;
  readonly fileInput: Locator;
  readonly clock: Locator;
  constructor(private readonly page: Page) {
    this.scenario = page.getByRole('combobox', { name: 'Scenario' });
    this.fileInput = page.getByTestId('open-file-input');
    this.clock = page.getByTestId('sim-clock');
  }
  /** Play, and wait until the worker says it runs (or already finished). */
  async play(): Promise<void> {
    await this.page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(this.page.getByRole('button', { name: /^(Pause|Restart)$/ })).toBeVisible();
  }
  /** Pause, and wait until the worker says it paused: the clock no longer moves after this. */
  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(this.page.getByRole('button', { name: /^(Play|Restart)$/ })).toBeVisible();
  }
  step = () => this.page.getByRole('button', { name: 'Step 1 second' }).click();
  speed = (s: '1×' | '10×' | '100×' | 'max') => this.page.getByRole('button', { name: `Speed ${s}`, exact: true }).click();
  async simTimeMs(): Promise<number> {
    return Number(await this.clock.getAttribute('data-ms'));
  }
  async openFile(name: string, text: string): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text, 'utf8') });
  }
}

export class Topology {
  readonly canvas: Locator;
  constructor(page: Page) {
    this.canvas = page.getByTestId('topology').locator('canvas');
  }
  /** Copies the pixi canvas into a 2D canvas and counts pixels unlike the background, and bright "ready" green ones. */
  async pixelStats(): Promise<{ width: number; height: number; nonBackground: number; readyGreen: number; colours: number }> {
    return this.canvas.evaluate((el) => {
      const src = el as HTMLCanvasElement;
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(src, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const bg = [data[0], data[1], data[2]];
      let nonBackground = 0, readyGreen = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i], g = data[i + 1], b = data[i + 2];
        if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 24) nonBackground++;
        if (Math.abs(r - 0x3d) < 20 && Math.abs(g - 0xdc) < 20 && Math.abs(b - 0x97) < 20) readyGreen++;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      }
      return { width: c.width, height: c.height, nonBackground, readyGreen, colours: colours.size };
    });
  }
}

export class Charts {
  readonly throughput: Locator;
  readonly latency: Locator;
  constructor(page: Page) {
    this.throughput = page.getByTestId('throughput-chart');
    this.latency = page.getByTestId('latency-chart');
  }
  async points(chart: Locator): Promise<number> {
    return Number((await chart.getAttribute('data-points')) ?? 0);
  }
  async pathData(chart: Locator): Promise<string> {
    return (await chart.locator('path.line').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '').join('|')));
  }
}

export class LoadPanel {
  constructor(private readonly page: Page) {}
  slider = (workload: string) => this.page.getByRole('slider', { name: `Load for ${workload}` });
  async set(workload: string, perSec: number): Promise<void> {
    await this.slider(workload).fill(String(perSec));
  }
  value = (workload: string) => this.page.getByTestId(`load-value-${workload}`);
  recorded = () => this.page.getByTestId('recorded-list').locator('li');
}

export class ErrorsView {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByRole('alert', { name: 'Scenario errors' });
  }
  items = () => this.root.getByTestId('error-list').locator('li');
  back = () => this.root.getByRole('button', { name: /^← Back to/ }).click();
}

export class AppPage {
  readonly topBar: TopBar;
  readonly topology: Topology;
  readonly charts: Charts;
  readonly load: LoadPanel;
  readonly errors: ErrorsView;
  constructor(readonly page: Page) {
    this.topBar = new TopBar(page);
    this.topology = new Topology(page);
    this.charts = new Charts(page);
    this.load = new LoadPanel(page);
    this.errors = new ErrorsView(page);
  }

  /** Opens the page and waits until the default scenario is loaded and drawn. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('scenario-name')).not.toHaveText('Microcosm');
    await expect.poll(() => this.hook<string | null>('rendererName')).not.toBeNull();
  }

  hook<T>(name: string): Promise<T> {
    return this.page.evaluate((n) => (window as unknown as { __microcosm: Record<string, unknown> }).__microcosm[n] as T, name);
  }

  throughput(fromMs: number, toMs: number): Promise<number> {
    return this.page.evaluate(([a, b]) => (window as unknown as { __microcosm: { throughput(a: number, b: number): number } }).__microcosm.throughput(a, b), [fromMs, toMs]);
  }

  /** Runs until simulated time reaches `ms`, then pauses. */
  async runUntil(ms: number, speed: '10×' | '100×' | 'max' = '10×'): Promise<number> {
    await this.topBar.speed(speed);
    await this.topBar.play();
    await expect.poll(() => this.topBar.simTimeMs(), { timeout: 30_000, intervals: [50] }).toBeGreaterThanOrEqual(ms);
    await this.topBar.pause();
    return this.topBar.simTimeMs();
  }

  screenshot(name: string): Promise<Buffer> {
    return this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
