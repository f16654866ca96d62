/**
 * The app shell: top bar, canvas, the tabs under it (charts, event log,
 * traces) and the sidebar; the editor opens beside them; the errors view
 * replaces them while a file is rejected. Keys: shortcuts.ts.
 */
import { lazy, Suspense, useMemo, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { BottomTabs } from './BottomTabs';
import { ExpectationsPanel } from './ExpectationsPanel';
import { HelpOverlay } from './HelpOverlay';
import { AboutButton } from './ScenarioAbout';
import { useShortcuts } from './shortcuts';
import { ErrorsPanel } from './ErrorsPanel';
import { LoadPanel } from './LoadPanel';
import { RecordedPanel, ReportPanel, RunPanel } from './SidePanels';
import { FaultsPanel } from './FaultsPanel';
import { InspectorPanel } from './Inspector';
import { TopBar } from './TopBar';
import { TopologyLegend, TopologyView } from './TopologyView';
import { Scrubber } from './Scrubber';
import { summaryOf } from '../store/summary';
import { EditToggle } from './editor/EditToggle';
import { useEditorUi } from './editor/editorState';
import { useCompare } from './compare/compareState';
import { useBottomPanel } from './bottomPanelState';

// CodeMirror is loaded only when the editor is first opened.
const EditorPane = lazy(() => import('./editor/EditorPane'));
// The compare view (and its worker, charts, mermaid) only when a comparison is opened.
const CompareView = lazy(() => import('./compare/CompareView'));

export function App() {
  const invalid = useApp((s) => s.invalid);
  const compareOpen = useCompare((s) => s.sides !== null);
  const editor = useEditorUi(useShallow((s) => ({ open: s.open, mounted: s.mounted, width: s.width })));
  const folded = useBottomPanel((s) => s.collapsed);
  const [helpOpen, setHelpOpen] = useState(false);
  const help = useMemo(() => ({ open: helpOpen, setOpen: setHelpOpen }), [helpOpen]);
  useShortcuts(help);
  return (
    <div className="app">
      <TopBar />
      <main
        className={['main', editor.open && 'editing', folded && 'folded'].filter(Boolean).join(' ')}
        style={editor.open && editor.width ? ({ '--editor-w': `${editor.width}px` } as CSSProperties) : undefined}
      >
        {invalid && <ErrorsPanel invalid={invalid} />}
        {/* The run stays mounted (hidden) under the errors view: going back loses nothing. */}
        <div style={{ display: invalid ? 'none' : 'contents' }}>
          {editor.mounted && (
            <Suspense fallback={editor.open ? <section className="panel editor-panel editor-loading">Loading the editor…</section> : null}>
              <EditorPane hidden={!editor.open} />
            </Suspense>
          )}
          <section className="panel canvas-panel" aria-label="Topology">
            <ScenarioHeader />
            <FailureBanner />
            <TopologyView />
            <Scrubber />
            <TopologyLegend />
          </section>
          <BottomTabs />
          <aside className="side">
            {/* The report, once there is one, is what the user came for. */}
            <ReportPanel />
            <ExpectationsPanel />
            <InspectorPanel />
            <FaultsPanel />
            <LoadPanel />
            <RecordedPanel />
            <RunPanel />
          </aside>
        </div>
      </main>
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      {compareOpen && <Suspense fallback={null}><CompareView /></Suspense>}
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
      <AboutButton />
      <EditToggle />
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
