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

type Rect = { x: number; y: number; w: number; h: number };

export class Topology {
  readonly canvas: Locator;
  constructor(private readonly page: Page) {
    this.canvas = page.getByTestId('topology').locator('canvas');
  }
  private async rect(fn: 'nodeRect' | 'cellRect', service: string, i = 0): Promise<Rect> {
    let r: Rect | null = null;
    await expect.poll(async () => {
      r = await this.page.evaluate(([f, s, n]) => {
        const h = (window as unknown as { __microcosm: Record<string, (s: string, i: number) => Rect | null> }).__microcosm;
        return h[f](s, n);
      }, [fn, service, i] as const);
      return r !== null;
    }, { message: `${service} is drawn on the canvas` }).toBe(true);
    return r!;
  }
  /** Click a service node on the canvas, as a user would (pixi does the hit test). */
  async clickService(service: string): Promise<void> {
    const r = await this.rect('nodeRect', service);
    // The title row, clear of the instance cells.
    await this.page.mouse.click(r.x + r.w * 0.6, r.y + r.h * 0.1);
  }
  /** Where a service node is drawn now (viewport px). */
  nodeRect(service: string): Promise<Rect> {
    return this.rect('nodeRect', service);
  }
  /** Drag a service node by its title row, by (dx, dy) px, in small steps as a hand would. */
  async dragService(service: string, dx: number, dy: number): Promise<void> {
    const r = await this.rect('nodeRect', service);
    const x = r.x + r.w * 0.6, y = r.y + r.h * 0.1;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 8 });
    await this.page.mouse.up();
  }
  /** Wheel over the canvas centre: negative deltaY zooms in. */
  async wheel(deltaY: number): Promise<void> {
    const b = (await this.canvas.boundingBox())!;
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await this.page.mouse.wheel(0, deltaY);
  }
  zoomButton = (name: 'Zoom in' | 'Zoom out' | 'Fit to view') => this.page.getByRole('button', { name, exact: true });
  /** Click one instance cell of a service on the canvas. */
  async clickInstance(service: string, i: number): Promise<void> {
    const r = await this.rect('cellRect', service, i);
    await this.page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  }

  /** The canvas' own pixel at device px (x, y): the renderer's background there, in a corner. */
  async pixel(x: number, y: number): Promise<[number, number, number]> {
    return (await this.readPixels({ x, y })) as [number, number, number];
  }

  /** Counts pixels unlike the background, and bright "ready" green ones. */
  async pixelStats(): Promise<{ width: number; height: number; nonBackground: number; readyGreen: number; colours: number }> {
    return (await this.readPixels(null)) as { width: number; height: number; nonBackground: number; readyGreen: number; colours: number };
  }

  /** Copies the pixi canvas into a 2D canvas (it may be WebGL) and reads one pixel, or counts them all, in the page. */
  private readPixels(at: { x: number; y: number } | null): Promise<unknown> {
    return this.canvas.evaluate((el, at) => {
      const src = el as HTMLCanvasElement;
      const c = document.createElement('canvas');
      c.width = src.width;
      c.height = src.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(src, 0, 0);
      if (at) {
        const d = ctx.getImageData(at.x, at.y, 1, 1).data;
        return [d[0], d[1], d[2]];
      }
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
    }, at);
  }
}

export class Charts {
  readonly panel: Locator;
  readonly throughput: Locator;
  readonly latency: Locator;
  readonly errorShare: Locator;
  readonly utilisation: Locator;
  /** What the charts show: All routes, a route, a service or a call (the panel header's select). */
  readonly scope: Locator;
  constructor(page: Page) {
    this.panel = page.getByRole('region', { name: 'Charts' });
    this.throughput = page.getByTestId('throughput-chart');
    this.latency = page.getByTestId('latency-chart');
    this.errorShare = page.getByTestId('errors-chart');
    this.utilisation = page.getByTestId('utilisation-chart');
    this.scope = page.getByRole('combobox', { name: 'Chart scope' });
  }
  /** Pick a scope by its option label ('All routes', a service's label, 'front → back'…). */
  pickScope = (label: string) => this.scope.selectOption({ label });
  /** A chart's title (its tooltip says what the figure is). */
  title = (kind: 'throughput' | 'errors' | 'latency' | 'utilisation') => this.panel.getByTestId(`${kind}-title`);
  /** The main line's last value as drawn (utilisation and error share in %, latency p99 in ms); NaN when none. */
  async last(chart: Locator): Promise<number> {
    const v = await chart.getAttribute('data-last');
    return v ? Number(v) : NaN;
  }
  async points(chart: Locator): Promise<number> {
    return Number((await chart.getAttribute('data-points')) ?? 0);
  }
  /** Errors per second in the throughput chart's last interval (what its red area ends at). */
  async errorsLast(): Promise<number> {
    return Number((await this.throughput.getAttribute('data-errors-last')) ?? 0);
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

export class Inspector {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Inspector' });
  }
  /** The keyboard path: pick the service in the inspector's own select. */
  choose = (service: string) => this.root.getByRole('combobox', { name: 'Service' }).selectOption(service);
  duration = (label: '10s' | '30s' | '60s' | 'until end') => this.root.getByRole('group', { name: 'Duration' }).getByRole('button', { name: label, exact: true }).click();
  kill = (count: 1 | 'all') => this.root.getByRole('button', { name: count === 1 ? 'Kill 1' : 'Kill all', exact: true }).click();
  /** Kill the instance picked on the canvas. */
  killPicked = () => this.root.getByTestId('kill-picked').click();
  replicas = () => this.root.getByTestId('replicas');
  scale = (dir: 'up' | 'down') => this.root.getByRole('button', { name: dir === 'up' ? 'Add a replica' : 'Remove a replica' }).click();
  states = () => this.root.getByTestId('instance-states');
  async latency(ms: number): Promise<void> {
    await this.root.getByRole('spinbutton', { name: 'Added latency, ms' }).fill(String(ms));
    await this.root.getByRole('button', { name: 'Add latency' }).click();
  }
  async errors(percent: number): Promise<void> {
    await this.root.getByRole('spinbutton', { name: 'Error share, %' }).fill(String(percent));
    await this.root.getByRole('button', { name: 'Inject errors' }).click();
  }
  async slow(factor: number): Promise<void> {
    await this.root.getByRole('spinbutton', { name: 'CPU slow-down factor' }).fill(String(factor));
    await this.root.getByRole('button', { name: 'Slow CPU' }).click();
  }
  async partition(from: string): Promise<void> {
    await this.root.getByRole('combobox', { name: 'Partition from' }).selectOption(from);
    await this.root.getByRole('button', { name: 'Partition', exact: true }).click();
  }
  /** The breaker summary of a call (`data-open`, `data-half-open`, `data-closed`). */
  breakers = (from: string, to: string) => this.root.getByTestId(`breakers-${from}-${to}`);
}

export class FaultsPanel {
  readonly root: Locator;
  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Faults' });
  }
  /** Active faults (not pending ones), optionally of one kind. */
  items = (kind?: string) => this.root.locator(kind ? `li.fault[data-kind="${kind}"]` : 'li.fault:not(.pending)');
  pending = () => this.root.locator('li.fault.pending');
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
  readonly inspector: Inspector;
  readonly faults: FaultsPanel;
  constructor(readonly page: Page) {
    this.inspector = new Inspector(page);
    this.faults = new FaultsPanel(page);
    this.topBar = new TopBar(page);
    this.topology = new Topology(page);
    this.charts = new Charts(page);
    this.load = new LoadPanel(page);
    this.errors = new ErrorsView(page);
  }

  /** Opens the page and waits until the default scenario is loaded and drawn. */
  async open(): Promise<void> {
    await this.page.goto('/');
    // A first load (worker, software WebGL) takes several seconds on a busy machine.
    await expect(this.page.getByTestId('scenario-name')).not.toHaveText('Microcosm', { timeout: 30_000 });
    await expect.poll(() => this.hook<string | null>('rendererName')).not.toBeNull();
  }

  hook<T>(name: string): Promise<T> {
    return this.page.evaluate((n) => (window as unknown as { __microcosm: Record<string, unknown> }).__microcosm[n] as T, name);
  }

  /** Breaker counts of a call edge in the last snapshot the page got. */
  breakers(from: string, to: string): Promise<{ closed: number; open: number; halfOpen: number } | null> {
    return this.page.evaluate(([a, b]) => (window as unknown as { __microcosm: { breakers(a: string, b: string): { closed: number; open: number; halfOpen: number } | null } }).__microcosm.breakers(a, b), [from, to]);
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
