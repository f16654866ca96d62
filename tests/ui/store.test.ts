import { beforeEach, describe, expect, it } from 'vitest';
import { receiveFromWorker, setPort, useApp } from '../../src/store';
import type { ScenarioMeta, ToWorker } from '../../src/worker/protocol';

const meta = {
  name: 'Shop', description: 'A shop.\nMore.', file: 'scenarios/shop.yaml', seed: 7, durationMs: 60_000, warmupMs: 0,
  services: [], workloads: [{ name: 'browse', kind: 'open', route: 'r', service: 's', maxPerSec: 10, initialPerSec: 10, users: 0 }],
  routes: ['r'], layout: {}, timeline: [],
} as ScenarioMeta;

const sent: ToWorker[] = [];

beforeEach(() => {
  sent.length = 0;
  setPort({ postMessage: (m) => sent.push(m) });
  useApp.setState({ catalog: [{ key: '/scenarios/shop.yaml', group: 'Scenarios', name: 'Shop', summary: 'A shop.', file: 'scenarios/shop.yaml', text: 'name: Shop' }], source: null, pending: null, invalid: null, meta: null });
});

describe('store ↔ worker', () => {
  it('loads a picked scenario and accumulates snapshots', () => {
    useApp.getState().selectScenario('/scenarios/shop.yaml');
    const load = sent[0] as Extract<ToWorker, { type: 'load' }>;
    expect(load).toMatchObject({ type: 'load', file: 'scenarios/shop.yaml' });
    receiveFromWorker({ type: 'loaded', id: load.id, meta });
    expect(useApp.getState().source?.key).toBe('/scenarios/shop.yaml');
    const snap = (t: number) => ({ timeMs: t, events: 1, intervalMs: 1000, faults: [], hops: [], log: [], services: [], edges: [], series: { r: [{ t: t - 1000, requests: 5, ok: 5, errors: 0, p50: 1, p95: 2, p99: 2 }] }, load: { browse: 10 }, stopped: null });
    const status = { playing: true, speed: 1 as const, behind: false, done: false, simRate: 1000 };
    receiveFromWorker({ type: 'snapshot', snapshot: snap(1000), status });
    receiveFromWorker({ type: 'snapshot', snapshot: snap(2000), status });
    expect(useApp.getState().series.r).toHaveLength(2);
    expect(useApp.getState().seriesIntervalMs).toBe(1000);
    expect(useApp.getState().snapshotVersion).toBeGreaterThanOrEqual(2);
  });

  it('an invalid file keeps the running scenario and its text', () => {
    useApp.getState().selectScenario('/scenarios/shop.yaml');
    receiveFromWorker({ type: 'loaded', id: (sent[0] as { id: number }).id, meta });
    useApp.getState().openFile('mine.yaml', 'name: [oops');
    const id = (sent.at(-1) as { id: number }).id;
    receiveFromWorker({ type: 'invalid', id, file: 'mine.yaml', errors: [{ file: 'mine.yaml', line: 1, column: 7, path: '', message: 'unclosed' }] });
    const s = useApp.getState();
    expect(s.invalid).toMatchObject({ file: 'mine.yaml', text: 'name: [oops' });
    expect(s.source?.key).toBe('/scenarios/shop.yaml');
    expect(s.meta?.name).toBe('Shop');
    expect(s.catalog.some((e) => e.key === 'opened:mine.yaml')).toBe(true);
    s.dismissErrors();
    expect(useApp.getState().invalid).toBeNull();
  });

  it('shows a sent load change until a later snapshot carries it', () => {
    useApp.getState().setLoad('browse', 40);
    expect(sent.at(-1)).toEqual({ type: 'action', action: { kind: 'load', workload: 'browse', perSec: 40 } });
    receiveFromWorker({ type: 'recorded', item: { atMs: 5000, forMs: null, action: { kind: 'load', workload: 'browse', perSec: 40 } } });
    expect(useApp.getState().pendingLoad.browse?.perSec).toBe(40);
    const status = { playing: true, speed: 1 as const, behind: false, done: false, simRate: 0 };
    receiveFromWorker({ type: 'snapshot', snapshot: { timeMs: 6000, events: 0, intervalMs: 1000, faults: [], hops: [], log: [], services: [], edges: [], series: {}, load: { browse: 40 }, stopped: null }, status });
    expect(useApp.getState().pendingLoad.browse).toBeUndefined();
  });

  it('sends a live action with its duration, and nothing once the run is over', () => {
    useApp.setState({ meta, status: { playing: false, speed: 1, behind: false, done: false, simRate: 0 } });
    useApp.getState().act({ kind: 'kill', service: 's', count: 1 }, 30_000);
    useApp.getState().act({ kind: 'partition', between: ['a', 'b'] });
    expect(sent).toEqual([
      { type: 'action', action: { kind: 'kill', service: 's', count: 1 }, forMs: 30_000 },
      { type: 'action', action: { kind: 'partition', between: ['a', 'b'] } },
    ]);
    useApp.setState({ status: { playing: false, speed: 1, behind: false, done: true, simRate: 0 } });
    useApp.getState().act({ kind: 'kill', service: 's', count: 1 });
    expect(sent).toHaveLength(2);
  });

  it('keeps the selection across a reload only while its service exists', () => {
    const withS = { ...meta, services: [{ name: 's', label: 'S', instances: 1, workers: 1, queue: 1, calls: [], model: 'threads', balancer: 'round-robin', startupMs: 0, restartMs: 0 }] } as ScenarioMeta;
    useApp.getState().select('s', 0);
    expect(useApp.getState().selection).toEqual({ service: 's', instance: 0 });
    useApp.getState().selectScenario('/scenarios/shop.yaml');
    receiveFromWorker({ type: 'loaded', id: (sent.at(-1) as { id: number }).id, meta: withS });
    expect(useApp.getState().selection).toEqual({ service: 's', instance: 0 });
    useApp.getState().selectScenario('/scenarios/shop.yaml');
    receiveFromWorker({ type: 'loaded', id: (sent.at(-1) as { id: number }).id, meta });
    expect(useApp.getState().selection).toBeNull();
  });
});
