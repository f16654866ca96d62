/**
 * The theory-check scenarios themselves: each file in scenarios/validation/
 * loads, says which theory it reproduces (a validation.md section) and with
 * which numbers, carries expectations the CLI can grade, and is exercised by
 * one of the validation tests.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile, scenarioFiles } from '../helpers/load';

const here = fileURLToPath(new URL('.', import.meta.url));
const testSources = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => readFileSync(here + f, 'utf8'))
  .join('\n');

describe('scenarios/validation', () => {
  const files = scenarioFiles('validation');

  it('holds the theory checks', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
  });

  for (const file of files) {
    it(`${file}: loads, cites its theory and numbers, has expectations, is tested`, () => {
      const s = loadScenarioFile(file);
      expect(s.name).toMatch(/^Validation: /);
      expect(s.description).toMatch(/validation\.md §1\.\d/);
      expect(s.description).toMatch(/\d+(\.\d+)? ?ms/); // states expected values
      expect(s.expect.length).toBeGreaterThan(0);
      expect(testSources).toContain(`'${file}'`);
    });
  }
});
