/**
 * A request trace as a Mermaid sequence diagram: the client, then each
 * service in the order it first appears; a call per span (with its instance
 * and try), an answer back when it ended (dashed, or a cross when it failed),
 * and a note where the caller had given up. Labels go through `mermaidLabel`,
 * so names cannot break the diagram. Pure.
 */
import type { Span, Trace } from '../metrics/traces';
import { mermaidLabel } from './mermaidText';
import { formatMs } from './format';

export function traceSequence(t: Trace): string {
  const ids = new Map<string, string>();
  const lines = ['sequenceDiagram'];
  const participant = (name: string): string => {
    let id = ids.get(name);
    if (!id) {
      id = `p${ids.size}`;
      ids.set(name, id);
      lines.push(`  participant ${id} as ${mermaidLabel(name)}`);
    }
    return id;
  };
  const client = participant(`client ${t.workload}`);
  const byId = new Map(t.spans.map((s) => [s.spanId, s] as const));
  const from = (s: Span) => {
    const p = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
    return p ? participant(p.service) : client;
  };
  for (const s of t.spans) participant(s.service);
  // Calls when they start, answers when they end; at one instant calls go first.
  const events: { t: number; order: number; text: string }[] = [];
  t.spans.forEach((s, i) => {
    const caller = from(s), callee = participant(s.service);
    const tries = s.attempt > 1 ? `, try ${s.attempt}` : '';
    events.push({ t: s.startMs, order: i, text: `  ${caller}->>${callee}: ${mermaidLabel(`${s.endpoint} #${s.instance}${tries}`)}` });
    if (s.endMs === null) {
      events.push({ t: t.endMs, order: 1e6 + i, text: `  Note over ${callee}: ${mermaidLabel('still running when the trace ended')}` });
      return;
    }
    const ok = s.status === 'ok';
    const words = `${s.status}${s.degraded ? ' (degraded)' : ''} · ${formatMs(s.endMs - s.startMs)}${s.abandoned ? ' · caller had given up' : ''}`;
    events.push({ t: s.endMs, order: 1e6 + i, text: `  ${callee}${ok ? '-->>' : '--x'}${caller}: ${mermaidLabel(words)}` });
  });
  events.sort((a, b) => a.t - b.t || a.order - b.order);
  for (const e of events) lines.push(e.text);
  return lines.join('\n');
}
