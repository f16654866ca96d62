/** What a typed setting means: whole numbers within the file's limits, or unbounded for a queue. */
import { describe, expect, it } from 'vitest';
import { parseSetting } from '../../src/ui/ServiceSettings';

describe('parseSetting', () => {
  it('whole numbers within bounds', () => {
    expect(parseSetting(' 16 ', 1, 10_000, false)).toEqual({ ok: true, value: 16 });
    expect(parseSetting('0', 1, 10_000, false)).toEqual({ ok: false, message: 'from 1 to 10,000' });
    expect(parseSetting('2.5', 1, 10, false)).toEqual({ ok: false, message: 'a whole number' });
    expect(parseSetting('', 1, 10, false).ok).toBe(false);
  });
  it('unbounded only where allowed', () => {
    expect(parseSetting('unbounded', 0, 100, true)).toEqual({ ok: true, value: Infinity });
    expect(parseSetting('Unbounded', 0, 100, false)).toEqual({ ok: false, message: 'a whole number' });
  });
});
