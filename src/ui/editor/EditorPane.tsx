/**
 * The scenario editor pane (loaded lazily: CodeMirror is not in the first
 * page load): header with the file, the live error count, Revert and Apply;
 * the draft / apply notes; the CodeMirror view; a footer with the cursor and
 * the draft's state; a splitter to resize it against the canvas.
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store';
import { countText, errorCount } from './diagnostics';
import { MAX_DRAFT_CHARS } from './drafts';
import { MIN_EDITOR_WIDTH, useEditorUi } from './editorState';
import { EditorSession, type SessionState } from './session';
import { createValidator } from './validateClient';

const IDLE: SessionState = {
  key: null, file: null, check: { state: 'checking', errors: [], seen: false }, restored: null, modified: false,
  draft: 'none', apply: null, cursor: { line: 1, col: 1 },
};
const noSubscribe = () => () => {};
const MIN_CANVAS_WIDTH = 360;
const SIDE_AND_GAPS = 340 + 12 * 2 + 12 * 2;
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

export default function EditorPane({ hidden }: { hidden: boolean }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const [session, setSession] = useState<EditorSession | null>(null);
  const { source, invalid, failure } = useApp(useShallow((s) => ({ source: s.source, invalid: s.invalid, failure: s.failure })));
  const { setOpen, focusRequest } = useEditorUi(useShallow((s) => ({ setOpen: s.setOpen, focusRequest: s.focusRequest })));

  useEffect(() => {
    const validator = createValidator();
    const s = new EditorSession(hostRef.current!, validator, {
      openFile: (file, text) => useApp.getState().openFile(file, text),
      dismissErrors: () => useApp.getState().dismissErrors(),
      draftsChanged: (key) => useEditorUi.getState().draftsChanged(key),
    });
    setSession(s);
    return () => {
      s.destroy();
      validator.dispose();
    };
  }, []);
  useEffect(() => { session?.setSource(source); }, [session, source]);
  // Before paint: a rejected Apply must not flash the full-page errors view.
  useLayoutEffect(() => { session?.onInvalid(invalid); }, [session, invalid]);
  useEffect(() => { session?.onFailure(failure); }, [session, failure]);
  useEffect(() => { if (session && focusRequest > 0 && !hidden) session.focus(); }, [session, focusRequest, hidden]);
  useEffect(() => { if (!hidden) session?.view.requestMeasure(); }, [session, hidden]);

  const st = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getSnapshot ?? (() => IDLE));
  const busy = st.apply?.state === 'checking' || st.apply?.state === 'applying';

  return (
    <section ref={panelRef} className="panel editor-panel" aria-label="Scenario editor" hidden={hidden} data-testid="editor">
      <div className="editor-head">
        <h2 className="panel-title">Editor</h2>
        {st.file && (
          <span className="badge mono editor-file" title={st.modified ? `${st.file} (edited, not applied)` : st.file}>
            {st.file}{st.modified && <span className="modified-dot" aria-label="edited" />}
          </span>
        )}
        <StatusBadge check={st.check} />
        <div className="spacer" />
        {st.modified && !st.restored && (
          <button type="button" className="btn small ghost" onClick={() => session?.discard()} title="Back to the text that runs (undo with Ctrl+Z)">Revert</button>
        )}
        <button
          type="button" className="btn small primary" onClick={() => void session?.apply()} disabled={!session || busy}
          title={`Load this text into the run; the simulation restarts (${MOD}+Enter)`}
        >
          {busy ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" className="icon-btn" aria-label="Close the editor" title="Close the editor (the text is kept)" onClick={() => setOpen(false)}>×</button>
      </div>
      {st.restored && (
        <div className="editor-note" role="status" data-testid="draft-note">
          <span>
            <strong>Draft restored</strong> — your edits from {ago(st.restored.savedAt)}, not applied
            {st.restored.fileChanged ? ' (the file has changed since)' : ''}.
          </span>
          <button type="button" className="btn small ghost" onClick={() => session?.discard()}>Discard</button>
        </div>
      )}
      <ApplyNote state={st} onGoTo={(e) => session?.goTo(e)} />
      <div className="editor-host" ref={hostRef} />
      <div className="editor-foot">
        <span className="mono" data-testid="editor-cursor">Ln {st.cursor.line}, Col {st.cursor.col}</span>
        <DraftState state={st} />
        <span className="spacer" />
        <span className="editor-keys"><kbd>{MOD} Space</kbd> complete · <kbd>{MOD} ↵</kbd> apply</span>
      </div>
      <Splitter panel={panelRef} />
    </section>
  );
}

function StatusBadge({ check }: { check: SessionState['check'] }) {
  const n = errorCount(check.errors);
  const text = !check.seen ? 'checking…' : countText(check.errors);
  const cls = !check.seen ? '' : n === 0 ? 'ok' : 'bad';
  return (
    <span className={`badge ${cls} editor-status`} data-testid="editor-status" data-state={check.state} data-errors={check.seen ? n : undefined} aria-live="polite">
      {text}
    </span>
  );
}

function ApplyNote({ state, onGoTo }: { state: SessionState; onGoTo: (e: SessionState['check']['errors'][number]) => void }) {
  const a = state.apply;
  if (!a || a.state === 'checking' || a.state === 'applying') return null;
  if (a.state === 'applied') {
    return <div className="editor-note ok" role="status" data-testid="apply-note">Applied — the run restarted with this text.</div>;
  }
  if (a.state === 'failed') {
    return <div className="editor-note bad" role="alert" data-testid="apply-note">Not applied: {a.message}</div>;
  }
  const n = errorCount(a.errors);
  return (
    <div className="editor-note bad" role="alert" data-testid="apply-note">
      <div>
        <strong>Not applied:</strong> {n} {n === 1 ? 'error' : 'errors'}. The run goes on with the last valid version; your text is kept.
        <ul className="editor-errors">
          {a.errors.slice(0, 3).map((e, i) => (
            <li key={i}>
              <button type="button" className="linkish mono" onClick={() => onGoTo(e)}>{e.line}:{e.column}</button> {e.message}
            </li>
          ))}
          {a.errors.length > 3 && <li className="muted">…and {n - 3} more, underlined in the text</li>}
        </ul>
      </div>
    </div>
  );
}

function DraftState({ state }: { state: SessionState }) {
  if (!state.modified) return <span className="muted">no changes</span>;
  switch (state.draft) {
    case 'saved': return <span className="muted" data-testid="draft-state">draft saved</span>;
    case 'too-large': return <span className="warn" data-testid="draft-state">too large to autosave (over {MAX_DRAFT_CHARS / 1024 / 1024} MB): keep this tab open</span>;
    case 'failed': return <span className="warn" data-testid="draft-state">not autosaved (browser storage full or blocked): keep this tab open</span>;
    default: return <span className="muted" data-testid="draft-state">edited</span>;
  }
}

/** Drag (or arrow keys) to share the width with the canvas; double-click for the default. */
function Splitter({ panel }: { panel: RefObject<HTMLElement | null> }) {
  const { width, setWidth } = useEditorUi(useShallow((s) => ({ width: s.width, setWidth: s.setWidth })));
  const drag = useRef<{ x: number; w: number } | null>(null);
  const clamp = (w: number) => {
    const main = panel.current?.closest('.main') as HTMLElement | null;
    const max = Math.max(MIN_EDITOR_WIDTH, (main?.clientWidth ?? window.innerWidth) - SIDE_AND_GAPS - MIN_CANVAS_WIDTH);
    return Math.round(Math.min(max, Math.max(MIN_EDITOR_WIDTH, w)));
  };
  const current = () => panel.current?.getBoundingClientRect().width ?? width ?? 480;
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, w: current() };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setWidth(clamp(drag.current.w + e.clientX - drag.current.x));
  };
  const onPointerUp = () => { drag.current = null; };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 24;
    if (e.key === 'ArrowLeft') setWidth(clamp(current() - step));
    else if (e.key === 'ArrowRight') setWidth(clamp(current() + step));
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="editor-resize" role="separator" aria-orientation="vertical" aria-label="Resize the editor" tabIndex={0}
      aria-valuenow={Math.round(width ?? current())}
      onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}
      onDoubleClick={() => setWidth(null)} onKeyDown={onKeyDown}
      title="Drag to resize (double-click: default width)"
    />
  );
}

function ago(at: number): string {
  const s = Math.max(0, (Date.now() - at) / 1000);
  if (!at) return 'an earlier visit';
  if (s < 60) return 'a moment ago';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(at).toLocaleDateString();
}
