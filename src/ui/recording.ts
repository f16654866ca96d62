/**
 * Live actions in the scenario timeline's own notation, and the scenario file
 * with them appended, so a session can be saved and replayed exactly (by the
 * page or the CLI). `yaml` is loaded only when the user saves.
 */
import type { TimelineItem } from '../scenario/types';

/** One timeline entry as a flow mapping: `{ at: 83000ms, load: checkout, rate: 300/s }`. */
export function timelineEntry(item: TimelineItem): Record<string, string | number> {
  const entry: Record<string, string | number> = { at: `${item.atMs}ms` };
  if (item.forMs !== null) entry.for = `${item.forMs}ms`;
  const a = item.action;
  switch (a.kind) {
    case 'load':
      entry.load = a.workload;
      entry.rate = `${a.perSec}/s`;
      break;
    case 'kill':
      entry.kill = a.service;
      entry.count = a.count;
      break;
  }
  return entry;
}

export function timelineYaml(items: readonly TimelineItem[]): string {
  return items
    .map((it) => {
      const parts = Object.entries(timelineEntry(it)).map(([k, v]) => `${k}: ${v}`);
      return `  - { ${parts.join(', ')} }`;
    })
    .join('\n');
}

/** The scenario text with the recorded items appended to its `timeline:` (comments kept). */
export async function withRecordedTimeline(text: string, items: readonly TimelineItem[]): Promise<string> {
  if (items.length === 0) return text;
  const YAML = await import('yaml');
  const doc = YAML.parseDocument(text);
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
