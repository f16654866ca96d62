/**
 * The panel under the canvas: charts, the event log or the traces, one at a
 * time (tabs, arrow keys move between them). Opening a trace from the log
 * switches to the traces. It folds down to its tabs (the canvas takes the
 * height); a tab opens it again.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApp } from '../store';
import { ChartPanel } from './ChartPanel';
import { EventLogPanel } from './EventLogPanel';
import { TracePanel } from './TracePanel';
import { useBottomPanel } from './bottomPanelState';
import './observe.css';

const TABS = [
  { id: 'charts', label: 'Charts' },
  { id: 'log', label: 'Event log' },
  { id: 'traces', label: 'Traces' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function BottomTabs() {
  const [tab, setTab] = useState<Tab>('charts');
  const traceId = useApp((s) => s.traceId);
  const errors = useApp((s) => s.log.reduce((n, e) => n + (e.severity === 'error' ? 1 : 0), 0));
  const { collapsed, setCollapsed } = useBottomPanel();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    if (traceId) { setTab('traces'); setCollapsed(false); }
  }, [traceId, setCollapsed]);
  const open = (t: Tab) => { setTab(t); setCollapsed(false); };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!.id;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="bottom">
      <div className="bottom-tabs" role="tablist" aria-label="Views under the canvas" onKeyDown={onKey}>
        {TABS.map((t) => (
          <button key={t.id} id={`tab-${t.id}`} type="button" role="tab" aria-selected={tab === t.id} tabIndex={tab === t.id ? 0 : -1}
            className="bottom-tab" onClick={() => open(t.id)}>
            {t.label}
            {t.id === 'log' && errors > 0 && <span className="tab-count" title="error entries">{errors > 999 ? '999+' : errors}</span>}
          </button>
        ))}
        <button type="button" className="bottom-fold" aria-expanded={!collapsed} aria-controls="bottom-body"
          title={collapsed ? 'Show the charts, log and traces under the canvas' : 'Fold this panel away: the canvas takes its height (for a large architecture or a projector)'}
          onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? 'Show panel ▴' : 'Hide panel ▾'}
        </button>
      </div>
      {/* Folded: nothing mounted, so the charts cost nothing while hidden. */}
      {!collapsed && (
        <div className="bottom-body" id="bottom-body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {tab === 'charts' && <ChartPanel />}
          {tab === 'log' && <EventLogPanel />}
          {tab === 'traces' && <TracePanel />}
        </div>
      )}
    </div>
  );
}
