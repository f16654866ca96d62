/** Sidebar panels: run figures, recorded live actions, and the final report with its digest. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { formatClock, formatCount, formatDuration, formatMs } from './format';
import { copyText } from './download';
import { describeAction, timelineYaml } from './recording';
import { saveScenario } from './scenarioFile';

export function RunPanel() {
  const { events, simRate, renderer, meta, speed, playing, stopped } = useApp(useShallow((s) => ({
    events: s.snapshot?.events ?? 0, simRate: s.status.simRate, renderer: s.rendererName, meta: s.meta,
    speed: s.status.speed, playing: s.status.playing, stopped: s.snapshot?.stopped ?? null,
  })));
  return (
    <section className="panel" aria-label="Run">
      <div className="panel-head"><h2 className="panel-title">Run</h2></div>
      <div className="panel-body">
        <dl className="stats">
          <dt>Seed</dt><dd>{meta?.seed ?? '–'}</dd>
          <dt>Events</dt><dd data-testid="events">{formatCount(events)}</dd>
          <dt>Speed achieved</dt><dd>{playing && simRate > 0 ? `${simRate >= 100 ? Math.round(simRate / 1000) : (simRate / 1000).toFixed(1)}× ${speed === 'max' ? '(max)' : ''}` : '–'}</dd>
          <dt>Renderer</dt><dd data-testid="renderer">{renderer ?? '–'}</dd>
        </dl>
        {stopped && stopped.reason !== 'duration' && (
          <p className="hint" style={{ color: 'var(--bad)' }} role="alert">Stopped: {stopped.message}</p>
        )}
      </div>
    </section>
  );
}

export function RecordedPanel() {
  const { recorded, source, meta } = useApp(useShallow((s) => ({ recorded: s.recorded, source: s.source, meta: s.meta })));
  // After the scrubber went back, the actions past the current time are still ahead: replayed when the run gets there.
  const now = useApp((s) => s.snapshot?.timeMs ?? 0);
  const ahead = (atMs: number) => atMs > now;
  const [note, setNote] = useState<string | null>(null);
  const copy = async () => {
    setNote((await copyText(`timeline:\n${timelineYaml(recorded)}\n`)) ? 'copied' : 'copy not allowed here; use Save');
  };
  // The same file as the top bar's Save: `<name>-recorded.yaml`.
  const save = () => source && saveScenario(source, recorded, useApp.getState().layout);
  return (
    <section className="panel" aria-label="Recorded actions">
      <div className="panel-head">
        <h2 className="panel-title">Recorded actions</h2>
        <span className="panel-sub">{recorded.length ? `${recorded.length}` : ''}</span>
      </div>
      <div className="panel-body">
        {recorded.length === 0 ? (
          <p className="hint" style={{ marginTop: 0 }}>
            Slider moves, kills and faults land here as timeline items{meta?.timeline.length ? `, after the file's ${meta.timeline.length}` : ''}. Save them to replay the run exactly.
          </p>
        ) : (
          <ol className="timeline-list" data-testid="recorded-list">
            {recorded.map((it, i) => (
              <li key={i} className={ahead(it.atMs) ? 'ahead' : undefined}
                title={ahead(it.atMs) ? 'Ahead of the current time: replayed when the run gets there (an action now forks the run instead)' : undefined}>
                <span className="at">{formatClock(it.atMs, 3)}</span>
                <span>{describeAction(it.action)}{it.forMs !== null && <span className="muted"> for {formatDuration(it.forMs)}</span>}</span>
                {ahead(it.atMs) && <span className="ahead-tag">ahead</span>}
              </li>
            ))}
          </ol>
        )}
        <div className="row">
          <button type="button" className="btn small" onClick={save} disabled={recorded.length === 0}>Save scenario with actions</button>
          <button type="button" className="btn small ghost" onClick={copy} disabled={recorded.length === 0}>Copy YAML</button>
          {note && <span className="hint" role="status">{note}</span>}
        </div>
      </div>
    </section>
  );
}

export function ReportPanel() {
  const report = useApp((s) => s.report);
  if (!report) return null;
  const routes = Object.entries(report.routes);
  return (
    <section className="panel" aria-label="Report">
      <div className="panel-head"><h2 className="panel-title">Report</h2><span className="panel-sub">{formatClock(report.simulatedMs, 0)} simulated</span></div>
      <div className="panel-body">
        {report.stopped && <p className="hint" style={{ color: 'var(--bad)', marginTop: 0 }}>Stopped early: {report.stopped.message}</p>}
        <table className="route-table">
          <thead><tr><th>route</th><th>requests</th><th>errors</th><th>p50</th><th>p99</th></tr></thead>
          <tbody>
            {routes.map(([name, r]) => (
              <tr key={name}>
                <td title={name}>{name}</td>
                <td>{formatCount(r.requests)}</td>
                <td>{formatCount(r.errors + r.rejected + r.timeouts)}</td>
                <td>{formatMs(r.latencyMs.p50).replace(' ', '')}</td>
                <td>{formatMs(r.latencyMs.p99).replace(' ', '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.expectations.length > 0 && (
          <ul className="expectations">
            {report.expectations.map((e, i) => (
              <li key={i} className={e.passed ? 'pass' : 'fail'}>{e.passed ? '✓' : '✗'} {e.text} <span className="muted">(actual {e.actual})</span></li>
            ))}
          </ul>
        )}
        <div className="hint" style={{ marginTop: 10 }}>Digest ({formatCount(report.events)} events)</div>
        <div className="digest" data-testid="digest" aria-label="Run digest">{report.digest}</div>
      </div>
    </section>
  );
}
