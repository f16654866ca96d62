import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../src/scenario';
import { errors, minimal, y } from './helpers';

/** A valid head (lines 1–4) so each case below starts at line 5 with `services:`. */
const head = y`
  version: 1
  name: T
  duration: 5m
  warmup: 0s
`;

describe('ERR-1 unknown keys: did you mean, and the valid keys', () => {
  test('a misspelt service key, at the key', () => {
    expect(errors(head + y`
      services:
        api:
          wrokers: 16
          endpoints: { get: [ { cpu: 1ms } ] }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual([
      's.yaml:7:5: services.api.wrokers: unknown key "wrokers"; did you mean "workers"? valid keys: label, instances, workers, queue, model, startup, restart, balancer, network, database, cache, autoscale, endpoints',
    ]);
  });

  test('an unknown top-level key with nothing close lists the valid keys', () => {
    expect(errors(minimal('zebra: 1\n'))).toEqual([
      's.yaml:11:1: zebra: unknown key "zebra"; valid keys: version, name, description, seed, duration, warmup, discovery, network, gateway, services, topics, sagas, workload, timeline, expect, layout',
    ]);
  });

  test('misspelt keys in steps, sources, timeline and expectations', () => {
    expect(errors(head + y`
      services:
        api: { endpoints: { get: [ { cpuu: 1ms } ] } }
      workload:
        - { route: api.get, rat: 1 }
      timeline:
        - { at: 1s, kil: api }
      expect:
        - { route: api.get, p98: "< 1s" }
    `)).toEqual([
      's.yaml:6:32: services.api.endpoints.get[0].cpuu: unknown key "cpuu"; did you mean "cpu"? valid keys: cpu, call, fail, db, cache, miss, parallel, publish, outbox, saga, timeout, retry, breaker, bulkhead, fallback, network',
      's.yaml:8:23: workload[0].rat: unknown key "rat"; did you mean "rate"? valid keys: name, route, rate, arrivals, clients, timeout, retries, users, think',
      's.yaml:10:15: timeline[0].kil: unknown key "kil"; did you mean "kill"? valid keys: at, for, kill, count, instance, load, rate, latency, add, errors, slow, factor, partition, database, down, cacheFlush, broker, deploy, maxSurge, maxUnavailable, set, value',
      's.yaml:12:23: expect[0].p98: unknown key "p98"; did you mean "p95"? valid keys: route, service, saga, topic, during, p50, p95, p99, mean, max, errorRate, requests, throughput, utilization, maxInstances, minInstances, started, completed, compensated, failed, inconsistent, published, consumed, deadLettered, maxBacklog',
    ]);
  });
});

describe('ERR-2 missing required keys point at the parent mapping', () => {
  test('top level: the root mapping (after leading comments)', () => {
    expect(errors(y`
      # Shop
      # no duration
      version: 1
      name: T
      services:
        api: { endpoints: { get: [ { cpu: 1ms } ] } }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual(['s.yaml:3:1: duration: missing required key "duration"; add e.g. duration: 5m']);
  });

  test('nested: a workload item without route, a service without endpoints', () => {
    expect(errors(head + y`
      services:
        api:
          endpoints: { get: [ { cpu: 1ms } ] }
        db:
          instances: 1
      workload:
        - rate: 1/s
    `)).toEqual([
      's.yaml:9:5: services.db.endpoints: missing required key "endpoints"; add e.g. endpoints: { get: [ { cpu: 5ms } ] }',
      's.yaml:11:5: workload[0].route: missing required key "route"; add e.g. route: service.endpoint',
    ]);
  });
});

describe('ERR-3 values: at the value, with what would be valid', () => {
  test('durations, rates, fractions, distributions, counts', () => {
    expect(errors(y`
      version: 1
      name: T
      duration: fast
      services:
        api:
          instances: 1000000
          workers: 0
          startup: -5s
          endpoints:
            get: [ { cpu: expo(5ms) }, { fail: 150% } ]
      workload:
        - { route: api.get, rate: 1e12 }
    `)).toEqual([
      's.yaml:3:11: duration: expected a duration like 250ms, 1.5s, 2m; got "fast"',
      's.yaml:6:16: services.api.instances: 1000000 is above the limit of 1000 instances per service; use 0..1000',
      's.yaml:7:14: services.api.workers: 0 is below the minimum of 1 workers per instance; use 1..10000',
      's.yaml:8:14: services.api.startup: a duration must be ≥ 0; got -5s',
      's.yaml:10:21: services.api.endpoints.get[0].cpu: unknown distribution "expo"; did you mean "exp"? distributions: exp, lognormal, normal, uniform, erlang, pareto, bimodal',
      's.yaml:10:42: services.api.endpoints.get[1].fail: a fraction is between 0 and 1 (0% to 100%); got 150%',
      's.yaml:12:29: workload[0].rate: rate 1000000000000/s is above the limit of 1000000/s per source',
    ]);
  });

  test('run length: > 0, at most 30 days; warmup shorter than the run; seed a whole number', () => {
    expect(errors(minimal().replace('duration: 1m', 'duration: 721h\nseed: -1'))).toEqual([
      's.yaml:3:11: duration: a run of 721h is longer than the limit of 30 days (720h)',
      's.yaml:4:7: seed: -1 is below the minimum of 0; use 0..9007199254740991',
    ]);
    expect(errors(minimal().replace('duration: 1m', 'duration: 0s'))).toEqual(['s.yaml:3:11: duration: duration must be > 0; got "0s"']);
    expect(errors(minimal().replace('duration: 1m', 'duration: 1m\nwarmup: 60s'))).toEqual([
      's.yaml:4:9: warmup: warmup 60s must be shorter than the duration 1m',
    ]);
  });

  test('queue: a whole number or unbounded', () => {
    expect(errors(head + y`
      services:
        api:
          queue: unbound
          endpoints: { get: [ { cpu: 1ms } ] }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual(['s.yaml:7:12: services.api.queue: expected a whole number from 0 to 1000000 or unbounded; got "unbound"; did you mean "unbounded"?']);
  });

  test('wrong shapes and enum values come from the schema', () => {
    expect(errors(head + y`
      services:
        - api
      workload:
        - { route: api.get, rate: 1, arrivals: posson }
    `)).toEqual([
      's.yaml:6:3: services: expected a mapping; got a list',
      's.yaml:8:42: workload[0].arrivals: unknown value "posson"; did you mean "poisson"? valid values: poisson, uniform',
    ]);
  });

  test('version must be 1', () => {
    expect(errors(minimal().replace('version: 1', 'version: 2'))).toEqual(['s.yaml:1:10: version: unsupported version 2; this Microcosm reads version: 1']);
    expect(errors(minimal().replace('version: 1', 'version: "1"'))).toEqual(['s.yaml:1:10: version: expected version: 1; got "1"']);
  });
});

describe('ERR-4 names: calls, routes, targets, with did-you-mean', () => {
  const services = y`
    services:
      payment:
        endpoints:
          charge: [ { cpu: 1ms } ]
          refund: [ { cpu: 1ms } ]
      order:
        endpoints:
          create: [ { call: paymnt.charge }, { call: payment.chrge }, { call: payment.zzzzzz }, { call: nowhere } ]
  `;
  test('calls to unknown services and endpoints', () => {
    expect(errors(head + services + 'workload: [ { route: order.create, rate: 1 } ]\n')).toEqual([
      's.yaml:12:25: services.order.endpoints.create[0].call: call to unknown service "paymnt"; did you mean "payment"?',
      's.yaml:12:50: services.order.endpoints.create[1].call: unknown endpoint "chrge" on service payment; did you mean "charge"? endpoints: charge, refund',
      's.yaml:12:75: services.order.endpoints.create[2].call: unknown endpoint "zzzzzz" on service payment; endpoints: charge, refund',
      's.yaml:12:101: services.order.endpoints.create[3].call: expected service.endpoint, e.g. payment.charge; got "nowhere"',
    ]);
  });

  test('workload routes, kill and load targets, expectations and layout', () => {
    expect(errors(head + y`
      services:
        payment: { endpoints: { charge: [ { cpu: 1ms } ] } }
      workload:
        - { name: pay, route: paymnt.charge, rate: 1 }
        - { name: shoppers, route: payment.charge, users: 5, think: 1s }
        - { route: GET /pay, rate: 1 }
      timeline:
        - { at: 1s, kill: paymet }
        - { at: 2s, load: pya, rate: 5/s }
        - { at: 3s, load: shoppers, rate: 5/s }
      expect:
        - { route: payment.chrge, p99: "< 1s" }
        - { service: paymnt, utilization: "< 50%" }
      layout:
        paymnt: [0, 0]
    `)).toEqual([
      's.yaml:8:25: workload[0].route: route to unknown service "paymnt"; did you mean "payment"?',
      's.yaml:10:14: workload[2].route: route "GET /pay" is a gateway route, but there is no gateway (gateways are not supported yet); use service.endpoint, e.g. payment.charge',
      's.yaml:12:21: timeline[0].kill: unknown service "paymet"; did you mean "payment"?',
      's.yaml:13:21: timeline[1].load: unknown workload "pya"; did you mean "pay"?',
      's.yaml:14:21: timeline[2].load: load sets the rate of an open-loop source (rate); "shoppers" is closed loop (users)',
      's.yaml:16:14: expect[0].route: unknown route "payment.chrge"; did you mean "payment.charge"?',
      's.yaml:17:16: expect[1].service: unknown service "paymnt"; did you mean "payment"?',
      's.yaml:19:3: layout.paymnt: layout of unknown service "paymnt"; did you mean "payment"?',
    ]);
  });

  test('service and endpoint names must be writable as service.endpoint', () => {
    expect(errors(head + y`
      services:
        my.api: { endpoints: { get: [ { cpu: 1ms } ] } }
        ok: { endpoints: { "get x": [ { cpu: 1ms } ] } }
      workload: [ { route: ok.get, rate: 1 } ]
    `)).toEqual([
      's.yaml:6:3: services["my.api"]: service name "my.api" is not valid; use letters, digits, - and _, starting with a letter, at most 64 characters (calls are written service.endpoint)',
      's.yaml:7:22: services.ok.endpoints["get x"]: endpoint name "get x" is not valid; use letters, digits, - and _, starting with a letter, at most 64 characters (calls are written service.endpoint)',
      's.yaml:8:22: workload[0].route: unknown endpoint "get" on service ok; did you mean "get x"? endpoints: get x',
    ]);
  });

  test('a call cycle is reported once, at the call that closes it', () => {
    expect(errors(head + y`
      services:
        a: { endpoints: { x: [ { call: b.y } ] } }
        b: { endpoints: { y: [ { cpu: 1ms }, { call: a.x } ] } }
        c: { endpoints: { z: [ { call: c.z } ] } }
      workload: [ { route: a.x, rate: 1 } ]
    `)).toEqual([
      's.yaml:7:48: services.b.endpoints.y[1].call: call cycle a.x → b.y → a.x; every request would call itself without end; remove one of these calls',
      's.yaml:8:34: services.c.endpoints.z[0].call: call cycle c.z → c.z; every request would call itself without end; remove one of these calls',
    ]);
  });

  test('workload names are unique (the default name is the route)', () => {
    expect(errors(head + y`
      services:
        api: { endpoints: { get: [ { cpu: 1ms } ] } }
      workload:
        - { route: api.get, rate: 1 }
        - { route: api.get, rate: 2 }
        - { name: api.get, route: api.get, rate: 3 }
    `)).toEqual([
      's.yaml:9:14: workload[1].route: workload name "api.get" is already used by workload[0]; give each source a distinct name (the default name is the route)',
      's.yaml:10:13: workload[2].name: workload name "api.get" is already used by workload[0]; give each source a distinct name (the default name is the route)',
    ]);
  });
});

describe('ERR-5 parts of the format not built yet: at their position, never silently accepted', () => {
  test('top-level sections (discovery is built)', () => {
    expect(errors(minimal(y`
      discovery: { mode: client }
      gateway:
        routes: [ { match: GET /x, to: api.get, tiemout: 1s } ]
      topics: { OrderCreated: { kind: log } }
      sagas: { checkout: { orchestrator: api, steps: [ { do: api.get } ] } }
    `))).toEqual([
      's.yaml:12:1: gateway: "gateway" is not supported yet (planned); remove it to run this scenario',
      's.yaml:14:1: topics: "topics" is not supported yet (planned); remove it to run this scenario',
      's.yaml:15:1: sagas: "sagas" is not supported yet (planned); remove it to run this scenario',
    ]);
  });

  test('service keys database, cache, autoscale (model and balancer are built)', () => {
    expect(errors(head + y`
      services:
        api:
          model: async
          balancer: p2c
          database: { engine: postgres, pool: 20, read: lognormal(3ms, 0.5), write: exp(6ms) }
          cache: { engine: redis, ttl: 5m }
          autoscale: { min: 2, max: 20, cpu: 60% }
          endpoints: { get: [ { cpu: 1ms } ] }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual([
      's.yaml:9:5: services.api.database: "database" is not supported yet (planned); remove it to run this scenario',
      's.yaml:10:5: services.api.cache: "cache" is not supported yet (planned); remove it to run this scenario',
      's.yaml:11:5: services.api.autoscale: "autoscale" is not supported yet (planned); remove it to run this scenario',
    ]);
  });

  test('steps db, cache, publish, saga; effect and undoes (parallel and call options are built)', () => {
    expect(errors(head + y`
      services:
        api:
          endpoints:
            get:
              - db: read
              - cache: zipf(100, 1)
                miss: [ { db: read } ]
              - parallel: [ { cpu: 1ms } ]
              - { publish: OrderCreated, outbox: true }
              - saga: checkout
              - { call: api.put, timeout: 300ms, retry: { max: 2 }, breaker: true, bulkhead: 10, fallback: skip }
            put: { steps: [ { cpu: 1ms } ], effect: charged, undoes: refunded }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual([
      's.yaml:9:11: services.api.endpoints.get[0].db: "db" is not supported yet (planned); remove it to run this scenario',
      's.yaml:10:11: services.api.endpoints.get[1].cache: "cache" is not supported yet (planned); remove it to run this scenario',
      's.yaml:13:13: services.api.endpoints.get[3].publish: "publish" is not supported yet (planned); remove it to run this scenario',
      's.yaml:14:11: services.api.endpoints.get[4].saga: "saga" is not supported yet (planned); remove it to run this scenario',
      's.yaml:16:39: services.api.endpoints.put.effect: "effect" is not supported yet (planned); remove it to run this scenario',
      's.yaml:16:56: services.api.endpoints.put.undoes: "undoes" is not supported yet (planned); remove it to run this scenario',
    ]);
  });

  test('workload retries, timeline database/cacheFlush/broker/deploy, set paths other than instances, workers and queue, expectations on sagas and topics', () => {
    expect(errors(minimal(y`
      timeline:
        - { at: 50s, for: 30s, latency: api, add: 400ms }
        - { at: 1s, errors: api, rate: 50% }
        - { at: 1s, slow: api, factor: 3 }
        - { at: 1s, partition: [api, db] }
        - { at: 1s, database: api, down: true }
        - { at: 1s, cacheFlush: api }
        - { at: 1s, broker: down }
        - { at: 1s, deploy: api, errors: 20%, latency: 50ms, maxSurge: 25% }
        - { at: 1s, set: api.autoscale.max, value: 5 }
      expect:
        - { saga: checkout, inconsistent: 0 }
        - { topic: OrderCreated, maxBacklog: "< 1000" }
    `).replace('rate: 10/s', 'rate: 10/s\n    retries: { max: 2, backoff: 200ms }'))).toEqual([
      's.yaml:11:5: workload[0].retries: "retries" is not supported yet (planned); remove it to run this scenario',
      // partition is built: its unknown service is an ordinary error
      's.yaml:16:32: timeline[3].partition[1]: unknown service "db"; services: api',
      's.yaml:17:15: timeline[4].database: "database" is not supported yet (planned); remove it to run this scenario',
      's.yaml:18:15: timeline[5].cacheFlush: "cacheFlush" is not supported yet (planned); remove it to run this scenario',
      's.yaml:19:15: timeline[6].broker: "broker" is not supported yet (planned); remove it to run this scenario',
      's.yaml:20:15: timeline[7].deploy: "deploy" is not supported yet (planned); remove it to run this scenario',
      // set is built for service.instances; the format's other paths are planned
      's.yaml:21:20: timeline[8].set: setting "autoscale.max" is not supported yet (planned); settable now: api.instances, api.workers, api.queue',
      's.yaml:23:7: expect[0].saga: "saga" is not supported yet (planned); remove it to run this scenario',
      's.yaml:24:7: expect[1].topic: "topic" is not supported yet (planned); remove it to run this scenario',
    ]);
  });

  test('gateway-route and saga-step call options stay refused with their sections', () => {
    expect(errors(minimal(y`
      gateway:
        routes: [ { match: GET /x, to: api.get, timeout: 1s, retry: 2, breaker: true } ]
      sagas:
        checkout: { orchestrator: api, steps: [ { do: api.get, timeout: 1s, retry: { max: 1 }, bulkhead: 3 } ] }
    `))).toEqual([
      's.yaml:11:1: gateway: "gateway" is not supported yet (planned); remove it to run this scenario',
      's.yaml:13:1: sagas: "sagas" is not supported yet (planned); remove it to run this scenario',
    ]);
  });

  test('a misspelt unbuilt key gets did-you-mean, not "not supported"', () => {
    expect(errors(head + y`
      services:
        api:
          databse: { pool: 1 }
          endpoints: { get: [ { cpu: 1ms } ] }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual([
      expect.stringMatching(/^s\.yaml:7:5: services\.api\.databse: unknown key "databse"; did you mean "database"\? valid keys: /),
    ]);
  });
});

describe('ERR-6 rules between keys', () => {
  test('sources: rate xor users; think only with users; arrivals/clients only with rate', () => {
    expect(errors(head + y`
      services:
        api: { endpoints: { get: [ { cpu: 1ms } ] } }
      workload:
        - { name: a, route: api.get, rate: 1, users: 5 }
        - { name: b, route: api.get }
        - { name: c, route: api.get, users: 5 }
        - { name: d, route: api.get, rate: 1, think: 1s }
        - { name: e, route: api.get, users: 5, think: 1s, arrivals: uniform }
        - { name: f, route: api.get, rate: [ { at: 10s, rate: 1 }, { at: 5s, rate: 2 } ] }
        - { name: g, route: api.get, rate: 1, timeout: 0s }
    `)).toEqual([
      's.yaml:8:41: workload[0].users: a source is open loop (rate) or closed loop (users), not both; remove one',
      's.yaml:9:5: workload[1]: a source needs rate (open loop, e.g. rate: 100/s) or users (closed loop, e.g. users: 50 with think: exp(1s))',
      's.yaml:10:5: workload[2].think: a closed-loop source (users) needs think, the time between a response and the next request, e.g. think: exp(1s)',
      's.yaml:11:41: workload[3].think: "think" goes with users (closed loop); this source is open loop (rate)',
      's.yaml:12:53: workload[4].arrivals: "arrivals" goes with rate (open loop); this source is closed loop (users)',
      's.yaml:13:68: workload[5].rate[1].at: rate points must be in increasing time order; at 5s is not after the previous point\'s 10s',
      's.yaml:14:50: workload[6].timeout: timeout must be > 0; got "0s"',
    ]);
  });

  test('steps do one thing', () => {
    expect(errors(head + y`
      services:
        api:
          endpoints:
            get:
              - { cpu: 1ms, fail: 1% }
              - { }
              - { cpu: 1ms, timeout: 1s }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual([
      's.yaml:9:23: services.api.endpoints.get[0].fail: a step does one thing; this one has cpu and fail; split it into two steps',
      's.yaml:10:11: services.api.endpoints.get[1]: a step needs one of cpu, call, parallel, fail (planned: db, cache, publish, saga), e.g. - cpu: 5ms',
      's.yaml:11:23: services.api.endpoints.get[2].timeout: "timeout" is a call option; it goes with a call step, e.g. { call: api.get, timeout: … }',
    ]);
  });

  test('timeline: one action, its own parameters, within the run', () => {
    expect(errors(minimal(y`
      timeline:
        - { at: 1s }
        - { at: 1s, kill: api, load: api.get }
        - { at: 1s, load: api.get, count: 2, rate: 1 }
        - { at: 1s, load: api.get }
        - { at: 2m, kill: api, count: lots }
        - { at: 1s, for: 0s, kill: api, count: 0 }
    `))).toEqual([
      's.yaml:12:5: timeline[0]: a timeline item needs one action: kill, load, latency, errors, slow or partition (planned: database, cacheFlush, broker, deploy, set), e.g. { at: 30s, kill: catalog }',
      's.yaml:13:26: timeline[1].load: one action per timeline item; this one has kill and load; split it into two items',
      's.yaml:14:30: timeline[2].count: "count" goes with kill, not load; load takes: rate',
      's.yaml:15:5: timeline[3].rate: load needs the new rate, e.g. rate: 100/s',
      's.yaml:16:11: timeline[4].at: at 2m is after the end of the run (duration 1m); use an earlier time',
      's.yaml:16:33: timeline[4].count: expected a whole number of instances or all; got "lots"',
      's.yaml:17:20: timeline[5].for: "for" must be > 0; got "0s"',
      's.yaml:17:42: timeline[5].count: 0 is below the minimum of 1 instances; use 1..1000',
    ]);
  });

  test('expectations: a subject, metrics of that subject, a window inside the run', () => {
    expect(errors(minimal(y`
      expect:
        - { p99: "< 1s" }
        - { route: api.get, service: api, p99: "< 1s" }
        - { route: api.get }
        - { route: api.get, utilization: "< 50%" }
        - { service: api, utilization: "< 50%", during: [0s, 10s] }
        - { route: api.get, p99: "< 1s", during: [30s, 10s] }
        - { route: api.get, p99: "< 1s", during: [30s, 2m] }
        - { route: api.get, p99: "= 1s", errorRate: "< 1s", requests: "> many" }
    `))).toEqual([
      's.yaml:12:5: expect[0]: an expectation needs a subject: route or service (planned: saga, topic), e.g. { route: api.get, p99: "< 800ms" }',
      's.yaml:13:23: expect[1].service: one subject per expectation; this one has route and service; split it',
      's.yaml:14:5: expect[2]: no metric to check; route metrics: p50, p95, p99, mean, max, errorRate, requests, throughput',
      's.yaml:15:23: expect[3].utilization: "utilization" is a service metric; route metrics: p50, p95, p99, mean, max, errorRate, requests, throughput',
      's.yaml:16:43: expect[4].during: "during" applies to route expectations only; remove it',
      's.yaml:17:44: expect[5].during: the window [30s, 10s] is empty; from must be before to',
      's.yaml:18:50: expect[6].during[1]: the window ends at 2m, after the end of the run (duration 1m)',
      's.yaml:19:28: expect[7].p99: unknown comparison "="; did you mean "=="? comparisons: <=, >=, ==, <, >',
      's.yaml:19:47: expect[7].errorRate: expected a fraction like 60% or 0.6; got "1s"',
      's.yaml:19:65: expect[7].requests: expected a number like 100; got "many"',
    ]);
  });

  test('layout positions are two numbers', () => {
    expect(errors(minimal('layout: { api: [1, "x"] }\n'))).toEqual([
      's.yaml:11:16: layout.api: expected a position [x, y] of two numbers (each within ±1000000); got [1, "x"]',
    ]);
  });
});

describe('ERR-7 YAML itself', () => {
  test('malformed YAML: the parser\'s position and message', () => {
    expect(errors('version: 1\nname: "unterminated\nduration: 1m\n')).toEqual([
      expect.stringMatching(/^s\.yaml:\d+:\d+: YAML: Missing closing "quote/),
    ]);
    expect(errors('a: [1, 2\nb: 3\n')).toEqual([
      's.yaml:2:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('duplicate keys are errors, with the first occurrence', () => {
    expect(errors(head + y`
      services:
        api:
          workers: 2
          endpoints: { get: [ { cpu: 1ms } ] }
          workers: 3
      workload: [ { route: api.get, rate: 1 } ]
      duration: 1m
    `)).toEqual([
      's.yaml:9:5: services.api.workers: duplicate key "workers" (first at line 7); each key may appear once, remove or rename one',
      's.yaml:11:1: duration: duplicate key "duration" (first at line 3); each key may appear once, remove or rename one',
    ]);
  });

  test('tabs, tags, several documents, complex keys, unknown aliases', () => {
    expect(errors('version: 1\n\tname: x\n')[0]).toMatch(/^s\.yaml:2:1: /);
    expect(errors('version: !!binary 1\n')).toEqual([
      's.yaml:1:10: Unresolved tag: !!binary; scenario files use no YAML tags (remove the "!…")',
    ]);
    expect(errors('version: 1\n---\nversion: 1\n')).toEqual([
      's.yaml:2:1: a scenario file holds one YAML document; remove the second "---" and what follows, or split the file',
    ]);
    expect(errors('? [a, b]\n: 1\n')).toEqual(['s.yaml:1:3: a key must be a plain name, not a list, mapping or alias; write name: value']);
    expect(errors('a: *nope\n')).toEqual([
      's.yaml:1:4: a: unknown alias "*nope"; an alias must refer to an anchor (&nope) defined earlier in the file (and not inside itself)',
    ]);
  });

  test('empty files and non-mappings', () => {
    expect(errors('')).toEqual(['s.yaml:1:1: the file is empty; a scenario needs at least version, name, duration, services and workload']);
    expect(errors('# only a comment\n')).toEqual(['s.yaml:1:1: the file is empty; a scenario needs at least version, name, duration, services and workload']);
    expect(errors('\n\n- 1\n')).toEqual(['s.yaml:3:1: expected a mapping of top-level keys (version, name, duration, services, workload, …); got a list']);
    expect(errors('hello')).toEqual(['s.yaml:1:1: expected a mapping of top-level keys (version, name, duration, services, workload, …); got "hello"']);
  });
});

describe('ERR-8 all errors are collected and sorted by position', () => {
  test('errors from the schema and from the value checks interleave by line and column', () => {
    const r = loadScenario(y`
      version: 1
      name: T
      duration: 1m
      services:
        api:
          workers: many
          endpionts: { get: [ { cpu: 1ms } ] }
      workload:
        - { route: api.get, rate: fast }
      expect:
        - { route: api.gte, p99: "< 1s" }
    `, 'multi.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.path])).toEqual([
      [6, 5, 'services.api.endpoints'], // the parent mapping starts at its first key
      [6, 14, 'services.api.workers'],
      [7, 5, 'services.api.endpionts'],
      [9, 29, 'workload[0].rate'],
      [11, 14, 'expect[0].route'],
    ]);
    expect(r.errors.every((e) => e.file === 'multi.yaml')).toBe(true);
  });
});

describe('ERR-9 JSON input has positions too', () => {
  test('line and column inside JSON', () => {
    const json = [
      '{',
      '  "version": 1,',
      '  "name": "J",',
      '  "duration": "1m",',
      '  "services": { "api": { "wrokers": 2, "endpoints": { "get": [ { "cpu": "5 parsecs" } ] } } },',
      '  "workload": [ { "route": "api.get", "rate": 5 } ]',
      '}',
    ].join('\n');
    expect(errors(json, 's.json')).toEqual([
      's.json:5:26: services.api.wrokers: unknown key "wrokers"; did you mean "workers"? valid keys: label, instances, workers, queue, model, startup, restart, balancer, network, database, cache, autoscale, endpoints',
      's.json:5:73: services.api.endpoints.get[0].cpu: unknown duration unit "parsecs" in "5 parsecs"; units: ms, s, m, h (e.g. 5s)',
    ]);
  });

  test('a duplicate key in JSON is an error too', () => {
    expect(errors('{"version": 1, "version": 1}', 's.json')[0]).toBe(
      's.json:1:16: version: duplicate key "version" (first at line 1); each key may appear once, remove or rename one');
  });
});

describe('ERR-10 a function value cut at a comma inside { … } gets a hint to quote it', () => {
  test('flow style: both halves are explained', () => {
    expect(errors(head + y`
      services:
        api: { endpoints: { get: [ { cpu: lognormal(3ms, 0.5) } ] } }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual([
      's.yaml:6:37: services.api.endpoints.get[0].cpu: unclosed "(" in "lognormal(3ms": inside { … } or [ … ] YAML cuts a plain value at each comma; quote the whole value, e.g. "lognormal(3ms, 0.5)"',
      's.yaml:6:52: services.api.endpoints.get[0]["0.5)"]: unknown key "0.5)": the end of a value like lognormal(3ms, 0.5) that YAML cut at a comma inside { … }; quote that value, e.g. "lognormal(3ms, 0.5)"',
    ]);
  });

  test('quoted, or in block style, it is fine', () => {
    const quoted = head + y`
      services:
        api: { endpoints: { get: [ { cpu: "lognormal(3ms, 0.5)" } ] } }
      workload: [ { route: api.get, rate: 1 } ]
    `;
    expect(loadScenario(quoted, 'q.yaml').ok).toBe(true);
  });
});

describe('ERR-11 one message per problem', () => {
  test('a non-string enum value gets the enum message only', () => {
    expect(errors(minimal().replace('rate: 10/s', 'rate: 10/s\n    arrivals: 5'))).toEqual([
      's.yaml:11:15: workload[0].arrivals: unknown value 5; valid values: poisson, uniform',
    ]);
  });

  test('an error inside an aliased node points at the anchor\'s text, under each path that uses it', () => {
    expect(errors(head + y`
      services:
        a: { endpoints: { x: &steps [ { cpu: 5 parsecs } ] } }
        b: { endpoints: { y: *steps } }
      workload: [ { route: a.x, rate: 1 } ]
    `)).toEqual([
      's.yaml:6:40: services.a.endpoints.x[0].cpu: unknown duration unit "parsecs" in "5 parsecs"; units: ms, s, m, h (e.g. 5s)',
      's.yaml:6:40: services.b.endpoints.y[0].cpu: unknown duration unit "parsecs" in "5 parsecs"; units: ms, s, m, h (e.g. 5s)',
    ]);
  });
});
