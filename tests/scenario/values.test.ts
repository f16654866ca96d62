import { describe, expect, test } from 'vitest';
import {
  parseComparison, parseDistribution, parseDuration, parseFraction, parseKeys, parseRate, type Parsed,
} from '../../src/scenario';
import { editDistance, suggest } from '../../src/scenario/suggest';

function value<T>(r: Parsed<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
}
function message<T>(r: Parsed<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.message;
}

describe('VAL-1 durations: 250ms, 1.5s, 2m, 1h; bare number = ms; ≥ 0; ≤ 1 year', () => {
  test.each([
    ['250ms', 250], ['1.5s', 1500], ['2m', 120_000], ['1h', 3_600_000], ['0', 0], [0, 0], [120, 120],
    ['1.1s', 1100], ['0.5ms', 0.5], [' 30s ', 30_000], ['30 s', 30_000], ['.5s', 500], ['1e3', 1000], ['2e-1s', 200],
    ['8760h', 365 * 24 * 3_600_000],
  ] as const)('%j → %d ms', (input, ms) => {
    expect(value(parseDuration(input))).toBe(ms);
  });

  test('bad forms say what would be valid', () => {
    expect(message(parseDuration('fast'))).toBe('expected a duration like 250ms, 1.5s, 2m; got "fast"');
    expect(message(parseDuration('5sec'))).toBe('unknown duration unit "sec" in "5sec"; units: ms, s, m, h (e.g. 5s)');
    expect(message(parseDuration('2d'))).toBe('unknown duration unit "d" in "2d"; units: ms, s, m, h (e.g. 2s)');
    expect(message(parseDuration('-5s'))).toBe('a duration must be ≥ 0; got -5s');
    expect(message(parseDuration(-1))).toBe('a duration must be ≥ 0; got -1ms');
    expect(message(parseDuration(NaN))).toBe('expected a duration like 250ms, 1.5s, 2m; got .nan');
    expect(message(parseDuration(Infinity))).toBe('expected a duration like 250ms, 1.5s, 2m; got .inf');
    expect(message(parseDuration([1]))).toBe('expected a duration like 250ms, 1.5s, 2m; got a list');
    expect(message(parseDuration(null))).toBe('expected a duration like 250ms, 1.5s, 2m; got nothing');
    expect(message(parseDuration('NaN'))).toBe('expected a duration like 250ms, 1.5s, 2m; got "NaN"');
  });

  test('absurd durations name the limit', () => {
    expect(message(parseDuration('8761h'))).toBe('duration 8761h is longer than the limit of 1 year (8760h)');
    expect(message(parseDuration('1e400s'))).toBe('duration 1e400s is longer than the limit of 1 year (8760h)');
    expect(message(parseDuration(1e300))).toMatch(/limit of 1 year/);
  });
});

describe('VAL-2 rates: 200/s, 3000/m, 10/h; bare number = per second; ≤ 1e6/s', () => {
  test.each([
    ['200/s', 200], ['3000/m', 50], ['10/h', 10 / 3600], [5, 5], ['5', 5], ['0/s', 0], ['1.5 / s', 1.5], ['1e6/s', 1e6],
  ] as const)('%j → %d/s', (input, perSec) => {
    expect(value(parseRate(input))).toBeCloseTo(perSec, 12);
  });

  test('bad forms and limits', () => {
    expect(message(parseRate('fast'))).toBe('expected a rate like 200/s, 3000/m, 10/h (a bare number is per second); got "fast"');
    expect(message(parseRate('200/sec'))).toBe('unknown rate unit "/sec" in "200/sec"; use /s, /m or /h (e.g. 200/s)');
    expect(message(parseRate('200 rps'))).toBe('unknown rate unit "rps" in "200 rps"; use /s, /m or /h (e.g. 200/s)');
    expect(message(parseRate('-1/s'))).toBe('a rate must be ≥ 0; got -1/s');
    expect(message(parseRate(1e12))).toBe('rate 1000000000000/s is above the limit of 1000000/s per source');
    expect(message(parseRate('1e12/s'))).toBe('rate 1e12/s is above the limit of 1000000/s per source');
    expect(message(parseRate('1000001'))).toBe('rate 1000001 is above the limit of 1000000/s per source');
    expect(message(parseRate(Infinity))).toMatch(/^expected a rate .* got \.inf$/);
  });
});

describe('VAL-3 fractions: 60% or 0.6, in 0..1', () => {
  test.each([['60%', 0.6], [0.6, 0.6], ['0.5%', 0.005], ['100%', 1], [0, 0], [1, 1], ['0.25', 0.25]] as const)('%j → %d', (input, f) => {
    expect(value(parseFraction(input))).toBe(f);
  });

  test('out of range and malformed', () => {
    expect(message(parseFraction('150%'))).toBe('a fraction is between 0 and 1 (0% to 100%); got 150%');
    expect(message(parseFraction(5))).toBe('a fraction is between 0 and 1; got 5 (for 5 percent write 5%)');
    expect(message(parseFraction(-0.1))).toBe('a fraction is between 0 and 1 (0% to 100%); got -0.1');
    expect(message(parseFraction('half'))).toBe('expected a fraction like 60% or 0.6; got "half"');
    expect(message(parseFraction(NaN))).toBe('expected a fraction like 60% or 0.6; got .nan');
  });
});

describe('VAL-4 distributions (all duration arguments take units)', () => {
  test.each([
    ['5ms', { kind: 'const', value: 5 }],
    [7, { kind: 'const', value: 7 }],
    ['exp(5ms)', { kind: 'exp', mean: 5 }],
    ['exp( 1s )', { kind: 'exp', mean: 1000 }],
    ['lognormal(3ms, 0.5)', { kind: 'lognormal', median: 3, sigma: 0.5 }],
    ['normal(10ms,2ms)', { kind: 'normal', mean: 10, sd: 2 }],
    ['uniform(1ms, 1s)', { kind: 'uniform', min: 1, max: 1000 }],
    ['erlang(3, 6ms)', { kind: 'erlang', k: 3, mean: 6 }],
    ['pareto(2ms, 2.5)', { kind: 'pareto', scale: 2, shape: 2.5 }],
    ['pareto(2ms, 0.8)', { kind: 'pareto', scale: 2, shape: 0.8 }], // infinite mean: allowed
    ['bimodal(2ms, 200ms, 1%)', { kind: 'bimodal', fast: 2, slow: 200, slowFraction: 0.01 }],
    ['bimodal(2, 2s, 0.1)', { kind: 'bimodal', fast: 2, slow: 2000, slowFraction: 0.1 }],
  ] as const)('%j', (input, dist) => {
    expect(value(parseDistribution(input))).toEqual(dist);
  });

  test('errors name the function, the argument and the fix', () => {
    expect(message(parseDistribution('expo(5ms)'))).toBe(
      'unknown distribution "expo"; did you mean "exp"? distributions: exp, lognormal, normal, uniform, erlang, pareto, bimodal');
    expect(message(parseDistribution('exp(5ms, 2)'))).toBe('exp takes 1 argument (mean), e.g. exp(5ms); got 2');
    expect(message(parseDistribution('lognormal(3ms)'))).toBe('lognormal takes 2 arguments (median, sigma), e.g. lognormal(3ms, 0.5); got 1');
    expect(message(parseDistribution('lognormal(3ms, 5ms)'))).toBe('lognormal sigma: expected a plain number like 0.5 (no unit); got "5ms"');
    expect(message(parseDistribution('exp(fast)'))).toBe('exp mean: expected a duration like 250ms, 1.5s, 2m; got "fast"');
    expect(message(parseDistribution('erlang(2.5, 1ms)'))).toBe('erlang k: expected a whole number like 3; got 2.5');
    expect(message(parseDistribution('erlang(0, 1ms)'))).toBe('erlang: k must be a whole number from 1 to 1000; got 0');
    expect(message(parseDistribution('exp(0ms)'))).toBe('exp: mean must be > 0, e.g. exp(5ms)');
    expect(message(parseDistribution('uniform(5ms, 1ms)'))).toBe('uniform: min must not be above max; got min 5ms, max 1ms');
    expect(message(parseDistribution('pareto(1ms, 0)'))).toBe('pareto: shape must be > 0 (and at most 1000000); got 0');
    expect(message(parseDistribution('lognormal(1ms, 50)'))).toBe('lognormal: sigma must be between 0 and 10; got 50');
    expect(message(parseDistribution('bimodal(1ms, 2ms, 150%)'))).toBe('bimodal slowFraction: a fraction is between 0 and 1 (0% to 100%); got 150%');
    expect(message(parseDistribution('exp 5ms'))).toBe('expected exp(mean) with parentheses, e.g. exp(5ms); got "exp 5ms"');
    expect(message(parseDistribution('-3ms'))).toBe('a duration must be ≥ 0; got -3ms');
    expect(message(parseDistribution('fast'))).toBe(
      'expected a distribution: a duration like 5ms, or exp(mean), lognormal(median, sigma), normal(mean, sd), uniform(min, max), erlang(k, mean), pareto(scale, shape), bimodal(fast, slow, slowFraction); got "fast"');
    expect(message(parseDistribution({ mean: 5 }))).toMatch(/got a mapping$/);
  });
});

describe('VAL-5 keys: zipf(n, s) | uniform(n)', () => {
  test('good forms', () => {
    expect(value(parseKeys('zipf(10000, 1.1)'))).toEqual({ kind: 'zipf', n: 10000, s: 1.1 });
    expect(value(parseKeys('uniform(500)'))).toEqual({ kind: 'uniform', n: 500 });
  });
  test('bad forms', () => {
    expect(message(parseKeys('zipf(10000)'))).toBe('zipf takes 2 arguments (n, s), e.g. zipf(10000, 1.1); got 1');
    expect(message(parseKeys('zipf(0, 1)'))).toBe('zipf: n must be a whole number from 1 to 1000000000; got 0');
    expect(message(parseKeys('zipff(10, 1)'))).toBe('unknown key popularity "zipff"; did you mean "zipf"? key popularities: zipf, uniform');
    expect(message(parseKeys(5))).toBe('expected key popularity like zipf(10000, 1.1) or uniform(1000); got 5');
  });
});

describe('VAL-6 comparisons: <, <=, >, >=, == against the metric\'s unit', () => {
  test('ops and operands', () => {
    expect(value(parseComparison('< 800ms', parseDuration))).toEqual({ op: '<', value: 800, text: '< 800ms' });
    expect(value(parseComparison('<=1.5s', parseDuration))).toEqual({ op: '<=', value: 1500, text: '<= 1.5s' });
    expect(value(parseComparison('>= 99%', parseFraction))).toEqual({ op: '>=', value: 0.99, text: '>= 99%' });
    expect(value(parseComparison('== 0', parseFraction))).toEqual({ op: '==', value: 0, text: '== 0' });
    expect(value(parseComparison(0, parseFraction))).toEqual({ op: '==', value: 0, text: '== 0' });
    expect(value(parseComparison('> 10/s', parseRate))).toEqual({ op: '>', value: 10, text: '> 10/s' });
  });
  test('bad ops and operands', () => {
    expect(message(parseComparison('= 5ms', parseDuration))).toBe('unknown comparison "="; did you mean "=="? comparisons: <=, >=, ==, <, >');
    expect(message(parseComparison('!= 5ms', parseDuration))).toBe('unknown comparison "!="; comparisons: <=, >=, ==, <, >');
    expect(message(parseComparison('<', parseDuration))).toBe('expected a comparison like "< 800ms" (ops: <=, >=, ==, <, >); got "<"');
    expect(message(parseComparison('< fast', parseDuration))).toBe('expected a duration like 250ms, 1.5s, 2m; got "fast"');
    expect(message(parseComparison([1], parseDuration))).toMatch(/got a list$/);
  });
});

describe('SUG-1 did you mean: Damerau distance ≤ 2 or a prefix', () => {
  test('distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('wrokers', 'workers')).toBe(1);
    expect(editDistance('paymnt', 'payment')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  test('suggestions', () => {
    expect(suggest('wrokers', ['instances', 'workers', 'queue'])).toBe('workers');
    expect(suggest('Workers', ['instances', 'workers'])).toBe('workers');
    expect(suggest('instnce', ['instances', 'workers'])).toBe('instances');
    expect(suggest('work', ['instances', 'workers'])).toBe('workers'); // prefix
    expect(suggest('zzzzzz', ['instances', 'workers'])).toBeUndefined();
    expect(suggest('x', ['at', 'for'])).toBeUndefined(); // short words need distance ≤ 1
    expect(suggest('a'.repeat(100_000), ['workers'])).toBeUndefined(); // cheap for huge keys
  });
});
