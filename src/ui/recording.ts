/**
 * Live actions in the scenario timeline's own notation, and the scenario file
 * with them appended, so a session can be saved and replayed exactly (by the
 * page or the CLI). `yaml` is loaded only when the user saves.
 */
import type { Action, TimelineItem } from '../scenario/types';
import { distText } from '../engine/distributions';

/** One timeline entry as a flow mapping: `{ at: 83000ms, load: checkout, rate: 300/s }`. */
export function timelineEntry(item: TimelineItem): Record<string, string | number | string[]> {
  const entry: Record<string, string | number | string[]> = { at: `${item.atMs}ms` };
  if (item.forMs !== null) entry.for = `${item.forMs}ms`;
  const a = item.action;
  switch (a.kind) {
    case 'load':
      entry.load = a.workload;
      entry.rate = `${a.perSec}/s`;
      break;
    case 'kill':
      entry.kill = a.service;
      if (a.instance !== undefined) entry.instance = a.instance;
      else entry.count = a.count;
      break;
    case 'scale':
      entry.set = `${a.service}.instances`;
      entry.value = a.instances;
      break;
    case 'setting':
      entry.set = `${a.service}.${a.key}`;
      entry.value = a.value === Infinity ? 'unbounded' : a.value;
      break;
    case 'latency':
      entry.latency = a.service;
      entry.add = distText(a.add);
      break;
    case 'errors':
      entry.errors = a.service;
      entry.rate = `${Math.round(a.rate * 10000) / 100}%`;
      break;
    case 'slow':
      entry.slow = a.service;
      entry.factor = a.factor;
      break;
    case 'partition':
      entry.partition = [...a.between];
      break;
  }
  return entry;
}

/** One line for people: `load browse → 600/s`, `latency payment +400ms`. */
export function describeAction(a: Action): string {
  switch (a.kind) {
    case 'load': return `load ${a.workload} → ${a.perSec}/s`;
    case 'kill': return a.instance !== undefined ? `kill ${a.service} instance ${a.instance}` : `kill ${a.service} × ${a.count}`;
    case 'scale': return `scale ${a.service} to ${a.instances}`;
    case 'setting': return `${a.service} ${a.key} → ${a.value === Infinity ? 'unbounded' : a.value}`;
    case 'latency': return `latency ${a.service} +${distText(a.add)}`;
    case 'errors': return `errors ${a.service} ${Math.round(a.rate * 1000) / 10}%`;
    case 'slow': return `slow ${a.service} CPU ×${a.factor}`;
    case 'partition': return `partition ${a.between[0]} ↔ ${a.between[1]}`;
  }
}

/** A value as it may stand inside `{ … }`: quoted when a comma or bracket would cut it. */
function flowValue(v: string | number | string[]): string {
  if (Array.isArray(v)) return `[${v.map(flowValue).join(', ')}]`;
  const text = String(v);
  return /[,{}\[\]#:]/.test(text) ? JSON.stringify(text) : text;
}

export function timelineYaml(items: readonly TimelineItem[]): string {
  return items
    .map((it) => {
      const parts = Object.entries(timelineEntry(it)).map(([k, v]) => `${k}: ${flowValue(v)}`);
      return `  - { ${parts.join(', ')} }`;
    })
    .join('\n');
}

/**
 * The scenario text with the recorded items appended to its `timeline:`
 * (comments kept), and the canvas arrangement as its `layout:` when given.
 */
export async function withRecordedTimeline(
  text: string, items: readonly TimelineItem[], layout: Readonly<Record<string, readonly [number, number]>> | null = null,
): Promise<string> {
  if (items.length === 0 && !layout) return text;
  const YAML = await import('yaml');
  const doc = YAML.parseDocument(text);
  if (layout) {
    const node = doc.createNode(Object.fromEntries(Object.entries(layout).map(([k, v]) => [k, [...v]])));
    if (YAML.isMap(node)) for (const pair of node.items) if (YAML.isSeq(pair.value)) pair.value.flow = true;
    doc.set('layout', node);
  }
  if (items.length === 0) return doc.toString({ lineWidth: 0 });
  let seq = doc.get('timeline', true);
  if (!YAML.isSeq(seq)) {
    seq = doc.createNode([]);
    doc.set('timeline', seq);
  }
  for (const it of items) {
    const node = doc.createNode(timelineEntry(it));
    if (YAML.isMap(node)) node.flow = true;
    (seq as import('yaml').YAMLSeq).items.push(node);
  }
  return doc.toString({ lineWidth: 0 });
}
