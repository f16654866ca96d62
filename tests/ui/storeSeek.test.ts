/** The page's side of the time scrubber: seek commands, what a landed seek does to the charts and log, forks. */
import { beforeEach, describe, expect, it } from 'vitest';
import { receiveFromWorker, setPort, useApp } from '../../src/store';
import type { RunStatus, ScenarioMeta, ToWorker } from '../../src/worker/protocol';
import type { LogEntry, WorldSnapshot } from '../../src/model/snapshot';
import type { TimelineItem } from '../../src/scenario/types';

const meta = {
  name: 'Shop', description: 'A shop.', file: 'scenarios/shop.yaml', seed: 7, durationMs: 60_000, warmupMs: 0,
  services: [], workloads: [{ name: 'browse', kind: 'open', route: 'r', service: 's', maxPerSec: 10, initialPerSec: 10, users: 0 }],
  routes: ['r'], layout: {}, timeline: [],
} as ScenarioMeta;

const status: RunStatus = { playing: false, speed: 1, behind: false, done: false, simRate: 0 };
const point = (t: number) => ({ t, requests: 5, ok: 5, errors: 0, p50: 1, p95: 2, p99: 2 });
const entry = (t: number): LogEntry => ({ t, kind: 'note', service: '', severity: 'info', text: `at ${t}`, trace: null });
/** A snapshot at `t` carrying series points and log entries at the given times. */
const snap = (t: number, points: number[], log: number[] = []) => ({
  timeMs: t, events: t, intervalMs: 1000, faults: [], hops: [], log: log.map(entry), services: [], edges: [],
  series: { r: points.map(point) }, serviceSeries: {}, edgeSeries: {}, load: { browse: 10 }, stopped: null,
}) as unknown as WorldSnapshot;
const load = (atMs: number, perSec: number): TimelineItem => ({ atMs, forMs: null, action: { kind: 'load', workload: 'browse', perSec } });

const sent: ToWorker[] = [];

beforeEach(() => {
  sent.length = 0;
  setPort({ postMessage: (m) => sent.push(m) });
  useApp.setState({ catalog: [{ key: '/s', group: 'Scenarios', name: 'Shop', summary: '', file: 'scenarios/shop.yaml', text: 'name: Shop' }], source: null, pending: null, meta: null });
  useApp.getState().selectScenario('/s');
  receiveFromWorker({ type: 'loaded', id: (sent[0] as { id: number }).id, meta });
  // Played to 40 s, with a load change at 20 s.
  receiveFromWorker({ type: 'snapshot', snapshot: snap(20_000, [0, 10_000], [5_000, 15_000]), status });
  receiveFromWorker({ type: 'recorded', item: load(20_000, 30) });
  receiveFromWorker({ type: 'snapshot', snapshot: snap(40_000, [20_000, 30_000], [25_000]), status });
});

describe('store: seek and fork', () => {
  it('SCRUB-11 knows how far the run reached and sends seeks within it', () => {
    expect(useApp.getState().reachMs).toBe(40_000);
    useApp.getState().seek(90_000);
    const msg = sent.at(-1) as Extract<ToWorker, { type: 'seek' }>;
    expect(msg).toMatchObject({ type: 'seek', ms: 40_000 });
    expect(useApp.getState().seeking).toEqual({ id: msg.id, ms: 40_000 });
  });

  it('SCRUB-12 a seek back replaces the charts and the log with the run up to that time', () => {
    useApp.getState().seek(10_000);
    const first = (sent.at(-1) as { id: number }).id;
    useApp.getState().seek(12_000);
    const second = (sent.at(-1) as { id: number }).id;
    // The older seek's answer (if the worker had finished it) shows, but the newer one is still awaited.
    receiveFromWorker({ type: 'seeked', id: first, ms: 10_000, rebuilt: true, snapshot: snap(10_000, [0], [5_000]), status, reachMs: 40_000 });
    let s = useApp.getState();
    expect(s.snapshot?.timeMs).toBe(10_000);
    expect(s.series.r.map((p) => p.t)).toEqual([0]);
    expect(s.log.map((e) => e.t)).toEqual([5_000]);
    expect(s.seeking?.id).toBe(second);
    expect(s.reachMs).toBe(40_000);
    // The recorded action in the future stays: playing on replays it.
    expect(s.recorded).toHaveLength(1);
    // Forward: the points follow on.
    receiveFromWorker({ type: 'seeked', id: second, ms: 12_000, rebuilt: false, snapshot: snap(12_000, [10_000], [11_000]), status, reachMs: 40_000 });
    s = useApp.getState();
    expect(s.series.r.map((p) => p.t)).toEqual([0, 10_000]);
    expect(s.log.map((e) => e.t)).toEqual([5_000, 11_000]);
    expect(s.seeking).toBeNull();
  });

  it('SCRUB-13 a seek to the ms of a load change shows it as pending; a seek drops the report', () => {
    receiveFromWorker({ type: 'finished', report: { digest: 'x' } as never });
    useApp.getState().seek(20_000);
    const id = (sent.at(-1) as { id: number }).id;
    receiveFromWorker({ type: 'seeked', id, ms: 20_000, rebuilt: true, snapshot: snap(20_000, [0, 10_000]), status, reachMs: 40_000 });
    expect(useApp.getState().pendingLoad.browse).toEqual({ perSec: 30, atMs: 20_000 });
    expect(useApp.getState().report).toBeNull();
    // A seek that lands at the end (the run is done there) keeps the report it has.
    receiveFromWorker({ type: 'finished', report: { digest: 'y' } as never });
    receiveFromWorker({ type: 'seeked', id: 99, ms: 60_000, rebuilt: false, snapshot: snap(60_000, []), status: { ...status, done: true }, reachMs: 60_000 });
    expect(useApp.getState().report).toEqual({ digest: 'y' });
  });

  it('SCRUB-14 a fork keeps the original actions; discarding it asks the worker to go back', () => {
    const original = useApp.getState().recorded;
    receiveFromWorker({ type: 'branch', recorded: [], fork: { atMs: 10_000, original }, reachMs: 10_000 });
    receiveFromWorker({ type: 'recorded', item: { atMs: 10_000, forMs: null, action: { kind: 'kill', service: 's', count: 1 } } });
    let s = useApp.getState();
    expect(s.fork).toEqual({ atMs: 10_000, original });
    expect(s.recorded.map((i) => i.action.kind)).toEqual(['kill']);
    expect(s.reachMs).toBe(10_000);
    s.seek(30_000);
    expect(sent.at(-1)).toMatchObject({ type: 'seek', ms: 10_000 });
    s.discardFork();
    expect(sent.at(-1)).toMatchObject({ type: 'discardFork' });
    receiveFromWorker({ type: 'branch', recorded: original, fork: null, reachMs: 40_000 });
    s = useApp.getState();
    expect(s.fork).toBeNull();
    expect(s.recorded).toEqual(original);
  });

  it('SCRUB-15 loading a file forgets the fork and the reach', () => {
    receiveFromWorker({ type: 'branch', recorded: [], fork: { atMs: 10_000, original: [] }, reachMs: 10_000 });
    useApp.getState().selectScenario('/s');
    receiveFromWorker({ type: 'loaded', id: (sent.at(-1) as { id: number }).id, meta });
    expect(useApp.getState()).toMatchObject({ fork: null, reachMs: 0, seeking: null });
  });
});
