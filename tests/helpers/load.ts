/**
 * Scenario files for tests: read a file under scenarios/ and load it through
 * the real loader (src/scenario/load.ts), so a test runs exactly what the CLI
 * and the page would run. An invalid file fails the test with the loader's
 * positioned messages (`file:line:column: path: message`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { loadScenario } from '../../src/scenario/load';
import { formatError } from '../../src/scenario/errors';
import type { Scenario } from '../../src/scenario/types';

/** The repository's scenarios/ folder. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Load `scenarios/<rel>` (e.g. `validation/mm1-rho80.yaml`); throws with the loader's errors. */
export function loadScenarioFile(rel: string): Scenario {
  const path = join(SCENARIOS_DIR, rel);
  const text = readFileSync(path, 'utf8');
  const file = relative(join(SCENARIOS_DIR, '..'), path);
  const r = loadScenario(text, file);
  if (!r.ok) throw new Error(`invalid scenario ${file}:\n` + r.errors.map(formatError).join('\n'));
  return r.scenario;
}

/** Scenario files in `scenarios/<dir>`, relative to scenarios/, sorted. */
export function scenarioFiles(dir: string): string[] {
  return readdirSync(join(SCENARIOS_DIR, dir))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);
}
