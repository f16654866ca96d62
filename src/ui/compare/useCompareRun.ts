/**
 * The compare view's runs: one compare worker per comparison (both sides,
 * one seed), its messages folded into plain state for the columns. Cancel
 * ends the worker; a change of sides or seed choice starts a new one.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ScenarioError } from '../../scenario/errors';
import type { Report } from '../../metrics/report';
import type { ScenarioMeta } from '../../worker/protocol';
import type { ComparePoint, FromCompare, SeedChoice, SideIndex } from '../../worker/compareProtocol';
import { startCompareWorker, type CompareWorker } from '../../worker/compareClient';
import type { CompareSide } from './compareState';

export type SideStatus = 'loading' | 'running' | 'done' | 'invalid' | 'failed' | 'cancelled';

export interface SideRun {
  readonly status: SideStatus;
  readonly meta: ScenarioMeta | null;
  /** The seed it runs on. */
  readonly seed: number | null;
  readonly simMs: number;
  readonly errors: readonly ScenarioError[];
  readonly message: string | null;
  readonly report: Report | null;
  readonly intervalMs: number;
  readonly series: Readonly<Record<string, readonly ComparePoint[]>> | null;
}

export interface CompareRunState {
  readonly id: number;
  readonly sides: readonly [SideRun, SideRun];
  /** The worker could not start or broke: said once for both. */
  readonly failure: string | null;
}

const fresh = (): SideRun => ({
  status: 'loading', meta: null, seed: null, simMs: 0, errors: [], message: null, report: null, intervalMs: 1000, series: null,
});

type Event = { type: 'start'; id: number } | { type: 'msg'; msg: FromCompare } | { type: 'cancel' } | { type: 'failure'; message: string };

const OVER: readonly SideStatus[] = ['done', 'invalid', 'failed', 'cancelled'];
export const isOver = (s: SideRun) => OVER.includes(s.status);

function reduce(state: CompareRunState, e: Event): CompareRunState {
  if (e.type === 'start') return { id: e.id, sides: [fresh(), fresh()], failure: null };
  if (e.type === 'cancel') return { ...state, sides: state.sides.map((s) => (isOver(s) ? s : { ...s, status: 'cancelled' as const })) as unknown as [SideRun, SideRun] };
  if (e.type === 'failure') return { ...state, failure: e.message, sides: state.sides.map((s) => (isOver(s) ? s : { ...s, status: 'failed' as const, message: e.message })) as unknown as [SideRun, SideRun] };
  const m = e.msg;
  if (m.type === 'ready' || m.id !== state.id) return state;
  const set = (side: SideIndex, f: (s: SideRun) => SideRun): CompareRunState => {
    const sides = [...state.sides] as [SideRun, SideRun];
    sides[side] = f(sides[side]);
    return { ...state, sides };
  };
  switch (m.type) {
    case 'loaded': return set(m.side, (s) => ({ ...s, status: 'running', meta: m.meta, seed: m.seed }));
    case 'invalid': return set(m.side, (s) => ({ ...s, status: 'invalid', errors: m.errors }));
    case 'failed': return set(m.side, (s) => ({ ...s, status: 'failed', message: m.message }));
    case 'done': return set(m.side, (s) => ({ ...s, status: 'done', report: m.report, series: m.series, intervalMs: m.intervalMs, simMs: m.report.simulatedMs }));
    case 'progress': {
      const sides = state.sides.map((s, i) => (s.status === 'running' ? { ...s, simMs: m.simMs[i] } : s)) as unknown as [SideRun, SideRun];
      return { ...state, sides };
    }
    case 'finished': return state;
  }
}

let nextId = 0;

export function useCompareRun(sides: readonly [CompareSide, CompareSide], seed: SeedChoice) {
  const [state, dispatch] = useReducer(reduce, undefined, () => ({ id: 0, sides: [fresh(), fresh()] as [SideRun, SideRun], failure: null }));
  const worker = useRef<CompareWorker | null>(null);
  const [nonce, rerun] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    const id = ++nextId;
    dispatch({ type: 'start', id });
    const w = startCompareWorker((msg) => dispatch({ type: 'msg', msg }), (message) => dispatch({ type: 'failure', message }));
    worker.current = w;
    w.run({ type: 'run', id, seed, sides: [{ file: sides[0].file, text: sides[0].text }, { file: sides[1].file, text: sides[1].text }] });
    return () => {
      w.cancel();
      if (worker.current === w) worker.current = null;
    };
  }, [sides, seed, nonce]);

  // The worker ends itself of nothing: stop it once both sides are over, so it holds no memory.
  const over = state.sides.every(isOver);
  useEffect(() => {
    if (over && state.id !== 0) { worker.current?.cancel(); worker.current = null; }
  }, [over, state.id]);

  const cancel = useCallback(() => {
    worker.current?.cancel();
    worker.current = null;
    dispatch({ type: 'cancel' });
  }, []);

  return { state, cancel, rerun };
}
