// @vitest-environment happy-dom
/**
 * The architecture as Mermaid text (src/ui/mermaidText.ts): nodes, edges and
 * call-option labels; user text never becomes Mermaid syntax or HTML. Mermaid's
 * own parser checks each text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario';
import { callLabels, edgeKey, mermaidLabel, mermaidText, type MermaidMeta } from '../../src/ui/mermaidText';
import { scenarioMeta } from '../../src/worker/meta';

const parse = async (text: string) => (await import('mermaid')).default.parse(text);

const small: MermaidMeta = {
  name: 'Tiny',
  services: [
    { name: 'web', label: 'Web', instances: 2, workers: 8, calls: ['pay'] },
    { name: 'pay', label: 'Payment', instances: 1, workers: 4, calls: [] },
  ],
  workloads: [{ name: 'browse', kind: 'open', route: 'web.home', service: 'web', initialPerSec: 5, maxPerSec: 60, users: 0 }],
};

describe('mermaidText', () => {
  it('draws clients → services → services with generated ids and labels', async () => {
    const text = mermaidText(small, { [edgeKey('web', 'pay')]: 'charge · timeout 1s, retry 2' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain('  c0(["browse<br/>5/s … 60/s"])');
    expect(lines).toContain('  s0["Web<br/>2 instances, 8 workers"]');
    expect(lines).toContain('  s1["Payment<br/>1 instance, 4 workers"]');
    expect(lines).toContain('  c0 -.->|"home"| s0');
    expect(lines).toContain('  s0 -->|"charge · timeout 1s, retry 2"| s1');
    expect(lines).toContain('  class s0,s1 service');
    await expect(parse(text)).resolves.toBeTruthy();
  });

  it('an edge without options has no label; a closed workload shows its users', () => {
    const meta: MermaidMeta = { ...small, workloads: [{ ...small.workloads[0], kind: 'closed', users: 40 }] };
    const text = mermaidText(meta);
    expect(text).toContain('  s0 --> s1\n');
    expect(text).toContain('c0(["browse<br/>40 users"])');
  });

  it('quotes, brackets, pipes, HTML and directives in names stay text', async () => {
    const evil = 'A"] --> X[<img src=x onerror=alert(1)>|%%{init: {"securityLevel":"loose"}}%%; #quot; & `code`';
    const meta: MermaidMeta = {
      name: evil,
      services: [
        { name: 'web', label: evil, instances: 1, workers: 1, calls: ['pay'] },
        { name: 'pay', label: 'Pay\nment ]', instances: 1, workers: 1, calls: [] },
      ],
      workloads: [{ name: evil, kind: 'open', route: evil, service: 'web', initialPerSec: 1, maxPerSec: 1, users: 0 }],
    };
    const text = mermaidText(meta, { [edgeKey('web', 'pay')]: evil });
    // Only our own syntax: inside each pair of quotes, nothing but safe characters and entity codes (and our <br/>).
    const quoted = text.split('\n').flatMap((l) => [...l.matchAll(/"([^"]*)"/g)].map((m) => m[1]));
    expect(quoted.length).toBeGreaterThanOrEqual(4);
    for (const q of quoted) expect(q.replace(/<br\/>/g, '')).toMatch(/^[\p{L}\p{N} .,_\-/+×·→↔…#;]*$/u);
    // Outside the quotes, each line is ours: an id, a shape, an arrow.
    for (const l of text.split('\n').slice(2)) {
      if (l) expect(l.replace(/"[^"]*"/g, '""')).toMatch(/^  (c\d+\(\[""\]\)|s\d+\[""\]|[cs]\d+ (-\.->|-->)(\|""\|)? s\d+|classDef .*|class [cs0-9,]+ (client|service))$/);
    }
    expect(text).not.toMatch(/<img/);
    expect(text).not.toMatch(/%%\{/);
    expect(text).toContain('Pay ment #93;'); // a line break became a space; ] an entity
    expect(text.split('\n').filter((l) => /^  s\d+\[/.test(l)).length).toBe(2); // still exactly two service nodes
    await expect(parse(text)).resolves.toBeTruthy();
  });

  it('mermaidLabel: safe characters pass, the rest become entity codes; long text is cut', () => {
    expect(mermaidLabel('order-service_2 / v1.0, 50%')).toBe('order-service_2 / v1.0, 50#37;');
    expect(mermaidLabel('a"b')).toBe('a#34;b');
    expect(mermaidLabel('<b>')).toBe('#60;b#62;');
    expect(mermaidLabel('café 日本 😀')).toBe('café 日本 #128512;');
    const long = mermaidLabel('x'.repeat(500));
    expect([...long].length).toBe(90);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('callLabels', () => {
  it('labels each caller → callee with its endpoints and call options (cascading-failure-resilient.yaml)', async () => {
    const file = 'scenarios/resilience/cascading-failure-resilient.yaml';
    const r = loadScenario(readFileSync(file, 'utf8'), file);
    if (!r.ok) throw new Error('the bundled scenario should load');
    const labels = callLabels(r.scenario);
    expect(labels[edgeKey('payment', 'fraud')]).toBe('score · timeout 200ms, breaker, fallback');
    expect(labels[edgeKey('web', 'catalog')]).toBe('list · timeout 500ms');
    const text = mermaidText(scenarioMeta(r.scenario), labels);
    expect(text).toContain('-->|"score · timeout 200ms, breaker, fallback"|');
    await expect(parse(text)).resolves.toBeTruthy();
  });

  it('shop.yaml: plain calls are labelled with their endpoints only', () => {
    const r = loadScenario(readFileSync('scenarios/shop.yaml', 'utf8'), 'shop.yaml');
    if (!r.ok) throw new Error('shop.yaml should load');
    const labels = callLabels(r.scenario);
    expect(labels[edgeKey('storefront', 'catalog')]).toBe('list, get');
    expect(labels[edgeKey('order', 'payment')]).toBe('charge');
  });
});
