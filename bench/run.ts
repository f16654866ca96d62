/**
 * `npm run bench`: how fast the engine and the model run, and whether memory
 * stays flat over a long run. Every figure is the median of 5 timed runs
 * after one warm-up run. Not a pure layer: it reads the wall clock
 * (performance.now) and the heap (process.memoryUsage).
 *
 * 1. The engine's Scheduler alone on the classic HOLD model (pop the next
 *    event, schedule one at now + Exp sample) with 1e3 and 1e6 pending events.
 * 2. A REFERENCE: the same loops hand-written over a tiny binary heap of typed
 *    arrays, and an M/M/1 event loop both ways; ratio engine / reference.
 * 3. The full model (World) on M/M/1 at rho = 0.9 and on a call chain
 *    a → b → c: events/s and simulated requests/s.
 * 4. Heap over a one-hour simulated run at 2,000 requests/s (after a forced
 *    GC, so it needs --expose-gc: without it the script re-runs that part in
 *    `node --expose-gc --import tsx`).
 * Targets (for the README): engine HOLD >= 7 M events/s and >= 50 % of the
 * reference; World chain >= 1.5 M events/s; heap flat.
 */
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Scheduler } from '../src/engine/scheduler';
import { World } from '../src/model/world';
import { loadScenario } from '../src/scenario/load';
import { formatError } from '../src/scenario/errors';
import type { Scenario } from '../src/scenario/types';

const RUNS = 5;
const gc = (globalThis as { gc?: () => void }).gc;

// ---- helpers ------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Engine and reference measured in alternation (one warm-up pair, then RUNS
 * timed pairs), so that a noisy neighbour slows both alike; the ratio is the
 * median of the per-pair ratios.
 */
function paired(engine: () => number, reference: () => number): { engine: number; reference: number; ratio: number } {
  engine();
  reference();
  const e: number[] = [], r: number[] = [], ratio: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    e.push(engine());
    r.push(reference());
    ratio.push(e[i] / r[i]);
  }
  return { engine: median(e), reference: median(r), ratio: median(ratio) };
}

/** xorshift32 → (0, 1], inline-able, the same for engine and reference. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return (s + 1) / 4294967297;
  };
}

const M = (x: number) => `${(x / 1e6).toFixed(2)} M`;

function scenario(yaml: string): Scenario {
  const r = loadScenario(yaml, 'bench.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatError).join('\n'));
  return r.scenario;
}

// ---- 1. the engine's Scheduler on HOLD -----------------------------------------

function holdEngine(pending: number, events: number): number {
  const u = xorshift(12345);
  const sched = new Scheduler(pending + 16);
  for (let i = 0; i < pending; i++) sched.schedule(-Math.log(u()) * pending, 1, null);
  const t0 = performance.now();
  for (let i = 0; i < events; i++) {
    const kind = sched.pop();
    sched.schedule(sched.now - Math.log(u()) * pending, kind, null);
  }
  return events / ((performance.now() - t0) / 1000);
}

// ---- 2. the reference: a tiny typed-array heap ----------------------------------

class RefHeap {
  times: Float64Array;
  kinds: Int32Array;
  size = 0;
  constructor(cap: number) {
    this.times = new Float64Array(cap);
    this.kinds = new Int32Array(cap);
  }
  push(t: number, k: number): void {
    const times = this.times, kinds = this.kinds;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p]; kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t; kinds[i] = k;
  }
  /** Pops the minimum; its time is in `t`, the kind is returned. */
  t = 0;
  pop(): number {
    const times = this.times, kinds = this.kinds;
    this.t = times[0];
    const k0 = kinds[0];
    const n = --this.size;
    const lt = times[n], lk = kinds[n];
    let i = 0;
    const half = n >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      if (c + 1 < n && times[c + 1] < times[c]) c++;
      if (times[c] >= lt) break;
      times[i] = times[c]; kinds[i] = kinds[c];
      i = c;
    }
    times[i] = lt; kinds[i] = lk;
    return k0;
  }
}

function holdReference(pending: number, events: number): number {
  const u = xorshift(12345);
  const h = new RefHeap(pending + 16);
  for (let i = 0; i < pending; i++) h.push(-Math.log(u()) * pending, 1);
  const t0 = performance.now();
  for (let i = 0; i < events; i++) {
    const kind = h.pop();
    h.push(h.t - Math.log(u()) * pending, kind);
  }
  return events / ((performance.now() - t0) / 1000);
}

const ARRIVAL = 1, DEPARTURE = 2;

/** M/M/1 at rho = 0.9 as an event loop over the reference heap. */
function mm1Reference(customers: number): number {
  const u = xorshift(777);
  const h = new RefHeap(64);
  const lambda = 0.9, mu = 1;
  let inSystem = 0, served = 0, events = 0;
  h.push(-Math.log(u()) / lambda, ARRIVAL);
  const t0 = performance.now();
  while (served < customers) {
    const kind = h.pop();
    const now = h.t;
    events++;
    if (kind === ARRIVAL) {
      if (inSystem++ === 0) h.push(now - Math.log(u()) / mu, DEPARTURE);
      h.push(now - Math.log(u()) / lambda, ARRIVAL);
    } else {
      served++;
      if (--inSystem > 0) h.push(now - Math.log(u()) / mu, DEPARTURE);
    }
  }
  return events / ((performance.now() - t0) / 1000);
}

/** The same M/M/1 loop on the engine's Scheduler. */
function mm1Engine(customers: number): number {
  const u = xorshift(777);
  const sched = new Scheduler(64);
  const lambda = 0.9, mu = 1;
  let inSystem = 0, served = 0, events = 0;
  sched.schedule(-Math.log(u()) / lambda, ARRIVAL, null);
  const t0 = performance.now();
  while (served < customers) {
    const kind = sched.pop();
    const now = sched.now;
    events++;
    if (kind === ARRIVAL) {
      if (inSystem++ === 0) sched.schedule(now - Math.log(u()) / mu, DEPARTURE, null);
      sched.schedule(now - Math.log(u()) / lambda, ARRIVAL, null);
    } else {
      served++;
      if (--inSystem > 0) sched.schedule(now - Math.log(u()) / mu, DEPARTURE, null);
    }
  }
  return events / ((performance.now() - t0) / 1000);
}

// ---- 3. the full model ------------------------------------------------------------

const MM1_YAML = (durationS: number) => `
version: 1
name: bench M/M/1 rho 0.9
seed: 1
duration: ${durationS}s
services:
  server:
    workers: 1
    queue: unbounded
    endpoints:
      handle: [ { cpu: exp(10ms) } ]
workload:
  - { name: arrivals, route: server.handle, rate: 90/s }
`;

const CHAIN_YAML = (durationS: number, rate: number) => `
version: 1
name: bench chain a -> b -> c
seed: 1
duration: ${durationS}s
services:
  a:
    instances: 2
    workers: 16
    queue: 200
    endpoints:
      handle:
        - cpu: exp(1ms)
        - call: b.handle
  b:
    instances: 2
    workers: 8
    queue: 200
    endpoints:
      handle:
        - cpu: exp(2ms)
        - call: c.handle
  c:
    workers: 8
    queue: 200
    endpoints:
      handle: [ { cpu: exp(1ms) } ]
workload:
  - { name: arrivals, route: a.handle, rate: ${rate}/s }
`;

interface WorldRate { eventsPerSec: number; requestsPerSec: number; events: number; requests: number }

function worldRun(s: Scenario, route: string): WorldRate {
  const t0 = performance.now();
  const w = new World(s);
  w.run();
  const wall = (performance.now() - t0) / 1000;
  const r = w.report(wall * 1000);
  const requests = r.routes[route].requests;
  return { eventsPerSec: r.events / wall, requestsPerSec: requests / wall, events: r.events, requests };
}

function worldMedian(s: Scenario, route: string) {
  worldRun(s, route);
  const runs: WorldRate[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(worldRun(s, route));
  return {
    eventsPerSec: median(runs.map((x) => x.eventsPerSec)),
    requestsPerSec: median(runs.map((x) => x.requestsPerSec)),
    events: runs[0].events,
    requests: runs[0].requests,
  };
}

// ---- 4. heap over a one-hour run ----------------------------------------------------

function heapRun(): void {
  if (!gc) throw new Error('heapRun needs --expose-gc');
  const s = scenario(CHAIN_YAML(3600, 2000));
  const mb = (b: number) => (b / 1048576).toFixed(1);
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const w = new World(s);
  const samples: { min: number; heap: number }[] = [];
  for (let min = 5; min <= 60; min += 5) {
    w.runUntil(min * 60_000);
    gc();
    samples.push({ min, heap: process.memoryUsage().heapUsed });
  }
  w.run();
  const wall = (performance.now() - t0) / 1000;
  const r = w.report();
  const tens = samples.filter((x) => x.min % 10 === 0);
  const after = samples.filter((x) => x.min >= 10).map((x) => x.heap);
  const spread = Math.max(...after) - Math.min(...after);
  const peak = Math.max(...samples.map((x) => x.heap));
  const flat = spread < Math.max(2 * 1048576, 0.05 * Math.min(...after));
  console.log(`heap (after GC) over a 1 h simulated run of the chain at 2,000 requests/s`);
  console.log(`  ${r.routes['a.handle'].requests.toLocaleString('en')} requests, ${r.events.toLocaleString('en')} events in ${wall.toFixed(1)} s wall`);
  console.log(`  before the run: ${mb(before)} MB`);
  console.log(`  | simulated min | ${tens.map((x) => x.min).join(' | ')} |`);
  console.log(`  | heapUsed MB   | ${tens.map((x) => mb(x.heap)).join(' | ')} |`);
  console.log(`  peak ${mb(peak)} MB; spread from 10 to 60 min ${mb(spread)} MB → ${flat ? 'FLAT' : 'GROWING'}`);
}

// ---- main -----------------------------------------------------------------------------

function main(): void {
  if (process.argv.includes('--heap-only')) {
    heapRun();
    return;
  }
  const tStart = performance.now();
  console.log(`Microcosm bench — node ${process.version}, medians of ${RUNS} runs after a warm-up\n`);

  const rows: string[] = [];
  const row = (what: string, rate: number, extra = '') => rows.push(`| ${what} | ${M(rate)} events/s | ${extra} |`);

  const hold = [1e3, 1e6].map((pending) => {
    const events = pending >= 1e6 ? 3e6 : 5e6;
    return { pending, ...paired(() => holdEngine(pending, events), () => holdReference(pending, events)) };
  });
  const loop = paired(() => mm1Engine(2e6), () => mm1Reference(2e6));
  for (const h of hold) {
    row(`engine Scheduler, HOLD, ${h.pending.toExponential(0)} pending`, h.engine, `${(h.ratio * 100).toFixed(0)} % of reference`);
    row(`reference typed-array heap, HOLD, ${h.pending.toExponential(0)} pending`, h.reference);
  }
  row('engine Scheduler, M/M/1 event loop (rho 0.9)', loop.engine, `${(loop.ratio * 100).toFixed(0)} % of reference`);
  row('reference typed-array heap, M/M/1 event loop', loop.reference);

  const mm1 = worldMedian(scenario(MM1_YAML(11_112)), 'server.handle');
  row('World, M/M/1 rho 0.9 (1 M requests)', mm1.eventsPerSec, `${M(mm1.requestsPerSec)} requests/s`);
  const chain = worldMedian(scenario(CHAIN_YAML(500, 1000)), 'a.handle');
  row('World, chain a → b → c (500 k requests)', chain.eventsPerSec, `${M(chain.requestsPerSec)} requests/s, ${(chain.events / chain.requests).toFixed(1)} events/request`);

  console.log('| benchmark | rate | notes |\n|---|---|---|');
  console.log(rows.join('\n'));
  const small = hold[0];
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(`\ntargets: engine >= 7 M events/s: HOLD 1e3 ${met(small.engine >= 7e6)} (${M(small.engine)}), ` +
    `M/M/1 loop ${met(loop.engine >= 7e6)} (${M(loop.engine)}); ` +
    `engine/reference >= 50 %: ${met(Math.min(small.ratio, loop.ratio) >= 0.5)} (HOLD ${(small.ratio * 100).toFixed(0)} %, M/M/1 ${(loop.ratio * 100).toFixed(0)} %); ` +
    `World chain >= 1.5 M events/s: ${met(chain.eventsPerSec >= 1.5e6)} (${M(chain.eventsPerSec)})\n`);

  if (gc) heapRun();
  else {
    const self = fileURLToPath(import.meta.url);
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--heap-only'], { stdio: 'inherit', cwd: fileURLToPath(new URL('..', import.meta.url)) });
    if (child.status !== 0) console.log('heap run failed (node --expose-gc --import tsx)');
  }
  console.log(`\nbench took ${((performance.now() - tStart) / 1000).toFixed(0)} s`);
}

main();
