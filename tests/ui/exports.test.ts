/**
 * Report exports (src/ui/exports.ts): the CSV's header and rows, quoting and
 * formula-safe names; the JSON is the report; the template "New" opens is valid.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/metrics/report';
import { loadScenario } from '../../src/scenario';
import { CSV_COLUMNS, csvCell, reportCsv, reportJson } from '../../src/ui/exports';
import { fileBase } from '../../src/ui/download';
import { NEW_SCENARIO_FILE, NEW_SCENARIO_TEMPLATE, scenarioFileName } from '../../src/ui/scenarioFile';

const golden = JSON.parse(readFileSync('tests/golden/shop.json', 'utf8')) as Report;

/** RFC 4180 reader, enough to check what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

describe('report CSV', () => {
  it('a header row, then one row per route, per service and per edge, all as wide as the header', () => {
    const csv = reportCsv(golden);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows[0].slice(0, 4)).toEqual(['kind', 'name', 'requests', 'ok']);
    const kinds = rows.slice(1).map((r) => r[0]);
    expect(kinds.filter((k) => k === 'route')).toHaveLength(Object.keys(golden.routes).length);
    expect(kinds.filter((k) => k === 'service')).toHaveLength(Object.keys(golden.services).length);
    expect(kinds.filter((k) => k === 'edge')).toHaveLength(Object.keys(golden.edges).length);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('route and service figures land in their columns', () => {
    const rows = parseCsv(reportCsv(golden));
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const home = rows.find((r) => r[0] === 'route' && r[1] === 'storefront.home')!;
    const h = golden.routes['storefront.home'];
    expect(Number(home[col('requests')])).toBe(h.requests);
    expect(Number(home[col('latency_p99_ms')])).toBe(h.latencyMs.p99);
    expect(Number(home[col('in_flight')])).toBe(h.inFlight);
    const checkout = golden.routes['storefront.checkout'];
    const co = rows.find((r) => r[1] === 'storefront.checkout')!;
    expect(Number(co[col('failed_share')])).toBeCloseTo((checkout.errors + checkout.rejected + checkout.timeouts) / (checkout.requests - checkout.inFlight), 6);
    expect(home[col('utilization')]).toBe(''); // a service column, empty on a route row
    const pay = rows.find((r) => r[0] === 'service' && r[1] === 'payment')!;
    expect(Number(pay[col('utilization')])).toBeCloseTo(golden.services.payment.utilization, 6);
    expect(Number(pay[col('instances_max')])).toBe(golden.services.payment.instances.max);
    expect(pay[col('latency_p99_ms')]).toBe('');
  });

  it('names with commas, quotes and line breaks are quoted; formula-like names are defused', () => {
    const route = golden.routes['storefront.home'];
    const report = { ...golden, routes: { 'a, "b"\nc': route, '=HYPERLINK("x")': route, '-1+1': route, '@cmd': route }, services: {}, edges: {} } as Report;
    const rows = parseCsv(reportCsv(report));
    expect(rows.map((r) => r[1]).slice(1)).toEqual(['a, "b"\nc', `'=HYPERLINK("x")`, `'-1+1`, `'@cmd`]);
  });

  it('cells: numbers rounded to 6 decimals, not-finite numbers empty', () => {
    expect(csvCell(1 / 3)).toBe('0.333333');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(Infinity)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('plain')).toBe('plain');
  });
});

describe('report JSON', () => {
  it('is the report, digest included', () => {
    const back = JSON.parse(reportJson(golden)) as Report;
    expect(back).toEqual(golden);
    expect(back.digest).toBe(golden.digest);
  });
});

describe('file names and the New template', () => {
  it('downloads are named after the scenario file', () => {
    expect(fileBase('scenarios/resilience/retry-storm-naive.yaml')).toBe('retry-storm-naive');
    expect(fileBase('C:\\files\\mine.JSON')).toBe('mine');
    expect(fileBase('')).toBe('scenario');
    expect(scenarioFileName({ file: 'scenarios/shop.yaml' }, [])).toBe('shop.yaml');
    expect(scenarioFileName({ file: 'scenarios/shop.yaml' }, [{ atMs: 1, forMs: null, action: { kind: 'kill', service: 'x', count: 1 } }])).toBe('shop-recorded.yaml');
  });

  it('the template New opens is a valid scenario with one service and one workload', () => {
    const r = loadScenario(NEW_SCENARIO_TEMPLATE, NEW_SCENARIO_FILE);
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('\n'));
    expect(r.scenario.services).toHaveLength(1);
    expect(r.scenario.workload).toHaveLength(1);
    expect(NEW_SCENARIO_TEMPLATE.split('\n').filter((l) => l.includes('#')).length).toBeGreaterThan(8);
  });
});
