/**
 * "Share": a link that holds the scenario and the recorded live actions, so
 * whoever opens it replays this run exactly. Rebuilt while open as actions
 * are recorded. Also the notice shown when a link that was opened is damaged.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { CopyField, usePopover } from './popover';
import { LONG_LINK_CHARS, shareUrl } from './share';
import { dismissShareNotice, useShareNotice } from './shareSession';
import { scenarioFileName, scenarioWithActions } from './scenarioFile';
import { ShareIcon } from './toolIcons';

type Link = { url: string } | { error: string } | null;

export function ShareButton() {
  const { source, recorded } = useApp(useShallow((s) => ({ source: s.source, recorded: s.recorded })));
  const { open, setOpen, root, button } = usePopover();
  const [link, setLink] = useState<Link>(null);

  useEffect(() => {
    if (!open || !source) return;
    let live = true;
    setLink(null);
    (async () => {
      try {
        const text = await scenarioWithActions(source, recorded, useApp.getState().layout);
        const url = await shareUrl(scenarioFileName(source, []), text, location.href);
        if (live) setLink({ url });
      } catch (e) {
        if (live) setLink({ error: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => { live = false; };
  }, [open, source, recorded]);

  const n = recorded.length;
  return (
    <div className="popover-host" ref={root}>
      <button ref={button} type="button" className="btn" aria-label="Share" aria-haspopup="dialog" aria-expanded={open}
        disabled={!source} onClick={() => setOpen(!open)}
        title={source ? 'A link that replays this run: the scenario and your recorded actions' : 'Nothing to share yet: a scenario is loading'}>
        <ShareIcon /><span className="btn-label">Share</span>
      </button>
      {open && source && (
        <div className="popover share-popover" role="dialog" aria-label="Share link">
          <div className="popover-title">Share this run</div>
          <p className="hint">
            The link holds the scenario{n ? <> and your {n} recorded {n === 1 ? 'action' : 'actions'}</> : ''}. Opening it replays
            this run exactly: same seed, same actions, same numbers.
          </p>
          {link === null && <p className="hint" role="status">Making the link…</p>}
          {link && 'error' in link && <p className="hint bad" role="alert">Cannot make a link: {link.error}</p>}
          {link && 'url' in link && (
            <>
              <CopyField value={link.url} label="Share link" testId="share-url" />
              <p className="hint" data-testid="share-size">
                {formatSize(link.url.length)} link{n ? `, ${n} recorded ${n === 1 ? 'action' : 'actions'}` : ''}
              </p>
              {link.url.length > LONG_LINK_CHARS && (
                <p className="hint warn" role="alert">
                  This link is long ({formatSize(link.url.length)}): some browsers, chat apps and mail clients cut links over {formatSize(LONG_LINK_CHARS)}.
                  To be safe, use Save and send the file.
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}

function formatSize(chars: number): string {
  return chars < 1024 ? `${chars} B` : `${(chars / 1024).toFixed(chars < 10 * 1024 ? 1 : 0)} KB`;
}

/** "This share link is damaged: …", under the top bar, until dismissed. */
export function ShareNotice() {
  const notice = useShareNotice((s) => s.notice);
  if (!notice) return null;
  // On the body: the top bar is its own compositing layer (will-change), which would pin a fixed box to it.
  return createPortal(
    <div className="share-notice" role="alert" aria-label="Share link problem" data-testid="share-notice">
      <span>{notice}</span>
      <button type="button" className="btn small" onClick={dismissShareNotice}>Dismiss</button>
    </div>,
    document.body,
  );
}
