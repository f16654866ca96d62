/**
 * The inspector: the service picked on the canvas (or in its own select, the
 * keyboard path), its instances, the calls in and out with their breakers,
 * and the ways to break it — kill, latency, errors, slow CPU, partition —
 * for a chosen time. Each is one live action, recorded like a slider move.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EdgeView, ServiceView } from '../model/snapshot';
import { useApp } from '../store';
import type { ServiceMeta } from '../worker/protocol';
import {
  breakDefaults, type Built, DURATIONS, errorsAction, faultsOn, killAction, killInstanceAction, latencyAction, partitionAction, scaleAction, slowAction,
} from './breakPanel';
import { CLIENT_PREFIX } from '../render/geometry';
import { formatPerSec } from './format';
import { ServiceSettings } from './ServiceSettings';
import './observe.css';
import { BREAKER_WORDS, BreakerGlyph, type BreakerState, InstanceGlyph } from './glyphs';

export function InspectorPanel() {
  const { services, selection, select } = useApp(useShallow((s) => ({ services: s.meta?.services, selection: s.selection, select: s.select })));
  const [durationIdx, setDurationIdx] = useState<number>(breakDefaults.duration);
  const meta = services?.find((s) => s.name === selection?.service);
  return (
    <section className="panel inspector" aria-label="Inspector">
      <div className="panel-head inspector-head">
        <h2 className="panel-title">Inspector</h2>
        <select
          className="select compact"
          aria-label="Service"
          value={meta ? meta.name : ''}
          disabled={!services?.length}
          onChange={(e) => select(e.target.value || null)}
        >
          <option value="">Choose a service…</option>
          {services?.map((s) => <option key={s.name} value={s.name}>{s.label}</option>)}
        </select>
        {meta && (
          <button type="button" className="icon-btn" aria-label="Close inspector" title="Close (Esc)" onClick={() => select(null)}>×</button>
        )}
      </div>
      <div className="panel-body">
        {!meta ? (
          <p className="hint" style={{ marginTop: 0 }}>Click a service or one of its instances on the canvas to kill it or inject a fault.</p>
        ) : (
          <ServiceInspector meta={meta} others={services!.filter((s) => s.name !== meta.name)} instance={selection?.instance ?? null}
            durationIdx={durationIdx} setDurationIdx={setDurationIdx} />
        )}
      </div>
    </section>
  );
}

interface InspectorProps {
  meta: ServiceMeta;
  others: readonly ServiceMeta[];
  instance: number | null;
  durationIdx: number;
  setDurationIdx(i: number): void;
}

function ServiceInspector({ meta, others, instance, durationIdx, setDurationIdx }: InspectorProps) {
  const { view, edges, faults, disabled, act } = useApp(useShallow((s) => ({
    view: s.snapshot?.services.find((v) => v.name === meta.name),
    edges: s.snapshot?.edges,
    faults: s.snapshot?.faults,
    disabled: s.status.done || s.snapshot === null || s.failure !== null,
    act: s.act,
  })));
  const [latency, setLatency] = useState(String(breakDefaults.latencyMs));
  const [errors, setErrors] = useState(String(breakDefaults.errorPercent));
  const [factor, setFactor] = useState(String(breakDefaults.slowFactor));
  const [partner, setPartner] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const other = others.some((o) => o.name === partner) ? partner : (others[0]?.name ?? '');
  const duration = DURATIONS[durationIdx] ?? DURATIONS[breakDefaults.duration];

  const send = (b: Built) => {
    if (!b.ok) { setProblem(b.message); return; }
    setProblem(null);
    act(b.action, duration.ms);
  };
  /** Scaling is not a fault: it stays (no `for`), as an inspector edit of the file would. */
  const scale = (n: number) => {
    const b = scaleAction(meta.name, n);
    if (b.ok) act(b.action, null);
  };
  const touching = (edges ?? []).filter((e) => e.from === meta.name || e.to === meta.name);
  const picked = instance !== null ? view?.instances[instance] : undefined;
  // Replicas as Kubernetes counts them: every pod not on its way out (a crashed one restarts).
  const replicas = view ? view.instances.filter((i) => i.state !== 'draining' && i.state !== 'stopped').length : meta.instances;
  const active = faultsOn(faults ?? [], meta.name);
  const id = (k: string) => `inspect-${k}`;

  return (
    <div className="inspect" data-testid="inspector" data-service={meta.name}>
      <Instances view={view} meta={meta} instance={instance} />
      {active.length > 0 && (
        <p className="inspect-faults">
          {active.map((f) => <span key={f.id} className="fault-chip">{f.kind === 'partition' ? `partition ${f.target}` : f.detail}</span>)}
        </p>
      )}
      {touching.length > 0 && (
        <ul className="calls" aria-label={`Calls of ${meta.label}`}>
          {touching.map((e) => <CallRow key={`${e.from}->${e.to}`} e={e} />)}
        </ul>
      )}

      <ServiceSettings meta={meta} view={view} disabled={disabled}
        onSet={(key, value) => act({ kind: 'setting', service: meta.name, key, value }, null)} />
      <div className="act-row scale-row">
        <span className="act-label">Replicas</span>
        <div className="act-controls">
          <button type="button" className="btn small" aria-label="Remove a replica" disabled={disabled || replicas === 0}
            onClick={() => scale(replicas - 1)}
            title="Scale down by one: the most recently ready instance drains (no new requests, finishes what it holds, 30 s at most), then stops">−</button>
          <span className="mono" data-testid="replicas">{replicas}</span>
          <button type="button" className="btn small" aria-label="Add a replica" disabled={disabled || replicas >= 1000}
            onClick={() => scale(replicas + 1)}
            title="Scale up by one: the new instance starts cold and takes traffic when ready">+</button>
        </div>
      </div>

      <fieldset className="break" disabled={disabled}>
        <legend className="break-title">Break it</legend>
        <div className="act-row">
          <span className="act-label">For</span>
          <div className="segmented small" role="group" aria-label="Duration">
            {DURATIONS.map((d, i) => (
              <button key={d.label} type="button" aria-pressed={i === durationIdx} onClick={() => setDurationIdx(i)}>{d.label}</button>
            ))}
          </div>
        </div>
        <div className="act-row">
          <span className="act-label">Kill</span>
          <div className="act-controls">
            {picked && picked.state !== 'dead' && (
              <button type="button" className="btn small danger" data-testid="kill-picked" onClick={() => send(killInstanceAction(meta.name, picked.n))}
                title={`Crash instance ${picked.n}`}>Kill #{picked.n}</button>
            )}
            <button type="button" className="btn small danger" onClick={() => send(killAction(meta.name, 1))}
              title="Crash one live instance (the first one alive)">Kill 1</button>
            <button type="button" className="btn small danger" onClick={() => send(killAction(meta.name, 'all'))}
              title="Crash every live instance">Kill all</button>
          </div>
        </div>
        <div className="act-row">
          <label className="act-label" htmlFor={id('latency')}>Latency</label>
          <div className="act-controls">
            <span className="unit-input"><input id={id('latency')} type="number" min={1} step={50} value={latency} aria-label="Added latency, ms"
              onChange={(e) => setLatency(e.target.value)} /><span>ms</span></span>
            <button type="button" className="btn small" aria-label="Add latency" onClick={() => send(latencyAction(meta.name, Number(latency)))}>Add</button>
          </div>
        </div>
        <div className="act-row">
          <label className="act-label" htmlFor={id('errors')}>Errors</label>
          <div className="act-controls">
            <span className="unit-input"><input id={id('errors')} type="number" min={1} max={100} step={5} value={errors} aria-label="Error share, %"
              onChange={(e) => setErrors(e.target.value)} /><span>%</span></span>
            <button type="button" className="btn small" aria-label="Inject errors" onClick={() => send(errorsAction(meta.name, Number(errors)))}>Inject</button>
          </div>
        </div>
        <div className="act-row">
          <label className="act-label" htmlFor={id('slow')}>Slow CPU</label>
          <div className="act-controls">
            <span className="unit-input"><input id={id('slow')} type="number" min={1} step={0.5} value={factor} aria-label="CPU slow-down factor"
              onChange={(e) => setFactor(e.target.value)} /><span>×</span></span>
            <button type="button" className="btn small" aria-label="Slow CPU" onClick={() => send(slowAction(meta.name, Number(factor)))}>Slow</button>
          </div>
        </div>
        <div className="act-row">
          <label className="act-label" htmlFor={id('partition')}>Partition</label>
          <div className="act-controls">
            <select id={id('partition')} className="select compact" aria-label="Partition from" value={other}
              disabled={others.length === 0} onChange={(e) => setPartner(e.target.value)}>
              {others.map((o) => <option key={o.name} value={o.name}>from {o.label}</option>)}
            </select>
            <button type="button" className="btn small" aria-label="Partition" disabled={others.length === 0}
              onClick={() => send(partitionAction(meta.name, other))}>Cut</button>
          </div>
        </div>
        {problem && <p className="hint bad" role="alert">{problem}</p>}
        <p className="hint">
          {duration.ms === null
            ? 'Faults stay until the end; a killed instance restarts after its restart delay.'
            : `Undone after ${duration.label} of simulated time; killed instances stay down as long.`}
          {picked ? ` Kill #${picked.n} crashes the instance you picked; Kill 1 the first live one.` : ' Click an instance cell to kill that one.'}
        </p>
      </fieldset>
    </div>
  );
}

function Instances({ view, meta, instance }: { view: ServiceView | undefined; meta: ServiceMeta; instance: number | null }) {
  const list = view?.instances ?? [];
  const count = { ready: 0, starting: 0, draining: 0, stopped: 0, dead: 0 };
  for (const i of list) count[i.state]++;
  const picked = instance !== null ? list[instance] : undefined;
  return (
    <div className="inspect-instances">
      <div className="inspect-name">
        <strong>{meta.label}</strong>
        <span className="muted">{list.length || meta.instances} instance{(list.length || meta.instances) === 1 ? '' : 's'}</span>
        {view && <span className="mono muted inspect-rate">{formatPerSec(view.requestsPerSec)}</span>}
      </div>
      <div className="state-counts" data-testid="instance-states" aria-label={`${count.ready} ready, ${count.starting} starting, ${count.draining ? `${count.draining} draining, ` : ''}${count.dead} dead`}>
        <span><InstanceGlyph state="ready" />{count.ready} ready</span>
        <span><InstanceGlyph state="starting" />{count.starting} starting</span>
        {count.draining > 0 && <span><InstanceGlyph state="draining" />{count.draining} draining</span>}
        <span><InstanceGlyph state="dead" />{count.dead} dead</span>
      </div>
      {picked && (
        <div className="picked" data-testid="picked-instance">
          <InstanceGlyph state={picked.state} />
          <span>instance {picked.n}: {picked.state}</span>
          <span className="mono muted">{picked.busy}/{picked.workers} busy · {picked.queued} queued</span>
        </div>
      )}
    </div>
  );
}

const STATES: readonly BreakerState[] = ['closed', 'halfOpen', 'open'];

function CallRow({ e }: { e: EdgeView }) {
  const from = e.from.startsWith(CLIENT_PREFIX) ? e.from.slice(CLIENT_PREFIX.length) : e.from;
  const share = Math.min(1, e.errorShare);
  const b = e.breakers;
  const words = b ? `${b.closed} closed, ${b.halfOpen} half-open, ${b.open} open` : '';
  return (
    <li data-testid={`call-${e.from}-${e.to}`}>
      <span className="call-path" title={`${from} → ${e.to}`}>{from} → {e.to}</span>
      <span className="mono call-rate">{formatPerSec(e.perSec)}</span>
      <span className={`mono call-err${share >= 0.005 ? ' bad' : ''}`}>{share >= 0.005 ? `${Math.round(share * 100)}% err` : ''}</span>
      {b && (
        <span className="breakers" data-testid={`breakers-${e.from}-${e.to}`} role="img" aria-label={`Breakers ${from} → ${e.to}: ${words}`}
          data-closed={b.closed} data-half-open={b.halfOpen} data-open={b.open} title={`Circuit breakers of ${from}'s instances: ${words}`}>
          {STATES.filter((st) => b[st] > 0).map((st) => (
            <span key={st} className={`brk ${st}`}><BreakerGlyph state={st} />{b[st]} {BREAKER_WORDS[st]}</span>
          ))}
        </span>
      )}
    </li>
  );
}
