/** What the page itself decides: the renderer it got and what the user selected. No model logic. */
import type { StateCreator } from 'zustand';
import type { AppState, ViewSlice } from './types';

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  rendererName: null,
  setRendererName: (name) => set({ rendererName: name }),
  selection: null,
  select: (service, instance = null) => {
    if (service === null) {
      if (get().selection !== null) set({ selection: null });
      return;
    }
    const cur = get().selection;
    if (cur && cur.service === service && cur.instance === instance) return;
    set({ selection: { service, instance } });
  },
  layout: null,
  setLayout: (layout) => set({ layout }),
  traceId: null,
  showTrace: (id) => {
    set({ traceId: id });
    get().fetchTraces();
  },
});
