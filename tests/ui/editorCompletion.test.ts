/** Completion context in a YAML file being typed, and what the schema offers there. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completionsFor, kindOf, schemaAt } from '../../src/ui/editor/completion';
import { documentNames, yamlContext } from '../../src/ui/editor/yamlContext';
import { CALL_OPTION_KEYS, SERVICE_KEYS, STEP_KEYS, TIMELINE_KEYS, TOP_LEVEL_KEYS } from '../../src/scenario/schema';

/** `text` with the cursor at `¦`. */
function at(marked: string): { text: string; pos: number } {
  const pos = marked.indexOf('¦');
  return { text: marked.replace('¦', ''), pos };
}
const ctx = (marked: string) => { const { text, pos } = at(marked); return yamlContext(text, pos); };
const labels = (marked: string, explicit = true) => {
  const { text, pos } = at(marked);
  return completionsFor(text, pos, explicit)?.options.map((o) => o.label) ?? null;
};

const SERVICE = 'services:\n  web:\n';
const STEPS = `${SERVICE}    endpoints:\n      get:\n`;

describe('where the cursor is', () => {
  it('top-level, service, step and flow-step keys', () => {
    expect(ctx('na¦')).toMatchObject({ kind: 'key', path: [], prefix: 'na', from: 0 });
    expect(ctx(`${SERVICE}    wor¦`)).toMatchObject({ kind: 'key', path: ['services', 'web'], prefix: 'wor', column: 4 });
    expect(ctx(`${STEPS}        - cp¦`)).toMatchObject({ kind: 'key', path: ['services', 'web', 'endpoints', 'get', '[]'] });
    expect(ctx(`${STEPS}        - cpu: 3ms\n          ti¦`)).toMatchObject({ kind: 'key', path: ['services', 'web', 'endpoints', 'get', '[]'], prefix: 'ti' });
    expect(ctx(`${SERVICE}    endpoints:\n      get: [ { cpu: 3ms, ret¦ } ]`)).toMatchObject({ kind: 'key', flow: true, path: ['services', 'web', 'endpoints', 'get', '[]'] });
  });

  it('indentless sequences, and a new item closing the previous one', () => {
    expect(ctx('workload:\n- route: web.get\n  ra¦')).toMatchObject({ kind: 'key', path: ['workload', '[]'] });
    expect(ctx('workload:\n- route: a\n  rate: 1\n- ro¦')).toMatchObject({ kind: 'key', path: ['workload', '[]'], siblings: new Set() });
    expect(ctx('timeline:\n  - at: 10s\nwar¦')).toMatchObject({ kind: 'key', path: [] });
  });

  it('a value after `key: `, in block and flow style', () => {
    expect(ctx(`${SERVICE}    balancer: p¦`)).toMatchObject({ kind: 'value', path: ['services', 'web', 'balancer'], prefix: 'p' });
    expect(ctx(`${STEPS}        - { call: cat¦ }`)).toMatchObject({ kind: 'value', path: ['services', 'web', 'endpoints', 'get', '[]', 'call'], prefix: 'cat' });
  });

  it('keys already in the mapping, above and below the cursor, not those of nested mappings', () => {
    const c = ctx(`${SERVICE}    workers: 3\n    ¦\n    database:\n      pool: 4\n    instances: 2\nworkload: []\n`);
    expect(c).toMatchObject({ kind: 'key', path: ['services', 'web'] });
    expect(c?.kind === 'key' && [...c.siblings].sort()).toEqual(['database', 'instances', 'workers']);
  });

  it('nothing inside a comment, a block scalar or a quoted string', () => {
    expect(ctx('# wor¦')).toBeNull();
    expect(ctx('description: |\n  some text\n  mo¦\nname: x')).toBeNull();
    expect(ctx('name: "a b¦')).toBeNull();
    // …but a key right after the block scalar ends is completed.
    expect(ctx('description: |\n  some text\nna¦')).toMatchObject({ kind: 'key', path: [] });
  });

  it('reads a real scenario (the shop): the cursor on `workers` of the storefront', () => {
    const shop = readFileSync('scenarios/shop.yaml', 'utf8');
    const pos = shop.indexOf('    workers: 16') + 6;
    expect(yamlContext(shop, pos)).toMatchObject({ kind: 'key', path: ['services', 'storefront'], prefix: 'wo', hasColon: true });
    const names = documentNames(shop);
    expect(names.services).toEqual(['storefront', 'catalog', 'inventory', 'order', 'payment']);
    expect(names.endpoints.get('catalog')).toEqual(['list', 'get']);
  });
});

describe('what the schema offers', () => {
  it('the key lists of schema.ts, by context', () => {
    expect(labels('¦')).toEqual([...TOP_LEVEL_KEYS]);
    expect(labels(`${SERVICE}    ¦`)).toEqual([...SERVICE_KEYS]);
    expect(labels(`${STEPS}        - ¦`)).toEqual([...STEP_KEYS]);
    expect(labels('timeline:\n  - ¦')).toEqual([...TIMELINE_KEYS]);
    // Call options are step keys too, and gateway-route keys.
    for (const k of CALL_OPTION_KEYS) expect(labels(`${STEPS}        - call: a.b\n          ¦`)).toContain(k);
    expect(labels(`${STEPS}        - call: a.b\n          retry:\n            ¦`)).toEqual(['max', 'backoff', 'multiplier', 'cap', 'jitter']);
  });

  it('leaves out keys already written; nothing unasked on an empty line', () => {
    const l = labels(`${SERVICE}    workers: 3\n    ¦`);
    expect(l).not.toContain('workers');
    expect(l).toContain('instances');
    expect(labels(`${SERVICE}    ¦`, false)).toBeNull();
    expect(labels(`${SERVICE}    in¦`, false)).toContain('instances');
  });

  it('the description as info, a kind as detail, and a block template for objects and lists', () => {
    const { text, pos } = at(`${SERVICE}    ¦`);
    const opts = completionsFor(text, pos, true)!.options;
    const workers = opts.find((o) => o.label === 'workers')!;
    expect(workers.info).toBe('Concurrent requests per instance; default 8.');
    expect(workers.detail).toBe('count');
    expect(workers.apply).toBe('workers: ');
    expect(opts.find((o) => o.label === 'database')!.apply).toBe('database:\n      ');
    const top = completionsFor('work', 4, false)!.options.find((o) => o.label === 'workload')!;
    expect(top.apply).toBe('workload:\n  - ');
  });

  it('values: enums, booleans, and service.endpoint targets from the file', () => {
    expect(labels(`${SERVICE}    balancer: ¦`, false)).toEqual(['round-robin', 'random', 'least-connections', 'p2c']);
    expect(labels(`${STEPS}        - call: a.b\n          breaker: ¦`, false)).toEqual(['true', 'false']);
    expect(labels(`${STEPS}        - cpu: 3ms\n  db:\n    endpoints:\n      q: []\n`.replace('- cpu: 3ms', '- call: d¦'), false)).toEqual(['web.get', 'db.q']);
    expect(labels(`${SERVICE}    balancer: p2c¦`, false)).toBeNull(); // typed in full: Enter must insert a newline
  });

  it('follows $ref and maps through the schema', () => {
    expect(schemaAt(['services', 'anything', 'endpoints', 'x', '[]', 'retry'])?.properties).toHaveProperty('jitter');
    expect(schemaAt(['nope'])).toBeNull();
    expect(kindOf(schemaAt(['duration'])!)).toBe('duration');
  });
});
