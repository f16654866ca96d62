/**
 * Golden runs: every shipped scenario's digest and rounded report are pinned
 * (reviewed output, against unintended change). Validation scenarios are
 * pinned over their first minute after warmup only. A mismatch writes
 * `<name>-changed.json` beside the golden file; review it, then replace the
 * golden file (or run with MICROCOSM_UPDATE_GOLDEN=1 to write missing/changed ones).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scenarioFrom } from '../helpers/world';
import { World } from '../../src/model/world';
import type { Report } from '../../src/metrics/report';

const root = join(__dirname, '../..');
const scenariosDir = join(root, 'scenarios');

function shipped(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'invalid' ? [] : shipped(p);
    return /\.(ya?ml|json)$/.test(f) ? [p] : [];
  });
}

/** Round numbers to 4 significant digits so the pin is about behaviour, not last bits. */
function rounded(r: Report): unknown {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(4));
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const { wallMs: _wall, ...rest } = r;
  return walk(rest);
}

describe('golden runs of shipped scenarios', () => {
  for (const file of shipped(scenariosDir)) {
    const name = relative(scenariosDir, file).replace(/[\\/]/g, '__').replace(/\.(ya?ml|json)$/, '');
    it(`GOLD ${relative(root, file)}`, () => {
      let scenario = scenarioFrom(readFileSync(file, 'utf8'), relative(root, file));
      // The theory checks are long by design (tests/validation runs them against
      // theory); here a first minute after warmup is enough to pin behaviour.
      if (file.includes(`${join('scenarios', 'validation')}`)) {
        scenario = { ...scenario, durationMs: Math.min(scenario.durationMs, scenario.warmupMs + 60_000) };
      }
      const world = new World(scenario);
      world.run();
      const got = rounded(world.report());
      const goldenPath = join(__dirname, `${name}.json`);
      const text = JSON.stringify(got, null, 2) + '\n';
      if (!existsSync(goldenPath) || process.env.MICROCOSM_UPDATE_GOLDEN) {
        if (process.env.MICROCOSM_UPDATE_GOLDEN || !process.env.CI) {
          writeFileSync(goldenPath, text);
          return;
        }
        throw new Error(`no golden file ${goldenPath}; run the tests locally and review it`);
      }
      const want = JSON.parse(readFileSync(goldenPath, 'utf8'));
      if (JSON.stringify(want) !== JSON.stringify(got)) writeFileSync(join(__dirname, `${name}-changed.json`), text);
      expect(got).toEqual(want);
    });
  }
});
