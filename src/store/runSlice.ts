/** The run as the worker reports it, and the playback commands sent back. */
import type { StateCreator } from 'zustand';
import { send } from './link';
import type { AppState, RunSlice } from './types';

export const initialStatus = { playing: false, speed: 1, behind: false, done: false, simRate: 0 } as const;

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  status: initialStatus,
  snapshot: null,
  snapshotVersion: 0,
  series: {},
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
});
