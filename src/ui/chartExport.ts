/**
 * The charts as shown now, for the Export menu: which ones the scope has,
 * and each one's title (with the scope) and legend keys, from the same
 * chartView specs the panel draws.
 */
import { useApp } from '../store';
import { seriesDefaults } from '../store/series';
import { chartKinds, chartSpec, scopeFileSuffix, type ChartKind, type LegendKey } from './chartView';
import { scopeLabel, shownScope, type ChartScope } from './chartScope';
import { useChartScope } from './chartScopeStore';

export interface ShownChart {
  readonly kind: ChartKind;
  /** "Throughput" for all routes; "Utilisation — service Payment" for a scope. */
  readonly title: string;
  readonly legend: readonly LegendKey[];
  /** For the file name: '' for all routes, `-service-payment` for a scope. */
  readonly fileSuffix: string;
}

/** The scope the chart panel shows now (All routes when the picked one is not in the loaded scenario). */
export function currentScope(): ChartScope {
  return shownScope(useChartScope.getState().scope, useApp.getState().meta);
}

/** What the chart panel shows for `kind` now. */
export function shownChart(kind: ChartKind): ShownChart {
  const s = useApp.getState();
  const scope = currentScope();
  const spec = chartSpec(kind, { scope, meta: s.meta, series: s.series, detail: s.detail, intervalMs: s.seriesIntervalMs ?? seriesDefaults.intervalMs });
  return {
    kind,
    title: scope.kind === 'all' ? spec.title : `${spec.title} — ${scopeLabel(scope, s.meta)}`,
    legend: spec.legend,
    fileSuffix: scopeFileSuffix(scope),
  };
}

export { chartKinds };
