/**
 * Whether the panel under the canvas (charts, event log, traces) is folded
 * down to its tab strip, giving the canvas its height: a dense architecture
 * (30+ services) at 1280×800, or a projector. Remembered across reloads; a
 * small store of its own, read by the layout, the tabs and the Export menu.
 */
import { create } from 'zustand';

const KEY = 'microcosm.bottom.collapsed.v1';

function remembered(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export interface BottomPanelUi {
  collapsed: boolean;
  setCollapsed(on: boolean): void;
}

export const useBottomPanel = create<BottomPanelUi>((set) => ({
  collapsed: remembered(),
  setCollapsed: (on) => {
    set({ collapsed: on });
    try {
      globalThis.localStorage?.setItem(KEY, on ? '1' : '0');
    } catch {
      /* best effort: only a preference */
    }
  },
}));
