/**
 * What the Export menu produces: the architecture as Mermaid text and SVG,
 * the d3 charts as standalone SVG (styles inlined, a title and legend added)
 * and PNG (2×, for slides), and the final report as JSON and CSV.
 * Pure text builders (CSV, JSON) are testable in Node; the rest needs a DOM.
 */
import type { Report } from '../metrics/report';
import type { LegendKey } from './chartView';

// ---------- report ----------

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/**
 * CSV columns, in order. The header row names them with their units; a
 * column that does not apply to a row's kind is empty.
 * - kind: route | service | edge (caller → callee, "client:<workload>" for a workload)
 * - requests: route requests, service requests, or edge call attempts (retries included)
 * - failed_share: (errors + rejected + timeouts) / (requests − in_flight), 0..1 (routes)
 * - rejected: refused at once (routes, services); for edges breaker + bulkhead refusals
 * - utilization: busy workers / workers over the run, 0..1
 * - breakers_opened: times a breaker opened (service: on its outgoing calls; edge: that call)
 */
export const CSV_COLUMNS = [
  'kind', 'name', 'requests', 'ok', 'errors', 'rejected', 'timeouts', 'in_flight', 'degraded', 'failed_share',
  'latency_mean_ms', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'latency_max_ms',
  'utilization', 'instances_min', 'instances_max', 'instances_final', 'queue_wait_mean_ms', 'queue_wait_p99_ms',
  'mean_in_system', 'wasted_ms', 'retries', 'breakers_opened',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number>>;

/** One row per route, per service and per call edge, after a header row; RFC 4180 quoting, CRLF line ends. */
export function reportCsv(report: Report): string {
  const rows: Row[] = [];
  for (const [name, r] of Object.entries(report.routes)) {
    const done = r.requests - r.inFlight;
    rows.push({
      kind: 'route', name, requests: r.requests, ok: r.ok, errors: r.errors, rejected: r.rejected, timeouts: r.timeouts,
      in_flight: r.inFlight, degraded: r.degraded, failed_share: done > 0 ? (r.errors + r.rejected + r.timeouts) / done : '',
      ...latency(r.latencyMs),
    });
  }
  for (const [name, s] of Object.entries(report.services)) {
    rows.push({
      kind: 'service', name, requests: s.requests, errors: s.errors, rejected: s.rejected, utilization: s.utilization,
      instances_min: s.instances.min, instances_max: s.instances.max, instances_final: s.instances.final,
      queue_wait_mean_ms: s.queueWaitMs.mean, queue_wait_p99_ms: s.queueWaitMs.p99, mean_in_system: s.meanInSystem,
      wasted_ms: s.wastedMs, breakers_opened: Object.values(s.breakers).reduce((n, b) => n + b.opened, 0),
    });
  }
  for (const [name, e] of Object.entries(report.edges)) {
    rows.push({
      kind: 'edge', name, requests: e.calls, errors: e.errors, rejected: e.breakerRejected + e.bulkheadRejected, timeouts: e.timeouts,
      ...latency(e.latencyMs), retries: e.retries, breakers_opened: e.breakerOpened,
    });
  }
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(row[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

function latency(l: Report['routes'][string]['latencyMs']): Row {
  return { latency_mean_ms: l.mean, latency_p50_ms: l.p50, latency_p95_ms: l.p95, latency_p99_ms: l.p99, latency_max_ms: l.max };
}

/**
 * One CSV cell. Numbers: at most 6 decimals, empty when not finite. Text:
 * quoted when it holds a comma, quote or line break; text a spreadsheet would
 * run as a formula (= + - @, tab, CR first) gets a leading apostrophe, since
 * names come from a scenario file someone else may have written.
 */
export function csvCell(v: string | number | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '';
  let text = v;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---------- architecture (mermaid) ----------

type Mermaid = typeof import('mermaid').default;
let mermaidReady: Promise<Mermaid> | null = null;
let renderCount = 0;

/** Mermaid, loaded on first use (it is large) and set up once: strict security, SVG text labels. */
function loadMermaid(): Promise<Mermaid> {
  mermaidReady ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'default',
      // Plain SVG <text> labels (no <foreignObject>): the file opens in editors and slide tools.
      htmlLabels: false,
      flowchart: { htmlLabels: false, curve: 'basis', padding: 12, wrappingWidth: 320 },
      fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
      suppressErrorRendering: true,
      maxTextSize: 500_000,
      maxEdges: 5_000,
    });
    return mermaid;
  });
  return mermaidReady;
}

/** Renders Mermaid text to a standalone SVG document (explicit size, white background). */
export async function architectureSvg(text: string): Promise<string> {
  const mermaid = await loadMermaid();
  const { svg } = await mermaid.render(`microcosm-architecture-${++renderCount}`, text);
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') throw new Error('Mermaid did not return an SVG');
  const vb = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb.every(Number.isFinite)) {
    root.setAttribute('width', String(Math.ceil(vb[2])));
    root.setAttribute('height', String(Math.ceil(vb[3])));
    root.removeAttribute('style');
    const bg = doc.createElementNS(SVG_NS, 'rect');
    bg.setAttribute('x', String(vb[0]));
    bg.setAttribute('y', String(vb[1]));
    bg.setAttribute('width', String(vb[2]));
    bg.setAttribute('height', String(vb[3]));
    bg.setAttribute('fill', '#ffffff');
    root.insertBefore(bg, root.firstChild);
  }
  return XML_HEAD + new XMLSerializer().serializeToString(root);
}

// ---------- charts ----------

const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Presentation properties whose computed values are written inline, so no stylesheet is needed. */
const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin',
  'opacity', 'display', 'visibility', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
  'dominant-baseline', 'font-variant-numeric', 'letter-spacing',
] as const;

/** A legend key of the exported picture (the chart panel's, chartView.ts). */
export type { LegendKey };

/**
 * A colour as the page draws it now: `var(--x)` (the theme's series colours)
 * becomes its current value, since the exported file has no stylesheet. The
 * export follows the theme on screen: what you see is what you get.
 */
export function resolveColour(c: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(c.trim());
  if (!m || typeof document === 'undefined') return c;
  return getComputedStyle(document.documentElement).getPropertyValue(m[1]).trim() || c;
}

/** The first non-transparent background behind an element (the panel's colour). */
function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return resolveColour('var(--panel)');
}

/**
 * A chart's live SVG as a standalone file: computed styles inlined, the panel's
 * background, and a header with the title and legend (which live in HTML on the page).
 */
export function standaloneChartSvg(svg: SVGSVGElement, title: string, legend: readonly LegendKey[]): { svg: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.max(50, Math.round(box.width));
  const chartHeight = Math.max(50, Math.round(box.height));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // Walk the live tree and the clone together: computed styles exist only on the live one.
  const live = [svg, ...svg.querySelectorAll('*')];
  const copy = [clone, ...clone.querySelectorAll('*')];
  for (let i = 0; i < live.length && i < copy.length; i++) {
    const cs = getComputedStyle(live[i]);
    const style: string[] = [];
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v) style.push(`${p}:${v}`);
    }
    copy[i].setAttribute('style', style.join(';'));
    copy[i].removeAttribute('class');
    // Theme colours given as `var(--…)` attributes: their values, since the file has no stylesheet.
    for (const a of [...copy[i].attributes]) if (a.value.includes('var(')) copy[i].setAttribute(a.name, resolveColour(a.value));
  }
  const text = getComputedStyle(svg).color || resolveColour('var(--text)');
  const font = 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';

  // Header: the title (wrapped when the chart is narrow), the legend keys flowing below it.
  const measure = textMeasurer(`12px ${font}`);
  const titleLines = wrapWords(title, width - 24, textMeasurer(`600 14px ${font}`));
  const keys: string[] = [];
  let x = 12, y = 40 + (titleLines.length - 1) * 18;
  for (const k of legend) {
    const w = 26 + measure(k.label) + 14;
    if (x + w > width - 8 && x > 12) { x = 12; y += 17; }
    const colour = resolveColour(k.colour);
    const swatch = k.box
      ? `<rect x="${x}" y="${y - 7}" width="18" height="7" fill="${colour}" fill-opacity="0.45"/>`
      : `<path d="M${x} ${y - 4}h18" stroke="${colour}" stroke-width="${k.width ?? 2}" stroke-linecap="round"${k.dash ? ` stroke-dasharray="${k.dash}"` : ''}/>`;
    keys.push(`${swatch}<text x="${x + 24}" y="${y}" fill="${resolveColour('var(--muted)')}" font-size="12" font-family="${escapeXml(font)}">${escapeXml(k.label)}</text>`);
    x += w;
  }
  const header = y + 10;
  const height = header + chartHeight;
  clone.removeAttribute('style');
  clone.removeAttribute('role');
  clone.removeAttribute('data-testid');
  for (const a of [...clone.attributes]) if (a.name.startsWith('data-')) clone.removeAttribute(a.name);
  clone.setAttribute('x', '0');
  clone.setAttribute('y', String(header));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(chartHeight));
  const inner = new XMLSerializer().serializeToString(clone);
  const out =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${width}" height="${height}" fill="${backgroundOf(svg)}"/>` +
    titleLines.map((line, i) => `<text x="12" y="${20 + i * 18}" fill="${text}" font-size="14" font-weight="600" font-family="${escapeXml(font)}">${escapeXml(line)}</text>`).join('') +
    keys.join('') + inner + '</svg>';
  return { svg: XML_HEAD + out, width, height };
}

/** Words into lines no wider than `max` (a word longer than that gets a line of its own). */
export function wrapWords(text: string, max: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > max) { lines.push(line); line = word; } else line = next;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

function textMeasurer(font: string): (s: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (s) => s.length * 7;
  ctx.font = font;
  return (s) => ctx.measureText(s).width;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Draws an SVG document onto a canvas at `scale` × its size and returns a PNG. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas here');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
