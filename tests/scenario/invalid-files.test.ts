import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatError, loadScenario } from '../../src/scenario';

/**
 * scenarios/invalid/*.yaml: each bad file says in its header what is wrong and,
 * in `# expect: line:column path: message…` lines, every error it must produce
 * (a prefix of `path: message`). No more, no fewer.
 */
const dir = new URL('../../scenarios/invalid/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('INV every example of a bad file fails exactly as its header says', () => {
  test('there are examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  test.each(files)('%s', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    expect(text.startsWith('# Invalid')).toBe(true);
    const expected = [...text.matchAll(/^# expect: (\d+):(\d+) (.*)$/gm)].map((m) => `${name}:${m[1]}:${m[2]}: ${m[3]}`);
    expect(expected.length).toBeGreaterThan(0);
    const r = loadScenario(text, name);
    expect(r.ok).toBe(false);
    const actual = r.ok ? [] : r.errors.map(formatError);
    expect(actual).toHaveLength(expected.length);
    for (const [i, prefix] of expected.entries()) expect(actual[i]!.startsWith(prefix), `${actual[i]}\n  should start with\n${prefix}`).toBe(true);
  });
});
