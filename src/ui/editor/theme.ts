/**
 * CodeMirror's look in Microcosm's dark palette (styles.css variables): the
 * editor chrome, the lint underline and tooltips, the completion list, and
 * YAML highlighting (keys blue, values light, comments faint).
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const c = {
  bg: '#0a101d',
  gutter: '#0c1322',
  panel: '#121c30',
  border: '#1f2b42',
  borderStrong: '#2b3a57',
  text: '#e6edf7',
  muted: '#8a9ab5',
  faint: '#5d6d89',
  accent: '#4fb3ff',
  ok: '#3ddc97',
  warn: '#f6c453',
  bad: '#ff6b6b',
  violet: '#b48cff',
};

export const editorTheme = EditorView.theme({
  '&': { color: c.text, backgroundColor: c.bg, height: '100%', fontSize: '12.5px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.6', overflow: 'auto' },
  '.cm-content': { caretColor: c.accent, padding: '6px 0' },
  '&.cm-focused': { outline: 'none' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: c.accent, borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: '#1d3557' },
  '.cm-activeLine': { backgroundColor: '#101a2d' },
  '.cm-selectionMatch': { backgroundColor: '#1b2b47' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: '#22385c', outline: `1px solid ${c.borderStrong}` },
  '.cm-gutters': { backgroundColor: c.gutter, color: c.faint, borderRight: `1px solid ${c.border}` },
  '.cm-activeLineGutter': { backgroundColor: '#111b2e', color: c.muted },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 8px 0 10px', minWidth: '34px' },
  '.cm-foldPlaceholder': { backgroundColor: c.panel, border: `1px solid ${c.borderStrong}`, color: c.muted },
  '.cm-gutter-lint': { width: '16px' },
  '.cm-gutter-lint .cm-gutterElement': { padding: '0 2px' },

  // Lint: a red wavy underline, the message on hover.
  '.cm-lintRange-error': {
    backgroundImage: `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='6' height='3'%3E%3Cpath d='m0 3 l2 -2 l1 0 l2 2 l1 0' stroke='%23ff6b6b' fill='none' stroke-width='1.1'/%3E%3C/svg%3E")`,
    backgroundColor: 'rgba(255, 107, 107, 0.10)',
  },
  '.cm-lintPoint-error:after': { borderBottomColor: c.bad },
  // No overflow clipping here: the completion's info box is a child placed beside the list.
  '.cm-tooltip': { backgroundColor: c.panel, color: c.text, border: `1px solid ${c.borderStrong}`, borderRadius: '8px', boxShadow: '0 8px 24px rgba(0,0,0,.45)' },
  '.cm-tooltip-autocomplete > ul': { borderRadius: '8px' },
  '.cm-tooltip-lint': { maxWidth: '460px' },
  '.cm-diagnostic': { padding: '7px 10px 7px 12px', fontFamily: 'var(--font)', fontSize: '12.5px', lineHeight: '1.45', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeft: `3px solid ${c.bad}` },
  '.cm-diagnosticSource': { fontFamily: 'var(--mono)', fontSize: '11.5px', color: c.warn, opacity: '1', marginTop: '3px' },
  '.cm-diagnosticAction': { backgroundColor: '#1d3557', color: c.text, border: `1px solid ${c.borderStrong}`, borderRadius: '6px', padding: '1px 8px', margin: '6px 0 2px', display: 'block', font: '600 12px var(--font)', cursor: 'pointer' },
  '.cm-diagnosticAction:hover': { backgroundColor: '#24446e' },
  '.cm-panels': { backgroundColor: c.panel, color: c.text },
  '.cm-panels-bottom': { borderTop: `1px solid ${c.border}` },
  '.cm-panel.cm-search': { padding: '6px 8px', fontFamily: 'var(--font)' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button': { fontSize: '12px' },
  '.cm-textfield': { backgroundColor: c.bg, border: `1px solid ${c.borderStrong}`, borderRadius: '6px', color: c.text },
  '.cm-button': { backgroundImage: 'none', backgroundColor: '#182641', border: `1px solid ${c.borderStrong}`, borderRadius: '6px', color: c.text },
  '.cm-searchMatch': { backgroundColor: 'rgba(246, 196, 83, 0.22)', outline: '1px solid rgba(246, 196, 83, 0.5)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'rgba(79, 179, 255, 0.3)' },

  // Completion: the list and the schema's description beside it.
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--mono)', fontSize: '12.5px', maxHeight: '16em' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '2px 10px 2px 8px', lineHeight: '1.5' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: '#1d3557', color: c.text },
  '.cm-completionLabel': { color: c.text },
  '.cm-completionMatchedText': { textDecoration: 'none', color: c.accent, fontWeight: '650' },
  '.cm-completionDetail': { color: c.faint, fontStyle: 'normal', marginLeft: '12px', fontSize: '11.5px' },
  '.cm-tooltip.cm-completionInfo': { padding: '8px 10px', maxWidth: '320px', fontFamily: 'var(--font)', fontSize: '12.5px', lineHeight: '1.45', color: c.text },
}, { dark: true });

const highlight = HighlightStyle.define([
  { tag: t.definition(t.propertyName), color: '#7cc4ff' },
  { tag: t.propertyName, color: '#7cc4ff' },
  { tag: t.content, color: '#e6edf7' },
  { tag: t.string, color: '#a8e0b8' },
  { tag: t.special(t.string), color: c.violet },
  { tag: t.number, color: c.warn },
  { tag: [t.bool, t.null, t.keyword], color: c.violet },
  { tag: t.lineComment, color: c.faint, fontStyle: 'italic' },
  { tag: [t.separator, t.punctuation, t.squareBracket, t.brace], color: c.muted },
  { tag: [t.labelName, t.typeName], color: c.violet },
  { tag: t.meta, color: c.faint },
]);

export const editorHighlighting = syntaxHighlighting(highlight);
