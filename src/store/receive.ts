/**
 * Applies one worker message to the store. The worker already batches
 * (≤ ~15 snapshots per second), so each message is one `set`.
 */
import type { FromWorker } from '../worker/protocol';
import type { LogEntry } from '../model/snapshot';
import type { TimelineItem } from '../scenario/types';
import { openedEntry, OPENED_GROUP } from './sessionSlice';
import { appendDetail, appendSeries, emptyDetail } from './series';
import { initialStatus } from './runSlice';
import type { AppState } from './types';
import { summaryOf } from './summary';

type Set = (partial: Partial<AppState> | ((s: AppState) => Partial<AppState>)) => void;
type Get = () => AppState;

/** Entries the page keeps: enough for a long incident, bounded for a long run. */
export const LOG_LIMIT = 2000;

function appendLog(log: readonly LogEntry[], more: readonly LogEntry[]): readonly LogEntry[] {
  const all = log.concat(more);
  return all.length > LOG_LIMIT ? all.slice(all.length - LOG_LIMIT) : all;
}

export function receive(msg: FromWorker, set: Set, get: Get): void {
  switch (msg.type) {
    case 'ready':
      return;
    case 'loaded': {
      const s = get();
      const src = s.pending && s.pending.id === msg.id ? s.pending : s.source;
      const source = src ? { key: src.key, file: src.file, text: src.text } : null;
      // An opened file learns its real name once it is valid.
      const catalog = source && source.key.startsWith('opened:')
        ? s.catalog.map((e) => (e.key === source.key && e.group === OPENED_GROUP ? openedEntry(e.file, e.text, msg.meta.name, summaryOf(msg.meta.description) || e.file) : e))
        : s.catalog;
      set({
        source,
        pending: s.pending && s.pending.id === msg.id ? null : s.pending,
        invalid: null,
        failure: null,
        meta: msg.meta,
        catalog,
        status: { ...initialStatus, speed: s.status.speed },
        snapshot: null,
        series: {},
        detail: emptyDetail,
        seriesIntervalMs: null,
        recorded: [],
        log: [],
        liveExpectations: null,
        traces: null,
        traceId: null,
        // A restart of the same file keeps the user's arrangement (the canvas keeps it too).
        layout: s.meta && s.meta.file === msg.meta.file ? s.layout : null,
        pendingLoad: {},
        report: null,
        reachMs: 0,
        seeking: null,
        seekProgress: null,
        fork: null,
        // The selection survives a reload while its service still exists.
        selection: s.selection && msg.meta.services.some((x) => x.name === s.selection!.service) ? s.selection : null,
      });
      return;
    }
    case 'invalid': {
      const s = get();
      const p = s.pending && s.pending.id === msg.id ? s.pending : null;
      set({
        pending: p ? null : s.pending,
        invalid: { key: p?.key ?? `opened:${msg.file}`, file: msg.file, text: p?.text ?? '', errors: msg.errors },
      });
      // The previous run waits underneath, paused, until the user goes back.
      if (s.status.playing) s.pause();
      return;
    }
    case 'snapshot': {
      set((s) => {
        const interval = msg.snapshot.intervalMs;
        return {
          snapshot: msg.snapshot,
          snapshotVersion: s.snapshotVersion + 1,
          status: msg.status,
          seriesIntervalMs: interval,
          series: appendSeries(s.series, msg.snapshot.series, interval),
          detail: appendDetail(s.detail, msg.snapshot.serviceSeries, msg.snapshot.edgeSeries, interval),
          pendingLoad: settle(s.pendingLoad, msg.snapshot.timeMs),
          log: msg.snapshot.log.length ? appendLog(s.log, msg.snapshot.log) : s.log,
          reachMs: Math.max(s.reachMs, msg.snapshot.timeMs),
        };
      });
      return;
    }
    case 'seeked': {
      // A seek back re-ran from 0 and its snapshot carries the series and log
      // from 0: they replace the page's, so the charts and the log show exactly
      // the run up to the time sought. A seek forward just follows on.
      if (msg.rebuilt) set(noRunData());
      receive({ type: 'snapshot', snapshot: msg.snapshot, status: msg.status }, set, get);
      set((s) => ({
        pendingLoad: loadsAt(s.recorded, msg.ms),
        reachMs: msg.reachMs,
        seeking: s.seeking && s.seeking.id === msg.id ? null : s.seeking,
        seekProgress: s.seekProgress && s.seekProgress.id === msg.id ? null : s.seekProgress,
        // Not over any more, unless the seek went to the end (a rebuilt run sends 'finished' again).
        report: msg.status.done ? s.report : null,
        failure: null,
        traces: null,
        traceId: null,
      }));
      return;
    }
    case 'seekProgress': {
      // Only for the seek the page still waits for (an older one's is stale), and never backwards.
      const s = get();
      if (!s.seeking || s.seeking.id !== msg.id) return;
      const was = s.seekProgress && s.seekProgress.id === msg.id ? s.seekProgress.atMs : -Infinity;
      if (msg.atMs < was) return;
      set({ seekProgress: { id: msg.id, fromMs: msg.fromMs, atMs: msg.atMs, targetMs: msg.targetMs } });
      return;
    }
    case 'branch':
      set({ recorded: msg.recorded, fork: msg.fork, reachMs: msg.reachMs });
      return;
    case 'recorded': {
      const a = msg.item.action;
      set((s) => ({
        recorded: [...s.recorded, msg.item],
        pendingLoad: a.kind === 'load' ? { ...s.pendingLoad, [a.workload]: { perSec: a.perSec, atMs: msg.item.atMs } } : s.pendingLoad,
      }));
      return;
    }
    case 'traces':
      set({ traces: msg.traces });
      return;
    case 'expectations':
      set({ liveExpectations: { atMs: msg.atMs, results: msg.results } });
      return;
    case 'finished':
      set((s) => ({ report: msg.report, status: { ...s.status, playing: false, done: true, behind: false } }));
      return;
    case 'failed':
      set((s) => ({ failure: msg.message, pending: null, seeking: null, seekProgress: null, status: { ...s.status, playing: false, behind: false } }));
      return;
  }
}

/** What snapshots append to, empty (as a load leaves it): a seek back starts these again from 0. */
function noRunData(): Partial<AppState> {
  return { series: {}, detail: emptyDetail, log: [] };
}

/** Load changes recorded at exactly `ms`: applied there, but shown by the model only after its next event. */
function loadsAt(recorded: readonly TimelineItem[], ms: number): AppState['pendingLoad'] {
  const out: Record<string, { perSec: number; atMs: number }> = {};
  for (const it of recorded) if (it.atMs === ms && it.action.kind === 'load') out[it.action.workload] = { perSec: it.action.perSec, atMs: it.atMs };
  return out;
}

/** Drop pending load changes that a snapshot past their time already shows. */
function settle(pending: AppState['pendingLoad'], timeMs: number): AppState['pendingLoad'] {
  const keys = Object.keys(pending);
  if (keys.length === 0) return pending;
  const next: Record<string, { perSec: number; atMs: number }> = {};
  for (const k of keys) if (pending[k].atMs >= timeMs) next[k] = pending[k];
  return Object.keys(next).length === keys.length ? pending : next;
}
