/**
 * Which two designs the compare view shows. Anything on the page can open it
 * (the top bar's Compare, a fork's "compare with the original"); the view
 * runs both sides in its own worker, on the same seed, to their end.
 */
import { create } from 'zustand';

/** One side of a comparison: a whole scenario file (recorded actions already written into its timeline). */
export interface CompareSide {
  /** What the column is titled ("original", "fork at 1:23", a scenario's name). */
  readonly label: string;
  readonly file: string;
  readonly text: string;
}

interface CompareState {
  /** null = the compare view is closed. */
  readonly sides: null | readonly [CompareSide, CompareSide];
  open(left: CompareSide, right: CompareSide): void;
  close(): void;
}

export const useCompare = create<CompareState>()((set) => ({
  sides: null,
  open: (left, right) => set({ sides: [left, right] }),
  close: () => set({ sides: null }),
}));
