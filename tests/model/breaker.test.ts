/** Rule-cited checks of the breaker against Resilience4j's documented behaviour (semantics.md). */
import { describe, expect, it } from 'vitest';
import { Breaker, type BreakerTransition } from '../../src/model/breaker';
import type { BreakerPolicy } from '../../src/scenario/types';

const policy = (p: Partial<BreakerPolicy> = {}): BreakerPolicy => ({
  windowType: 'count', windowSize: 10, minCalls: 5, failureRate: 0.5, slowCallMs: 60_000, slowRate: 1,
  openMs: 1000, halfOpenCalls: 3, ...p,
});

function feed(b: Breaker, now: number, outcomes: string): void {
  for (const c of outcomes) {
    expect(b.tryAcquire(now)).toBe(true);
    b.onResult(now, c === 'x', c === 's' ? 70_000 : 5);
  }
}

describe('Breaker (Resilience4j semantics)', () => {
  it('BRK-1 stays closed until minCalls results are recorded, whatever they are', () => {
    const b = new Breaker(policy());
    feed(b, 0, 'xxxx');
    expect(b.state).toBe('closed');
    feed(b, 0, 'x');
    expect(b.state).toBe('open');
  });

  it('BRK-2 opens when the failure rate over the window reaches the threshold (50 % of 10)', () => {
    const b = new Breaker(policy({ minCalls: 10 }));
    feed(b, 0, '.....xxxx.');
    expect(b.state).toBe('closed'); // 4/10 = 40 %
    feed(b, 0, 'x'); // window slides: drops a success, 5/10 = 50 %
    expect(b.state).toBe('open');
  });

  it('BRK-3 an open breaker rejects calls until the wait has passed, then admits only the permitted half-open calls', () => {
    const b = new Breaker(policy());
    feed(b, 0, 'xxxxx');
    expect(b.tryAcquire(999)).toBe(false);
    expect(b.state).toBe('open');
    expect(b.tryAcquire(1000)).toBe(true);
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire(1000)).toBe(true);
    expect(b.tryAcquire(1000)).toBe(true);
    expect(b.tryAcquire(1000)).toBe(false); // 3 permitted calls only
  });

  it('BRK-4 half-open closes when the permitted calls mostly succeed, reopens when they fail', () => {
    const a = new Breaker(policy());
    feed(a, 0, 'xxxxx');
    for (let i = 0; i < 3; i++) a.tryAcquire(2000);
    a.onResult(2000, false, 5); a.onResult(2000, true, 5);
    expect(a.state).toBe('half-open'); // waits for all 3
    a.onResult(2000, false, 5); // 1/3 failed < 50 %
    expect(a.state).toBe('closed');

    const b = new Breaker(policy());
    feed(b, 0, 'xxxxx');
    for (let i = 0; i < 3; i++) b.tryAcquire(2000);
    b.onResult(2000, true, 5); b.onResult(2000, true, 5); b.onResult(2000, false, 5);
    expect(b.state).toBe('open');
    expect(b.opened).toBe(2);
    expect(b.tryAcquire(2999)).toBe(false); // a fresh wait from the reopening
  });

  it('BRK-5 slow calls open it at the slow-call rate threshold', () => {
    const b = new Breaker(policy({ slowCallMs: 100, slowRate: 0.6 }));
    feed(b, 0, 'ss...');
    expect(b.state).toBe('closed'); // 2/5 = 40 % slow
    feed(b, 0, 'ss');
    expect(b.state).toBe('closed'); // 4/7 ≈ 57 %
    feed(b, 0, 's');
    expect(b.state).toBe('open'); // 5/8 ≈ 62 %
  });

  it('BRK-6 a time-based window forgets calls older than the window', () => {
    const b = new Breaker(policy({ windowType: 'time', windowSize: 10_000, minCalls: 4 }));
    feed(b, 0, 'xxx');
    feed(b, 11_000, '.'); // the three failures are 11 s old: gone
    expect(b.state).toBe('closed');
    feed(b, 11_500, 'xxx'); // 3 of 4 in the last 10 s fail
    expect(b.state).toBe('open');
  });

  it('BRK-7 results that arrive while open are ignored; every transition is reported', () => {
    const seen: BreakerTransition[] = [];
    const b = new Breaker(policy(), (t) => seen.push(t));
    feed(b, 0, 'xxxxx');
    b.onResult(10, false, 5);
    expect(b.state).toBe('open');
    b.tryAcquire(1500);
    expect(seen.map((t) => `${t.from}>${t.to}@${t.atMs}`)).toEqual(['closed>open@0', 'open>half-open@1500']);
  });
});
