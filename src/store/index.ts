/**
 * The page's zustand store: slices for the session (which scenario), the run
 * (what the worker reports) and the view. No model logic: numbers come from
 * worker snapshots; commands go to the worker.
 */
import { create } from 'zustand';
import type { FromWorker } from '../worker/protocol';
import { createRunSlice } from './runSlice';
import { createSessionSlice } from './sessionSlice';
import { createViewSlice } from './viewSlice';
import { receive } from './receive';
import type { AppState } from './types';

export const useApp = create<AppState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createRunSlice(...a),
  ...createViewSlice(...a),
}));

/** Feed one worker message into the store. */
export function receiveFromWorker(msg: FromWorker): void {
  receive(msg, useApp.setState, useApp.getState);
}

export { setPort } from './link';
export type { AppState, CatalogEntry, Source, InvalidFile, Selection } from './types';
export type { ChartPoint, ChartSeries } from './series';
