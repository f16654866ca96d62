/** `sim -- a.yaml --compare b.yaml`: two designs on one seed, side by side (scenario-format.md, Command line). */
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

const tmp = mkdtempSync(join(tmpdir(), 'microcosm-compare-'));
function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

/** One service; `workers` is the design choice compared, `seed` the file's own. */
const design = (seed: number, workers: number, expectP99 = '< 10s') => `version: 1
name: tiny ${workers} workers
seed: ${seed}
duration: 20s
services:
  api:
    workers: ${workers}
    endpoints:
      get: [ { cpu: exp(30ms) } ]
workload:
  - { name: w, route: api.get, rate: 50/s }
expect:
  - { route: api.get, p99: "${expectP99}" }
`;

const digestOf = (f: string, seed?: number) =>
  JSON.parse(sim(f, '--json', ...(seed === undefined ? [] : ['--seed', String(seed)])).stdout).digest as string;

describe('CLI --compare', () => {
  const a = file('a.yaml', design(3, 2));
  const b = file('b.yaml', design(5, 4));

  it('CLI-C1 --json prints { left, right, delta }; both run on the left file\'s seed, each digest as its single run', () => {
    const r = sim(a, '--compare', b, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['left', 'right', 'delta']);
    expect(out.left.seed).toBe(3);
    expect(out.right.seed).toBe(3);
    expect(out.left.scenario).toBe('tiny 2 workers');
    expect(out.right.scenario).toBe('tiny 4 workers');
    expect(out.left.digest).toBe(digestOf(a));
    expect(out.right.digest).toBe(digestOf(b, 3));
    expect(out.right.digest).not.toBe(digestOf(b));
    // The delta is right − left of the two printed reports.
    const p99 = out.delta.routes['api.get'].latencyP99Ms;
    expect(p99.left).toBe(out.left.routes['api.get'].latencyMs.p99);
    expect(p99.right).toBe(out.right.routes['api.get'].latencyMs.p99);
    expect(p99.delta).toBeCloseTo(p99.right - p99.left, 9);
    // Twice the workers on the same arrivals: less waiting.
    expect(p99.verdict).toBe('better');
    expect(out.delta.services.api.utilization.verdict).toBe('neutral');
    expect(out.delta.expectations).toEqual({ left: { passed: 1, total: 1 }, right: { passed: 1, total: 1 } });
    expect(out.delta.sameSeed).toBe(true);
  });

  it('CLI-C2 --seed N runs both on N; --own-seeds keeps each file\'s seed; --out writes the JSON', () => {
    const out = join(tmp, 'cmp.json');
    const r = JSON.parse(sim(a, '--compare', b, '--json', '--seed', '9', '--out', out).stdout);
    expect([r.left.digest, r.right.digest]).toEqual([digestOf(a, 9), digestOf(b, 9)]);
    expect(JSON.parse(readFileSync(out, 'utf8')).right.digest).toBe(r.right.digest);
    const own = JSON.parse(sim(a, '--compare', b, '--json', '--own-seeds').stdout);
    expect([own.left.seed, own.right.seed]).toEqual([3, 5]);
    expect([own.left.digest, own.right.digest]).toEqual([digestOf(a), digestOf(b)]);
    expect(own.delta.sameSeed).toBe(false);
  });

  it('CLI-C3 the human form: both digests, the same seed, figures with Δ and better/worse', () => {
    const r = sim(a, '--compare', b);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Compare — same seed 3\n/);
    expect(r.stdout).toMatch(/left +tiny 2 workers \(.*a\.yaml\) — 20s simulated, [\d,]+ events, digest [0-9a-f]{16}/);
    expect(r.stdout).toMatch(/api\.get\s+requests\s+[\d,]+\s+[\d,]+\s+0\s+0%/);
    expect(r.stdout).toMatch(/p99\s+[\d.]+\s+[\d.]+\s+−[\d.]+\s+−[\d.]+%\s+better/);
    expect(r.stdout).toMatch(/Expectations \(right: tiny 4 workers\): 1 of 1 hold/);
  });

  it('CLI-C4 exit 1 when an expectation of either side fails', () => {
    const strict = file('strict.yaml', design(3, 4, '< 1ms'));
    const r = sim(a, '--compare', strict, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).delta.expectations.right).toEqual({ passed: 0, total: 1 });
    expect(sim(strict, '--compare', a).code).toBe(1);
  });

  it('CLI-C5 exit 2 with every positioned error of both files when either is invalid; nothing on stdout', () => {
    const bad = file('bad.yaml', design(3, 2).replace('workers: 2', 'wrokers: 2'));
    const r = sim(a, '--compare', bad, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml:7:5: services\.api\.wrokers: /);
    const bad2 = file('bad2.yaml', design(3, 2).replace('rate: 50/s', 'rate: fast'));
    const both = sim(bad2, '--compare', bad);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/bad2\.yaml:\d+:\d+: workload\[0\]\.rate: [\s\S]*bad\.yaml:7:5: /);
    expect(sim(a, '--compare', join(tmp, 'missing.yaml')).stderr).toMatch(/missing\.yaml: no such file/);
  });

  it('CLI-C6 usage: --compare needs a file; --own-seeds only with --compare, not with --seed', () => {
    for (const args of [[a, '--compare'], [a, '--own-seeds'], [a, '--compare', b, '--own-seeds', '--seed', '2'], [a, '--compare', b, '--traces', 'x.json']]) {
      const r = sim(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/sim: .+\nusage: /);
    }
  });
});
