/** The editor's error underlines: line:column → offsets, the token underlined, the count, the quick fix. */
import { readFileSync } from 'node:fs';
import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario';
import type { ScenarioError } from '../../src/scenario';
import { countText, errorCount, lastKeyOf, suggestionOf, toDiagnostics } from '../../src/ui/editor/diagnostics';
import { errorRange, offsetOf, tokenEnd } from '../../src/ui/editor/positions';

const doc = (s: string) => Text.of(s.split('\n'));
const err = (line: number, column: number, message = 'bad', path = ''): ScenarioError => ({ file: 'f.yaml', line, column, path, message });
const underlined = (d: Text, line: number, col: number) => {
  const r = errorRange(d, line, col);
  return d.sliceString(r.from, r.to);
};

describe('line:column → document offset', () => {
  const d = doc('a: 1\nbb: 22\n\nccc: 333');
  it('is 1-based and counts line starts', () => {
    expect(offsetOf(d, 1, 1)).toBe(0);
    expect(offsetOf(d, 2, 1)).toBe(5);
    expect(offsetOf(d, 2, 5)).toBe(9);
    expect(offsetOf(d, 4, 1)).toBe(13);
  });
  it('clamps: unknown (0) → start, past a line → its end, past the file → the last line', () => {
    expect(offsetOf(d, 0, 0)).toBe(0);
    expect(offsetOf(d, 2, 99)).toBe(11);
    expect(offsetOf(d, 99, 1)).toBe(13);
  });
});

describe('the token an error underlines', () => {
  it('a key up to its colon, a value to a comment or the line end', () => {
    const d = doc('    wrokers: 16   # typo\n    cpu: lognormal(8ms, 0.5)  # slow');
    expect(underlined(d, 1, 5)).toBe('wrokers');
    expect(underlined(d, 1, 14)).toBe('16');
    expect(underlined(d, 2, 10)).toBe('lognormal(8ms, 0.5)');
  });
  it('a flow item up to its comma or bracket, a quoted scalar to its quote', () => {
    const d = doc('get: [ { cpu: exp(4ms), call: catalog.lst } ]\nname: "a, b: c" # x');
    expect(underlined(d, 1, 15)).toBe('exp(4ms)');
    expect(underlined(d, 1, 31)).toBe('catalog.lst');
    expect(underlined(d, 2, 7)).toBe('"a, b: c"');
  });
  it('the line content for an unknown position, a column past the end, or the indentation', () => {
    const d = doc('  name: x  \n');
    expect(underlined(d, 0, 0)).toBe('name: x');
    expect(underlined(d, 1, 40)).toBe('name: x');
    expect(underlined(d, 1, 1)).toBe('name');
  });
  it('never an empty range on a non-empty line; an empty one on an empty line', () => {
    expect(tokenEnd('a: :', 3)).toBe(4); // a lone ':' is a token of its own
    const d = doc('x: :\n\ny');
    const r = errorRange(d, 1, 4);
    expect(r.to - r.from).toBe(1);
    const e = errorRange(d, 2, 1);
    expect(e.to).toBe(e.from);
  });
});

describe('scenario errors → lint diagnostics', () => {
  const shop = readFileSync('scenarios/shop.yaml', 'utf8');
  const broken = shop.replace('    workers: 16', '    wrokers: 16');

  it('a misspelt key in the shop: underlined where the loader says, with did-you-mean and a fix', () => {
    const r = loadScenario(broken, 'scenarios/shop.yaml');
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    const d = doc(broken);
    const [diag] = toDiagnostics(d, errors);
    const line = broken.split('\n').findIndex((l) => l.includes('wrokers')) + 1;
    expect(d.lineAt(diag!.from).number).toBe(line);
    expect(d.sliceString(diag!.from, diag!.to)).toBe('wrokers');
    expect(diag!.message).toContain('did you mean "workers"');
    expect(diag!.source).toBe('services.storefront.wrokers');
    expect(diag!.actions?.map((a) => a.name)).toEqual(['Use "workers"']);
  });

  it('offers a fix only when the underlined token is the misspelt key', () => {
    const d = doc('call: catalg.list');
    const [diag] = toDiagnostics(d, [err(1, 7, 'unknown service "catalg"; did you mean "catalog"?', 'services.a.endpoints.b[0].call')]);
    expect(diag!.actions).toBeUndefined();
  });

  it('picks the suggestion and the key out of the loader\'s wording', () => {
    expect(suggestionOf('unknown key "wrokers"; did you mean "workers"? valid keys: …')).toBe('workers');
    expect(suggestionOf('missing required key "duration"')).toBeNull();
    expect(lastKeyOf('services.web.wrokers')).toBe('wrokers');
    expect(lastKeyOf('workload[0]')).toBeNull();
  });

  it('counts errors, including the "…and N more" cap line', () => {
    expect(countText([])).toBe('valid');
    expect(countText([err(1, 1)])).toBe('1 error');
    expect(countText([err(1, 1), err(2, 1), err(3, 1)])).toBe('3 errors');
    expect(errorCount([err(1, 1), err(2, 1, '…and 40 more errors (showing the first 100); fix these and load again')])).toBe(41);
  });
});
