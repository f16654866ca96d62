/** The run as the worker reports it, and the playback commands sent back. */
import type { StateCreator } from 'zustand';
import { send } from './link';
import type { AppState, RunSlice } from './types';
import { emptyDetail } from './series';

export const initialStatus = { playing: false, speed: 1, behind: false, done: false, simRate: 0 } as const;

let nextSeekId = 1;

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  status: initialStatus,
  snapshot: null,
  snapshotVersion: 0,
  series: {},
  detail: emptyDetail,
  seriesIntervalMs: null,
  pendingLoad: {},
  recorded: [],
  log: [],
  liveExpectations: null,
  traces: null,
  fetchTraces: () => send({ type: 'traces' }),
  report: null,
  // Play state is what the worker last reported (no optimistic flip): after
  // "Pause" shows "Play", no later snapshot will move the clock.
  play: () => {
    if (get().status.done) return;
    send({ type: 'play' });
  },
  pause: () => send({ type: 'pause' }),
  togglePlay: () => (get().status.playing ? get().pause() : get().play()),
  step: (ms = 1000) => {
    if (get().status.done) return;
    send({ type: 'step', ms });
  },
  setSpeed: (speed) => {
    set((s) => ({ status: { ...s.status, speed } }));
    send({ type: 'setSpeed', speed });
  },
  setLoad: (workload, perSec) => {
    if (!Number.isFinite(perSec) || perSec < 0) return;
    send({ type: 'action', action: { kind: 'load', workload, perSec } });
  },
  act: (action, forMs = null) => {
    if (get().status.done || get().meta === null) return;
    send(forMs === null ? { type: 'action', action } : { type: 'action', action, forMs });
  },
  restart: () => send({ type: 'restart' }),
  reachMs: 0,
  seeking: null,
  seekProgress: null,
  fork: null,
  // A newer seek replaces the one in flight: its progress no longer applies.
  seek: (ms) => {
    const s = get();
    if (s.meta === null || !Number.isFinite(ms)) return;
    const id = nextSeekId++;
    const target = Math.max(0, Math.min(Math.round(ms), s.reachMs));
    set({ seeking: { id, ms: target }, seekProgress: null });
    send({ type: 'seek', ms: target, id });
  },
  discardFork: () => {
    const s = get();
    if (s.fork === null) return;
    const id = nextSeekId++;
    set({ seeking: { id, ms: s.snapshot?.timeMs ?? 0 }, seekProgress: null });
    send({ type: 'discardFork', id });
  },
});
