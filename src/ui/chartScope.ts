/**
 * What the chart panel shows: every route (the default), one route, one
 * service or one call edge. Picked in the panel's select, and following the
 * canvas / inspector selection: selecting a service shows its charts;
 * clearing the selection goes back to what was shown before it took over
 * (unless the user picked another scope meanwhile). Pure: the store lives in
 * chartScopeStore.ts.
 */
import type { ScenarioMeta } from '../worker/protocol';
import { edgeKey } from '../store/series';

export type ChartScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'route'; readonly route: string }
  | { readonly kind: 'service'; readonly service: string }
  | { readonly kind: 'edge'; readonly from: string; readonly to: string };

export const ALL_ROUTES: ChartScope = Object.freeze({ kind: 'all' });

/** The select's value for a scope. */
export function scopeKey(s: ChartScope): string {
  switch (s.kind) {
    case 'all': return 'all';
    case 'route': return `route:${s.route}`;
    case 'service': return `service:${s.service}`;
    case 'edge': return `edge:${edgeKey(s.from, s.to)}`;
  }
}

/** The scope a select value names; All routes for anything else. */
export function parseScopeKey(key: string): ChartScope {
  const colon = key.indexOf(':');
  const kind = colon < 0 ? key : key.slice(0, colon), rest = key.slice(colon + 1);
  if (kind === 'route' && rest) return { kind: 'route', route: rest };
  if (kind === 'service' && rest) return { kind: 'service', service: rest };
  if (kind === 'edge') {
    const arrow = rest.lastIndexOf('->');
    if (arrow > 0 && arrow + 2 < rest.length) return { kind: 'edge', from: rest.slice(0, arrow), to: rest.slice(arrow + 2) };
  }
  return ALL_ROUTES;
}

export interface EdgeRef { readonly from: string; readonly to: string }

/** The scenario's call edges as the model keys them: each workload's `client:<name>` → its service, then each service's calls. */
export function edgesOf(meta: ScenarioMeta): EdgeRef[] {
  const out: EdgeRef[] = [];
  const seen = new Set<string>();
  const add = (from: string, to: string) => {
    const k = edgeKey(from, to);
    if (!seen.has(k)) { seen.add(k); out.push({ from, to }); }
  };
  for (const w of meta.workloads) add(`client:${w.name}`, w.service);
  for (const s of meta.services) for (const to of s.calls) add(s.name, to);
  return out;
}

/** A service's display label (its name when it has none or is unknown). */
function labelOf(meta: ScenarioMeta | null, service: string): string {
  return meta?.services.find((s) => s.name === service)?.label ?? service;
}

/** An edge end in words: a workload's client by its workload name. */
function endLabel(meta: ScenarioMeta | null, name: string): string {
  return name.startsWith('client:') ? `${name.slice(7)} (clients)` : labelOf(meta, name);
}

/** The scope in a few words, for titles and the exported charts. */
export function scopeLabel(scope: ChartScope, meta: ScenarioMeta | null): string {
  switch (scope.kind) {
    case 'all': return 'All routes';
    case 'route': return `route ${scope.route}`;
    case 'service': return `service ${labelOf(meta, scope.service)}`;
    case 'edge': return `calls ${endLabel(meta, scope.from)} → ${endLabel(meta, scope.to)}`;
  }
}

export interface ScopeOption { readonly key: string; readonly label: string }
export interface ScopeGroup { readonly label: string; readonly options: readonly ScopeOption[] }

/** The select's options: All routes, then routes, services and calls of the loaded scenario. */
export function scopeGroups(meta: ScenarioMeta | null): ScopeGroup[] {
  const groups: ScopeGroup[] = [{ label: '', options: [{ key: 'all', label: 'All routes' }] }];
  if (!meta) return groups;
  if (meta.routes.length > 1) {
    groups.push({ label: 'Routes', options: meta.routes.map((route) => ({ key: scopeKey({ kind: 'route', route }), label: route })) });
  }
  groups.push({ label: 'Services', options: meta.services.map((s) => ({ key: scopeKey({ kind: 'service', service: s.name }), label: s.label })) });
  groups.push({
    label: 'Calls',
    options: edgesOf(meta).map((e) => ({ key: scopeKey({ kind: 'edge', ...e }), label: `${endLabel(meta, e.from)} → ${endLabel(meta, e.to)}` })),
  });
  return groups;
}

/** The scope if the loaded scenario has it, else All routes (another file was loaded since). */
export function shownScope(scope: ChartScope, meta: ScenarioMeta | null): ChartScope {
  if (!meta) return ALL_ROUTES;
  switch (scope.kind) {
    case 'all': return scope;
    case 'route': return meta.routes.includes(scope.route) ? scope : ALL_ROUTES;
    case 'service': return meta.services.some((s) => s.name === scope.service) ? scope : ALL_ROUTES;
    case 'edge': return edgesOf(meta).some((e) => e.from === scope.from && e.to === scope.to) ? scope : ALL_ROUTES;
  }
}

export interface ScopeState {
  readonly scope: ChartScope;
  /** What was shown before a selection took over: shown again when the selection is cleared; null = nothing to go back to. */
  readonly back: ChartScope | null;
}

export const initialScope: ScopeState = Object.freeze({ scope: ALL_ROUTES, back: null });

/** The user picked a scope in the panel's select: it stays until they or a new selection change it. */
export function pickScope(_: ScopeState, scope: ChartScope): ScopeState {
  return { scope, back: null };
}

/** The canvas / inspector selection changed to `service` (null: cleared). */
export function followSelection(state: ScopeState, service: string | null): ScopeState {
  if (service === null) return state.back ? { scope: state.back, back: null } : state;
  if (state.scope.kind === 'service' && state.scope.service === service) return state;
  return { scope: { kind: 'service', service }, back: state.back ?? state.scope };
}
