/** An exported chart's title wraps to the chart's width (a narrow chart keeps its width, the title is not cut). */
import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/ui/exports';

/** 10 px per character. */
const measure = (s: string) => s.length * 10;

describe('wrapWords', () => {
  it('fills lines greedily by words up to the width', () => {
    expect(wrapWords('Utilisation — service Payment · Shop — a first look', 200, measure)).toEqual([
      'Utilisation —', 'service Payment ·', 'Shop — a first look',
    ]);
  });

  it('one line when it fits; a word wider than the line gets its own', () => {
    expect(wrapWords('Throughput · Shop', 200, measure)).toEqual(['Throughput · Shop']);
    expect(wrapWords('a verylongwordindeed b', 100, measure)).toEqual(['a', 'verylongwordindeed', 'b']);
    expect(wrapWords('', 100, measure)).toEqual(['']);
  });
});
