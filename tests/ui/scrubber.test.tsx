// @vitest-environment happy-dom
/** The scrubber component: its slider semantics and keys, and the fork tools. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPort, useApp } from '../../src/store';
import { Scrubber } from '../../src/ui/Scrubber';
import { useCompare } from '../../src/ui/compare/compareState';
import type { ScenarioMeta, ToWorker } from '../../src/worker/protocol';
import type { WorldSnapshot } from '../../src/model/snapshot';
import type { TimelineItem } from '../../src/scenario/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const meta = {
  name: 'S', description: '', file: 's.yaml', seed: 1, durationMs: 120_000, warmupMs: 0,
  services: [], workloads: [], routes: [], layout: {},
  timeline: [{ atMs: 90_000, forMs: null, action: { kind: 'kill', service: 'api', count: 1 } }],
} as unknown as ScenarioMeta;
const snapshot = (timeMs: number) => ({ timeMs, events: 1, intervalMs: 1000, series: {}, load: {}, stopped: null, faults: [], services: [], edges: [], hops: [], log: [] }) as unknown as WorldSnapshot;
const loadAt = (atMs: number): TimelineItem => ({ atMs, forMs: null, action: { kind: 'load', workload: 'users', perSec: 900 } });
const killAt = (atMs: number): TimelineItem => ({ atMs, forMs: null, action: { kind: 'kill', service: 'api', count: 1 } });
const TEXT = 'version: 1\nname: S\nservices:\n  api:\n    endpoints:\n      get: [ { cpu: 1ms } ]\nworkload:\n  - { name: users, route: api.get, rate: 10/s }\n';

const sent: ToWorker[] = [];
let host: HTMLDivElement;
let root: Root;
let keysSeenByPage = 0;
const onWindowKey = () => { keysSeenByPage++; };

beforeEach(() => {
  sent.length = 0;
  keysSeenByPage = 0;
  setPort({ postMessage: (m) => sent.push(m) });
  useCompare.getState().close();
  useApp.setState({
    meta, invalid: null, snapshot: snapshot(30_000), reachMs: 40_000, seeking: null, fork: null, recorded: [loadAt(20_000)],
    source: { key: '/s', file: 's.yaml', text: TEXT },
  });
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  window.addEventListener('keydown', onWindowKey);
  act(() => root.render(<Scrubber />));
});

afterEach(() => {
  window.removeEventListener('keydown', onWindowKey);
  act(() => root.unmount());
  host.remove();
});

const slider = () => host.querySelector<HTMLElement>('[role="slider"]')!;
const key = (k: string, shiftKey = false) => act(() => { slider().dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true })); });
const seeks = () => sent.filter((m) => m.type === 'seek').map((m) => (m as { ms: number }).ms);
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('scrubber', () => {
  it('SCRUB-17 is a slider over what the run reached, with the actions as marks', () => {
    expect(slider().getAttribute('aria-valuenow')).toBe('30000');
    expect(slider().getAttribute('aria-valuemin')).toBe('0');
    expect(slider().getAttribute('aria-valuemax')).toBe('40000');
    expect(slider().getAttribute('aria-valuetext')).toBe('0:30.0 of 2:00, reached 0:40');
    expect(host.querySelector<HTMLElement>('.scrub-reach')!.style.width).toBe('33.333%');
    expect(host.querySelectorAll('.scrub-mark.file')).toHaveLength(1);
    expect(host.querySelector<HTMLElement>('.scrub-mark.live')!.style.left).toBe('16.667%');
    expect(button('Compare with original')).toBeUndefined();
  });

  it('SCRUB-18 keys seek (1 s, 10 s with Shift, Home, End), never past the reach, and stay off the page shortcuts', () => {
    key('ArrowLeft');
    expect(seeks()).toEqual([29_000]);
    // Further keys go on from the time being sought, not from the last snapshot.
    key('ArrowLeft', true);
    expect(seeks()).toEqual([29_000, 19_000]);
    key('End');
    key('PageUp');
    key('Home');
    expect(seeks()).toEqual([29_000, 19_000, 40_000, 40_000, 0]);
    expect(keysSeenByPage).toBe(0);
    // Space is the page's: play / pause.
    key(' ');
    expect(keysSeenByPage).toBe(1);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('re-simulating…');
  });

  it('SCRUB-19 a fork shows its badge; Compare opens both runs as scenario texts; Back to original asks the worker', async () => {
    act(() => useApp.setState({ fork: { atMs: 10_000, original: [loadAt(20_000)] }, recorded: [killAt(10_000)], reachMs: 10_000, snapshot: snapshot(10_000) }));
    expect(host.querySelector('[data-testid="fork-badge"]')!.textContent).toBe('forked at 0:10');
    expect(host.querySelectorAll('.scrub-mark.original')).toHaveLength(1);
    await act(async () => { button('Compare with original')!.click(); });
    await expect.poll(() => useCompare.getState().sides).not.toBeNull();
    const [left, right] = useCompare.getState().sides!;
    expect(left).toMatchObject({ label: 'original', file: 's.yaml' });
    expect(left.text).toContain('load: users');
    expect(left.text).not.toContain('kill: api');
    expect(right).toMatchObject({ label: 'fork at 0:10', file: 's.yaml' });
    expect(right.text).toContain('kill: api');
    expect(right.text).not.toContain('load: users');
    act(() => button('Back to original')!.click());
    expect(sent.at(-1)).toMatchObject({ type: 'discardFork' });
  });
});
