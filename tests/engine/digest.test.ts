import { describe, expect, it } from 'vitest';
import { Digest } from '../../src/engine/digest';

describe('Digest', () => {
  it('DIG-1 the same trace gives the same 16-hex digest', () => {
    const a = new Digest(), b = new Digest();
    for (let i = 0; i < 100; i++) { a.add(i * 1.5, i % 7, i); b.add(i * 1.5, i % 7, i); }
    expect(a.hex()).toBe(b.hex());
    expect(a.hex()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('DIG-2 any change of time, kind, id or order changes it', () => {
    const base = (f?: (d: Digest, i: number) => boolean) => {
      const d = new Digest();
      for (let i = 0; i < 10; i++) if (!f?.(d, i)) d.add(i + 0.25, 3, i);
      return d.hex();
    };
    const ref = base();
    expect(base((d, i) => (i === 4 ? (d.add(4.25000001, 3, 4), true) : false))).not.toBe(ref);
    expect(base((d, i) => (i === 4 ? (d.add(4.25, 2, 4), true) : false))).not.toBe(ref);
    expect(base((d, i) => (i === 4 ? (d.add(4.25, 3, 5), true) : false))).not.toBe(ref);
    const swapped = new Digest();
    for (const i of [0, 1, 2, 4, 3, 5, 6, 7, 8, 9]) swapped.add(i + 0.25, 3, i);
    expect(swapped.hex()).not.toBe(ref);
  });
});
