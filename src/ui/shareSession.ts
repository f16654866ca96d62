/**
 * Opening a share link: at startup (instead of the default scenario) and when
 * only the hash changes (a link pasted into an open tab). A good link becomes
 * an opened file (validated by the worker like any file); a damaged one a
 * notice, and the page carries on. The hash is dropped once the page shows
 * something else, so a reload never brings back a link the user moved away from.
 */
import { create } from 'zustand';
import { useApp } from '../store';
import { decodeShare, isShareHash } from './share';

interface NoticeState {
  /** Shown under the top bar until dismissed; null = none. */
  notice: string | null;
}

export const useShareNotice = create<NoticeState>()(() => ({ notice: null }));

export const dismissShareNotice = (): void => useShareNotice.setState({ notice: null });

/** The catalog key of the file the current hash opened (null: none yet). */
let linkKey: string | null = null;

function clearHash(): void {
  if (typeof history !== 'undefined' && location.hash) history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * Opens the scenario of a share hash. On a damaged link: a notice, and
 * `fallbackKey` (the default scenario) is selected when given; otherwise the current run stays.
 */
export async function openShareHash(hash: string, fallbackKey: string | null): Promise<void> {
  const result = await decodeShare(hash);
  const app = useApp.getState();
  if (result.ok) {
    useShareNotice.setState({ notice: null });
    linkKey = `opened:${result.file}`;
    app.openFile(result.file, result.text);
    return;
  }
  linkKey = null;
  clearHash();
  const after = fallbackKey ? ' The default scenario is open instead.' : ' The scenario you had open stays open.';
  useShareNotice.setState({ notice: `This share link is damaged: ${result.message}${after}` });
  if (fallbackKey) app.selectScenario(fallbackKey);
}

/** Starts watching: hash changes open links; moving to another scenario drops the hash. */
export function watchShareHash(): void {
  window.addEventListener('hashchange', () => {
    if (isShareHash(location.hash)) void openShareHash(location.hash, null);
  });
  useApp.subscribe((s, prev) => {
    if (s.source === prev.source || !s.source || !linkKey) return;
    if (s.source.key !== linkKey) {
      linkKey = null;
      clearHash();
    }
  });
}
