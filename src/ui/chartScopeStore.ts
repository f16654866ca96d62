/**
 * The chart panel's scope as a small store of its own (the chart panel and
 * the Export menu read it), following the app store's selection from the
 * moment this module loads, whether or not the charts tab is open.
 */
import { create } from 'zustand';
import { useApp } from '../store';
import { followSelection, initialScope, pickScope, type ChartScope, type ScopeState } from './chartScope';

interface ChartScopeStore extends ScopeState {
  pick(scope: ChartScope): void;
}

export const useChartScope = create<ChartScopeStore>()((set) => ({
  ...initialScope,
  pick: (scope) => set((s) => pickScope(s, scope)),
}));

useApp.subscribe((s, prev) => {
  const now = s.selection?.service ?? null;
  if (now !== (prev.selection?.service ?? null)) useChartScope.setState((st) => followSelection(st, now));
});
