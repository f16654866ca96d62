/** The CLI contract of scenario-format.md: output forms and exit codes. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function sim(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'microcosm-cli-'));
function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

const ok = (expect: string) => `version: 1
name: tiny
duration: 20s
services:
  api:
    workers: 2
    endpoints:
      get: [ { cpu: exp(10ms) } ]
workload:
  - { name: w, route: api.get, rate: 50/s }
expect:
  - ${expect}
`;

describe('CLI', () => {
  it('CLI-1 prints a summary table and exits 0 when every expectation holds', () => {
    const r = sim(file('pass.yaml', ok('{ route: api.get, p99: "< 10s" }')));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tiny — seed 1, 20s simulated/);
    expect(r.stdout).toMatch(/api\.get\s+[\d,]+/);
    expect(r.stdout).toMatch(/PASS {2}api\.get p99 < 10s/);
    expect(r.stderr).toBe('');
  });

  it('CLI-2 exits 1 when an expectation fails, and says which', () => {
    const r = sim(file('fail.yaml', ok('{ route: api.get, p99: "< 1ms" }')));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL {2}api\.get p99 < 1ms {2}\(actual [\d.]+ms\)/);
  });

  it('CLI-3 --json prints only the report JSON; --out writes it; --seed and --duration override', () => {
    const out = join(tmp, 'report.json');
    const r = sim(file('json.yaml', ok('{ route: api.get, p99: "< 10s" }')), '--json', '--seed', '9', '--duration', '30s', '--out', out);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.seed).toBe(9);
    expect(report.simulatedMs).toBe(30_000);
    expect(report.digest).toMatch(/^[0-9a-f]{16}$/);
    for (const k of ['scenario', 'events', 'wallMs', 'routes', 'services', 'topics', 'sagas', 'caches', 'expectations']) expect(report).toHaveProperty(k);
    expect(report.routes['api.get']).toHaveProperty('latencyMs.p99');
    expect(JSON.parse(readFileSync(out, 'utf8')).digest).toBe(report.digest);
  });

  it('CLI-4 the same run twice gives the same digest (headless determinism)', () => {
    const f = file('det.yaml', ok('{ route: api.get, p99: "< 10s" }'));
    expect(JSON.parse(sim(f, '--json').stdout).digest).toBe(JSON.parse(sim(f, '--json').stdout).digest);
  });

  it('CLI-5 an invalid scenario exits 2 with positioned errors on stderr, no stack trace', () => {
    const r = sim(file('bad.yaml', ok('{ route: api.get, p99: "< 10s" }').replace('workers: 2', 'wrokers: 2').replace('rate: 50/s', 'rate: fast')));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml:6:5: services\.api\.wrokers: .*did you mean "workers"/);
    expect(r.stderr).toMatch(/bad\.yaml:10:\d+: workload\[0\]\.rate: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('CLI-6 usage errors and unreadable files exit 2 with a message', () => {
    for (const args of [[], ['--bogus', 'x.yaml'], ['a.yaml', 'b.yaml'], ['x.yaml', '--seed', 'abc'], ['x.yaml', '--duration', 'soon']]) {
      const r = sim(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/sim: .+\nusage: /);
    }
    const missing = sim(join(tmp, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: no such file/);
    const dir = sim(tmp);
    expect(dir.code).toBe(2);
  });

  it('CLI-7 a run far too large is refused at once with exit 2', () => {
    const r = sim(file('huge.yaml', ok('{ route: api.get, p99: "< 10s" }').replace('duration: 20s', 'duration: 20h').replace('50/s', '900000/s')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/limit/);
  });
});
