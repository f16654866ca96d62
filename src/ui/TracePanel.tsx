/**
 * Request traces: the kept sample (failed, slow, 1 % of the rest) as a list,
 * and one trace as a waterfall — a row per hop (service.endpoint, instance,
 * try), its queueing and its work on a shared time axis, coloured by how it
 * ended; retries show as repeated rows, a timed-out call's callee keeps
 * going ("caller gave up").
 */
import { useEffect, useMemo } from 'react';
import './observe.css';
import { useShallow } from 'zustand/react/shallow';
import type { Trace } from '../metrics/traces';
import { useApp } from '../store';
import { formatClock, formatMs } from './format';
import { waterfall } from './traceLayout';
import { traceSequence } from './traceSequence';
import { copyText, downloadText } from './download';

export function TracePanel() {
  const { traces, traceId, showTrace, fetchTraces, hasRun } = useApp(useShallow((s) => ({
    traces: s.traces, traceId: s.traceId, showTrace: s.showTrace, fetchTraces: s.fetchTraces, hasRun: s.meta !== null,
  })));
  useEffect(() => { if (hasRun && traces === null) fetchTraces(); }, [hasRun, traces, fetchTraces]);
  const trace = traceId ? traces?.find((t) => t.traceId === traceId) ?? null : null;
  return (
    <section className="panel trace-panel" aria-label="Traces">
      <div className="panel-head">
        <h2 className="panel-title">{trace ? 'Trace' : 'Traces'}</h2>
        {trace
          ? <button type="button" className="btn small" onClick={() => showTrace(null)}>← All traces</button>
          : <span className="panel-sub">{traces ? `${traces.length} kept: failed, slow, 1 % of the rest` : 'loading…'}</span>}
        <button type="button" className="btn small" onClick={fetchTraces} title="Fetch the traces kept so far">Refresh</button>
      </div>
      {traceId && !trace && traces && (
        <p className="hint">Trace {traceId.slice(0, 8)}… is no longer in the kept sample (newer ones pushed it out).</p>
      )}
      {trace ? <Waterfall trace={trace} /> : <TraceList traces={traces ?? []} onPick={showTrace} />}
    </section>
  );
}

function TraceList({ traces, onPick }: { traces: readonly Trace[]; onPick: (id: string) => void }) {
  if (traces.length === 0) return <p className="hint">Play the run: failed and slow requests are kept here.</p>;
  return (
    <ol className="trace-list" data-testid="trace-list">
      {traces.slice(0, 100).map((t) => (
        <li key={t.traceId}>
          <button type="button" className={`trace-row ${t.status}`} onClick={() => onPick(t.traceId)}>
            <span className="mono">{formatClock(t.startMs)}</span>
            <span className="trace-route">{t.route}</span>
            <span className={`trace-status ${t.status}`}>{t.status}{t.degraded ? ' (degraded)' : ''}</span>
            <span className="mono">{formatMs(t.endMs - t.startMs)}</span>
            <span className="muted">{t.keptBecause} · {t.spans.length} span{t.spans.length === 1 ? '' : 's'}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/** The trace as a Mermaid sequence diagram, downloaded as SVG (Mermaid is loaded on first use). */
async function downloadSequence(trace: Trace): Promise<void> {
  const { architectureSvg } = await import('./exports');
  downloadText(await architectureSvg(traceSequence(trace)), `trace-${trace.traceId.slice(0, 16)}.svg`, 'image/svg+xml');
}

function Waterfall({ trace }: { trace: Trace }) {
  const rows = useMemo(() => waterfall(trace), [trace]);
  return (
    <div className="waterfall" data-testid="waterfall">
      <p className="waterfall-head">
        <span className="mono">{trace.traceId}</span> · {trace.route} · <span className={`trace-status ${trace.status}`}>{trace.status}</span>
        {' '}· {formatMs(trace.endMs - trace.startMs)} from {formatClock(trace.startMs)}
        <button type="button" className="btn small wf-export" onClick={() => void downloadSequence(trace)}
          title="This request as a sequence diagram (Mermaid), as an SVG file">Sequence SVG</button>
        <button type="button" className="btn small wf-export" onClick={() => void copyText(traceSequence(trace))}
          title="Copy the sequence diagram's Mermaid source">Copy Mermaid</button>
      </p>
      <ol className="waterfall-rows">
        {rows.map(({ span: s, depth, start, queueEnd, end }) => (
          <li key={s.spanId} className={`wf-row ${s.status}`} data-status={s.status}>
            <span className="wf-label" style={{ paddingLeft: depth * 12 }} title={`span ${s.spanId}`}>
              {s.service}.{s.endpoint} <span className="muted">#{s.instance}{s.attempt > 1 ? ` · try ${s.attempt}` : ''}</span>
            </span>
            <span className="wf-track">
              {queueEnd > start && <span className="wf-queue" style={{ left: `${start * 100}%`, width: `${(queueEnd - start) * 100}%` }} title={`queued ${formatMs(s.queueMs)}`} />}
              <span className={`wf-bar ${s.status}`} style={{ left: `${queueEnd * 100}%`, width: `${Math.max(0.4, (end - queueEnd) * 100)}%` }} />
            </span>
            <span className="wf-note mono">
              {s.endMs === null ? 'still running' : formatMs(s.endMs - s.startMs)} · {s.status}
              {s.abandoned ? ' · caller gave up' : ''}{s.degraded ? ' · degraded' : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
