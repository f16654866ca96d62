/** Editor drafts: saved per scenario key, cleared when equal to the file, failures reported, old ones evicted. */
import { describe, expect, it } from 'vitest';
import { clearDraft, DRAFT_PREFIX, hasDraft, hashText, loadDraft, MAX_DRAFT_CHARS, MAX_DRAFTS, saveDraft } from '../../src/ui/editor/drafts';

class MemoryStorage {
  readonly map = new Map<string, string>();
  quota = Infinity;
  get length() { return this.map.size; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) { this.map.delete(k); }
}

describe('drafts', () => {
  it('round-trips per key, with the hash of the file it was edited from', () => {
    const s = new MemoryStorage();
    expect(saveDraft('/scenarios/shop.yaml', 'name: B', 'name: A', 1000, s)).toBe('saved');
    expect(loadDraft('/scenarios/shop.yaml', s)).toEqual({ text: 'name: B', baseHash: hashText('name: A'), savedAt: 1000 });
    expect(loadDraft('opened:x.yaml', s)).toBeNull();
    expect(hasDraft('/scenarios/shop.yaml', s)).toBe(true);
  });

  it('is cleared when the text is the file\'s own again', () => {
    const s = new MemoryStorage();
    saveDraft('k', 'B', 'A', 1, s);
    expect(saveDraft('k', 'A', 'A', 2, s)).toBe('cleared');
    expect(loadDraft('k', s)).toBeNull();
    saveDraft('k', 'B', 'A', 1, s);
    clearDraft('k', s);
    expect(hasDraft('k', s)).toBe(false);
  });

  it('reports what it could not keep (storage full, none, too large) and keeps the older draft', () => {
    const s = new MemoryStorage();
    saveDraft('k', 'old edit', 'A', 1, s);
    s.quota = 10;
    expect(saveDraft('k', 'a much longer new edit', 'A', 2, s)).toBe('failed');
    expect(loadDraft('k', s)?.text).toBe('old edit');
    expect(saveDraft('k', 'x', 'A', 2, null)).toBe('failed');
    expect(saveDraft('k', 'x'.repeat(MAX_DRAFT_CHARS + 1), 'A', 2, new MemoryStorage())).toBe('too-large');
  });

  it('keeps at most MAX_DRAFTS, dropping the oldest', () => {
    const s = new MemoryStorage();
    s.setItem('microcosm.openedFile.v1', 'other data is untouched');
    for (let i = 0; i < MAX_DRAFTS + 3; i++) saveDraft(`k${i}`, `t${i}`, 'A', 100 + i, s);
    const keys = [...s.map.keys()].filter((k) => k.startsWith(DRAFT_PREFIX));
    expect(keys).toHaveLength(MAX_DRAFTS);
    expect(hasDraft('k0', s)).toBe(false);
    expect(hasDraft(`k${MAX_DRAFTS + 2}`, s)).toBe(true);
    expect(s.getItem('microcosm.openedFile.v1')).toBe('other data is untouched');
  });

  it('ignores garbage in storage', () => {
    const s = new MemoryStorage();
    s.setItem(DRAFT_PREFIX + 'k', '{not json');
    expect(loadDraft('k', s)).toBeNull();
  });
});
