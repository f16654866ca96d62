/**
 * The architecture as a Mermaid flowchart: clients (workloads) → services →
 * services, edges labelled with the callee endpoints and call options
 * (timeout, retry, breaker, bulkhead, fallback). Pure text, no mermaid import.
 *
 * Names and labels come from a file someone else may have written (a share
 * link), so no user text reaches the diagram as syntax: node ids are
 * generated (`s0`, `c0`), and every character of a label outside a small safe
 * set becomes a Mermaid entity code (`#34;`), which Mermaid turns into an
 * HTML entity: shown as text, never parsed as markup or as a directive.
 */
import type { CallOptions, Scenario, Step } from '../scenario/types';
import type { ServiceMeta, WorkloadMeta } from '../worker/protocol';
import { formatDuration, formatPerSec } from './format';

/** What the diagram needs of the store's `meta`. */
export interface MermaidMeta {
  readonly name: string;
  readonly services: readonly Pick<ServiceMeta, 'name' | 'label' | 'instances' | 'workers' | 'calls'>[];
  readonly workloads: readonly Pick<WorkloadMeta, 'name' | 'kind' | 'route' | 'service' | 'initialPerSec' | 'maxPerSec' | 'users'>[];
}

/** Edge labels keyed by `edgeKey(from, to)`: callee endpoints and call options. */
export type EdgeLabels = Readonly<Record<string, string>>;

export const edgeKey = (from: string, to: string): string => `${from} → ${to}`;

const MAX_LABEL = 90;

/** Letters and digits of any script, and punctuation Mermaid reads as text inside quotes. */
const SAFE = /^[\p{L}\p{N} .,_\-/+×·→↔…]$/u;

/**
 * A label as Mermaid quoted-string text: one line, at most 90 characters,
 * everything outside the safe set as `#<code point>;`. Safe inside `["…"]` and `|"…"|`.
 */
export function mermaidLabel(text: string): string {
  const flat = [...text.replace(/\s+/g, ' ').trim()];
  const cut = flat.length > MAX_LABEL ? [...flat.slice(0, MAX_LABEL - 1), '…'] : flat;
  return cut.map((ch) => (SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join('');
}

function workloadRate(w: MermaidMeta['workloads'][number]): string {
  if (w.kind === 'closed') return `${w.users} users`;
  return w.maxPerSec > w.initialPerSec ? `${formatPerSec(w.initialPerSec)} … ${formatPerSec(w.maxPerSec)}` : formatPerSec(w.initialPerSec);
}

/**
 * How the compare view draws a dense architecture into a narrow column; the
 * defaults give the single-run export's diagram.
 */
export interface MermaidLayout {
  /** Left → right (the export's) or top → bottom. */
  readonly direction?: 'LR' | 'TB';
  /** Narrower boxes: instances and workers on lines of their own, edge labels one option per line. */
  readonly compact?: boolean;
}

/** An edge label's lines in a compact diagram: the endpoints, then the call options one per line. */
export function compactLabelLines(label: string): string[] {
  const [endpoints, ...rest] = label.split(' · ');
  const options = rest.join(' · ');
  return options ? [endpoints, ...options.replace(/, /g, ',\n').replace(/ \/ /g, ' /\n').split('\n')] : [endpoints];
}

/** `flowchart LR` text for a loaded scenario; `labels` (from `callLabels`) adds call options to edges. */
export function mermaidText(meta: MermaidMeta, labels: EdgeLabels = {}, layout: MermaidLayout = {}): string {
  const ids = new Map<string, string>();
  meta.services.forEach((s, i) => ids.set(s.name, `s${i}`));
  const compact = layout.compact === true;
  const edgeLabel = (text: string) => (compact ? compactLabelLines(text).map(mermaidLabel).join('<br/>') : mermaidLabel(text));
  const out: string[] = [`flowchart ${layout.direction ?? 'LR'}`, `  %% ${mermaidLabel(`Microcosm architecture: ${meta.name}`)}`];

  meta.workloads.forEach((w, i) => {
    out.push(`  c${i}(["${mermaidLabel(w.name)}<br/>${mermaidLabel(workloadRate(w))}"])`);
  });
  for (const s of meta.services) {
    const instances = `${s.instances} ${s.instances === 1 ? "instance" : "instances"}`;
    const size = compact ? `${mermaidLabel(instances)}<br/>${mermaidLabel(`${s.workers} workers`)}` : mermaidLabel(`${instances}, ${s.workers} workers`);
    out.push(`  ${ids.get(s.name)}["${mermaidLabel(s.label || s.name)}<br/>${size}"]`);
  }
  meta.workloads.forEach((w, i) => {
    const to = ids.get(w.service);
    if (!to) return;
    const endpoint = w.route.startsWith(`${w.service}.`) ? w.route.slice(w.service.length + 1) : w.route;
    out.push(`  c${i} -.->|"${mermaidLabel(endpoint)}"| ${to}`);
  });
  for (const s of meta.services) {
    for (const callee of s.calls) {
      const to = ids.get(callee);
      if (!to) continue;
      const label = labels[edgeKey(s.name, callee)];
      out.push(label ? `  ${ids.get(s.name)} -->|"${edgeLabel(label)}"| ${to}` : `  ${ids.get(s.name)} --> ${to}`);
    }
  }
  // Light colours: the export is meant for slides and documents.
  out.push('  classDef client fill:#e8f4ff,stroke:#2f95e6,color:#0b2540');
  out.push('  classDef service fill:#f5f7fb,stroke:#4a5d80,color:#0e1626');
  if (meta.workloads.length) out.push(`  class ${meta.workloads.map((_, i) => `c${i}`).join(',')} client`);
  if (meta.services.length) out.push(`  class ${meta.services.map((_, i) => `s${i}`).join(',')} service`);
  return out.join('\n') + '\n';
}

/** Call options in a few words: `timeout 300ms, retry 2, breaker`; '' when the call has none. */
export function describeCallOptions(o: CallOptions): string {
  const parts: string[] = [];
  if (o.timeoutMs !== null) parts.push(`timeout ${formatDuration(o.timeoutMs)}`);
  if (o.retry) parts.push(`retry ${o.retry.max}${o.retry.jitter !== 'none' ? ` ${o.retry.jitter} jitter` : ''}`);
  if (o.breaker) parts.push('breaker');
  if (o.bulkhead !== null) parts.push(`bulkhead ${o.bulkhead}`);
  if (o.fallback === 'skip') parts.push('fallback');
  return parts.join(', ');
}

/**
 * Edge labels from a normalised scenario: for each caller → callee, the
 * endpoints called (at most 3) and the distinct option sets, e.g.
 * `reserve, charge · timeout 1s, retry 2`.
 */
export function callLabels(scenario: Pick<Scenario, 'services'>): EdgeLabels {
  const edges = new Map<string, { endpoints: string[]; options: string[] }>();
  const visit = (from: string, steps: readonly Step[]) => {
    for (const step of steps) {
      if (step.kind === 'call') {
        const key = edgeKey(from, step.service);
        const e = edges.get(key) ?? { endpoints: [], options: [] };
        if (!e.endpoints.includes(step.endpoint)) e.endpoints.push(step.endpoint);
        const o = describeCallOptions(step.options);
        if (!e.options.includes(o)) e.options.push(o);
        edges.set(key, e);
      }
      const nested = step as unknown as { steps?: readonly Step[]; miss?: readonly Step[] };
      if (Array.isArray(nested.steps)) visit(from, nested.steps);
      if (Array.isArray(nested.miss)) visit(from, nested.miss);
    }
  };
  for (const svc of scenario.services) for (const ep of svc.endpoints) visit(svc.name, ep.steps);
  const labels: Record<string, string> = {};
  for (const [key, e] of edges) {
    const eps = e.endpoints.length > 3 ? `${e.endpoints.slice(0, 3).join(', ')} …` : e.endpoints.join(', ');
    const opts = e.options.filter((o) => o !== '');
    // Calls to one service with and without options: say both ("none" for the bare ones).
    const optText = opts.length === 0 ? '' : e.options.map((o) => o || 'no options').join(' / ');
    labels[key] = optText ? `${eps} · ${optText}` : eps;
  }
  return labels;
}
