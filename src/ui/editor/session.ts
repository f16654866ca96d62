/**
 * One editing session: the CodeMirror view, the text being edited for one
 * scenario key, its live check (validation worker, debounced by the linter),
 * its draft (saved while typing, flushed on page hide) and Apply. React reads
 * its state through subscribe/getSnapshot; the view lives outside React.
 * It never changes the run except through `openFile` on Apply, and only with
 * a text the checker found valid.
 */
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit } from '@codemirror/language';
import { lintGutter, linter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, Prec } from '@codemirror/state';
import {
  drawSelection, dropCursor, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, type ViewUpdate,
} from '@codemirror/view';
import type { ScenarioError } from '../../scenario/errors';
import type { InvalidFile, Source } from '../../store';
import { scenarioCompletionSource } from './completion';
import { toDiagnostics } from './diagnostics';
import { hashText, loadDraft, saveDraft, type SaveResult } from './drafts';
import { editorHighlighting, editorTheme } from './theme';
import type { Validator } from './validateClient';

export const LINT_DELAY_MS = 250;
const DRAFT_DELAY_MS = 300;

export type ApplyState =
  | { readonly state: 'checking' }
  | { readonly state: 'applying' }
  | { readonly state: 'applied' }
  | { readonly state: 'rejected'; readonly errors: readonly ScenarioError[] }
  | { readonly state: 'failed'; readonly message: string };

export interface SessionState {
  readonly key: string | null;
  readonly file: string | null;
  /** The live check: `checking` keeps the previous errors until the new ones arrive. */
  readonly check: { readonly state: 'checking' | 'done'; readonly errors: readonly ScenarioError[]; readonly seen: boolean };
  /** A draft was put back on opening (it differs from the file). */
  readonly restored: { readonly savedAt: number; readonly fileChanged: boolean } | null;
  /** The text differs from the scenario that runs. */
  readonly modified: boolean;
  readonly draft: SaveResult | 'none';
  readonly apply: ApplyState | null;
  readonly cursor: { readonly line: number; readonly col: number };
}

export interface SessionActions {
  openFile(file: string, text: string): void;
  dismissErrors(): void;
  /** A draft was saved or cleared; `key` is where the session keeps its draft. */
  draftsChanged(key: string): void;
}

const INITIAL: SessionState = {
  key: null, file: null, check: { state: 'checking', errors: [], seen: false }, restored: null, modified: false,
  draft: 'none', apply: null, cursor: { line: 1, col: 1 },
};

export class EditorSession {
  readonly view: EditorView;
  private snapshot: SessionState = INITIAL;
  private readonly listeners = new Set<() => void>();
  /** The text that runs (what "modified" and Revert compare with). */
  private baseText = '';
  /**
   * Drafts are kept under the scenario the editing started from (and compared
   * with its file), also after an Apply loads the text under an `opened:` key:
   * the page reopens that scenario after a reload, and the latest text must
   * come back with it.
   */
  private draftKey: string | null = null;
  private draftBase = '';
  private applying: { readonly text: string } | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly flushOnHide = () => this.saveNow();
  private readonly flushOnHidden = () => { if (document.visibilityState === 'hidden') this.saveNow(); };

  constructor(parent: HTMLElement, private readonly validator: Validator, private readonly actions: SessionActions) {
    this.view = new EditorView({ parent, state: this.makeState('') });
    window.addEventListener('pagehide', this.flushOnHide);
    document.addEventListener('visibilitychange', this.flushOnHidden);
  }

  // ---- React's view of the session ----
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): SessionState => this.snapshot;

  private patch(p: Partial<SessionState>): void {
    this.snapshot = { ...this.snapshot, ...p };
    for (const fn of this.listeners) fn();
  }

  // ---- the document ----
  private makeState(text: string): EditorState {
    return EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), foldGutter(), lintGutter(), highlightActiveLineGutter(),
        history(), drawSelection(), dropCursor(), indentOnInput(), bracketMatching(), highlightActiveLine(), highlightSelectionMatches(),
        EditorState.tabSize.of(2), indentUnit.of('  '),
        yaml(), editorHighlighting, editorTheme,
        autocompletion({ override: [scenarioCompletionSource], icons: false }),
        linter((view) => this.lint(view), { delay: LINT_DELAY_MS }),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', preventDefault: true, run: () => { void this.apply(); return true; } }])),
        keymap.of([...completionKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...lintKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario source (YAML)', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
        EditorView.updateListener.of((u) => this.onUpdate(u)),
      ],
    });
  }

  private async lint(view: EditorView): Promise<Diagnostic[]> {
    const doc = view.state.doc;
    const errors = await this.validator.validate(doc.toString(), this.snapshot.file ?? 'scenario.yaml');
    if (!this.destroyed && view.state.doc === doc) this.patch({ check: { state: 'done', errors, seen: true } });
    return toDiagnostics(doc, errors);
  }

  private onUpdate(u: ViewUpdate): void {
    const p: { -readonly [K in keyof SessionState]?: SessionState[K] } = {};
    if (u.docChanged) {
      if (this.snapshot.check.state !== 'checking') p.check = { ...this.snapshot.check, state: 'checking' };
      // An earlier Apply's verdict is about an older text.
      if (this.snapshot.apply && this.snapshot.apply.state !== 'applying' && this.snapshot.apply.state !== 'checking') p.apply = null;
      if (!this.snapshot.modified) p.modified = true;
      this.scheduleSave();
    }
    if (u.docChanged || u.selectionSet) {
      const head = u.state.selection.main.head;
      const line = u.state.doc.lineAt(head);
      const cursor = { line: line.number, col: head - line.from + 1 };
      if (cursor.line !== this.snapshot.cursor.line || cursor.col !== this.snapshot.cursor.col) p.cursor = cursor;
    }
    if (Object.keys(p).length) this.patch(p);
  }

  // ---- drafts ----
  private scheduleSave(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), DRAFT_DELAY_MS);
  }

  /** Write the draft now (or clear it when the text is the file's own). */
  saveNow(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const key = this.draftKey;
    if (!key || this.destroyed) return;
    const text = this.view.state.doc.toString();
    const draft = saveDraft(key, text, this.draftBase, Date.now());
    this.patch({ draft, modified: text !== this.baseText, restored: text !== this.draftBase ? this.snapshot.restored : null });
    this.actions.draftsChanged(key);
  }

  // ---- the store's side ----
  /** The scenario that runs changed (a pick, an opened file, or our own Apply landing). */
  setSource(src: Source | null): void {
    if (!src || this.destroyed) return;
    if (this.applying && src.text === this.applying.text) {
      // Our Apply landed: same text, now under the opened file's key. Keep the buffer (and anything typed since).
      this.applying = null;
      this.baseText = src.text;
      this.patch({ key: src.key, file: src.file, apply: { state: 'applied' }, restored: null });
      this.saveNow();
      return;
    }
    if (this.snapshot.key === src.key && this.baseText === src.text) return;
    if (this.draftKey) this.saveNow(); // keep what was typed for the scenario being left
    this.applying = null;
    this.baseText = src.text;
    this.draftKey = src.key;
    this.draftBase = src.text;
    const draft = loadDraft(src.key);
    const restore = draft && draft.text !== src.text ? draft : null;
    this.view.setState(this.makeState(restore ? restore.text : src.text));
    this.patch({
      key: src.key, file: src.file, check: { state: 'checking', errors: [], seen: false }, apply: null, cursor: { line: 1, col: 1 },
      restored: restore ? { savedAt: restore.savedAt, fileChanged: restore.baseHash !== '' && restore.baseHash !== hashText(src.text) } : null,
      modified: !!restore, draft: restore ? 'saved' : 'none',
    });
    this.actions.draftsChanged(src.key);
  }

  /** The simulation worker rejected a file: if it is the text we applied, say so here and stay in the editor. */
  onInvalid(invalid: InvalidFile | null): void {
    if (!invalid || !this.applying || invalid.text !== this.applying.text) return;
    this.applying = null;
    this.actions.dismissErrors();
    this.patch({ apply: { state: 'rejected', errors: invalid.errors } });
  }

  /** The run stopped with a failure while our load was pending. */
  onFailure(message: string | null): void {
    if (!message || !this.applying) return;
    this.applying = null;
    this.patch({ apply: { state: 'failed', message } });
  }

  // ---- commands ----
  /** Check the text, and load it into the run if it is valid (the run restarts); otherwise show why here. */
  async apply(): Promise<void> {
    const file = this.snapshot.file;
    const a = this.snapshot.apply?.state;
    if (!file || this.destroyed || a === 'checking' || a === 'applying') return;
    const text = this.view.state.doc.toString();
    this.saveNow();
    this.patch({ apply: { state: 'checking' } });
    const errors = await this.validator.validate(text, file);
    if (this.destroyed) return;
    if (errors.length > 0) {
      this.patch({ apply: { state: 'rejected', errors } });
      if (this.view.state.doc.toString() === text) {
        this.view.dispatch(setDiagnostics(this.view.state, toDiagnostics(this.view.state.doc, errors)));
        this.patch({ check: { state: 'done', errors, seen: true } });
      }
      return;
    }
    this.applying = { text };
    this.patch({ apply: { state: 'applying' } });
    this.actions.openFile(file, text);
  }

  /**
   * Back to the text that runs: undoable (Ctrl+Z brings the edits back). The
   * draft goes when that is the file's own text (it stays when an applied
   * edit runs: that is still unsaved work).
   */
  discard(): void {
    if (!this.draftKey) return;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: this.baseText }, userEvent: 'delete' });
    this.saveNow();
    this.patch({ restored: null, modified: false });
  }

  /** Put the cursor on an error and show it. */
  goTo(e: ScenarioError): void {
    const d = toDiagnostics(this.view.state.doc, [e])[0]!;
    this.view.dispatch({ selection: { anchor: d.from, head: d.to }, scrollIntoView: true });
    this.view.focus();
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.saveNow();
    this.destroyed = true;
    window.removeEventListener('pagehide', this.flushOnHide);
    document.removeEventListener('visibilitychange', this.flushOnHidden);
    this.view.destroy();
    this.listeners.clear();
  }
}
