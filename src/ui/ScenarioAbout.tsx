/** "About": the scenario's whole description (what it teaches), rendered from Markdown safely. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useApp } from '../store';
import { renderMarkdown } from './markdown';
import './observe.css';

export function AboutButton() {
  const [open, setOpen] = useState(false);
  const description = useApp((s) => s.meta?.description ?? '');
  if (!description.trim()) return null;
  return (
    <>
      <button type="button" className="btn small" onClick={() => setOpen(true)} aria-haspopup="dialog" title="What this scenario teaches">About</button>
      {open && <AboutDialog description={description} onClose={() => setOpen(false)} />}
    </>
  );
}

function AboutDialog({ description, onClose }: { description: string; onClose(): void }) {
  const name = useApp((s) => s.meta?.name ?? '');
  const html = useMemo(() => renderMarkdown(description), [description]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  // On the body: panels are their own compositing layers (will-change), which would confine a fixed overlay.
  return createPortal(
    <div className="help-backdrop" onClick={onClose}>
      <div className="help about" role="dialog" aria-modal="true" aria-labelledby="about-title" tabIndex={-1} ref={box} onClick={(e) => e.stopPropagation()}>
        <div className="help-head">
          <h2 id="about-title">{name}</h2>
          <button type="button" className="icon-btn" aria-label="Close" onClick={onClose}>×</button>
        </div>
        <div className="markdown" data-testid="scenario-about" dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </div>,
    document.body,
  );
}
