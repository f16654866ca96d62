// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPort, useApp } from '../../src/store';
import { receive } from '../../src/store/receive';
import { InspectorPanel } from '../../src/ui/Inspector';
import { FaultsPanel } from '../../src/ui/FaultsPanel';
import type { ScenarioMeta, ToWorker } from '../../src/worker/protocol';
import type { WorldSnapshot } from '../../src/model/snapshot';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const svc = (name: string, calls: string[] = []) => ({ name, label: name, instances: 2, workers: 4, queue: 10, calls });
const meta = {
  name: 'FB', description: '', file: 'fb.yaml', seed: 1, durationMs: 60_000, warmupMs: 0,
  services: [svc('front', ['back']), svc('back')], workloads: [], routes: ['front.get'], layout: {}, timeline: [],
} as unknown as ScenarioMeta;
const inst = (id: number, state: 'ready' | 'dead') => ({ id, n: id + 1, state, busy: 0, workers: 4, queued: 0, queueCap: 10, arrived: 0, discoverable: state === 'ready' });
const snapshot = (faults: WorldSnapshot['faults'] = []): WorldSnapshot => ({
  timeMs: 12_000, events: 1, intervalMs: 1000, series: {}, load: {}, stopped: null, faults,
  services: [
    { name: 'front', label: 'front', instances: [inst(0, 'ready'), inst(1, 'ready')], requestsPerSec: 50, errorsPerSec: 50, utilization: 0 },
    { name: 'back', label: 'back', instances: [inst(0, 'dead'), inst(1, 'dead')], requestsPerSec: 0, errorsPerSec: 0, utilization: 0 },
  ],
  edges: [{ from: 'front', to: 'back', perSec: 4, errorShare: 1, breakers: { closed: 0, open: 2, halfOpen: 0 } }],
} as unknown as WorldSnapshot);

const sent: ToWorker[] = [];
let host: HTMLDivElement;
let root: Root;
const status = { playing: false, speed: 1 as const, behind: false, done: false, simRate: 0 };

beforeEach(() => {
  sent.length = 0;
  setPort({ postMessage: (m) => sent.push(m) });
  useApp.setState({ meta, snapshot: snapshot(), status, selection: null, recorded: [], failure: null });
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const button = (name: string) => [...host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!;

describe('inspector', () => {
  it('asks for a service until one is selected, then shows its state and breakers', () => {
    act(() => root.render(<InspectorPanel />));
    expect(host.textContent).toContain('Click a service');
    act(() => useApp.getState().select('back', 1));
    expect(host.querySelector('[data-testid="instance-states"]')!.getAttribute('aria-label')).toBe('0 ready, 0 starting, 2 dead');
    expect(host.querySelector('[data-testid="picked-instance"]')!.textContent).toContain('instance 2: dead');
    const brk = host.querySelector('[data-testid="breakers-front-back"]')!;
    expect(brk.getAttribute('aria-label')).toBe('Breakers front → back: 0 closed, 0 half-open, 2 open');
    expect(brk.getAttribute('data-open')).toBe('2');
  });

  it('sends each action with the chosen duration', () => {
    act(() => root.render(<InspectorPanel />));
    act(() => useApp.getState().select('back'));
    act(() => button('10s').click());
    act(() => button('Kill all').click());
    act(() => button('Inject errors').click());
    act(() => button('until end').click());
    act(() => button('Slow CPU').click());
    act(() => button('Partition').click());
    expect(sent).toEqual([
      { type: 'action', action: { kind: 'kill', service: 'back', count: 'all' }, forMs: 10_000 },
      { type: 'action', action: { kind: 'errors', service: 'back', rate: 0.5 }, forMs: 10_000 },
      { type: 'action', action: { kind: 'slow', service: 'back', factor: 3 } },
      { type: 'action', action: { kind: 'partition', between: ['back', 'front'] } },
    ]);
  });

  it('sends nothing once the run is over', () => {
    useApp.setState({ status: { ...status, done: true } });
    act(() => root.render(<InspectorPanel />));
    act(() => useApp.getState().select('back'));
    act(() => button('Kill 1').click());
    expect(sent).toEqual([]);
  });
});

describe('faults panel', () => {
  it('lists active faults with the time they have left, and pending ones while paused', () => {
    act(() => root.render(<FaultsPanel />));
    expect(host.textContent).toContain('none active');
    act(() => {
      useApp.setState({ snapshot: snapshot([{ id: 1, kind: 'errors', target: 'back', detail: '40% errors', sinceMs: 6000, untilMs: 16_000 }]) });
      receive({ type: 'recorded', item: { atMs: 12_000, forMs: null, action: { kind: 'kill', service: 'back', count: 1 } } }, useApp.setState, useApp.getState);
    });
    const items = host.querySelectorAll('li.fault');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('back');
    expect(items[0].querySelector('[data-testid="fault-left"]')!.textContent).toBe('4.0s left');
    expect(items[1].textContent).toContain('kill back × 1');
  });
});
