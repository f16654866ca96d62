/** The app shell: top bar, canvas, charts and sidebar; the errors view replaces them while a file is rejected. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { ChartPanel } from './ChartPanel';
import { ErrorsPanel } from './ErrorsPanel';
import { LoadPanel } from './LoadPanel';
import { RecordedPanel, ReportPanel, RunPanel } from './SidePanels';
import { FaultsPanel } from './FaultsPanel';
import { InspectorPanel } from './Inspector';
import { TopBar } from './TopBar';
import { TopologyLegend, TopologyView } from './TopologyView';
import { summaryOf } from '../store/summary';

export function App() {
  const invalid = useApp((s) => s.invalid);
  useSpaceToPlay();
  useEscapeToDeselect();
  return (
    <div className="app">
      <TopBar />
      <main className="main">
        {invalid && <ErrorsPanel invalid={invalid} />}
        {/* The run stays mounted (hidden) under the errors view: going back loses nothing. */}
        <div style={{ display: invalid ? 'none' : 'contents' }}>
          <section className="panel canvas-panel" aria-label="Topology">
            <ScenarioHeader />
            <FailureBanner />
            <TopologyView />
            <TopologyLegend />
          </section>
          <ChartPanel />
          <aside className="side">
            {/* The report, once there is one, is what the user came for. */}
            <ReportPanel />
            <InspectorPanel />
            <FaultsPanel />
            <LoadPanel />
            <RecordedPanel />
            <RunPanel />
          </aside>
        </div>
      </main>
    </div>
  );
}

function ScenarioHeader() {
  const { name, description, file } = useApp(useShallow((s) => ({ name: s.meta?.name, description: s.meta?.description ?? '', file: s.meta?.file })));
  return (
    <div className="scenario-head">
      <h1 className="scenario-name" data-testid="scenario-name">{name ?? 'Microcosm'}</h1>
      <span className="scenario-desc" title={description}>{summaryOf(description, 200)}</span>
      {file && <span className="badge mono" title="source file">{file}</span>}
    </div>
  );
}

function FailureBanner() {
  const { failure, restart } = useApp(useShallow((s) => ({ failure: s.failure, restart: s.restart })));
  if (!failure) return null;
  return (
    <div className="banner" role="alert">
      <strong>The run stopped:</strong> <span className="mono">{failure}</span>
      <button type="button" className="btn small" onClick={restart}>Restart</button>
    </div>
  );
}

/** Escape closes the inspector, unless focus is in a field that uses Escape itself. */
function useEscapeToDeselect() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const tag = (e.target as HTMLElement | null)?.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA') return;
      useApp.getState().select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Space toggles play/pause, unless focus is in a control that uses space itself. */
function useSpaceToPlay() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.code !== 'Space' && e.key !== ' ') return;
      const t = e.target as HTMLElement | null;
      const tag = t?.tagName;
      if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'A' || t?.isContentEditable) return;
      if (tag === 'INPUT' && (t as HTMLInputElement).type !== 'range') return;
      const s = useApp.getState();
      if (!s.meta || s.invalid) return;
      e.preventDefault();
      s.togglePlay();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
