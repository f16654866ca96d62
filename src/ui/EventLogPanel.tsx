/**
 * The event log: what happened, in words, at simulated times — instances
 * crashing and coming back, breakers changing state, faults, scaling, and
 * each second's failures per call with a request to look at (its trace).
 * Filter by service, or by any text (a trace id too). Severity is shown by a
 * shape and a word as well as a colour.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import './observe.css';
import { useShallow } from 'zustand/react/shallow';
import type { LogEntry } from '../model/snapshot';
import { useApp } from '../store';
import { formatClock } from './format';

/** Rows drawn at most: the newest that match (the store keeps 2,000). */
const SHOWN = 300;
const MARK: Record<LogEntry['severity'], string> = { error: '●', warn: '▲', info: '○' };

export function EventLogPanel() {
  const { log, services, showTrace } = useApp(useShallow((s) => ({ log: s.log, services: s.meta?.services, showTrace: s.showTrace })));
  const [service, setService] = useState('');
  const [text, setText] = useState('');
  const list = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    const out = log.filter((e) => (!service || e.service === service) &&
      (!q || e.text.toLowerCase().includes(q) || (e.trace ?? '').includes(q) || e.kind.includes(q)));
    return out.length > SHOWN ? out.slice(out.length - SHOWN) : out;
  }, [log, service, text]);
  // Follow the newest entries unless the user scrolled up to read.
  useEffect(() => {
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [shown]);
  return (
    <section className="panel log-panel" aria-label="Event log">
      <div className="panel-head">
        <h2 className="panel-title">Event log</h2>
        <span className="panel-sub" data-testid="log-count">{log.length ? `${shown.length} of ${log.length}` : 'nothing yet'}</span>
        <select className="select compact" aria-label="Log service filter" value={service} onChange={(e) => setService(e.target.value)}>
          <option value="">all services</option>
          {(services ?? []).map((s) => <option key={s.name} value={s.name}>{s.label}</option>)}
        </select>
        <input className="input compact" type="search" placeholder="filter: text or trace id" aria-label="Log text filter"
          value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ol className="log-list" ref={list} data-testid="log-list"
        onScroll={(e) => { const el = e.currentTarget; stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24; }}>
        {shown.length === 0 && <li className="hint">{log.length ? 'No entry matches the filter.' : 'Crashes, breakers, faults and failures show here as the run goes.'}</li>}
        {shown.map((e, i) => (
          <li key={`${e.t}-${i}-${e.kind}`} className={`log-entry ${e.severity}`} data-kind={e.kind}>
            <span className="mono log-time">{formatClock(e.t)}</span>
            <span className="log-sev" title={e.severity} aria-label={e.severity}>{MARK[e.severity]}</span>
            <span className="log-text">{e.text}</span>
            {e.trace && (
              <button type="button" className="linkish mono log-trace" title="Open this request's trace" onClick={() => showTrace(e.trace)}>
                trace {e.trace.slice(0, 8)}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
