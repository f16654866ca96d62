/**
 * Share links: a scenario file (with its recorded live actions already appended)
 * and its name, compressed into the URL's hash, so opening the link replays the run.
 *
 *   #s=1.<crc32 of the payload, 8 hex>.<length of data>.<data>
 *   data    = base64url(deflate-raw(payload)), no padding
 *   payload = UTF-8 JSON { "f": file name, "t": scenario text }
 *
 * A link arrives from outside (chat apps cut it, people edit it), so decoding
 * never throws and never trusts it: the declared length catches a cut link,
 * the checksum a changed one, and inflating streams with a size cap (a
 * decompression bomb stops at 2 MB). What it yields is still only a file:
 * the worker validates it like any file the user opens.
 */
import { LIMITS } from '../scenario/limits';

/** The format this page writes and reads. A later format gets a new number. */
export const SHARE_VERSION = 1;
/** Largest payload a link may inflate to: a scenario file's own cap (2 MB). */
export const MAX_PAYLOAD_BYTES = LIMITS.maxFileChars;
/** Longer links than this are cut by some browsers, chat apps and mail clients. */
export const LONG_LINK_CHARS = 64 * 1024;
/** The hash data itself is never read past this (a 2 MB payload compresses far below it). */
const MAX_DATA_CHARS = 4 * 1024 * 1024;
const HASH_KEY = 's=';

export type ShareFailure =
  | 'missing' | 'format' | 'version' | 'encoding' | 'truncated' | 'lengthened'
  | 'corrupt' | 'checksum' | 'too-large' | 'contents';

export type DecodedShare =
  | { readonly ok: true; readonly file: string; readonly text: string }
  | { readonly ok: false; readonly reason: ShareFailure; readonly message: string };

/** What went wrong, in words a person who clicked a link can act on. */
export const SHARE_MESSAGES: Readonly<Record<ShareFailure, string>> = {
  missing: 'it has no scenario data after “#s=”.',
  format: 'it is not a Microcosm share link (those look like “#s=1.…”).',
  version: 'it was made with a newer share-link format than this page reads. Reload the page, or ask for a new link.',
  encoding: 'it contains characters a share link never has: it was edited, or mangled by the app it was sent through.',
  truncated: 'it is shorter than it says it is: the link was cut off when it was copied or sent. Copy the whole link again.',
  lengthened: 'it is longer than it says it is: something was added to the end of the link.',
  corrupt: 'its data does not decompress: the link was changed or cut off.',
  checksum: 'its checksum does not match its contents: the link was changed.',
  'too-large': `it expands to more than ${MAX_PAYLOAD_BYTES / (1024 * 1024)} MB, more than a scenario file may hold, so it was not opened.`,
  contents: 'it does not hold a Microcosm scenario.',
};

const fail = (reason: ShareFailure, message = SHARE_MESSAGES[reason]): DecodedShare => ({ ok: false, reason, message });

// ---------- encode ----------

/** The hash part (`s=…`, without `#`) for a scenario text and its file name. */
export async function encodeShare(file: string, text: string): Promise<string> {
  const payload = new TextEncoder().encode(JSON.stringify({ f: file, t: text }));
  if (payload.length > MAX_PAYLOAD_BYTES) throw new Error(`the scenario is larger than ${MAX_PAYLOAD_BYTES / (1024 * 1024)} MB: save it as a file instead`);
  const data = toBase64Url(await compress(payload));
  return `${HASH_KEY}${SHARE_VERSION}.${hex8(crc32(payload))}.${data.length}.${data}`;
}

/** A full link to this page: the current address without its hash, plus the share hash. */
export async function shareUrl(file: string, text: string, base: string): Promise<string> {
  return `${base.replace(/#.*$/, '')}#${await encodeShare(file, text)}`;
}

// ---------- decode ----------

/** True when a location hash carries a share link (damaged or not). */
export function isShareHash(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(HASH_KEY);
}

/** Reads a location hash (`#s=…`, or without `#`). Never throws; every failure has a reason and a message. */
export async function decodeShare(hash: string): Promise<DecodedShare> {
  try {
    return await decode(hash);
  } catch {
    // Nothing above should throw; if the platform does, the link is still just "damaged".
    return fail('corrupt');
  }
}

async function decode(hash: string): Promise<DecodedShare> {
  const raw = hash.replace(/^#/, '');
  if (!raw.startsWith(HASH_KEY)) return fail('format');
  const body = raw.slice(HASH_KEY.length);
  if (body.trim() === '') return fail('missing');
  if (body.length > MAX_DATA_CHARS + 64) return fail('too-large', `it is over ${MAX_DATA_CHARS / (1024 * 1024)} MB long, far more than a scenario file may hold, so it was not opened.`);

  const parts = body.split('.');
  if (!/^\d{1,6}$/.test(parts[0])) return fail('format');
  const version = Number(parts[0]);
  if (version !== SHARE_VERSION) {
    return fail('version', version > SHARE_VERSION
      ? `it was made with share-link format ${version}, and this page reads format ${SHARE_VERSION}. Reload the page, or ask for a new link.`
      : `it uses share-link format ${version}, which this page does not read (it reads format ${SHARE_VERSION}).`);
  }
  // A link cut inside its header has fewer parts; more parts means something was added.
  if (parts.length < 4) return fail('truncated');
  if (parts.length > 4) return fail('lengthened');
  const [, crcText, lengthText, data] = parts;
  if (!/^[0-9a-f]{8}$/.test(crcText) || !/^\d{1,8}$/.test(lengthText)) return fail('encoding');
  if (!/^[A-Za-z0-9_-]*$/.test(data)) return fail('encoding');
  const declared = Number(lengthText);
  if (data.length < declared) return fail('truncated');
  if (data.length > declared) return fail('lengthened');
  if (data.length === 0) return fail('missing');

  const compressed = fromBase64Url(data);
  if (!compressed) return fail('encoding');
  const inflated = await inflateCapped(compressed, MAX_PAYLOAD_BYTES);
  if (inflated === 'too-large') return fail('too-large');
  if (inflated === 'corrupt') return fail('corrupt');
  if (hex8(crc32(inflated)) !== crcText) return fail('checksum');

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail('contents');
  }
  if (typeof json !== 'object' || json === null) return fail('contents');
  const { f, t } = json as { f?: unknown; t?: unknown };
  if (typeof t !== 'string' || t.trim() === '') return fail('contents');
  return { ok: true, file: safeFileName(typeof f === 'string' ? f : ''), text: t };
}

/**
 * A file name from a link, fit to show and to save under: the last path part,
 * no control or reserved characters, at most 100 characters, ending in .yaml/.yml/.json.
 */
export function safeFileName(name: string): string {
  let base = name.split(/[\\/]/).pop() ?? '';
  base = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').trim().replace(/^\.+/, '');
  if (base.length > 100) base = base.slice(0, 100);
  if (!base) base = 'shared';
  return /\.(ya?ml|json)$/i.test(base) ? base : `${base}.yaml`;
}

// ---------- bytes ----------

async function compress(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Inflates chunk by chunk and gives up as soon as the output passes `cap` bytes. */
async function inflateCapped(bytes: Uint8Array, cap: number): Promise<Uint8Array | 'too-large' | 'corrupt'> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  try {
    const ds = new DecompressionStream('deflate-raw');
    reader = new Blob([bytes as BlobPart]).stream().pipeThrough(ds).getReader() as ReadableStreamDefaultReader<Uint8Array>;
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > cap) {
        reader.cancel().catch(() => {});
        return 'too-large';
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  } catch {
    reader?.cancel().catch(() => {});
    return 'corrupt';
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null when the text is not base64url (a length of 4n+1 cannot come from any bytes). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as zip and PNG use). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');
