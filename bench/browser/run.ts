/**
 * Browser speed benchmark (`npm run bench:browser`): the app against a bare
 * pixi.js reference scene with the same counts of nodes, edges and dots, in
 * the same headless Chromium, alternated (app, reference, app at max, …) so a
 * noisy neighbour slows both alike. Headless Chromium renders WebGL in
 * software (SwiftShader), so absolute fps says little; the ratio app /
 * reference within one run is the figure. Also: main-thread JS per frame
 * (CDP Performance metrics), long tasks, the worker's simulation speed at
 * "max", and page + worker heap after forced GCs over a 30-minute simulated
 * run. Prints a Markdown table and writes it to test-results/bench-browser.md.
 *
 * Options: --rounds N (3), --seconds S (10, per measuring window),
 * --skip-build (reuse dist-bench/), --no-profile, --no-memory,
 * --minutes M (30: the memory run's simulated length; the max windows run 2M),
 * --diagnose (the app again with parts of the page hidden, to see which part
 * costs the frames), --renderer webgl|canvas (the app's `?renderer=` override;
 * by default the app picks, see src/render/rendererChoice.ts). The reference
 * always draws with the renderer the app reported. --angle: composite through
 * SwiftShader too (see CHROMIUM_ARGS). CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { byProcess, cpuDelta, cpuSnapshot } from './procstat';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const outApp = join(repo, 'dist-bench/app');
const outRef = join(repo, 'dist-bench/reference');
const reportPath = join(repo, 'test-results/bench-browser.md');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The project's headless flags. Chromium then composites the page in
 * software, as it does on a machine without a GPU, and still offers WebGL
 * through SwiftShader. `--angle` adds `--use-angle=swiftshader
 * --enable-unsafe-swiftshader` (the e2e suite's set), which also composites
 * the page through SwiftShader in the GPU process: every frame then redraws
 * the whole 1280×800 page in software GL, which no browser does by itself.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ...(process.argv.includes('--angle') ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : []),
];
const VIEWPORT = { width: 1280, height: 800 };

const argv = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && Number.isFinite(Number(argv[i + 1])) ? Number(argv[i + 1]) : d;
};
const flag = (name: string) => argv.includes(`--${name}`);
const RENDERER = (() => {
  const i = argv.indexOf('--renderer');
  const v = i >= 0 ? argv[i + 1] : null;
  return v === 'webgl' || v === 'canvas' ? v : null;
})();
const ROUNDS = opt('rounds', 3);
const WINDOW_MS = opt('seconds', 10) * 1000;
/** Wall time after Play (and the sliders) before a window opens: queues fill, dots start flowing. */
const WARMUP_MS = 3000;
/** Memory run: simulated duration and the sampling step. */
const LONG_MIN = opt('minutes', 30);
/** Memory run: a paused, settled heap reading every this many simulated minutes. */
const SAMPLE_EVERY_MIN = 3;

export const targets = {
  fpsRatio: 0.9,
  scriptMsPerFrame: 4,
  longTaskMs: 50,
  simSpeed: 100,
} as const;

// ---- small helpers ---------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function spread(xs: number[]): string {
  if (!xs.length) return '–';
  return `${Math.min(...xs).toFixed(xs[0] < 10 ? 2 : 1)}–${Math.max(...xs).toFixed(xs[0] < 10 ? 2 : 1)}`;
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms); });
  try {
    return await Promise.race([p, t]);
  } finally {
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

const log = (s: string) => process.stdout.write(`${s}\n`);

// ---- build and serve ---------------------------------------------------------------

async function buildAll(): Promise<void> {
  const t0 = performance.now();
  // The app exactly as shipped (hidden source maps only: same code, and the profile can name functions).
  await build({ configFile: join(repo, 'vite.config.ts'), root: repo, logLevel: 'warn', build: { outDir: outApp, emptyOutDir: true, sourcemap: 'hidden' } });
  await build({ configFile: join(here, 'vite.config.ts'), logLevel: 'warn', build: { outDir: outRef, emptyOutDir: true } });
  log(`built app and reference in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function serve(configFile: string, root: string, outDir: string): Promise<{ server: PreviewServer; url: string }> {
  const port = await freePort();
  const server = await preview({ configFile, root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return { server, url: `http://127.0.0.1:${port}` };
}

// ---- what a window measures ----------------------------------------------------------

/** What probe.js returns from `__bench.stop()`. */
interface ProbeWindow {
  wallMs: number; frames: number; fps: number;
  frameP50: number; frameP95: number; frameMax: number;
  longTasks: number; longTaskMax: number; longTasksSinceMark: number; longTaskMaxSinceMark: number; hasLongTask: boolean;
  loafs: number; loafMax: number; loafScripts: [string, number][];
  dotsMean: number; dotsMin: number; dotsMax: number;
  simMs: number; simRateMean: number; nodes: number; edges: number;
}

interface Measured extends ProbeWindow {
  /** CDP Performance metrics over the window, ms per rAF frame. */
  scriptMsPerFrame: number;
  taskMsPerFrame: number;
  layoutStyleMsPerFrame: number;
  /** Main-thread busy share of wall time (TaskDuration / wall). */
  mainBusy: number;
  /** Chromium's CPU by process type and by "process / thread", ms per frame (from /proc; empty elsewhere). */
  cpuByProcess: Record<string, number>;
  cpuByThread: [string, number][];
  /** CPU of all Chromium processes over wall time (2.0 = both cores of a 2-core machine). */
  cpuCores: number;
  /** CPU of the simulation worker's thread over the window, ms (0 when /proc is not readable). */
  workerCpuMs: number;
  canvas: { w: number; h: number };
  renderer: string;
  /** Workload clients on the canvas (the Load panel's workloads). */
  clients: number;
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const r = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(r.metrics.map((m) => [m.name, m.value]));
}

/** Opens a window, waits, closes it: probe figures plus CDP main-thread time per frame. */
async function measureWindow(page: Page, cdp: CDPSession): Promise<Omit<Measured, 'canvas' | 'renderer' | 'clients'>> {
  const m0 = await metrics(cdp);
  const c0 = cpuSnapshot();
  await page.evaluate('window.__bench.start()');
  await sleep(WINDOW_MS);
  const w = (await page.evaluate('window.__bench.stop()')) as ProbeWindow;
  const c1 = cpuSnapshot();
  const m1 = await metrics(cdp);
  const wallS = m1.Timestamp - m0.Timestamp;
  const frames = Math.max(1, w.fps * wallS);
  const d = (k: string) => ((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000;
  return {
    ...w,
    scriptMsPerFrame: d('ScriptDuration') / frames,
    taskMsPerFrame: d('TaskDuration') / frames,
    layoutStyleMsPerFrame: (d('LayoutDuration') + d('RecalcStyleDuration')) / frames,
    mainBusy: d('TaskDuration') / (wallS * 1000),
    ...cpuFigures(cpuDelta(c0, c1), frames, wallS),
  };
}

function cpuFigures(delta: Map<string, number>, frames: number, wallS: number): Pick<Measured, 'cpuByProcess' | 'cpuByThread' | 'cpuCores' | 'workerCpuMs'> {
  const perFrame = (sec: number) => (sec * 1000) / frames;
  let total = 0, worker = 0;
  for (const [k, v] of delta) {
    total += v;
    if (k.endsWith('/ DedicatedWorker')) worker += v;
  }
  return {
    workerCpuMs: worker * 1000,
    cpuByProcess: Object.fromEntries([...byProcess(delta)].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, perFrame(v)])),
    cpuByThread: [...delta].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => [k, perFrame(v)]),
    cpuCores: total / wallS,
  };
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  await page.addInitScript({ content: readFileSync(join(here, 'probe.js'), 'utf8') });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  return { context, page, cdp, errors };
}

// ---- the app ----------------------------------------------------------------------------

type Speed = '10×' | 'max';

/** --diagnose: the app at 10× with parts of the page hidden. */
const ONLY_CANVAS = '.topbar, .chart-panel, .side, .canvas-panel > :not([data-testid="topology"]) { visibility: hidden !important; }';
type CanvasKind = 'text' | 'bitmapText' | 'graphics' | 'dots';
const DIAGNOSE: [string, string, CanvasKind[]?][] = [
  ['whole page', ''],
  ['charts hidden', '.chart-panel { visibility: hidden !important; }'],
  ['side panels hidden', '.side { visibility: hidden !important; }'],
  ['only the canvas shown', '.topbar, .chart-panel, .side, .canvas-panel > :not([data-testid="topology"]) { visibility: hidden !important; }'],
  ['canvas hidden', '[data-testid="topology"] canvas { visibility: hidden !important; }'],
  // Only the canvas, with kinds of pixi objects hidden: which of them the software GPU spends its time on.
  ['only the canvas, no texts', ONLY_CANVAS, ['text', 'bitmapText']],
  ['only the canvas, no Graphics', ONLY_CANVAS, ['graphics']],
  ['only the canvas, no dots', ONLY_CANVAS, ['dots']],
  ['only the canvas, nothing drawn on it', ONLY_CANVAS, ['text', 'bitmapText', 'graphics', 'dots']],
];

/** shop.yaml with a longer duration (so "max" and the memory run do not end within seconds). */
function longShop(minutes: number): { name: string; text: string } {
  const src = readFileSync(join(repo, 'scenarios/shop.yaml'), 'utf8');
  const name = `Shop — ${minutes} min (bench)`;
  const text = src.replace(/^name: .*$/m, `name: ${name}`).replace(/^duration: .*$/m, `duration: ${minutes}m`);
  if (!text.includes(`duration: ${minutes}m`)) throw new Error('scenarios/shop.yaml has no top-level `duration:` line to replace');
  return { name, text };
}

/** Opens the app (on shop.yaml, or on the long variant), pushes every load slider to its max, sets the speed, plays. */
async function startApp(page: Page, appUrl: string, speed: Speed, long: { name: string; text: string } | null): Promise<void> {
  await page.goto(appUrl);
  await page.waitForFunction('window.__microcosm && window.__microcosm.rendererName && window.__microcosm.scenarioName', null, { timeout: 60_000 });
  const defaultName = (await page.evaluate('window.__microcosm.scenarioName')) as string;
  if (!long && !/^Shop/.test(defaultName)) throw new Error(`the default scenario is "${defaultName}", expected scenarios/shop.yaml`);
  if (long) {
    await page.locator('input[aria-label="Scenario file"]').setInputFiles({ name: 'shop-bench.yaml', mimeType: 'application/yaml', buffer: Buffer.from(long.text, 'utf8') });
    await page.waitForFunction(`window.__microcosm.scenarioName === ${JSON.stringify(long.name)}`, null, { timeout: 30_000 });
  }
  await pushSliders(page);
  await page.getByRole('button', { name: `Speed ${speed}`, exact: true }).click();
  await page.evaluate('window.__bench.mark()');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction('window.__microcosm.playing', null, { timeout: 10_000 });
}

/** Every load slider to its max; waits until the worker recorded each change (so the load really is applied). */
async function pushSliders(page: Page): Promise<void> {
  const sliders = page.locator('input[type="range"][aria-label^="Load for "]');
  const n = await sliders.count();
  if (n === 0) throw new Error('no load sliders found (aria-label "Load for …")');
  const before = (await page.evaluate('window.__microcosm.recorded.length')) as number;
  for (let i = 0; i < n; i++) {
    const s = sliders.nth(i);
    await s.fill((await s.getAttribute('max')) ?? '0');
  }
  await page.waitForFunction(`window.__microcosm.recorded.length >= ${before + n}`, null, { timeout: 10_000 });
}

async function canvasInfo(page: Page): Promise<{ w: number; h: number }> {
  return (await page.evaluate(`(() => { const c = document.querySelector('[data-testid="topology"] canvas') || document.querySelector('canvas'); return c ? { w: c.clientWidth, h: c.clientHeight } : { w: 0, h: 0 }; })()`)) as { w: number; h: number };
}

async function measureApp(
  browser: Browser, appUrl: string, speed: Speed, long: { name: string; text: string } | null, profile = false, css = '', hide: CanvasKind[] = [],
): Promise<Measured & { profile?: Profile }> {
  const { context, page, cdp, errors } = await newPage(browser);
  try {
    await startApp(page, appUrl, speed, long);
    if (css) await page.addStyleTag({ content: css });
    if (hide.length) {
      // Once the edges' labels exist (they are made on the first snapshots), so they are hidden too.
      await sleep(500);
      await page.evaluate((k) => (window as unknown as { __microcosm: { diagnoseCanvas(k: string[]): void } }).__microcosm.diagnoseCanvas(k), hide);
    }
    await sleep(WARMUP_MS);
    const failure = await page.evaluate('window.__microcosm.failure');
    if (failure) throw new Error(`the run failed: ${failure}`);
    const w = await measureWindow(page, cdp);
    if (await page.evaluate('window.__microcosm.done')) log(`  (warning: the run ended inside the window at ${speed})`);
    const canvas = await canvasInfo(page);
    const renderer = (await page.evaluate('window.__microcosm.rendererName')) as string;
    const clients = (await page.evaluate(`document.querySelectorAll('[data-testid^="workload-"]').length`)) as number;
    let prof: Profile | undefined;
    if (profile) prof = await cpuProfile(page, cdp);
    if (errors.length) log(`  page errors: ${errors.slice(0, 3).join(' | ')}`);
    return { ...w, canvas, renderer, clients, profile: prof };
  } finally {
    await context.close().catch(() => {});
  }
}

/** What the reference scene is told to draw: the app's counts, canvas size and renderer. */
type Counts = { services: number; clients: number; edges: number; dots: number; w: number; h: number; renderer: string };

async function measureReference(browser: Browser, refUrl: string, counts: Counts): Promise<Measured> {
  const { context, page, cdp } = await newPage(browser);
  try {
    const q = new URLSearchParams(Object.entries(counts).map(([k, v]) => [k, typeof v === 'number' ? String(Math.round(v)) : v]));
    await page.goto(`${refUrl}/reference.html?${q}`);
    await page.waitForFunction('window.__reference', null, { timeout: 30_000 });
    await sleep(2000);
    const w = await measureWindow(page, cdp);
    const r = (await page.evaluate('window.__reference')) as { rendererName: string; nodes: number; edges: number; dots: number };
    return { ...w, nodes: r.nodes, edges: r.edges, dotsMean: r.dots, dotsMin: r.dots, dotsMax: r.dots, canvas: { w: counts.w, h: counts.h }, renderer: r.rendererName, clients: counts.clients };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---- CPU profile of the page's main thread -------------------------------------------------

interface Profile {
  wallMs: number;
  frames: number;
  /** Self time by bucket (src/render, pixi.js, react-dom, …), ms per frame. */
  buckets: [string, number][];
  /** Top functions by self time: name, original source:line, ms per frame. */
  top: [string, string, number][];
}

interface CdpProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

type Mapper = (url: string, line: number, col: number) => { source: string; line: number; name: string | null } | null;

interface MapConsumer { originalPositionFor(p: { line: number; column: number }): { source: string | null; line: number | null; name: string | null } }
type MapConsumerClass = new (raw: string) => MapConsumer;

async function sourceMapper(): Promise<Mapper> {
  let Consumer: MapConsumerClass | null = null;
  try {
    // source-map-js comes with vite's CSS tool chain; without it the profile keeps minified names.
    const mod = (await import('source-map-js')) as unknown as { SourceMapConsumer: MapConsumerClass };
    Consumer = mod.SourceMapConsumer;
  } catch { /* no mapping */ }
  const cache = new Map<string, MapConsumer | null>();
  return (url, line, col) => {
    if (!Consumer) return null;
    const m = /\/(assets\/[^?#]+\.js)/.exec(url);
    if (!m) return null;
    let c = cache.get(m[1]);
    if (c === undefined) {
      const file = join(outApp, `${m[1]}.map`);
      c = existsSync(file) ? new Consumer(readFileSync(file, 'utf8')) : null;
      cache.set(m[1], c);
    }
    if (!c) return null;
    const p = c.originalPositionFor({ line: line + 1, column: col });
    return p.source ? { source: p.source.replace(/^(\.\.\/)+/, ''), line: p.line ?? 0, name: p.name } : null;
  };
}

function bucketOf(source: string, fn: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return '(garbage collector)';
  if (fn === '(program)') return '(program: browser work outside JS)';
  const s = source;
  if (!s) return '(native: DOM calls, builtins)';
  const src = /(?:^|\/)src\/([a-z]+)\//.exec(s);
  if (src && !s.includes('node_modules')) return `src/${src[1]}`;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
  if (nm) {
    const pkg = nm[1];
    if (pkg.startsWith('d3') || pkg === 'internmap' || pkg === 'delaunator') return 'd3';
    if (pkg.startsWith('@codemirror') || pkg.startsWith('@lezer')) return 'codemirror';
    return pkg;
  }
  return s;
}

async function cpuProfile(page: Page, cdp: CDPSession): Promise<Profile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await page.evaluate('window.__bench.start()');
  await cdp.send('Profiler.start');
  await sleep(Math.min(WINDOW_MS, 6000));
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CdpProfile };
  const w = (await page.evaluate('window.__bench.stop()')) as ProbeWindow;
  const map = await sourceMapper();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [], deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (deltas[i] ?? 0) / 1000);
  const buckets = new Map<string, number>();
  const fns = new Map<string, { where: string; ms: number }>();
  for (const [id, ms] of self) {
    const cf = byId.get(id)!.callFrame;
    const fn = cf.functionName || '(anonymous)';
    const o = cf.url ? map(cf.url, cf.lineNumber, cf.columnNumber) : null;
    const source = o?.source ?? (cf.url ? cf.url.replace(/^https?:\/\/[^/]+\//, '') : '');
    const b = bucketOf(source, cf.functionName);
    buckets.set(b, (buckets.get(b) ?? 0) + ms);
    const where = o ? `${o.source}:${o.line}` : source ? `${source}:${cf.lineNumber + 1}` : '';
    const key = `${o?.name ?? fn} @ ${where}`;
    const f = fns.get(key) ?? { where, ms: 0 };
    f.ms += ms;
    fns.set(key, f);
  }
  const frames = Math.max(1, w.frames);
  return {
    wallMs: w.wallMs,
    frames: w.frames,
    buckets: [...buckets.entries()].sort((a, b) => b[1] - a[1]).map(([k, ms]) => [k, ms / frames]),
    top: [...fns.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)
      .map(([k, v]) => [k.split(' @ ')[0], v.where, v.ms / frames]),
  };
}

// ---- memory over a 30-minute simulated run at max --------------------------------------------

interface HeapSample {
  simMin: number; wallS: number; pageMB: number; workerMB: number | null; chartPoints: number;
  /** How far the page's clock was behind when Pause was pressed (simulated min), and how long the pause took to show (wall ms). */
  lagMin?: number; pauseMs?: number;
}

/** A CDP route to the simulation worker: auto-attach (unflattened) and send it messages through the page session. */
class WorkerChannel {
  private sessionId: string | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, (r: { result?: unknown; error?: { message: string } }) => void>();
  constructor(private readonly cdp: CDPSession) {}

  async attach(): Promise<boolean> {
    this.cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker' && !this.sessionId) this.sessionId = e.sessionId;
    });
    this.cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.sessionId) return;
      const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id !== undefined) this.waiting.get(msg.id)?.(msg);
      if (msg.id !== undefined) this.waiting.delete(msg.id);
    });
    try {
      await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    } catch {
      return false;
    }
    for (let i = 0; i < 20 && !this.sessionId; i++) await sleep(100);
    return this.sessionId !== null;
  }

  async send<T>(method: string, params: object = {}): Promise<T> {
    if (!this.sessionId) throw new Error('no worker session');
    const id = this.nextId++;
    const reply = new Promise<{ result?: unknown; error?: { message: string } }>((res) => this.waiting.set(id, res));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    const r = await withTimeout(reply, 15_000, `worker ${method}`);
    if (r.error) throw new Error(`worker ${method}: ${r.error.message}`);
    return r.result as T;
  }
}

interface MemoryRun {
  samples: HeapSample[];
  simMinutes: number;
  wallS: number;
  finished: boolean;
  workerHeap: boolean;
  longTaskMax: number;
  note: string;
}

async function memoryRun(browser: Browser, appUrl: string): Promise<MemoryRun> {
  const long = longShop(LONG_MIN);
  const { context, page, cdp, errors } = await newPage(browser);
  try {
    await page.goto(appUrl);
    await page.waitForFunction('window.__microcosm && window.__microcosm.rendererName && window.__microcosm.scenarioName', null, { timeout: 60_000 });
    const worker = new WorkerChannel(cdp);
    const hasWorker = await worker.attach();
    if (hasWorker) await worker.send('Runtime.enable').catch(() => {});
    // Two forced GCs a moment apart, the smaller reading kept: a snapshot being handled at the first one is not a leak.
    const heapOnce = async (): Promise<{ pageMB: number; workerMB: number | null }> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const p = await cdp.send('Runtime.getHeapUsage');
      let workerMB: number | null = null;
      if (hasWorker) {
        try {
          await worker.send('HeapProfiler.collectGarbage');
          const r = await worker.send<{ usedSize: number }>('Runtime.getHeapUsage');
          workerMB = r.usedSize / 1048576;
        } catch { workerMB = null; }
      }
      return { pageMB: p.usedSize / 1048576, workerMB };
    };
    const heap = async () => {
      const a = await heapOnce();
      await sleep(150);
      const b = await heapOnce();
      const chartPoints = (await page.evaluate('window.__microcosm.seriesPoints')) as number;
      return { pageMB: Math.min(a.pageMB, b.pageMB), workerMB: a.workerMB === null || b.workerMB === null ? null : Math.min(a.workerMB, b.workerMB), chartPoints };
    };
    // page.goto above loaded shop.yaml; startApp's goto again is harmless but slow: open the long file here instead.
    await page.locator('input[aria-label="Scenario file"]').setInputFiles({ name: 'shop-bench.yaml', mimeType: 'application/yaml', buffer: Buffer.from(long.text, 'utf8') });
    await page.waitForFunction(`window.__microcosm.scenarioName === ${JSON.stringify(long.name)}`, null, { timeout: 30_000 });
    await pushSliders(page);
    await page.getByRole('button', { name: 'Speed max', exact: true }).click();
    const samples: HeapSample[] = [];
    const h0 = await heap();
    samples.push({ simMin: 0, wallS: 0, ...h0 });
    await page.evaluate('window.__bench.mark()');
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // At every SAMPLE_EVERY_MIN simulated minutes: pause, let the page drain what the worker sent, force GCs, read
    // both heaps, play on. A settled reading: while running at max the page's main thread is swamped and holds
    // snapshots in flight, so a reading taken on the fly says more about that moment than about a leak.
    // Pausing changes nothing in the run (deterministic); the wall time counted is the playing time only.
    // Pause with the space key, not the button: the page's state lags the worker at max, and a click on
    // "Pause" handled after the run finished lands on "Restart" (same button). Space only toggles play/pause.
    const play = page.getByRole('button', { name: 'Play', exact: true });
    const pauseRun = async () => {
      await page.evaluate('document.activeElement && document.activeElement.blur && document.activeElement.blur()');
      await page.keyboard.press('Space');
    };
    let lastSim = 0;
    let next = SAMPLE_EVERY_MIN;
    let finished = false, note = '', playingMs = 0, since = t0;
    const deadline = t0 + 12 * 60_000;
    while (performance.now() < deadline) {
      const s = (await page.evaluate('({ t: window.__microcosm.simTimeMs, done: window.__microcosm.done, failure: window.__microcosm.failure })')) as { t: number; done: boolean; failure: string | null };
      if (s.failure) { note = `the run failed: ${s.failure}`; break; }
      if (s.done) {
        playingMs += performance.now() - since;
        await sleep(500);
        const h = await heap();
        samples.push({ simMin: s.t / 60_000, wallS: playingMs / 1000, ...h });
        finished = true;
        break;
      }
      if (s.t >= next * 60_000) {
        const pressed = performance.now();
        await pauseRun();
        await page.waitForFunction('!window.__microcosm.playing', null, { timeout: 30_000, polling: 50 });
        const pauseMs = performance.now() - pressed;
        playingMs += performance.now() - since;
        await sleep(500);
        const simMs = (await page.evaluate('window.__microcosm.simTimeMs')) as number;
        if (simMs < lastSim) { note = `the run went back from ${(lastSim / 60_000).toFixed(1)} to ${(simMs / 60_000).toFixed(1)} min (restarted?)`; break; }
        lastSim = simMs;
        const h = await heap();
        samples.push({ simMin: simMs / 60_000, wallS: playingMs / 1000, ...h, lagMin: (simMs - s.t) / 60_000, pauseMs });
        next = Math.floor(simMs / 60_000 / SAMPLE_EVERY_MIN) * SAMPLE_EVERY_MIN + SAMPLE_EVERY_MIN;
        if ((await page.evaluate('window.__microcosm.done')) as boolean) { finished = true; break; }
        // The worker starts on the click; the page shows it later: count from the click.
        since = performance.now();
        await play.click({ timeout: 30_000 });
        await page.waitForFunction('window.__microcosm.playing || window.__microcosm.done', null, { timeout: 30_000 });
      }
      await sleep(100);
    }
    if (!finished && !note) note = 'stopped after 12 min wall';
    const last = samples[samples.length - 1];
    // Playing time only: the pauses for the readings are not counted.
    const wallS = last.wallS;
    const longTasks = (await page.evaluate('window.__bench.longTasks.filter((e) => e.start >= window.__bench.markAt).map((e) => e.duration)')) as number[];
    if (errors.length) note += ` page errors: ${errors.slice(0, 3).join(' | ')}`;
    return { samples, simMinutes: last.simMin, wallS, finished, workerHeap: hasWorker, longTaskMax: longTasks.length ? Math.max(...longTasks) : 0, note };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Flat: from the first reading after a third of the run (warm-up: queues, logs and rings fill) to the last,
 * the after-GC heap grows less than max(2 MB, 10 %). The slope (least squares over the same readings,
 * MB per simulated hour) says whether what growth there is keeps going.
 */
function flatness(xs: { simMin: number; mb: number }[]): { flat: boolean; growthMB: number; slopePerHour: number; first: number; last: number; peak: number } {
  const later = xs.filter((x) => x.simMin >= LONG_MIN / 3);
  const base = later[0] ?? xs[0];
  const last = xs[xs.length - 1];
  const growthMB = last.mb - base.mb;
  let slopePerHour = NaN;
  if (later.length >= 3) {
    const mx = later.reduce((a, x) => a + x.simMin, 0) / later.length;
    const my = later.reduce((a, x) => a + x.mb, 0) / later.length;
    let sxy = 0, sxx = 0;
    for (const x of later) { sxy += (x.simMin - mx) * (x.mb - my); sxx += (x.simMin - mx) ** 2; }
    slopePerHour = sxx > 0 ? (sxy / sxx) * 60 : NaN;
  }
  return { flat: growthMB < Math.max(2, 0.1 * base.mb), growthMB, slopePerHour, first: xs[0].mb, last: last.mb, peak: Math.max(...xs.map((x) => x.mb)) };
}

// ---- main ------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium is missing at ${CHROMIUM}. Run \`node scripts/ensure-chromium.mjs\` (installs Debian's chromium with apt), or set CHROMIUM_PATH.`);
    return 1;
  }
  const tStart = performance.now();
  if (!flag('skip-build') || !existsSync(join(outApp, 'index.html')) || !existsSync(join(outRef, 'reference.html'))) await buildAll();

  let appSrv: PreviewServer | null = null, refSrv: PreviewServer | null = null, browser: Browser | null = null;
  try {
    const served = await serve(join(repo, 'vite.config.ts'), repo, outApp);
    appSrv = served.server;
    const a = { url: RENDERER ? `${served.url}/?renderer=${RENDERER}` : served.url };
    const r = await serve(join(here, 'vite.config.ts'), here, outRef);
    refSrv = r.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    log(`chromium ${browser.version()}, ${ROUNDS} rounds of ${WINDOW_MS / 1000} s windows (app 10× · reference · app max), alternated`);

    // The max-speed windows run a 60-minute copy: at ~130× a 30-minute run could end inside the window.
    const long = longShop(2 * LONG_MIN);
    const app10: Measured[] = [], appMax: Measured[] = [], ref: Measured[] = [];
    let counts: Counts | null = null;
    for (let i = 0; i < ROUNDS; i++) {
      const x = await withTimeout(measureApp(browser, a.url, '10×', null), 120_000, 'app run at 10×');
      app10.push(x);
      log(`round ${i + 1}: app 10×   ${x.fps.toFixed(1)} fps, ${x.scriptMsPerFrame.toFixed(2)} ms JS/frame, ${x.dotsMean.toFixed(0)} dots, ${x.nodes} nodes, ${x.edges} edges, canvas ${x.canvas.w}×${x.canvas.h}`);
      if (!counts) {
        counts = { services: x.nodes - x.clients, clients: x.clients, edges: x.edges, dots: Math.max(1, Math.round(x.dotsMean)), w: x.canvas.w, h: x.canvas.h, renderer: x.renderer };
        log(`reference counts: ${counts.services} services + ${counts.clients} clients, ${counts.edges} edges, ${counts.dots} dots, canvas ${counts.w}×${counts.h}, renderer ${counts.renderer}`);
      }
      const y = await withTimeout(measureReference(browser, r.url, counts), 90_000, 'reference run');
      ref.push(y);
      log(`round ${i + 1}: reference ${y.fps.toFixed(1)} fps, ${y.scriptMsPerFrame.toFixed(2)} ms JS/frame`);
      const z = await withTimeout(measureApp(browser, a.url, 'max', long), 120_000, 'app run at max');
      appMax.push(z);
      log(`round ${i + 1}: app max   ${z.fps.toFixed(1)} fps, ${z.scriptMsPerFrame.toFixed(2)} ms JS/frame, ${z.dotsMean.toFixed(0)} dots, sim ${(z.simMs / z.wallMs).toFixed(0)}× real time`);
    }

    const profiles: { speed: Speed; p: Profile }[] = [];
    if (!flag('no-profile')) {
      for (const speed of ['10×', 'max'] as const) {
        log(`profiling the main thread (app ${speed}, sliders at max)…`);
        const p = (await withTimeout(measureApp(browser, a.url, speed, long, true), 120_000, 'profile run')).profile;
        if (p) profiles.push({ speed, p });
      }
    }
    const diag: { name: string; m: Measured }[] = [];
    if (flag('diagnose')) {
      // The same 10× run with parts of the page hidden (visibility: hidden still runs their JS, but nothing is painted),
      // each followed by a reference window: which part of the page costs the frames.
      for (const [name, css, hide] of DIAGNOSE) {
        const m = await withTimeout(measureApp(browser, a.url, '10×', null, false, css, hide), 120_000, `diagnose ${name}`);
        const y = await withTimeout(measureReference(browser, r.url, counts!), 90_000, 'reference run');
        diag.push({ name, m }, { name: `reference after "${name}"`, m: y });
        log(`diagnose: ${name}: ${m.fps.toFixed(1)} fps (reference ${y.fps.toFixed(1)}), GPU process ${(m.cpuByProcess['gpu-process'] ?? 0).toFixed(1)} ms/frame`);
      }
    }
    let mem: MemoryRun | null = null;
    if (!flag('no-memory')) {
      log(`memory: ${LONG_MIN} simulated minutes at max…`);
      mem = await withTimeout(memoryRun(browser, a.url), 14 * 60_000, 'memory run');
    }

    const md = report({ app10, appMax, ref, counts: counts!, profiles, mem, diag, browserVersion: browser.version(), tookS: (performance.now() - tStart) / 1000 });
    log('');
    log(md);
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, md);
    log(`\nwritten to ${reportPath.replace(`${repo}/`, '')}`);
    return 0;
  } finally {
    await browser?.close().catch(() => {});
    await appSrv?.close().catch(() => {});
    await refSrv?.close().catch(() => {});
  }
}

// ---- the report ---------------------------------------------------------------------------------------

function report(r: { app10: Measured[]; appMax: Measured[]; ref: Measured[]; counts: Counts; profiles: { speed: Speed; p: Profile }[]; mem: MemoryRun | null; diag: { name: string; m: Measured }[]; browserVersion: string; tookS: number }): string {
  const { app10, appMax, ref, counts } = r;
  const met = (ok: boolean) => (ok ? 'met' : '**NOT met**');
  const f1 = (x: number) => x.toFixed(1);
  const f2 = (x: number) => x.toFixed(2);
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const ratio10 = app10.map((x, i) => x.fps / ref[i].fps);
  const ratioMax = appMax.map((x, i) => x.fps / ref[i].fps);
  const med = (xs: Measured[], k: keyof Measured) => median(xs.map((x) => x[k] as number));
  const simX = appMax.map((x) => x.simMs / x.wallMs);
  const lt10 = Math.max(...app10.map((x) => Math.max(x.longTaskMax, x.longTaskMaxSinceMark)));
  const ltMax = Math.max(...appMax.map((x) => Math.max(x.longTaskMax, x.longTaskMaxSinceMark)));
  const lines: string[] = [];
  const L = (s = '') => lines.push(s);

  L(`## Browser benchmark (${new Date().toISOString().slice(0, 10)})`);
  L();
  const renderers = [...new Set([...app10, ...ref, ...appMax].map((x) => x.renderer))].join(', ');
  L(`Chromium ${r.browserVersion} headless, pixi renderer ${renderers}${renderers.includes('webgl') ? ' (WebGL through SwiftShader, in software)' : ' (the app chose the 2D canvas: this browser has only software WebGL; the reference draws with the same)'}${RENDERER ? ` (forced with --renderer ${RENDERER})` : ''}, ${process.argv.includes('--angle') ? 'the page composited through SwiftShader too (--angle)' : 'the page composited in software (Chromium\'s own choice without a GPU)'}, viewport ${VIEWPORT.width}×${VIEWPORT.height}. ` +
    `${app10.length} rounds, each: the app on scenarios/shop.yaml at 10× with every load slider at its max, the bare pixi reference, ` +
    `the app at max speed (shop.yaml with duration ${2 * LONG_MIN}m, sliders at max); ${WINDOW_MS / 1000} s windows after ${WARMUP_MS / 1000} s of warm-up. Medians over rounds; ratios are medians of the per-round ratios.`);
  L();
  L(`Reference scene: ${counts.services} service boxes + ${counts.clients} client boxes, ${counts.edges} static bezier edges, ${counts.dots} dots ` +
    `(particles in one ParticleContainer), canvas ${counts.w}×${counts.h} CSS px — the app's node, edge and mean dot counts and canvas size from round 1.`);
  L();
  L('| measure | app 10× | app max | reference | target | result |');
  L('|---|---|---|---|---|---|');
  L(`| frames per second (rAF callbacks) | ${f1(med(app10, 'fps'))} | ${f1(med(appMax, 'fps'))} | ${f1(med(ref, 'fps'))} | | |`);
  L(`| fps, app / reference | ${pct(median(ratio10))} | ${pct(median(ratioMax))} | 100 % | ≥ ${pct(targets.fpsRatio)} | 10×: ${met(median(ratio10) >= targets.fpsRatio)}, max: ${met(median(ratioMax) >= targets.fpsRatio)} |`);
  L(`| frame interval p95, ms | ${f1(med(app10, 'frameP95'))} | ${f1(med(appMax, 'frameP95'))} | ${f1(med(ref, 'frameP95'))} | | |`);
  L(`| main-thread JS per frame, ms (CDP ScriptDuration) | ${f2(med(app10, 'scriptMsPerFrame'))} | ${f2(med(appMax, 'scriptMsPerFrame'))} | ${f2(med(ref, 'scriptMsPerFrame'))} | ≤ ${targets.scriptMsPerFrame} | 10×: ${met(med(app10, 'scriptMsPerFrame') <= targets.scriptMsPerFrame)}, max: ${met(med(appMax, 'scriptMsPerFrame') <= targets.scriptMsPerFrame)} |`);
  const perSec = (xs: Measured[]) => f1(median(xs.map((x) => x.scriptMsPerFrame * x.fps)));
  L(`| main-thread JS per wall second, ms (much of the app's JS runs per snapshot, ~15/s, not per frame) | ${perSec(app10)} | ${perSec(appMax)} | ${perSec(ref)} | | |`);
  L(`| main-thread tasks per frame, ms (CDP TaskDuration: JS + style, layout, paint…) | ${f2(med(app10, 'taskMsPerFrame'))} | ${f2(med(appMax, 'taskMsPerFrame'))} | ${f2(med(ref, 'taskMsPerFrame'))} | | |`);
  L(`| main thread busy, share of wall time | ${pct(med(app10, 'mainBusy'))} | ${pct(med(appMax, 'mainBusy'))} | ${pct(med(ref, 'mainBusy'))} | | |`);
  L(`| longest task, ms (from Play through the window; count in windows) | ${f1(lt10)} (${app10.map((x) => x.longTasks).join(', ')}) | ${f1(ltMax)} (${appMax.map((x) => x.longTasks).join(', ')}) | ${f1(Math.max(...ref.map((x) => x.longTaskMax)))} | none > ${targets.longTaskMs} | 10×: ${met(lt10 <= targets.longTaskMs)}, max: ${met(ltMax <= targets.longTaskMs)} |`);
  const workerRate = appMax.map((x) => x.simRateMean / 1000);
  const perCpu = appMax.filter((x) => x.workerCpuMs > 0).map((x) => x.simMs / x.workerCpuMs);
  L(`| simulation speed at max: the worker's own status.simRate (page-side simulated / wall time) | ${f1(median(app10.map((x) => x.simMs / x.wallMs)))}× | ${f1(median(workerRate))}× (${f1(median(simX))}×) | | ≥ ${targets.simSpeed}× | ${met(median(workerRate) >= targets.simSpeed)} |`);
  if (perCpu.length) {
    L(`| — the worker thread's CPU share, and simulated time per worker CPU second | ${f2(median(app10.map((x) => x.workerCpuMs / x.wallMs)))} cores | ${f2(median(appMax.map((x) => x.workerCpuMs / x.wallMs)))} cores, ${f1(median(perCpu))}× per CPU second | | | |`);
  }
  L(`| dots on the canvas, mean (min–max) | ${f1(med(app10, 'dotsMean'))} (${Math.min(...app10.map((x) => x.dotsMin))}–${Math.max(...app10.map((x) => x.dotsMax))}) | ${f1(med(appMax, 'dotsMean'))} (${Math.min(...appMax.map((x) => x.dotsMin))}–${Math.max(...appMax.map((x) => x.dotsMax))}) | ${counts.dots} | | |`);
  const mem = r.mem;
  if (mem) {
    const page = flatness(mem.samples.map((s) => ({ simMin: s.simMin, mb: s.pageMB })));
    const worker = mem.samples.every((s) => s.workerMB !== null) ? flatness(mem.samples.map((s) => ({ simMin: s.simMin, mb: s.workerMB! }))) : null;
    const ok = page.flat && (worker?.flat ?? true) && mem.finished;
    const sign = (x: number) => `${x >= 0 ? '+' : ''}${f1(x)}`;
    const g = (x: ReturnType<typeof flatness>) => `${f1(x.first)} → ${f1(x.last)}, growth after min ${f1(LONG_MIN / 3)} ${sign(x.growthMB)} (${sign(x.slopePerHour)} MB/simulated h)`;
    L(`| JS heap after GC over ${LONG_MIN} simulated min at max, MB (before Play → end; growth from the first reading after a third of the run to the end) | page ${g(page)} | worker ${worker ? g(worker) : 'not reachable'} | | flat: growth < max(2 MB, 10 %) | ${met(ok)} |`);
    L(`| the memory run: ${LONG_MIN} simulated min at max, wall time playing (page-side clock, resumed ${mem.samples.length - 2} times) | | ${f1(mem.wallS)} s = ${f1((mem.simMinutes * 60) / mem.wallS)}×${mem.finished ? '' : ', NOT finished'} | | (informational) | |`);
  }
  L();
  L('Per round (app 10× · reference · app max):');
  L();
  L('| round | fps 10× / ref / max | app/ref 10× · max | JS ms/frame 10× / ref / max | tasks ms/frame 10× / ref / max | longest task ms 10× / ref / max | dots 10× / max | sim × at max |');
  L('|---|---|---|---|---|---|---|---|');
  app10.forEach((x, i) => {
    const y = ref[i], z = appMax[i];
    L(`| ${i + 1} | ${f1(x.fps)} / ${f1(y.fps)} / ${f1(z.fps)} | ${pct(ratio10[i])} · ${pct(ratioMax[i])} | ${f2(x.scriptMsPerFrame)} / ${f2(y.scriptMsPerFrame)} / ${f2(z.scriptMsPerFrame)} | ${f2(x.taskMsPerFrame)} / ${f2(y.taskMsPerFrame)} / ${f2(z.taskMsPerFrame)} | ${f1(Math.max(x.longTaskMax, x.longTaskMaxSinceMark))} / ${f1(y.longTaskMax)} / ${f1(Math.max(z.longTaskMax, z.longTaskMaxSinceMark))} | ${f1(x.dotsMean)} / ${f1(z.dotsMean)} | ${f1(z.simMs / z.wallMs)} |`);
  });
  L();
  L(`Spread over rounds: fps app/ref at 10× ${spread(ratio10.map((x) => x * 100))} %, at max ${spread(ratioMax.map((x) => x * 100))} %; reference fps ${spread(ref.map((x) => x.fps))}.`);
  if (mem) {
    L();
    L(`Heap after forced GCs (HeapProfiler.collectGarbage twice, the lower reading), the run paused for the reading every ${SAMPLE_EVERY_MIN} simulated minutes, ${LONG_MIN}-minute run at max, sliders at max${mem.note ? ` (${mem.note.trim()})` : ''}; longest task in the run ${f1(mem.longTaskMax)} ms (the forced GCs included):`);
    L();
    L(`| simulated min | ${mem.samples.map((s) => f1(s.simMin)).join(' | ')} |`);
    L(`|---|${mem.samples.map(() => '---').join('|')}|`);
    L(`| wall s playing | ${mem.samples.map((s) => f1(s.wallS)).join(' | ')} |`);
    L(`| page heap MB | ${mem.samples.map((s) => f1(s.pageMB)).join(' | ')} |`);
    L(`| worker heap MB | ${mem.samples.map((s) => (s.workerMB === null ? '–' : f1(s.workerMB))).join(' | ')} |`);
    L(`| chart points on the page | ${mem.samples.map((s) => String(s.chartPoints)).join(' | ')} |`);
    L(`| page clock behind the worker when paused, simulated s | ${mem.samples.map((s) => (s.lagMin === undefined ? '–' : (s.lagMin * 60).toFixed(0))).join(' | ')} |`);
    L(`| Pause (space) to "paused" on the page, wall ms | ${mem.samples.map((s) => (s.pauseMs === undefined ? '–' : s.pauseMs.toFixed(0))).join(' | ')} |`);
  }
  // Where the CPU went, per frame: the frame rate is bound where a thread saturates.
  const procs = [...new Set([...app10, ...ref, ...appMax].flatMap((x) => Object.keys(x.cpuByProcess)))];
  if (procs.length) {
    const cell = (xs: Measured[], k: string) => f1(median(xs.map((x) => x.cpuByProcess[k] ?? 0)));
    L();
    L(`Chromium CPU per frame by process, ms (from /proc; medians over rounds). All Chromium processes together used ${f2(med(app10, 'cpuCores'))} / ${f2(med(ref, 'cpuCores'))} / ${f2(med(appMax, 'cpuCores'))} cores (app 10× / reference / app max):`);
    L();
    L('| process | app 10× | reference | app max |');
    L('|---|---|---|---|');
    for (const k of procs) L(`| ${k} | ${cell(app10, k)} | ${cell(ref, k)} | ${cell(appMax, k)} |`);
    const threads = (xs: Measured[]) => {
      const keys = new Map<string, number[]>();
      for (const x of xs) for (const [k, v] of x.cpuByThread) keys.set(k, [...(keys.get(k) ?? []), v]);
      return [...keys].map(([k, v]) => [k, median(v)] as const).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${f1(v)}`).join(' · ');
    };
    L();
    L(`Busiest threads, ms per frame — app 10×: ${threads(app10)}; reference: ${threads(ref)}; app max: ${threads(appMax)}.`);
  }
  if (r.diag.length) {
    L();
    L('Diagnosis: the app at 10× (sliders at max) with parts of the page hidden (`visibility: hidden`: their JS still runs, nothing is painted), each followed by a reference window:');
    L();
    L('| variant | fps | fps / following reference | JS ms/frame | JS ms per wall s | tasks ms/frame | GPU process ms/frame | GPU process ms per wall s | renderer ms/frame |');
    L('|---|---|---|---|---|---|---|---|---|');
    for (let i = 0; i < r.diag.length; i += 2) {
      const { name, m } = r.diag[i];
      const y = r.diag[i + 1]?.m;
      const row = (label: string, x: Measured, ratio: string) =>
        L(`| ${label} | ${f1(x.fps)} | ${ratio} | ${f2(x.scriptMsPerFrame)} | ${f1(x.scriptMsPerFrame * x.fps)} | ${f2(x.taskMsPerFrame)} | ${f1(x.cpuByProcess['gpu-process'] ?? 0)} | ${f1((x.cpuByProcess['gpu-process'] ?? 0) * x.fps)} | ${f1(x.cpuByProcess.renderer ?? 0)} |`);
      row(name, m, y ? pct(m.fps / y.fps) : '–');
      if (y) row('↳ reference', y, '100 %');
    }
  }
  for (const { speed, p } of r.profiles) {
    L();
    L(`Where the app's main thread goes at ${speed} (CPU profile of ${f1(p.wallMs / 1000)} s, sliders at max, ${f1((p.frames * 1000) / p.wallMs)} fps; self time per frame, ms; names through the build's source maps):`);
    L();
    L('| bucket | ms / frame |');
    L('|---|---|');
    for (const [b, ms] of p.buckets.slice(0, 12)) L(`| ${b} | ${f2(ms)} |`);
    L();
    L('| function (self time) | source | ms / frame |');
    L('|---|---|---|');
    for (const [fn, where, ms] of p.top.slice(0, 12)) L(`| ${fn.replace(/\|/g, '\\|')} | ${where} | ${f2(ms)} |`);
  }
  const loaf = app10.flatMap((x) => x.loafScripts);
  if (loaf.length) {
    L();
    L(`Long animation frames in the app's 10× windows: ${app10.map((x) => x.loafs).join(', ')} (longest ${f1(Math.max(...app10.map((x) => x.loafMax)))} ms).`);
  }
  L();
  L(`bench took ${r.tookS.toFixed(0)} s`);
  return lines.join('\n');
}

main().then((code) => process.exit(code), (e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
