/** Which scenario is loaded, which is being loaded, and the errors of a rejected file. */
import type { StateCreator } from 'zustand';
import { saveOpened } from './autosave';
import { send } from './link';
import type { AppState, CatalogEntry, SessionSlice, Source } from './types';

let nextLoadId = 1;

export const OPENED_GROUP = 'Opened files';

export function openedEntry(file: string, text: string, name = file, summary = 'opened from your computer'): CatalogEntry {
  return { key: `opened:${file}`, group: OPENED_GROUP, name, summary, file, text };
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set, get) => {
  const requestLoad = (src: Source) => {
    const id = nextLoadId++;
    set({ pending: { ...src, id } });
    send({ type: 'load', text: src.text, file: src.file, id });
  };
  return {
    catalog: [],
    source: null,
    pending: null,
    invalid: null,
    failure: null,
    meta: null,
    setCatalog: (entries) => set({ catalog: entries }),
    selectScenario: (key) => {
      const entry = get().catalog.find((e) => e.key === key);
      if (entry) requestLoad({ key: entry.key, file: entry.file, text: entry.text });
    },
    openFile: (file, text) => {
      const src: Source = { key: `opened:${file}`, file, text };
      saveOpened(src);
      // Offer it in the picker at once, so it can be picked again even if it is invalid.
      const others = get().catalog.filter((e) => e.key !== src.key);
      set({ catalog: [...others, openedEntry(file, text)] });
      requestLoad(src);
    },
    dismissErrors: () => set({ invalid: null }),
  };
};
