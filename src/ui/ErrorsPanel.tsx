/**
 * Shown instead of the run when a file is rejected: every error as
 * `line:column  path  message`, and the file itself with the bad lines marked,
 * so nothing the user opened is lost. The previous run waits underneath.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp, type InvalidFile } from '../store';

export function ErrorsPanel({ invalid }: { invalid: InvalidFile }) {
  const { dismissErrors, sourceName } = useApp(useShallow((s) => ({ dismissErrors: s.dismissErrors, sourceName: s.meta?.name ?? null })));
  const n = invalid.errors.length;
  const badLines = new Map<number, number[]>();
  for (const e of invalid.errors) if (e.line > 0) badLines.set(e.line, [...(badLines.get(e.line) ?? []), e.column]);
  const lines = invalid.text ? invalid.text.split(/\r?\n/) : [];
  const firstBad = useRef<HTMLDivElement>(null);
  // Bring the first bad line into view inside the source box (not the page).
  useEffect(() => {
    const el = firstBad.current;
    const box = el?.closest('.source') as HTMLElement | null;
    if (el && box) box.scrollTop = Math.max(0, el.offsetTop - box.clientHeight / 3);
  }, [invalid]);
  const firstBadLine = Math.min(...invalid.errors.filter((e) => e.line > 0).map((e) => e.line));
  return (
    <section className="panel errors-view" role="alert" aria-label="Scenario errors">
      <div className="errors-head">
        <h2><span className="file">{invalid.file}</span> is not a valid scenario: {n} {n === 1 ? 'error' : 'errors'}</h2>
        <div className="spacer" />
        {sourceName && (
          <button type="button" className="btn" onClick={dismissErrors}>← Back to {sourceName}</button>
        )}
      </div>
      <ol className="error-list" data-testid="error-list">
        {invalid.errors.map((e, i) => (
          <li key={i} className="error-item">
            <span className="error-pos">{e.line}:{e.column}</span>
            <span className="error-path">{e.path || '(file)'}</span>
            <span className="error-msg">{e.message}</span>
          </li>
        ))}
      </ol>
      {lines.length > 0 && (
        <div className="source" aria-label={`${invalid.file} source`}>
          <div className="source-title">{invalid.file}: your file, unchanged. Fix it and open it again.</div>
          {lines.map((text, i) => {
            const cols = badLines.get(i + 1);
            return (
              <div key={i} ref={i + 1 === firstBadLine ? firstBad : undefined}>
                <div className={`source-line${cols ? ' bad' : ''}`}>
                  <span className="ln">{i + 1}</span>
                  <span>{text || ' '}</span>
                </div>
                {cols && cols[0] > 0 && (
                  <div className="source-line bad">
                    <span className="ln" />
                    <span className="source-caret">{' '.repeat(cols[0] - 1)}^</span>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
