import { describe, expect, it } from 'vitest';
import {
  DURATIONS, errorsAction, faultsOn, faultServices, killAction, latencyAction, partitionAction, pendingActions, shareLeft, slowAction, timeLeft,
} from '../../src/ui/breakPanel';
import { describeAction, timelineYaml } from '../../src/ui/recording';
import { cellAt, faultTag } from '../../src/render/geometry';
import type { ActiveFault } from '../../src/model/snapshot';

const fault = (p: Partial<ActiveFault>): ActiveFault => ({ id: 1, kind: 'errors', target: 'back', detail: '50% errors', sinceMs: 10_000, untilMs: 40_000, ...p });

describe('inspector actions', () => {
  it('builds the timeline actions the scenario file also accepts', () => {
    expect(killAction('back', 'all')).toEqual({ ok: true, action: { kind: 'kill', service: 'back', count: 'all' } });
    expect(latencyAction('back', 200)).toEqual({ ok: true, action: { kind: 'latency', service: 'back', add: { kind: 'const', value: 200 } } });
    expect(errorsAction('back', 50)).toEqual({ ok: true, action: { kind: 'errors', service: 'back', rate: 0.5 } });
    expect(slowAction('back', 3)).toEqual({ ok: true, action: { kind: 'slow', service: 'back', factor: 3 } });
    expect(partitionAction('front', 'back')).toEqual({ ok: true, action: { kind: 'partition', between: ['front', 'back'] } });
  });

  it('refuses values the file would refuse, saying what is valid', () => {
    for (const b of [latencyAction('x', 0), latencyAction('x', NaN), errorsAction('x', 0), errorsAction('x', 101), slowAction('x', 0), slowAction('x', 1001), partitionAction('x', 'x'), killAction('x', 0)]) {
      expect(b.ok).toBe(false);
      if (!b.ok) expect(b.message).toMatch(/\w+: /);
    }
  });

  it('records them in the notation of the timeline', () => {
    const item = { atMs: 6000, forMs: 10_000, action: { kind: 'errors', service: 'back', rate: 0.4 } } as const;
    expect(timelineYaml([item])).toBe('  - { at: 6000ms, for: 10000ms, errors: back, rate: 40% }');
    expect(describeAction(item.action)).toBe('errors back 40%');
  });

  it('offers 10 s, 30 s, 60 s and until the end', () => {
    expect(DURATIONS.map((d) => d.ms)).toEqual([10_000, 30_000, 60_000, null]);
  });
});

describe('faults panel', () => {
  it('says how long a fault has left, in simulated time', () => {
    expect(timeLeft(fault({}), 32_550)).toBe('7.5s left');
    expect(timeLeft(fault({}), 15_000)).toBe('25s left');
    expect(timeLeft(fault({ untilMs: 200_000 }), 15_000)).toBe('3m 05s left');
    expect(timeLeft(fault({}), 50_000)).toBe('0.0s left');
    expect(timeLeft(fault({ untilMs: null }), 15_000)).toBe('until end');
    expect(shareLeft(fault({}), 25_000)).toBeCloseTo(0.5);
    expect(shareLeft(fault({ untilMs: null }), 25_000)).toBe(1);
  });

  it('a partition acts on both of its services', () => {
    const p = fault({ kind: 'partition', target: 'front ↔ back', detail: 'calls refused' });
    expect(faultServices(p)).toEqual(['front', 'back']);
    expect(faultsOn([p, fault({ target: 'db' })], 'front')).toEqual([p]);
    expect(faultTag('front', [p])).toBe('cut ↔ back');
    expect(faultTag('back', [fault({})])).toBe('50% err');
    expect(faultTag('back', [fault({}), p])).toBe('2 faults');
  });

  it('lists actions sent while paused until a snapshot passes their time', () => {
    const kill = { atMs: 5000, forMs: null, action: { kind: 'kill', service: 'back', count: 1 } } as const;
    const load = { atMs: 5000, forMs: null, action: { kind: 'load', workload: 'w', perSec: 3 } } as const;
    expect(pendingActions([kill, load], 5000)).toEqual([kill]);
    expect(pendingActions([kill, load], 5001)).toEqual([]);
  });
});

describe('canvas hit test', () => {
  it('finds the instance cell under a point of a service node', () => {
    expect(cellAt(12 + 6, 34 + 6, 2)).toBe(0);
    expect(cellAt(12 + 17 + 6, 34 + 6, 2)).toBe(1);
    expect(cellAt(12 + 2 * 17 + 6, 34 + 6, 2)).toBeNull(); // no third instance
    expect(cellAt(12 + 6, 34 + 17 + 6, 12)).toBe(10); // second row
    expect(cellAt(100, 10, 2)).toBeNull(); // the title row
  });
});
