import { describe, expect, test } from 'vitest';
import { loadScenario, type Scenario } from '../../src/scenario';
import { CALL_DEFAULTS } from '../../src/scenario/calls';
import { minimal, ok, y } from './helpers';

const shop = y`
  version: 1
  name: Shop
  seed: 7
  duration: 2m
  warmup: 10s
  services:
    storefront:
      instances: 2
      workers: 16
      endpoints:
        home: [ { cpu: exp(5ms) }, { call: catalog.list } ]
    catalog:
      queue: unbounded
      endpoints:
        list:
          - cpu: lognormal(3ms, 0.5)
          - fail: 0.5%
  workload:
    - name: browse
      route: storefront.home
      rate: [ { at: 0s, rate: 50/s }, { at: 60s, rate: 200/s } ]
    - route: catalog.list
      users: 20
      think: exp(1s)
  timeline:
    - { at: 30s, kill: catalog, count: 1 }
    - { at: 40s, load: browse, rate: 100/s }
  expect:
    - { route: storefront.home, p99: "< 800ms", during: [10s, 60s] }
    - { service: catalog, utilization: "< 90%" }
`;

/** A call with no options written (DEF-5 checks these values one by one). */
const noOptions = { timeoutMs: null, retry: null, breaker: null, bulkhead: null, fallback: 'fail', network: null } as const;

describe('LOAD-1 the example of the brief normalises completely', () => {
  test('every field, in ms and per second, defaults filled', () => {
    const expected: Scenario = {
      version: 1,
      name: 'Shop',
      description: '',
      seed: 7,
      durationMs: 120_000,
      warmupMs: 10_000,
      // No discovery section: an ideal registry.
      discovery: { mode: 'ideal', refreshMs: 30_000, heartbeatMs: 30_000, expiryMs: 90_000, probe: { periodMs: 10_000, failures: 3 } },
      services: [
        {
          name: 'storefront', label: 'storefront', instances: 2, workers: 16, queue: 100, model: 'threads',
          startupMs: 5000, restartMs: 10_000, balancer: 'round-robin',
          endpoints: [{ name: 'home', steps: [{ kind: 'cpu', dist: { kind: 'exp', mean: 5 } }, { kind: 'call', service: 'catalog', endpoint: 'list', options: noOptions }] }],
        },
        {
          name: 'catalog', label: 'catalog', instances: 1, workers: 8, queue: Infinity, model: 'threads',
          startupMs: 5000, restartMs: 10_000, balancer: 'round-robin',
          endpoints: [{ name: 'list', steps: [{ kind: 'cpu', dist: { kind: 'lognormal', median: 3, sigma: 0.5 } }, { kind: 'fail', probability: 0.005 }] }],
        },
      ],
      workload: [
        {
          kind: 'open', name: 'browse', route: 'storefront.home', service: 'storefront', endpoint: 'home', timeoutMs: null,
          rate: [{ atMs: 0, perSec: 50 }, { atMs: 60_000, perSec: 200 }], arrivals: 'poisson', clients: 1000,
        },
        {
          kind: 'closed', name: 'catalog.list', route: 'catalog.list', service: 'catalog', endpoint: 'list', timeoutMs: null,
          users: 20, think: { kind: 'exp', mean: 1000 },
        },
      ],
      timeline: [
        { atMs: 30_000, forMs: null, action: { kind: 'kill', service: 'catalog', count: 1 } },
        { atMs: 40_000, forMs: null, action: { kind: 'load', workload: 'browse', perSec: 100 } },
      ],
      expect: [
        {
          text: 'storefront.home p99 < 800ms during [10s, 60s]', subject: { kind: 'route', route: 'storefront.home' },
          metric: 'p99', op: '<', value: 800, during: [10_000, 60_000],
        },
        {
          text: 'catalog utilization < 90%', subject: { kind: 'service', service: 'catalog' },
          metric: 'utilization', op: '<', value: 0.9, during: null,
        },
      ],
      layout: {},
      file: 'shop.yaml',
    };
    expect(ok(shop, 'shop.yaml')).toEqual(expected);
  });

  test('the same structure as JSON gives the same Scenario', () => {
    const json = JSON.stringify({
      version: 1, name: 'Shop', seed: 7, duration: '2m', warmup: '10s',
      services: {
        storefront: { instances: 2, workers: 16, endpoints: { home: [{ cpu: 'exp(5ms)' }, { call: 'catalog.list' }] } },
        catalog: { queue: 'unbounded', endpoints: { list: [{ cpu: 'lognormal(3ms, 0.5)' }, { fail: '0.5%' }] } },
      },
      workload: [
        { name: 'browse', route: 'storefront.home', rate: [{ at: '0s', rate: '50/s' }, { at: '60s', rate: '200/s' }] },
        { route: 'catalog.list', users: 20, think: 'exp(1s)' },
      ],
      timeline: [{ at: '30s', kill: 'catalog', count: 1 }, { at: '40s', load: 'browse', rate: '100/s' }],
      expect: [
        { route: 'storefront.home', p99: '< 800ms', during: ['10s', '60s'] },
        { service: 'catalog', utilization: '< 90%' },
      ],
    }, null, 2);
    expect(ok(json, 'shop.json')).toEqual({ ...ok(shop, 'shop.yaml'), file: 'shop.json' });
  });
});

describe('DEF defaults follow scenario-format.md and semantics.md', () => {
  const s = ok(minimal());
  const svc = s.services[0]!;
  test('DEF-1 top level: seed 1, warmup 0, description empty, empty timeline/expect/layout', () => {
    expect([s.seed, s.warmupMs, s.description]).toEqual([1, 0, '']);
    expect([s.timeline, s.expect, s.layout]).toEqual([[], [], {}]);
  });
  test('DEF-2 service: 1 instance, 8 workers, queue 100, threads, startup 5 s, restart 10 s (Kubernetes back-off), round-robin, label = key', () => {
    expect(svc).toEqual({
      name: 'api', label: 'api', instances: 1, workers: 8, queue: 100, model: 'threads', startupMs: 5000, restartMs: 10_000,
      balancer: 'round-robin', endpoints: [{ name: 'get', steps: [{ kind: 'cpu', dist: { kind: 'const', value: 5 } }] }],
    });
  });
  test('DEF-3 open source: Poisson, 1000 clients, no timeout, name = route; a constant rate is one point at 0', () => {
    expect(s.workload[0]).toEqual({
      kind: 'open', name: 'api.get', route: 'api.get', service: 'api', endpoint: 'get', timeoutMs: null,
      rate: [{ atMs: 0, perSec: 10 }], arrivals: 'poisson', clients: 1000,
    });
  });
  test('DEF-5 a call with no options: no timeout (waits forever), no retry, no breaker, no bulkhead, fallback fail', () => {
    const s2 = ok(minimal().replace('get: [ { cpu: 5ms } ]', 'get: [ { call: api.put } ]\n      put: [ { cpu: 1ms } ]'));
    expect(s2.services[0]!.endpoints[0]!.steps).toEqual([{ kind: 'call', service: 'api', endpoint: 'put', options: noOptions }]);
    expect(CALL_DEFAULTS).toEqual(noOptions);
  });
  test('DEF-4 timeline: kill count 1, permanent (for = null)', () => {
    const t = ok(minimal('timeline: [ { at: 10s, kill: api } ]\n')).timeline;
    expect(t).toEqual([{ atMs: 10_000, forMs: null, action: { kind: 'kill', service: 'api', count: 1 } }]);
  });
  test('explicit values override every default', () => {
    const t = ok(y`
      version: 1
      name: Explicit
      description: |
        Teaches *nothing*.
      seed: 0
      duration: 10m
      warmup: 1m
      services:
        api:
          label: The API
          instances: 0
          workers: 1
          queue: 0
          model: threads
          startup: 0s
          restart: 1m
          balancer: round-robin
          endpoints:
            get: { steps: [ { cpu: 1 } ] }
      workload:
        - route: api.get
          rate: 3000/m
          arrivals: uniform
          clients: 5
          timeout: 2s
      timeline:
        - { at: 1m, for: 30s, kill: api, count: all }
    `);
    expect(t.description).toBe('Teaches *nothing*.\n');
    expect([t.seed, t.durationMs, t.warmupMs]).toEqual([0, 600_000, 60_000]);
    expect(t.services[0]).toMatchObject({ label: 'The API', instances: 0, workers: 1, queue: 0, startupMs: 0, restartMs: 60_000 });
    expect(t.services[0]!.endpoints[0]!.steps).toEqual([{ kind: 'cpu', dist: { kind: 'const', value: 1 } }]);
    expect(t.workload[0]).toMatchObject({ rate: [{ atMs: 0, perSec: 50 }], arrivals: 'uniform', clients: 5, timeoutMs: 2000 });
    expect(t.timeline[0]).toEqual({ atMs: 60_000, forMs: 30_000, action: { kind: 'kill', service: 'api', count: 'all' } });
  });
});

describe('NORM normalisation', () => {
  test('NORM-1 a piecewise rate starting after 0 is flat before its first point (made explicit at 0)', () => {
    const s = ok(minimal().replace('rate: 10/s', 'rate: [ { at: 20s, rate: 5/s }, { at: 40s, rate: 1/s } ]'));
    expect(s.workload[0]).toMatchObject({ rate: [{ atMs: 0, perSec: 5 }, { atMs: 20_000, perSec: 5 }, { atMs: 40_000, perSec: 1 }] });
  });

  test('NORM-2 the timeline is sorted by time, stably', () => {
    const s = ok(minimal(y`
      timeline:
        - { at: 50s, kill: api, count: 3 }
        - { at: 10s, kill: api, count: 1 }
        - { at: 50s, kill: api, count: 2 }
        - { at: 10s, load: api.get, rate: 1/s }
    `));
    expect(s.timeline.map((t) => [t.atMs, t.action.kind === 'kill' ? t.action.count : t.action.kind === 'load' ? t.action.perSec : NaN])).toEqual([
      [10_000, 1], [10_000, 1], [50_000, 3], [50_000, 2],
    ]);
    expect(s.timeline[1]!.action.kind).toBe('load');
  });

  test('NORM-3 expectations: several metrics in one item, texts as written, bare value means ==', () => {
    const s = ok(minimal(y`
      expect:
        - { route: api.get, p50: "<=20ms", errorRate: "< 1%", requests: "> 100", throughput: ">= 9/s", mean: 30 }
        - { service: api, maxInstances: "<= 12", minInstances: 1 }
    `));
    expect(s.expect.map((e) => [e.text, e.metric, e.op, e.value])).toEqual([
      ['api.get p50 <= 20ms', 'p50', '<=', 20],
      ['api.get errorRate < 1%', 'errorRate', '<', 0.01],
      ['api.get requests > 100', 'requests', '>', 100],
      ['api.get throughput >= 9/s', 'throughput', '>=', 9],
      ['api.get mean == 30ms', 'mean', '==', 30],
      ['api maxInstances <= 12', 'maxInstances', '<=', 12],
      ['api minInstances == 1', 'minInstances', '==', 1],
    ]);
  });

  test('NORM-4 layout keeps numbers per service', () => {
    const s = ok(minimal('layout: { api: [100, -20.5] }\n'));
    expect(s.layout).toEqual({ api: [100, -20.5] });
  });

  test('NORM-5 comments, anchors and aliases are fine', () => {
    const s = ok(y`
      # a comment
      version: 1
      name: Aliases
      duration: 1m
      services:
        a:
          endpoints:
            x: &work [ { cpu: 2ms }, { fail: 1% } ]   # reused below
        b:
          endpoints:
            y: *work
      workload: [ { route: a.x, rate: 1 }, { route: b.y, rate: 1 } ]
    `);
    expect(s.services[1]!.endpoints[0]!.steps).toEqual(s.services[0]!.endpoints[0]!.steps);
  });

  test('NORM-6 calls may point forward to services defined later; chains are fine, cycles are not', () => {
    const s = ok(y`
      version: 1
      name: Chain
      duration: 1m
      services:
        a: { endpoints: { x: [ { call: b.y } ] } }
        b: { endpoints: { y: [ { call: c.z } ], w: [ { call: c.z } ] } }
        c: { endpoints: { z: [ { cpu: 1ms } ] } }
      workload: [ { route: a.x, rate: 1 } ]
    `);
    expect(s.services.map((x) => x.name)).toEqual(['a', 'b', 'c']);
  });

  test('NORM-7 the result is deeply frozen: mutation throws', () => {
    const s = ok(shop);
    expect(Object.isFrozen(s)).toBe(true);
    expect(() => { (s as { name: string }).name = 'x'; }).toThrow(TypeError);
    expect(() => { (s.services as Scenario['services'][number][]).push(s.services[0]!); }).toThrow(TypeError);
    expect(() => { (s.services[0]!.endpoints[0]!.steps[0] as { kind: string }).kind = 'fail'; }).toThrow(TypeError);
    expect(() => { (s.workload[0]!.kind === 'open' ? s.workload[0]!.rate[0] as { perSec: number } : { perSec: 0 }).perSec = 1; }).toThrow(TypeError);
    expect(() => { (s.expect[0]!.during as unknown as number[])[0] = 1; }).toThrow(TypeError);
    expect(() => { (s.layout as Record<string, unknown>).x = 1; }).toThrow(TypeError);
  });

  test('NORM-8 the error list is frozen too', () => {
    const r = loadScenario('version: 2', 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.isFrozen(r.errors)).toBe(true);
      expect(Object.isFrozen(r.errors[0])).toBe(true);
    }
  });
});
