import { describe, expect, test } from 'vitest';
import { formatError, loadScenario, LIMITS } from '../../src/scenario';
import { errors, minimal, ok, y } from './helpers';

function timed(text: string): { ms: number; lines: string[] } {
  const t0 = performance.now();
  const r = loadScenario(text, 'big.yaml');
  const ms = performance.now() - t0;
  return { ms, lines: r.ok ? [] : r.errors.map(formatError) };
}

describe('LIM-1 hostile input is refused quickly, never hangs, never throws', () => {
  test('a file over 2 MB is refused before parsing', () => {
    const { ms, lines } = timed(`description: "${'x'.repeat(LIMITS.maxFileChars)}"`);
    expect(lines).toEqual(['big.yaml:1:1: the file is too large (2.0 MB); the limit is 2.0 MB (a scenario is usually a few KB)']);
    expect(ms).toBeLessThan(100);
  });

  test('a YAML alias bomb (billion laughs) is refused by the alias limit', () => {
    const bomb = y`
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    `;
    const { ms, lines } = timed(bomb);
    expect(lines).toEqual(['big.yaml:2:8: YAML aliases expand too much (more than 100 expansions: an alias bomb?); use fewer aliases']);
    expect(ms).toBeLessThan(1000);
  });

  test('deep nesting is refused before the parser sees it', () => {
    for (const text of ['a: ' + '['.repeat(100_000), '- '.repeat(100_000) + 'x', '? '.repeat(100_000) + 'x', '{a: '.repeat(50_000)]) {
      const { ms, lines } = timed(text);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/nested more than 64 deep|more than 64 nested/);
      expect(ms).toBeLessThan(500);
    }
  });

  test('deep block nesting (indentation) is refused with its path', () => {
    const text = Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    const { lines } = timed(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^big\.yaml:66:66: k(\.k){64}: nesting is too deep/);
  });

  test('many errors are capped, with a count of the rest', () => {
    const text = minimal(Array.from({ length: 300 }, (_, i) => `k${i}: 1`).join('\n'));
    const r = loadScenario(text, 'many.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(LIMITS.maxErrors + 1);
    expect(r.errors[LIMITS.maxErrors]!.message).toBe('…and 200 more errors (showing the first 100); fix these and load again');
    expect(r.errors[0]!.message).toMatch(/^unknown key "k0"/);
  });

  test('counts of things are capped (services, sources)', () => {
    const services = Array.from({ length: LIMITS.maxServices + 1 }, (_, i) => `  s${i}: { endpoints: { a: [ { cpu: 1ms } ] } }`).join('\n');
    expect(errors(`version: 1\nname: T\nduration: 1m\nservices:\n${services}\nworkload: [ { route: s0.a, rate: 1 } ]\n`)).toEqual([
      's.yaml:5:3: services: too many entries (201); the limit is 200',
    ]);
  });

  test('a non-string argument does not throw', () => {
    const r = loadScenario(undefined as unknown as string, 'x.yaml');
    expect(r).toEqual({ ok: false, errors: [{ file: 'x.yaml', line: 0, column: 0, path: '', message: 'expected the text of a scenario file' }] });
  });

  test('a realistic large scenario (100 services, 1000 timeline items) loads fast enough', () => {
    const svc = Array.from({ length: 100 }, (_, i) => `  s${i}: { endpoints: { a: [ { cpu: exp(1ms) }${i < 99 ? `, { call: s${i + 1}.a }` : ''} ] } }`).join('\n');
    const tl = Array.from({ length: 1000 }, (_, i) => `  - { at: ${i}ms, kill: s${i % 100} }`).join('\n');
    const t0 = performance.now();
    const s = ok(`version: 1\nname: Big\nduration: 1h\nservices:\n${svc}\nworkload: [ { route: s0.a, rate: 100/s } ]\ntimeline:\n${tl}\n`);
    expect(s.services).toHaveLength(100);
    expect(s.timeline).toHaveLength(1000);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
