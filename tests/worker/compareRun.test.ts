/** The compare worker's run loop (worker/compareRun.ts), in Node with the real loader and World. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load';
import { World } from '../../src/model/world';
import { checkBudget } from '../../src/model/budget';
import { runComparison, seedFor, type CompareHost } from '../../src/worker/compareRun';
import type { FromCompare } from '../../src/worker/compareProtocol';
import type { Scenario } from '../../src/scenario/types';

const root = join(__dirname, '../..');
const naive = 'scenarios/resilience/cascading-failure-naive.yaml';
const resilient = 'scenarios/resilience/cascading-failure-resilient.yaml';
const text = (f: string) => readFileSync(join(root, f), 'utf8');
const golden = (name: string) => JSON.parse(readFileSync(join(root, 'tests/golden', name), 'utf8')) as { digest: string; seed: number };

function host(): { host: CompareHost; out: FromCompare[] } {
  const out: FromCompare[] = [];
  let clock = 0;
  return {
    out,
    host: {
      now: () => (clock += 1),
      post: (m) => out.push(m),
      load: loadScenario,
      budget: checkBudget,
      createWorld: (s: Scenario) => new World(s),
    },
  };
}

/** The CLI's path: load, run, digest. */
function cliDigest(source: string, file: string): string {
  const r = loadScenario(source, file);
  if (!r.ok) throw new Error('invalid');
  const w = new World(r.scenario);
  w.run();
  return w.report().digest;
}

describe('runComparison', () => {
  it('CMPW-1 both sides to the end on the left file\'s seed; digests as the CLI\'s; series cover the run', () => {
    const { host: h, out } = host();
    // The resilient file with another seed in it: the left's (11) must win.
    const right = text(resilient).replace(/^seed: 11$/m, 'seed: 5');
    expect(right).toMatch(/^seed: 5$/m);
    runComparison({ type: 'run', id: 1, seed: 'left', sides: [{ file: naive, text: text(naive) }, { file: resilient, text: right }] }, h);
    const loaded = out.filter((m) => m.type === 'loaded');
    expect(loaded.map((m) => m.type === 'loaded' && [m.side, m.seed, m.meta.name])).toEqual([
      [0, 11, 'Cascading failure — naive'], [1, 11, 'Cascading failure — resilient'],
    ]);
    const done = out.filter((m): m is Extract<FromCompare, { type: 'done' }> => m.type === 'done');
    expect(done.map((d) => d.side).sort()).toEqual([0, 1]);
    const bySide = (i: number) => done.find((d) => d.side === i)!;
    expect(bySide(0).report.digest).toBe(golden('resilience__cascading-failure-naive.json').digest);
    expect(bySide(1).report.digest).toBe(golden('resilience__cascading-failure-resilient.json').digest);
    // 3 minutes in 1-second intervals: 180 points per route, in time order, none lost between chunks.
    for (const d of done) {
      expect(d.intervalMs).toBe(1000);
      for (const route of ['web.browse', 'web.checkout']) {
        const ts = d.series[route].map((p) => p.t);
        expect(ts.length).toBe(180);
        expect(ts).toEqual(ts.map((_, i) => i * 1000));
      }
    }
    // Progress moves both bars and ends at the durations; `finished` comes last.
    const progress = out.filter((m): m is Extract<FromCompare, { type: 'progress' }> => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[progress.length - 1].simMs).toEqual([180_000, 180_000]);
    expect(out[out.length - 1]).toEqual({ type: 'finished', id: 1 });
  });

  it('CMPW-2 a seed chosen for both, or each its own', () => {
    expect(seedFor('left', 11, 5)).toBe(11);
    expect(seedFor('own', 11, 5)).toBe(5);
    expect(seedFor(3, 11, 5)).toBe(3);
    // No valid left file: the right keeps its own.
    expect(seedFor('left', null, 5)).toBe(5);
  });

  it('CMPW-3 an invalid side says where; the other side still runs (on its own seed, the left having none)', () => {
    const { host: h, out } = host();
    const tiny = `version: 1\nname: tiny\nseed: 4\nduration: 5s\nservices:\n  api:\n    endpoints:\n      get: [ { cpu: exp(5ms) } ]\nworkload:\n  - { name: w, route: api.get, rate: 20/s }\n`;
    runComparison({ type: 'run', id: 2, seed: 'left', sides: [{ file: 'bad.yaml', text: tiny.replace('endpoints', 'endponts') }, { file: 'tiny.yaml', text: tiny }] }, h);
    const invalid = out.find((m) => m.type === 'invalid');
    expect(invalid?.type === 'invalid' && invalid.side).toBe(0);
    expect(invalid?.type === 'invalid' && invalid.errors[0]).toMatchObject({ file: 'bad.yaml', line: 7, column: 5 });
    const done = out.find((m) => m.type === 'done');
    expect(done?.type === 'done' && [done.side, done.report.seed, done.report.digest]).toEqual([1, 4, cliDigest(tiny, 'tiny.yaml')]);
    expect(out[out.length - 1]).toEqual({ type: 'finished', id: 2 });
  });
});
