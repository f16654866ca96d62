/**
 * CodeMirror's look in Microcosm's palette: the editor chrome, the lint
 * underline and tooltips, the completion list, and YAML highlighting (keys
 * blue, values plain, comments faint). Every colour is a theme variable
 * (theme.css), so a light / dark switch recolours the open editor at once;
 * only CodeMirror's own dark flag (its base styles) is swapped by a compartment.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { currentTheme, onThemeChange } from '../../render/palette';

const c = {
  bg: 'var(--field)',
  gutter: 'var(--cm-gutter)',
  panel: 'var(--popover)',
  border: 'var(--border)',
  borderStrong: 'var(--border-strong)',
  text: 'var(--text)',
  muted: 'var(--muted)',
  faint: 'var(--faint)',
  accent: 'var(--accent)',
  ok: 'var(--ok)',
  warn: 'var(--warn)',
  bad: 'var(--bad)',
  violet: 'var(--syn-keyword)',
};

const look = EditorView.theme({
  '&': { color: c.text, backgroundColor: c.bg, height: '100%', fontSize: '12.5px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6', overflow: 'auto' },
  '.cm-content': { caretColor: c.accent, padding: '6px 0' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: c.accent, borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--cm-selection)' },
  '.cm-activeLine': { backgroundColor: 'var(--cm-active)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--cm-match)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--splitter)', outline: `1px solid ${c.borderStrong}` },
  '.cm-gutters': { backgroundColor: c.gutter, color: c.faint, borderRight: `1px solid ${c.border}` },
  '.cm-activeLineGutter': { backgroundColor: 'var(--cm-active-gutter)', color: c.muted },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 8px 0 10px', minWidth: '34px' },
  '.cm-foldPlaceholder': { backgroundColor: c.panel, border: `1px solid ${c.borderStrong}`, color: c.muted },
  '.cm-gutter-lint': { width: '16px' },
  '.cm-gutter-lint .cm-gutterElement': { padding: '0 2px' },

  // Lint: a red wavy underline, the message on hover.
  '.cm-lintRange-error': {
    backgroundImage: `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='6' height='3'%3E%3Cpath d='m0 3 l2 -2 l1 0 l2 2 l1 0' stroke='%23e0553a' fill='none' stroke-width='1.1'/%3E%3C/svg%3E")`,
    backgroundColor: 'var(--lint-bg)',
  },
  '.cm-lintPoint-error:after': { borderBottomColor: c.bad },
  // No overflow clipping here: the completion's info box is a child placed beside the list.
  '.cm-tooltip': { backgroundColor: c.panel, color: c.text, border: `1px solid ${c.borderStrong}`, borderRadius: '8px', boxShadow: '0 8px 24px var(--shadow)' },
  '.cm-tooltip-autocomplete > ul': { borderRadius: '8px' },
  '.cm-tooltip-lint': { maxWidth: '460px' },
  '.cm-diagnostic': { padding: '7px 10px 7px 12px', fontFamily: 'var(--font)', fontSize: '12.5px', lineHeight: '1.45', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeft: `3px solid ${c.bad}` },
  '.cm-diagnosticSource': { fontFamily: 'var(--mono)', fontSize: '11.5px', color: c.warn, opacity: '1', marginTop: '3px' },
  '.cm-diagnosticAction': { backgroundColor: 'var(--pressed)', color: c.text, border: `1px solid ${c.borderStrong}`, borderRadius: '6px', padding: '1px 8px', margin: '6px 0 2px', display: 'block', font: '600 12px var(--font)', cursor: 'pointer' },
  '.cm-diagnosticAction:hover': { backgroundColor: 'var(--hover-bg)' },
  '.cm-panels': { backgroundColor: c.panel, color: c.text },
  '.cm-panels-bottom': { borderTop: `1px solid ${c.border}` },
  '.cm-panel.cm-search': { padding: '6px 8px', fontFamily: 'var(--font)' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button': { fontSize: '12px' },
  '.cm-textfield': { backgroundColor: c.bg, border: `1px solid ${c.borderStrong}`, borderRadius: '6px', color: c.text },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--hover-bg)', border: `1px solid ${c.borderStrong}`, borderRadius: '6px', color: c.text },
  '.cm-searchMatch': { backgroundColor: 'var(--search-bg)', outline: '1px solid var(--search-border)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--cm-selection)' },

  // Completion: the list and the schema's description beside it.
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)', fontSize: '12.5px', maxHeight: '16em' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '2px 10px 2px 8px', lineHeight: '1.5' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--cm-selection)', color: c.text },
  '.cm-completionLabel': { color: c.text },
  '.cm-completionMatchedText': { textDecoration: 'none', color: c.accent, fontWeight: '650' },
  '.cm-completionDetail': { color: c.faint, fontStyle: 'normal', marginLeft: '12px', fontSize: '11.5px' },
  '.cm-tooltip.cm-completionInfo': { padding: '8px 10px', maxWidth: '320px', fontFamily: 'var(--font)', fontSize: '12.5px', lineHeight: '1.45', color: c.text },
});

/** CodeMirror's dark flag (its base styles for tooltips, panels, cursor) follows the page's theme. */
const darkFlag = new Compartment();
const followTheme = ViewPlugin.define((view) => {
  const off = onThemeChange((theme) => view.dispatch({ effects: darkFlag.reconfigure(EditorView.darkTheme.of(theme === 'dark')) }));
  return { destroy: off };
});

/** The editor's look; the dark flag is read when an editor's state is made, then followed. */
export const editorTheme: Extension = [look, darkFlag.of(EditorView.darkTheme.compute([], () => currentTheme() === 'dark')), followTheme];

const highlight = HighlightStyle.define([
  { tag: t.definition(t.propertyName), color: 'var(--syn-key)' },
  { tag: t.propertyName, color: 'var(--syn-key)' },
  { tag: t.content, color: c.text },
  { tag: t.string, color: 'var(--syn-string)' },
  { tag: t.special(t.string), color: c.violet },
  { tag: t.number, color: 'var(--syn-number)' },
  { tag: [t.bool, t.null, t.keyword], color: c.violet },
  { tag: t.lineComment, color: c.faint, fontStyle: 'italic' },
  { tag: [t.separator, t.punctuation, t.squareBracket, t.brace], color: c.muted },
  { tag: [t.labelName, t.typeName], color: c.violet },
  { tag: t.meta, color: c.faint },
]);

export const editorHighlighting = syntaxHighlighting(highlight);
