import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushChartDraws, queueChartDraw } from '../../src/ui/chartDrawQueue';

describe('chart redraws run one per task', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { flushChartDraws(); vi.useRealTimers(); });

  it('nothing draws inside the caller; then one chart per timer task, in the order queued', () => {
    const drawn: string[] = [];
    const a = {}, b = {}, c = {};
    queueChartDraw(a, () => drawn.push('a'));
    queueChartDraw(b, () => drawn.push('b'));
    queueChartDraw(c, () => drawn.push('c'));
    expect(drawn).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['a', 'b']);
    vi.advanceTimersToNextTimer();
    expect(drawn).toEqual(['a', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a chart queued again before its turn keeps its place and draws once, the newest picture', () => {
    const drawn: string[] = [];
    const a = {}, b = {};
    queueChartDraw(a, () => drawn.push('a1'));
    queueChartDraw(b, () => drawn.push('b1'));
    queueChartDraw(a, () => drawn.push('a2'));
    vi.runAllTimers();
    expect(drawn).toEqual(['a2', 'b1']);
  });

  it('a cancelled draw does not run; a cancel of a replaced draw leaves the newer one', () => {
    const drawn: string[] = [];
    const a = {}, b = {};
    const cancelA = queueChartDraw(a, () => drawn.push('a'));
    const oldB = queueChartDraw(b, () => drawn.push('b1'));
    queueChartDraw(b, () => drawn.push('b2'));
    cancelA();
    oldB();
    vi.runAllTimers();
    expect(drawn).toEqual(['b2']);
  });

  it('flush draws everything waiting at once (an export shows the panel\'s next picture)', () => {
    const drawn: string[] = [];
    queueChartDraw({}, () => drawn.push('a'));
    queueChartDraw({}, () => drawn.push('b'));
    flushChartDraws();
    expect(drawn).toEqual(['a', 'b']);
    vi.runAllTimers();
    expect(drawn).toEqual(['a', 'b']);
  });

  it('a draw that throws does not stop the others', () => {
    const drawn: string[] = [];
    queueChartDraw({}, () => { throw new Error('boom'); });
    queueChartDraw({}, () => drawn.push('b'));
    expect(() => vi.advanceTimersToNextTimer()).toThrow('boom');
    vi.runAllTimers();
    expect(drawn).toEqual(['b']);
  });
});
