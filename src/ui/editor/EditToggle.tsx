/** The "Edit" button of the scenario header: opens / closes the editor; a dot says a draft is kept. */
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store';
import { hasDraft } from './drafts';
import { useEditorUi } from './editorState';

export function EditToggle() {
  const sourceKey = useApp((s) => s.source?.key ?? null);
  const { open, toggle, draftKey } = useEditorUi(useShallow((s) => ({ open: s.open, toggle: s.toggle, draftKey: s.draftKey, v: s.draftsVersion })));
  const key = draftKey ?? sourceKey;
  const draft = key !== null && hasDraft(key);
  return (
    <button
      type="button" className="btn small edit-toggle" aria-pressed={open} data-testid="edit-toggle"
      title={open ? 'Close the scenario editor' : draft ? 'Edit this scenario (a draft is kept)' : 'Edit this scenario'}
      onClick={toggle}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M10.8 2.7l2.5 2.5-7.6 7.6-3.2.7.7-3.2zM9.5 4l2.5 2.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      </svg>
      Edit
      {draft && !open && <span className="draft-dot" aria-label="draft kept" />}
    </button>
  );
}
