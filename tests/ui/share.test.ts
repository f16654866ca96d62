/**
 * Share links (src/ui/share.ts): the scenario text comes back exactly, and a
 * link that is cut, changed, mangled, of another version or a decompression
 * bomb gives its own clear reason, never an exception.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { setPort, useApp } from '../../src/store';
import {
  crc32, decodeShare, encodeShare, fromBase64Url, isShareHash, MAX_PAYLOAD_BYTES, safeFileName, SHARE_MESSAGES, shareUrl, toBase64Url,
  type DecodedShare,
} from '../../src/ui/share';
import { openShareHash, useShareNotice } from '../../src/ui/shareSession';
import type { ToWorker } from '../../src/worker/protocol';

const shop = readFileSync('scenarios/shop.yaml', 'utf8');

/** Splits `s=1.<crc>.<len>.<data>` into its parts. */
function parts(hash: string) {
  const [version, crc, length, data] = hash.slice(2).split('.');
  return { version, crc, length, data };
}

/** A link around an arbitrary payload, with a correct header (to reach the later checks). */
async function linkFor(payload: Uint8Array): Promise<string> {
  const stream = new Blob([payload as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const data = toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
  return `s=1.${crc32(payload).toString(16).padStart(8, '0')}.${data.length}.${data}`;
}

function failure(r: DecodedShare) {
  expect(r.ok, 'the link should have been refused').toBe(false);
  return r as Extract<DecodedShare, { ok: false }>;
}

describe('share link round trip', () => {
  it('gives back the exact text and file name (comments, CRLF, unicode, emoji, trailing spaces)', async () => {
    const text = `${shop}\r\n# naïve — 日本語 😀 \t\n  \n`;
    const hash = await encodeShare('shop.yaml', text);
    expect(hash).toMatch(/^s=1\.[0-9a-f]{8}\.\d+\.[A-Za-z0-9_-]+$/);
    const r = await decodeShare(`#${hash}`);
    expect(r).toEqual({ ok: true, file: 'shop.yaml', text });
  });

  it('a full URL replaces any hash the page already had', async () => {
    const url = await shareUrl('a.yaml', 'version: 1', 'http://127.0.0.1:4173/?x=1#s=old');
    expect(url.startsWith('http://127.0.0.1:4173/?x=1#s=1.')).toBe(true);
    expect(await decodeShare(new URL(url).hash)).toMatchObject({ ok: true, text: 'version: 1' });
  });

  it('recognises share hashes only', () => {
    expect(isShareHash('#s=1.abc')).toBe(true);
    expect(isShareHash('s=')).toBe(true);
    expect(isShareHash('#section-2')).toBe(false);
    expect(isShareHash('')).toBe(false);
  });

  it('keeps every bundled scenario under 8 KB (shop.yaml well under)', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) { if (f !== 'invalid') walk(p); } else if (/\.ya?ml$/.test(f)) files.push(p);
      }
    };
    walk('scenarios');
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const hash = await encodeShare(f.split('/').pop()!, readFileSync(f, 'utf8'));
      expect(hash.length, f).toBeLessThan(8 * 1024);
    }
    expect((await encodeShare('shop.yaml', shop)).length).toBeLessThan(2 * 1024);
  });

  it('refuses to make a link for a text over 2 MB', async () => {
    await expect(encodeShare('big.yaml', 'x'.repeat(MAX_PAYLOAD_BYTES))).rejects.toThrow(/larger than 2 MB/);
  });
});

describe('damaged links: a specific reason, never an exception', () => {
  let good: string;
  beforeEach(async () => { good = await encodeShare('shop.yaml', shop); });

  it('a link cut anywhere in its data is "truncated"', async () => {
    const { data } = parts(good);
    for (const keep of [1, 10, Math.floor(data.length / 2), data.length - 1]) {
      const cut = good.slice(0, good.length - data.length + keep);
      const r = failure(await decodeShare(cut));
      expect(r.reason, `kept ${keep} of ${data.length}`).toBe('truncated');
      expect(r.message).toMatch(/cut off/);
    }
  });

  it('a link cut inside its header is "truncated" too', async () => {
    for (const cut of ['s=1', 's=1.', good.slice(0, 8), good.slice(0, 13)]) {
      expect(failure(await decodeShare(cut)).reason, cut).toBe('truncated');
    }
  });

  it('a changed character is caught (corrupt data or a checksum mismatch), at every position tried', async () => {
    const { data } = parts(good);
    const head = good.length - data.length;
    for (const i of [0, 5, Math.floor(data.length / 3), Math.floor(data.length / 2), data.length - 3]) {
      const c = data[i] === 'A' ? 'B' : 'A';
      const r = failure(await decodeShare(good.slice(0, head + i) + c + good.slice(head + i + 1)));
      expect(['corrupt', 'checksum'], `position ${i}`).toContain(r.reason);
    }
  });

  it('a changed checksum is "checksum", with its message', async () => {
    const { crc } = parts(good);
    const other = crc === '00000000' ? '00000001' : '00000000';
    const r = failure(await decodeShare(good.replace(`.${crc}.`, `.${other}.`)));
    expect(r.reason).toBe('checksum');
    expect(r.message).toBe(SHARE_MESSAGES.checksum);
  });

  it('text added at the end is "lengthened"', async () => {
    expect(failure(await decodeShare(`${good}AAAA`)).reason).toBe('lengthened');
    expect(failure(await decodeShare(`${good}.`)).reason).toBe('lengthened');
  });

  it('characters a link never has (%, +, /, =, space) are "encoding"', async () => {
    const { data } = parts(good);
    for (const bad of ['%', '+', '/', '=', ' ']) {
      const mangled = good.slice(0, good.length - data.length) + bad + data.slice(1);
      expect(failure(await decodeShare(mangled)).reason, bad).toBe('encoding');
    }
  });

  it('another version says which one', async () => {
    const r = failure(await decodeShare(good.replace(/^s=1\./, 's=2.')));
    expect(r.reason).toBe('version');
    expect(r.message).toMatch(/format 2.*reads format 1/);
  });

  it('garbage is "format" or "missing"', async () => {
    expect(failure(await decodeShare('#s=hello')).reason).toBe('format');
    expect(failure(await decodeShare('#s=<script>alert(1)</script>')).reason).toBe('format');
    expect(failure(await decodeShare('#s=')).reason).toBe('missing');
    expect(failure(await decodeShare('#other')).reason).toBe('format');
  });

  it('data that is not deflate is "corrupt"', async () => {
    const data = toBase64Url(new TextEncoder().encode('just some bytes, not compressed at all'));
    expect(failure(await decodeShare(`s=1.00000000.${data.length}.${data}`)).reason).toBe('corrupt');
  });

  it('a decompression bomb stops at 2 MB, quickly: "too-large"', async () => {
    const bomb = new TextEncoder().encode(JSON.stringify({ f: 'bomb.yaml', t: 'a'.repeat(20 * 1024 * 1024) }));
    const hash = await linkFor(bomb);
    expect(hash.length).toBeLessThan(200 * 1024); // 20 MB in a small link
    const started = performance.now();
    const r = failure(await decodeShare(hash));
    expect(r.reason).toBe('too-large');
    expect(r.message).toMatch(/more than 2 MB/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a well-formed link whose contents are not a scenario is "contents"', async () => {
    for (const payload of ['not json', '[1,2]', '{"f":"a.yaml"}', '{"f":"a.yaml","t":""}', 'null']) {
      const r = failure(await decodeShare(await linkFor(new TextEncoder().encode(payload))));
      expect(r.reason, payload).toBe('contents');
    }
    // Not UTF-8 at all.
    expect(failure(await decodeShare(await linkFor(new Uint8Array([0xff, 0xfe, 0x7b])))).reason).toBe('contents');
  });

  it('never throws, whatever follows "#s="', async () => {
    await fc.assert(fc.asyncProperty(
      fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^1\.[0-9a-f]{8}\.\d{1,4}\.[A-Za-z0-9_-]{0,60}$/)),
      async (tail) => {
        const r = await decodeShare(`#s=${tail}`);
        expect(r.ok).toBe(false);
        expect(typeof (r as { message: string }).message).toBe('string');
      },
    ), { numRuns: 300 });
  });
});

describe('file names from a link', () => {
  it('keeps a plain name; strips paths, control and reserved characters; adds .yaml', () => {
    expect(safeFileName('shop.yaml')).toBe('shop.yaml');
    expect(safeFileName('../../etc/passwd')).toBe('passwd.yaml');
    expect(safeFileName('C:\\x\\a<b>.yml')).toBe('ab.yml');
    expect(safeFileName('\u0000\u001b[31m')).toBe('[31m.yaml');
    expect(safeFileName('')).toBe('shared.yaml');
    expect(safeFileName('...')).toBe('shared.yaml');
    expect(safeFileName('x'.repeat(300)).length).toBeLessThanOrEqual(105);
  });

  it('a name in the link is cleaned on the way in', async () => {
    const r = await decodeShare(await encodeShare('../secret/<b>.yaml', 'version: 1'));
    expect(r).toMatchObject({ ok: true, file: 'b.yaml' });
  });
});

describe('base64url and CRC-32', () => {
  it('round-trips bytes and rejects impossible lengths', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 37) & 0xff);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(fromBase64Url('abcde')).toBeNull(); // 4n+1 characters
    expect(fromBase64Url('ab+d')).toBeNull();
  });

  it('CRC-32 of "123456789" is the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('opening a link (shareSession)', () => {
  const sent: ToWorker[] = [];
  beforeEach(() => {
    sent.length = 0;
    setPort({ postMessage: (m) => sent.push(m) });
    useShareNotice.setState({ notice: null });
    useApp.setState({
      catalog: [{ key: '/scenarios/shop.yaml', group: 'Scenarios', name: 'Shop', summary: '', file: 'scenarios/shop.yaml', text: shop }],
      source: null, pending: null, invalid: null, meta: null,
    });
  });

  it('a good link opens its scenario as a file (the worker validates it)', async () => {
    await openShareHash(`#${await encodeShare('mine.yaml', 'version: 1\nname: Mine')}`, '/scenarios/shop.yaml');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'load', file: 'mine.yaml', text: 'version: 1\nname: Mine' });
    expect(useApp.getState().catalog.some((e) => e.key === 'opened:mine.yaml')).toBe(true);
    expect(useShareNotice.getState().notice).toBeNull();
  });

  it('a damaged link shows the notice and loads the default scenario', async () => {
    const good = await encodeShare('mine.yaml', 'version: 1\nname: Mine');
    await openShareHash(`#${good.slice(0, -5)}`, '/scenarios/shop.yaml');
    expect(useShareNotice.getState().notice).toMatch(/^This share link is damaged: it is shorter than it says.*The default scenario is open instead\.$/);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'load', file: 'scenarios/shop.yaml' });
  });
});
