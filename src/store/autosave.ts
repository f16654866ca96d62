/**
 * Files the user opened survive a reload (and a bad edit): the last one is
 * kept in localStorage and offered again in the picker. Best effort: a full
 * or blocked storage is ignored, never an error.
 */
import type { Source } from './types';

const KEY = 'microcosm.openedFile.v1';

export function saveOpened(src: Source): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ file: src.file, text: src.text }));
  } catch {
    /* storage full or disabled: the file is still in memory */
  }
}

export function loadOpened(): { file: string; text: string } | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { file?: unknown; text?: unknown };
    return typeof v.file === 'string' && typeof v.text === 'string' ? { file: v.file, text: v.text } : null;
  } catch {
    return null;
  }
}
