/**
 * The page keeps a long seek's progress for the seek it waits for: never an
 * older seek's, never backwards; dropped when that seek lands, when a newer
 * seek is sent, when a file loads or the run fails.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { receiveFromWorker, setPort, useApp } from '../../src/store';
import type { FromWorker, RunStatus, ScenarioMeta, ToWorker } from '../../src/worker/protocol';
import type { WorldSnapshot } from '../../src/model/snapshot';

const meta = {
  name: 'Long', description: 'A long run.', file: 'long.yaml', seed: 7, durationMs: 3_600_000, warmupMs: 0,
  services: [], workloads: [], routes: ['r'], layout: {}, timeline: [],
} as unknown as ScenarioMeta;
const status: RunStatus = { playing: false, speed: 'max', behind: false, done: false, simRate: 0 };
const snap = (t: number) => ({
  timeMs: t, events: t, intervalMs: 1000, faults: [], hops: [], log: [], services: [], edges: [],
  series: {}, serviceSeries: {}, edgeSeries: {}, load: {}, stopped: null,
}) as unknown as WorldSnapshot;

const sent: ToWorker[] = [];
const lastSeekId = () => (sent.filter((m) => m.type === 'seek' || m.type === 'discardFork').at(-1) as { id: number }).id;
const progress = (id: number, atMs: number, targetMs: number, fromMs = 0): FromWorker => ({ type: 'seekProgress', id, fromMs, atMs, targetMs });
const seeked = (id: number, ms: number): FromWorker => ({ type: 'seeked', id, ms, rebuilt: true, snapshot: snap(ms), status, reachMs: 900_000 });

beforeEach(() => {
  sent.length = 0;
  setPort({ postMessage: (m) => sent.push(m) });
  useApp.setState({ catalog: [{ key: '/l', group: 'Scenarios', name: 'Long', summary: '', file: 'long.yaml', text: 'name: Long' }], source: null, pending: null, meta: null });
  useApp.getState().selectScenario('/l');
  receiveFromWorker({ type: 'loaded', id: (sent[0] as { id: number }).id, meta });
  // Played to 15 min.
  receiveFromWorker({ type: 'snapshot', snapshot: snap(900_000), status });
});

describe('store: seek progress', () => {
  it('SCRUB-27 keeps the progress of the seek it waits for, monotonic; drops it when that seek lands', () => {
    expect(useApp.getState().seekProgress).toBeNull();
    useApp.getState().seek(600_000);
    const id = lastSeekId();
    expect(useApp.getState().seekProgress).toBeNull();
    receiveFromWorker(progress(id, 100_000, 600_000));
    expect(useApp.getState().seekProgress).toEqual({ id, fromMs: 0, atMs: 100_000, targetMs: 600_000 });
    receiveFromWorker(progress(id, 250_000, 600_000));
    expect(useApp.getState().seekProgress?.atMs).toBe(250_000);
    // Never backwards within one seek.
    receiveFromWorker(progress(id, 200_000, 600_000));
    expect(useApp.getState().seekProgress?.atMs).toBe(250_000);
    receiveFromWorker(progress(id, 600_000, 600_000));
    expect(useApp.getState().seekProgress?.atMs).toBe(600_000);
    receiveFromWorker(seeked(id, 600_000));
    expect(useApp.getState()).toMatchObject({ seeking: null, seekProgress: null });
    // A late report of a landed seek does not come back.
    receiveFromWorker(progress(id, 600_000, 600_000));
    expect(useApp.getState().seekProgress).toBeNull();
  });

  it('SCRUB-28 a newer seek drops the older one\'s progress and ignores its late reports; the older one landing keeps the newer\'s', () => {
    useApp.getState().seek(600_000);
    const first = lastSeekId();
    receiveFromWorker(progress(first, 300_000, 600_000));
    useApp.getState().seek(700_000);
    const second = lastSeekId();
    expect(second).not.toBe(first);
    expect(useApp.getState().seekProgress).toBeNull();
    receiveFromWorker(progress(first, 400_000, 600_000));
    expect(useApp.getState().seekProgress).toBeNull();
    // A seek forward counts from where it started.
    receiveFromWorker(progress(second, 650_000, 700_000, 600_000));
    expect(useApp.getState().seekProgress).toEqual({ id: second, fromMs: 600_000, atMs: 650_000, targetMs: 700_000 });
    receiveFromWorker(seeked(first, 600_000));
    expect(useApp.getState().seeking?.id).toBe(second);
    expect(useApp.getState().seekProgress?.id).toBe(second);
    receiveFromWorker(seeked(second, 700_000));
    expect(useApp.getState().seekProgress).toBeNull();
  });

  it('SCRUB-29 a new file, a model failure or Back to original drop it', () => {
    useApp.getState().seek(600_000);
    receiveFromWorker(progress(lastSeekId(), 300_000, 600_000));
    useApp.getState().selectScenario('/l');
    receiveFromWorker({ type: 'loaded', id: (sent.at(-1) as { id: number }).id, meta });
    expect(useApp.getState()).toMatchObject({ seeking: null, seekProgress: null });

    receiveFromWorker({ type: 'snapshot', snapshot: snap(900_000), status });
    useApp.getState().seek(600_000);
    receiveFromWorker(progress(lastSeekId(), 300_000, 600_000));
    receiveFromWorker({ type: 'failed', message: 'boom' });
    expect(useApp.getState()).toMatchObject({ seeking: null, seekProgress: null });

    receiveFromWorker({ type: 'branch', recorded: [], fork: { atMs: 100_000, original: [] }, reachMs: 900_000 });
    useApp.getState().seek(600_000);
    receiveFromWorker(progress(lastSeekId(), 300_000, 600_000));
    expect(useApp.getState().seekProgress).not.toBeNull();
    useApp.getState().discardFork();
    expect(useApp.getState().seekProgress).toBeNull();
    receiveFromWorker(progress(lastSeekId(), 50_000, 600_000));
    expect(useApp.getState().seekProgress?.id).toBe(lastSeekId());
  });

  it('SCRUB-30 progress with no seek awaited is ignored', () => {
    receiveFromWorker(progress(12345, 10_000, 20_000));
    expect(useApp.getState().seekProgress).toBeNull();
  });
});
