/**
 * Editor drafts in localStorage, one per scenario key (`/scenarios/shop.yaml`,
 * `opened:my.yaml`), so a reload, a failed load or switching scenarios loses
 * nothing typed. Best effort like store/autosave.ts, but a save that did not
 * happen is reported (the editor says so) instead of silently dropped. Old
 * drafts beyond a small number are evicted, oldest first.
 */

export interface Draft {
  readonly text: string;
  /** Hash of the file text the draft was edited from: a differing one means the file changed since. */
  readonly baseHash: string;
  readonly savedAt: number;
}

export type SaveResult = 'saved' | 'cleared' | 'too-large' | 'failed';

export const DRAFT_PREFIX = 'microcosm.draft.v1:';
/** Characters; a draft is stored as UTF-16 in a quota of about 5 MB per origin, shared with the page. */
export const MAX_DRAFT_CHARS = 1024 * 1024;
export const MAX_DRAFTS = 20;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function storage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (a sandboxed frame, a privacy setting)
  }
}

/** FNV-1a, 32-bit, hex: enough to tell "the file changed" apart. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function loadDraft(key: string, store: StorageLike | null = storage()): Draft | null {
  try {
    const raw = store?.getItem(DRAFT_PREFIX + key);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Draft>;
    if (typeof v.text !== 'string') return null;
    return { text: v.text, baseHash: typeof v.baseHash === 'string' ? v.baseHash : '', savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0 };
  } catch {
    return null;
  }
}

export function hasDraft(key: string, store: StorageLike | null = storage()): boolean {
  try {
    return !!store?.getItem(DRAFT_PREFIX + key);
  } catch {
    return false;
  }
}

export function clearDraft(key: string, store: StorageLike | null = storage()): void {
  try {
    store?.removeItem(DRAFT_PREFIX + key);
  } catch {
    /* nothing to clear */
  }
}

/**
 * Save `text` as the draft of `key`, or clear the draft when the text is the
 * file's own (nothing to keep).
 */
export function saveDraft(key: string, text: string, baseText: string, now: number, store: StorageLike | null = storage()): SaveResult {
  if (text === baseText) {
    clearDraft(key, store);
    return 'cleared';
  }
  if (text.length > MAX_DRAFT_CHARS) return 'too-large';
  if (!store) return 'failed';
  const value = JSON.stringify({ text, baseHash: hashText(baseText), savedAt: now } satisfies Draft);
  try {
    store.setItem(DRAFT_PREFIX + key, value);
  } catch {
    // Full or disabled. Other drafts are not sacrificed for this one: the editor says it is unsaved.
    return 'failed';
  }
  evict(store, key, MAX_DRAFTS - 1);
  return 'saved';
}

/** Keep at most `keep` drafts besides `key`'s, dropping the oldest. */
function evict(store: StorageLike, key: string, keep: number): void {
  try {
    const others: { k: string; at: number }[] = [];
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (!k || !k.startsWith(DRAFT_PREFIX) || k === DRAFT_PREFIX + key) continue;
      others.push({ k, at: loadDraft(k.slice(DRAFT_PREFIX.length), store)?.savedAt ?? 0 });
    }
    others.sort((a, b) => a.at - b.at);
    for (const o of others.slice(0, Math.max(0, others.length - keep))) store.removeItem(o.k);
  } catch {
    /* best effort */
  }
}
