/**
 * One slider per open-loop workload (0 … 4× its highest rate in the file).
 * Dragging shows the value; releasing sends one `load` action, which the
 * worker applies at the current simulated time and records.
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import type { WorkloadMeta } from '../worker/protocol';
import { formatPerSec } from './format';

export function LoadPanel() {
  const workloads = useApp((s) => s.meta?.workloads);
  return (
    <section className="panel" aria-label="Load">
      <div className="panel-head">
        <h2 className="panel-title">Load</h2>
        <span className="panel-sub">per workload, live</span>
      </div>
      <div className="panel-body">
        {!workloads && <p className="hint">No scenario loaded.</p>}
        {workloads?.map((w) => (w.kind === 'open' ? <LoadSlider key={w.name} w={w} /> : <ClosedLoad key={w.name} w={w} />))}
        {workloads && workloads.some((w) => w.kind === 'open') && (
          <p className="hint">Each change is recorded as a timeline <span className="mono">load</span> action.</p>
        )}
      </div>
    </section>
  );
}

export function sliderRange(w: WorkloadMeta): { max: number; step: number } {
  const top = Math.max(4 * w.maxPerSec, 10);
  const raw = top / 200;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? raw;
  return { max: Math.ceil(top / step) * step, step };
}

function LoadSlider({ w }: { w: WorkloadMeta }) {
  const { current, disabled } = useApp(useShallow((s) => ({
    current: s.pendingLoad[w.name]?.perSec ?? s.snapshot?.load[w.name] ?? w.initialPerSec,
    disabled: s.status.done || s.meta === null,
  })));
  const setLoad = useApp((s) => s.setLoad);
  const [draft, setDraft] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { max, step } = sliderRange(w);
  const shown = draft ?? current;

  // Commit on the native `change` (pointer released, key pressed), not on every `input` while dragging.
  useEffect(() => {
    const el = input.current!;
    const commit = () => {
      const v = Number(el.value);
      setDraft(null);
      setLoad(w.name, v);
    };
    el.addEventListener('change', commit);
    return () => el.removeEventListener('change', commit);
  }, [w.name, setLoad]);

  const id = `load-${w.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <div className="workload" data-testid={`workload-${w.name}`}>
      <div className="workload-head">
        <label className="workload-name" htmlFor={id}>{w.name}</label>
        <span className="workload-route" title={w.route}>{w.route}</span>
        <output className="workload-value" htmlFor={id} aria-live="off" data-testid={`load-value-${w.name}`}>{formatPerSec(shown)}</output>
      </div>
      <input
        ref={input}
        id={id}
        type="range"
        min={0}
        max={max}
        step={step}
        value={Math.min(max, shown)}
        disabled={disabled}
        aria-label={`Load for ${w.name}`}
        aria-valuetext={`${formatPerSec(shown)} requests per second`}
        onChange={(e) => setDraft(Number(e.target.value))}
      />
      <div className="workload-scale"><span>0</span><span>file max {formatPerSec(w.maxPerSec)}</span><span>{formatPerSec(max)}</span></div>
    </div>
  );
}

function ClosedLoad({ w }: { w: WorkloadMeta }) {
  return (
    <div className="workload" data-testid={`workload-${w.name}`}>
      <div className="workload-head">
        <span className="workload-name">{w.name}</span>
        <span className="workload-route" title={w.route}>{w.route}</span>
        <span className="workload-value">{w.users} users</span>
      </div>
      <p className="hint">Closed loop: each user waits for a response, thinks, sends again.</p>
    </div>
  );
}
