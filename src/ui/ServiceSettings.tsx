/**
 * A service's settings in the inspector: workers and queue per instance are
 * editable live (each edit is one recorded `set` action, replayable from the
 * file); the rest is shown with where its default comes from.
 */
import { useEffect, useState } from 'react';
import type { ServiceView } from '../model/snapshot';
import type { ServiceMeta } from '../worker/protocol';
import { formatDuration } from './format';

/** Where each default comes from (semantics.md / scenario-format.md), for tooltips. */
export const SETTING_SOURCES = {
  workers: 'Concurrent requests per instance (a thread pool). Default 8 (scenario-format.md).',
  queue: 'Requests that wait for a worker, per instance; beyond it arrivals get 503 at once. Default 100 (scenario-format.md).',
  model: 'threads: a worker is held while it waits for downstream calls (thread-per-request, the default); async: released and re-acquired to continue.',
  balancer: {
    'round-robin': 'Round-robin per caller instance, as gRPC’s round_robin and Ribbon do (semantics.md).',
    random: 'Uniformly random instance per call (semantics.md).',
    'least-connections': 'Fewest in-flight calls from this caller’s own view (semantics.md).',
    p2c: 'Power of two choices: two at random, the one with fewer active requests — Envoy’s default LEAST_REQUEST (semantics.md).',
  },
  startup: 'Cold start: a new or restarted instance gets no traffic until ready. Default 5 s (scenario-format.md).',
  restart: 'Kubernetes CrashLoopBackOff: a crashed container restarts after 10 s, doubling on repeats up to 5 min (semantics.md).',
} as const;

export function ServiceSettings({ meta, view, disabled, onSet }: {
  meta: ServiceMeta;
  view: ServiceView | undefined;
  disabled: boolean;
  onSet(key: 'workers' | 'queue', value: number): void;
}) {
  const live = view?.instances.find((i) => i.state !== 'stopped');
  const workers = live?.workers ?? meta.workers;
  const queue = live?.queueCap ?? meta.queue;
  return (
    <div className="settings" aria-label={`Settings of ${meta.label}`}>
      <NumberSetting label="Workers" title={SETTING_SOURCES.workers} value={workers} min={1} max={10_000} disabled={disabled}
        onApply={(v) => onSet('workers', v)} />
      <NumberSetting label="Queue" title={SETTING_SOURCES.queue} value={queue} min={0} max={1_000_000} disabled={disabled} unbounded
        onApply={(v) => onSet('queue', v)} />
      <dl className="settings-fixed">
        <dt title={SETTING_SOURCES.model}>model</dt><dd title={SETTING_SOURCES.model}>{meta.model}</dd>
        <dt title={SETTING_SOURCES.balancer[meta.balancer]}>balancer</dt><dd title={SETTING_SOURCES.balancer[meta.balancer]}>{meta.balancer}</dd>
        <dt title={SETTING_SOURCES.startup}>startup</dt><dd title={SETTING_SOURCES.startup}>{formatDuration(meta.startupMs)}</dd>
        <dt title={SETTING_SOURCES.restart}>restart</dt><dd title={SETTING_SOURCES.restart}>{formatDuration(meta.restartMs)}</dd>
      </dl>
    </div>
  );
}

/** The value typed, or why it cannot be applied. */
export function parseSetting(text: string, min: number, max: number, unbounded: boolean): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  if (unbounded && /^(unbounded|∞|inf(inity)?)$/i.test(t)) return { ok: true, value: Infinity };
  const n = Number(t);
  if (t === '' || !Number.isInteger(n)) return { ok: false, message: `a whole number${unbounded ? ' or unbounded' : ''}` };
  if (n < min || n > max) return { ok: false, message: `from ${min} to ${max.toLocaleString('en')}` };
  return { ok: true, value: n };
}

function NumberSetting({ label, title, value, min, max, disabled, unbounded = false, onApply }: {
  label: string; title: string; value: number; min: number; max: number; disabled: boolean; unbounded?: boolean; onApply(v: number): void;
}) {
  const shown = value === Infinity ? 'unbounded' : String(value);
  const [text, setText] = useState(shown);
  const [editing, setEditing] = useState(false);
  useEffect(() => { if (!editing) setText(shown); }, [shown, editing]);
  const parsed = parseSetting(text, min, max, unbounded);
  const changed = parsed.ok && parsed.value !== value;
  const apply = () => {
    if (!parsed.ok || !changed) return;
    onApply(parsed.value);
    setEditing(false);
  };
  const id = `setting-${label.toLowerCase()}`;
  return (
    <div className="act-row">
      <label className="act-label" htmlFor={id} title={title}>{label}</label>
      <div className="act-controls">
        <input id={id} className={`setting-input${parsed.ok ? '' : ' bad'}`} value={text} disabled={disabled} title={title}
          aria-label={`${label} per instance`} aria-invalid={!parsed.ok}
          onChange={(e) => { setText(e.target.value); setEditing(true); }}
          onBlur={() => { if (!changed) setEditing(false); }}
          onKeyDown={(e) => { if (e.key === 'Enter') apply(); if (e.key === 'Escape') { setText(shown); setEditing(false); } }} />
        <button type="button" className="btn small" disabled={disabled || !changed} onClick={apply}
          aria-label={`Apply ${label.toLowerCase()}`}>Set</button>
      </div>
      {!parsed.ok && <p className="hint bad" role="alert">{label}: {parsed.message}</p>}
    </div>
  );
}
