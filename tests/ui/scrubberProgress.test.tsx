// @vitest-environment happy-dom
/**
 * The scrubber during a long seek: a line on the track from where the
 * re-simulation started to where it has got, and the percentage in the
 * polite status, changed at most twice a second.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setPort, useApp } from '../../src/store';
import { Scrubber, seekPercent } from '../../src/ui/Scrubber';
import type { ScenarioMeta } from '../../src/worker/protocol';
import type { WorldSnapshot } from '../../src/model/snapshot';
import type { SeekProgress } from '../../src/store/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const meta = {
  name: 'S', description: '', file: 's.yaml', seed: 1, durationMs: 1_000_000, warmupMs: 0,
  services: [], workloads: [], routes: [], layout: {}, timeline: [],
} as unknown as ScenarioMeta;
const snapshot = (timeMs: number) => ({ timeMs, events: 1, intervalMs: 1000, series: {}, load: {}, stopped: null, faults: [], services: [], edges: [], hops: [], log: [] }) as unknown as WorldSnapshot;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  setPort({ postMessage: () => {} });
  useApp.setState({
    meta, invalid: null, snapshot: snapshot(800_000), reachMs: 800_000, seeking: { id: 5, ms: 400_000 }, seekProgress: null, fork: null, recorded: [],
  });
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root.render(<Scrubber />));
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

const status = () => host.querySelector<HTMLElement>('[role="status"]');
const bar = () => host.querySelector<HTMLElement>('[data-testid="seek-progress"]');
const fill = () => host.querySelector<HTMLElement>('[data-testid="seek-progress-fill"]')!.style.width;
const report = (p: Partial<SeekProgress>) => act(() => useApp.setState({ seekProgress: { id: 5, fromMs: 0, atMs: 0, targetMs: 400_000, ...p } }));
const wait = (ms: number) => act(() => { vi.advanceTimersByTime(ms); });

describe('scrubber: seek progress', () => {
  it('SCRUB-31 whole percent of the way from where the seek started, 100 only at the target', () => {
    expect(seekPercent({ id: 1, fromMs: 0, atMs: 168_000, targetMs: 400_000 })).toBe(42);
    expect(seekPercent({ id: 1, fromMs: 600_000, atMs: 650_000, targetMs: 700_000 })).toBe(50);
    expect(seekPercent({ id: 1, fromMs: 0, atMs: 399_999, targetMs: 400_000 })).toBe(99);
    expect(seekPercent({ id: 1, fromMs: 0, atMs: 400_000, targetMs: 400_000 })).toBe(100);
    expect(seekPercent({ id: 1, fromMs: 300_000, atMs: 300_000, targetMs: 300_000 })).toBe(100);
  });

  it('SCRUB-32 no bar and no number until the worker reports (a quick seek shows neither)', () => {
    expect(status()!.textContent).toBe('re-simulating…');
    expect(status()!.getAttribute('aria-live')).toBe('polite');
    expect(bar()).toBeNull();
    // Another seek's report is not this one's.
    report({ id: 4, atMs: 100_000 });
    expect(bar()).toBeNull();
    expect(status()!.textContent).toBe('re-simulating…');
  });

  it('SCRUB-33 the bar spans the seek\'s way (start of the re-simulation → target), filled as far as it got; the status says how far', () => {
    report({ atMs: 168_000 });
    expect(bar()!.style.left).toBe('0.000%');
    expect(bar()!.style.width).toBe('40.000%');
    expect(fill()).toBe('42.000%');
    expect(bar()!.getAttribute('aria-hidden')).toBe('true');
    expect(status()!.textContent).toBe('re-simulating… 42 %');
    expect(status()!.getAttribute('aria-atomic')).toBe('true');
    // A seek forward: from where it ran on.
    act(() => useApp.setState({ seeking: { id: 6, ms: 700_000 }, seekProgress: { id: 6, fromMs: 600_000, atMs: 650_000, targetMs: 700_000 } }));
    wait(500);
    expect(bar()!.style.left).toBe('60.000%');
    expect(bar()!.style.width).toBe('10.000%');
    expect(fill()).toBe('50.000%');
    expect(status()!.textContent).toBe('re-simulating… 50 %');
    // Landed: neither.
    act(() => useApp.setState({ seeking: null, seekProgress: null }));
    expect(bar()).toBeNull();
    expect(status()).toBeNull();
  });

  it('SCRUB-34 the bar follows every report; the status text changes at most every 500 ms, to the newest', () => {
    report({ atMs: 40_000 });
    expect(status()!.textContent).toBe('re-simulating… 10 %');
    wait(200);
    report({ atMs: 80_000 });
    expect(fill()).toBe('20.000%');
    expect(status()!.textContent).toBe('re-simulating… 10 %');
    wait(200);
    report({ atMs: 120_000 });
    expect(status()!.textContent).toBe('re-simulating… 10 %');
    wait(99);
    expect(status()!.textContent).toBe('re-simulating… 10 %');
    wait(1);
    expect(status()!.textContent).toBe('re-simulating… 30 %');
    expect(status()!.dataset.percent).toBe('30');
    // A newer seek with no report yet: the number goes at once.
    act(() => useApp.setState({ seeking: { id: 7, ms: 100_000 }, seekProgress: null }));
    expect(status()!.textContent).toBe('re-simulating…');
  });
});
