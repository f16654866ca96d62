/**
 * Whether the scenario editor is open and how wide it is: a small store of its
 * own, in the main bundle (the header's Edit button and the layout read it),
 * remembered across reloads. The editor itself (CodeMirror) is loaded lazily.
 */
import { create } from 'zustand';

const OPEN_KEY = 'microcosm.editor.open.v1';
const WIDTH_KEY = 'microcosm.editor.width.v1';

export const MIN_EDITOR_WIDTH = 320;

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    /* best effort: only a preference */
  }
}

export interface EditorUi {
  open: boolean;
  /** Once opened, the editor stays mounted (hidden when closed) so its undo history survives. */
  mounted: boolean;
  /** Bumped when the user opens the editor: the editor takes the focus then (not after a reload). */
  focusRequest: number;
  /** Bumped when a draft is saved or cleared (the Edit button shows whether one exists). */
  draftsVersion: number;
  /** Where the editor keeps its draft (the scenario the editing started from; null = the running one's key). */
  draftKey: string | null;
  draftsChanged(key: string): void;
  /** Width in px chosen with the splitter; null = the default (a share of the window). */
  width: number | null;
  setOpen(open: boolean): void;
  toggle(): void;
  setWidth(px: number | null): void;
}

export const useEditorUi = create<EditorUi>()((set, get) => ({
  open: read(OPEN_KEY) === '1',
  mounted: read(OPEN_KEY) === '1',
  focusRequest: 0,
  draftsVersion: 0,
  draftKey: null,
  draftsChanged: (key) => set((s) => ({ draftsVersion: s.draftsVersion + 1, draftKey: key })),
  width: (() => {
    const w = Number(read(WIDTH_KEY));
    return Number.isFinite(w) && w >= MIN_EDITOR_WIDTH ? w : null;
  })(),
  setOpen: (open) => {
    write(OPEN_KEY, open ? '1' : '0');
    set((s) => (open ? { open, mounted: true, focusRequest: s.focusRequest + 1 } : { open }));
  },
  toggle: () => get().setOpen(!get().open),
  setWidth: (px) => {
    write(WIDTH_KEY, px === null ? '' : String(Math.round(px)));
    set({ width: px });
  },
}));
