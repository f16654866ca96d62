/**
 * Pure helpers of the inspector and the faults panel: the live actions a form
 * builds (checked against the same bounds the scenario file has), how long a
 * fault has left, which faults touch a service, and actions sent but not yet
 * in a snapshot. No React, no store.
 */
import type { ActiveFault } from '../model/snapshot';
import type { Action, TimelineItem } from '../scenario/types';
import { formatDuration } from './format';

export const breakDefaults = {
  latencyMs: 200,
  errorPercent: 50,
  slowFactor: 3,
  /** Index into DURATIONS. */
  duration: 1,
  maxLatencyMs: 600_000,
  /** LIMITS.maxSlowFactor (scenario/limits.ts). */
  maxSlowFactor: 1000,
} as const;

export interface DurationChoice {
  readonly label: string;
  /** null = until the end of the run (a kill then heals by the service's own restart delay). */
  readonly ms: number | null;
}

export const DURATIONS: readonly DurationChoice[] = [
  { label: '10s', ms: 10_000 },
  { label: '30s', ms: 30_000 },
  { label: '60s', ms: 60_000 },
  { label: 'until end', ms: null },
];

/** An action, or a message saying what would be valid. */
export type Built = { readonly ok: true; readonly action: Action } | { readonly ok: false; readonly message: string };

const bad = (message: string): Built => ({ ok: false, message });
const good = (action: Action): Built => ({ ok: true, action });

export function latencyAction(service: string, ms: number): Built {
  if (!Number.isFinite(ms) || ms <= 0 || ms > breakDefaults.maxLatencyMs) return bad(`latency: a delay above 0 and at most ${formatDuration(breakDefaults.maxLatencyMs)}, in ms`);
  return good({ kind: 'latency', service, add: { kind: 'const', value: ms } });
}

export function errorsAction(service: string, percent: number): Built {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) return bad('errors: a share above 0 % and at most 100 %');
  return good({ kind: 'errors', service, rate: Math.round(percent * 100) / 10_000 });
}

export function slowAction(service: string, factor: number): Built {
  if (!Number.isFinite(factor) || factor <= 0 || factor > breakDefaults.maxSlowFactor) return bad(`slow: a factor above 0 and at most ${breakDefaults.maxSlowFactor} (3 = three times slower)`);
  return good({ kind: 'slow', service, factor });
}

export function partitionAction(service: string, other: string): Built {
  if (!other || other === service) return bad('partition: choose another service');
  return good({ kind: 'partition', between: [service, other] });
}

export function killAction(service: string, count: number | 'all'): Built {
  if (count !== 'all' && !(Number.isInteger(count) && count >= 1)) return bad('kill: a whole number of instances, or all');
  return good({ kind: 'kill', service, count });
}

/** Kill one numbered instance (what a click on its cell offers). */
export function killInstanceAction(service: string, n: number): Built {
  if (!(Number.isInteger(n) && n >= 1)) return bad('kill: an instance number from 1');
  return good({ kind: 'kill', service, count: 1, instance: n });
}

/** `set: service.instances` (what the replica control records); 0..1000 (the format's limit). */
export function scaleAction(service: string, instances: number): Built {
  if (!(Number.isInteger(instances) && instances >= 0 && instances <= 1000)) return bad('instances: a whole number from 0 to 1000');
  return good({ kind: 'scale', service, instances });
}

/** `12.3s left`, `1m 05s left`, or `until end`. */
export function timeLeft(f: Pick<ActiveFault, 'untilMs'>, nowMs: number): string {
  if (f.untilMs === null) return 'until end';
  const ms = Math.max(0, f.untilMs - nowMs);
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s left`;
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s}s left`;
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s left`;
}

/** Share of its duration a fault has left, 0…1 (1 for a permanent one). */
export function shareLeft(f: Pick<ActiveFault, 'sinceMs' | 'untilMs'>, nowMs: number): number {
  if (f.untilMs === null) return 1;
  const span = f.untilMs - f.sinceMs;
  return span > 0 ? Math.max(0, Math.min(1, (f.untilMs - nowMs) / span)) : 0;
}

const PARTITION_SEP = ' ↔ ';

/** The services a fault acts on (a partition's target reads "a ↔ b"). */
export function faultServices(f: Pick<ActiveFault, 'kind' | 'target'>): string[] {
  return f.kind === 'partition' ? f.target.split(PARTITION_SEP) : [f.target];
}

export function faultsOn(faults: readonly ActiveFault[], service: string): ActiveFault[] {
  return faults.filter((f) => faultServices(f).includes(service));
}

/**
 * Non-load actions recorded but not yet visible in a snapshot: the World
 * applies a live action at its next event, so a paused run shows it only
 * after play. Only those at this very time: after a scrub back, later
 * recorded actions are the run's future, not pending.
 */
export function pendingActions(recorded: readonly TimelineItem[], timeMs: number): TimelineItem[] {
  return recorded.filter((it) => it.action.kind !== 'load' && it.atMs === timeMs);
}

/** A short label for a fault's kind. */
export function faultKindLabel(kind: ActiveFault['kind']): string {
  switch (kind) {
    case 'latency': return 'latency';
    case 'errors': return 'errors';
    case 'slow': return 'slow CPU';
    case 'partition': return 'partition';
  }
}
