/**
 * The bundled scenarios, read as raw text at build time. Only `name:` and the
 * first line of `description:` are picked out here (for the picker); the
 * worker validates the whole file when one is chosen.
 */
import type { CatalogEntry } from '../store';
import { summaryOf } from '../store/summary';

const files = import.meta.glob('/scenarios/**/*.{yaml,yml}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const DEFAULT_SCENARIO = '/scenarios/shop.yaml';

const GROUP_TITLES: Record<string, string> = { '': 'Scenarios', validation: 'Validation (theory checks)' };
const GROUP_ORDER = ['', 'validation'];

export function bundledScenarios(): CatalogEntry[] {
  return buildCatalog(files);
}

export function buildCatalog(raw: Record<string, string>): CatalogEntry[] {
  const entries: (CatalogEntry & { folder: string })[] = [];
  for (const [path, text] of Object.entries(raw)) {
    const rel = path.replace(/^\/?scenarios\//, '');
    const parts = rel.split('/');
    const folder = parts.length > 1 ? parts.slice(0, -1).join('/') : '';
    if (folder === 'invalid' || folder.startsWith('invalid/')) continue;
    const base = parts[parts.length - 1];
    const { name, summary } = headline(text);
    entries.push({
      key: path.startsWith('/') ? path : `/${path}`,
      group: GROUP_TITLES[folder] ?? titleCase(folder),
      folder,
      name: name || base.replace(/\.ya?ml$/, ''),
      summary,
      file: `scenarios/${rel}`,
      text,
    });
  }
  const rank = (f: string) => { const i = GROUP_ORDER.indexOf(f); return i < 0 ? GROUP_ORDER.length : i; };
  entries.sort((a, b) =>
    rank(a.folder) - rank(b.folder) || a.folder.localeCompare(b.folder) ||
    Number(b.key === DEFAULT_SCENARIO) - Number(a.key === DEFAULT_SCENARIO) || a.name.localeCompare(b.name));
  return entries.map(({ folder: _folder, ...e }) => e);
}

/** `name:` and the first line of `description:` (plain, quoted, or a `|`/`>` block). */
export function headline(text: string): { name: string; summary: string } {
  const lines = text.split(/\r?\n/);
  let name = '';
  let summary = '';
  for (let i = 0; i < lines.length; i++) {
    const m = /^(name|description):\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    let value = stripComment(m[2]).trim();
    if (/^[|>][-+]?\d*$/.test(value)) {
      // A block scalar: its indented lines, blank lines kept as paragraph breaks.
      const block: string[] = [];
      for (let j = i + 1; j < lines.length; j++) {
        if (lines[j].trim() !== '' && !/^\s/.test(lines[j])) break;
        block.push(lines[j].trim());
      }
      value = block.join('\n');
    }
    value = unquote(value);
    if (m[1] === 'name' && !name) name = value;
    if (m[1] === 'description' && !summary) summary = summaryOf(value, 84);
  }
  return { name, summary };
}

function stripComment(v: string): string {
  if (/^["']/.test(v.trim())) return v;
  const i = v.search(/\s#/);
  return i >= 0 ? v.slice(0, i) : v;
}

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? m[2] : v;
}

function titleCase(s: string): string {
  return s.split(/[-_/]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
