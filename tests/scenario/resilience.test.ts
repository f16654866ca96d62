/**
 * Call options (timeout, retry, breaker, bulkhead, fallback), parallel steps,
 * service model and balancer, and the timeline faults latency / errors / slow /
 * partition: their defaults (rule ids BRK-0, RTY-0, BLK-0 cite the source of
 * each number in semantics.md) and their errors, each at its line and column.
 */
import { describe, expect, test } from 'vitest';
import type { Step } from '../../src/scenario';
import { errors, minimal, ok, y } from './helpers';

/** A valid head (lines 1–4) so each case below starts at line 5 with `services:`. */
const head = y`
  version: 1
  name: T
  duration: 5m
  warmup: 0s
`;

/** api.get = the given steps (a YAML list, indented under `get:`), next to db.q; the steps start at line 9. */
function withSteps(steps: string): string {
  const body = steps.replace(/\n$/, '').split('\n').map((l) => `        ${l}`).join('\n');
  return `${head}services:\n  api:\n    endpoints:\n      get:\n${body}\n  db:\n    endpoints:\n      q: [ { cpu: 1ms } ]\nworkload: [ { route: api.get, rate: 1 } ]\n`;
}

/** The first step of api.get. */
function firstStep(steps: string): Step {
  return ok(withSteps(steps)).services[0]!.endpoints[0]!.steps[0]!;
}

function callOptions(steps: string) {
  const s = firstStep(steps);
  if (s.kind !== 'call') throw new Error(`expected a call step, got ${s.kind}`);
  return s.options;
}

describe('BRK-0 breaker: true = Resilience4j CircuitBreakerConfig defaults (semantics.md)', () => {
  test('BRK-0 defaults: COUNT_BASED window of 100 calls, minimumNumberOfCalls 100, failureRateThreshold 50 %, slowCallDurationThreshold 60 s, slowCallRateThreshold 100 %, waitDurationInOpenState 60 s, permittedNumberOfCallsInHalfOpenState 10', () => {
    expect(callOptions('- { call: db.q, breaker: true }').breaker).toEqual({
      windowType: 'count', windowSize: 100, minCalls: 100, failureRate: 0.5, slowCallMs: 60_000, slowRate: 1, openMs: 60_000, halfOpenCalls: 10,
    });
  });

  test('BRK-0 each knob an object leaves out defaults as for true; {} = true; false = no breaker', () => {
    expect(callOptions('- { call: db.q, breaker: {} }').breaker).toEqual(callOptions('- { call: db.q, breaker: true }').breaker);
    expect(callOptions('- { call: db.q, breaker: { failureRate: 20%, open: 5s } }').breaker).toEqual({
      windowType: 'count', windowSize: 100, minCalls: 100, failureRate: 0.2, slowCallMs: 60_000, slowRate: 1, openMs: 5000, halfOpenCalls: 10,
    });
    expect(callOptions('- { call: db.q, breaker: false }').breaker).toBeNull();
  });

  test('BRK-0 every knob written: window as a duration is time-based, in ms', () => {
    expect(callOptions(y`
      - call: db.q
        breaker: { window: 10s, minCalls: 5, failureRate: 0.25, slowCall: 800ms, slowRate: 60%, open: 30s, halfOpenCalls: 3 }
    `).breaker).toEqual({
      windowType: 'time', windowSize: 10_000, minCalls: 5, failureRate: 0.25, slowCallMs: 800, slowRate: 0.6, openMs: 30_000, halfOpenCalls: 3,
    });
  });

  test('BRK-0 a count window caps minCalls as Resilience4j does (min(minimumNumberOfCalls, slidingWindowSize)); a time window does not', () => {
    expect(callOptions('- { call: db.q, breaker: { window: 20 } }').breaker).toMatchObject({ windowType: 'count', windowSize: 20, minCalls: 20 });
    expect(callOptions('- { call: db.q, breaker: { window: 20, minCalls: 50 } }').breaker).toMatchObject({ minCalls: 20 });
    expect(callOptions('- { call: db.q, breaker: { window: 20, minCalls: 5 } }').breaker).toMatchObject({ minCalls: 5 });
    expect(callOptions('- { call: db.q, breaker: { window: 5s } }').breaker).toMatchObject({ windowType: 'time', windowSize: 5000, minCalls: 100 });
  });
});

describe('RTY-0 retry: short form and defaults (Resilience4j Retry; semantics.md cap)', () => {
  test('RTY-0 retry: 2 = { max: 2 } with backoff 500 ms (waitDuration), multiplier 1 (fixed wait), cap 10 s, jitter none', () => {
    const expected = { max: 2, backoffMs: 500, multiplier: 1, capMs: 10_000, jitter: 'none' };
    expect(callOptions('- { call: db.q, retry: 2 }').retry).toEqual(expected);
    expect(callOptions('- { call: db.q, retry: { max: 2 } }').retry).toEqual(expected);
  });

  test('RTY-0 retry: 0 is a policy of no retries; every knob written is kept', () => {
    expect(callOptions('- { call: db.q, retry: 0 }').retry).toMatchObject({ max: 0 });
    expect(callOptions('- { call: db.q, retry: { max: 3, backoff: 50ms, multiplier: 2, cap: 2s, jitter: decorrelated } }').retry).toEqual({
      max: 3, backoffMs: 50, multiplier: 2, capMs: 2000, jitter: 'decorrelated',
    });
    for (const jitter of ['none', 'full', 'equal', 'decorrelated']) {
      expect(callOptions(`- { call: db.q, retry: { max: 1, jitter: ${jitter} } }`).retry?.jitter).toBe(jitter);
    }
  });
});

describe('BLK-0 bulkhead: true = 25 (Resilience4j SemaphoreBulkhead maxConcurrentCalls)', () => {
  test('BLK-0 true = 25, a number as written, false = none', () => {
    expect(callOptions('- { call: db.q, bulkhead: true }').bulkhead).toBe(25);
    expect(callOptions('- { call: db.q, bulkhead: 4 }').bulkhead).toBe(4);
    expect(callOptions('- { call: db.q, bulkhead: false }').bulkhead).toBeNull();
  });
});

describe('CALL-1 the options of a call step normalise completely', () => {
  test('the example of scenario-format.md', () => {
    expect(firstStep(y`
      - call: db.q
        timeout: 300ms
        retry: { max: 2, backoff: 50ms, multiplier: 2, jitter: full }
        breaker: true
        bulkhead: 10
        fallback: skip
    `)).toEqual({
      kind: 'call', service: 'db', endpoint: 'q',
      options: {
        timeoutMs: 300,
        retry: { max: 2, backoffMs: 50, multiplier: 2, capMs: 10_000, jitter: 'full' },
        breaker: { windowType: 'count', windowSize: 100, minCalls: 100, failureRate: 0.5, slowCallMs: 60_000, slowRate: 1, openMs: 60_000, halfOpenCalls: 10 },
        bulkhead: 10,
        fallback: 'skip',
        network: null,
      },
    });
  });

  test('options are per call: a second call to the same target has its own', () => {
    const steps = ok(withSteps('- { call: db.q, timeout: 1s }\n- { call: db.q }')).services[0]!.endpoints[0]!.steps;
    expect(steps.map((s) => (s.kind === 'call' ? s.options.timeoutMs : undefined))).toEqual([1000, null]);
  });
});

describe('PAR-1 parallel steps', () => {
  test('sub-steps of any kind, nested parallel, calls with options', () => {
    expect(firstStep(y`
      - parallel:
          - { call: db.q, fallback: skip }
          - cpu: 2ms
          - parallel: [ { fail: 1% }, { call: db.q } ]
    `)).toEqual({
      kind: 'parallel',
      steps: [
        { kind: 'call', service: 'db', endpoint: 'q', options: { timeoutMs: null, retry: null, breaker: null, bulkhead: null, fallback: 'skip', network: null } },
        { kind: 'cpu', dist: { kind: 'const', value: 2 } },
        {
          kind: 'parallel', steps: [
            { kind: 'fail', probability: 0.01 },
            { kind: 'call', service: 'db', endpoint: 'q', options: { timeoutMs: null, retry: null, breaker: null, bulkhead: null, fallback: 'fail', network: null } },
          ],
        },
      ],
    });
  });

  test('one sub-step is enough', () => {
    expect(firstStep('- parallel: [ { cpu: 1ms } ]')).toEqual({ kind: 'parallel', steps: [{ kind: 'cpu', dist: { kind: 'const', value: 1 } }] });
  });

  test('a call cycle through a nested parallel is still refused, at the call that closes it', () => {
    expect(errors(head + y`
      services:
        a:
          endpoints:
            x:
              - parallel:
                  - cpu: 1ms
                  - parallel: [ { call: b.y } ]
        b:
          endpoints:
            y: [ { parallel: [ { call: a.x } ] } ]
      workload: [ { route: a.x, rate: 1 } ]
    `)).toEqual([
      's.yaml:14:34: services.b.endpoints.y[0].parallel[0].call: call cycle a.x → b.y → a.x; every request would call itself without end; remove one of these calls',
    ]);
  });
});

describe('SVC-1 service model and balancer', () => {
  test('model threads | async; balancer round-robin | random | least-connections | p2c', () => {
    const s = ok(head + y`
      services:
        a: { model: async, balancer: random, endpoints: { x: [ { cpu: 1ms } ] } }
        b: { model: threads, balancer: least-connections, endpoints: { x: [ { cpu: 1ms } ] } }
        c: { balancer: p2c, endpoints: { x: [ { cpu: 1ms } ] } }
        d: { balancer: round-robin, endpoints: { x: [ { cpu: 1ms } ] } }
      workload: [ { route: a.x, rate: 1 } ]
    `);
    expect(s.services.map((x) => [x.model, x.balancer])).toEqual([
      ['async', 'random'], ['threads', 'least-connections'], ['threads', 'p2c'], ['threads', 'round-robin'],
    ]);
  });

  test('an unknown model or balancer: the valid values, with did-you-mean', () => {
    expect(errors(head + y`
      services:
        api: { model: asink, balancer: least-conn, endpoints: { get: [ { cpu: 1ms } ] } }
      workload: [ { route: api.get, rate: 1 } ]
    `)).toEqual([
      's.yaml:6:17: services.api.model: unknown value "asink"; did you mean "async"? valid values: threads, async',
      's.yaml:6:34: services.api.balancer: unknown value "least-conn"; did you mean "least-connections"? valid values: round-robin, random, least-connections, p2c',
    ]);
  });
});

describe('TL-1 timeline faults latency, errors, slow, partition', () => {
  test('each normalised, with at, for and the time order kept', () => {
    const s = ok(minimal(y`
      timeline:
        - { at: 55s, for: 30s, latency: api, add: 400ms }
        - { at: 20s, latency: api, add: "lognormal(50ms, 0.5)" }
        - { at: 40s, for: 30s, errors: api, rate: 50% }
        - { at: 50s, for: 20s, slow: api, factor: 3 }
        - { at: 50s, for: 20s, partition: [db, api] }
    `).replace('workload:', '  db: { endpoints: { q: [ { cpu: 1ms } ] } }\nworkload:'));
    expect(s.timeline).toEqual([
      { atMs: 20_000, forMs: null, action: { kind: 'latency', service: 'api', add: { kind: 'lognormal', median: 50, sigma: 0.5 } } },
      { atMs: 40_000, forMs: 30_000, action: { kind: 'errors', service: 'api', rate: 0.5 } },
      { atMs: 50_000, forMs: 20_000, action: { kind: 'slow', service: 'api', factor: 3 } },
      { atMs: 50_000, forMs: 20_000, action: { kind: 'partition', between: ['db', 'api'] } },
      { atMs: 55_000, forMs: 30_000, action: { kind: 'latency', service: 'api', add: { kind: 'const', value: 400 } } },
    ]);
  });

  test('slow factor 1 (no change) and below 1 (faster) are allowed; errors rate 0 and 100% too', () => {
    const s = ok(minimal(y`
      timeline:
        - { at: 1s, slow: api, factor: 1 }
        - { at: 2s, slow: api, factor: 0.5 }
        - { at: 3s, errors: api, rate: 0 }
        - { at: 4s, errors: api, rate: 100% }
    `));
    expect(s.timeline.map((t) => t.action)).toEqual([
      { kind: 'slow', service: 'api', factor: 1 },
      { kind: 'slow', service: 'api', factor: 0.5 },
      { kind: 'errors', service: 'api', rate: 0 },
      { kind: 'errors', service: 'api', rate: 1 },
    ]);
  });
});

describe('ERR-12 call options: each error at its value, with what is valid', () => {
  test('breaker window 0, negative backoff, retries over the limit (also in the short form, inside parallel)', () => {
    expect(errors(withSteps(y`
      - call: db.q
        retry: { max: 2, backoff: -50ms }
        breaker: { window: 0 }
      - parallel:
          - { call: db.q, retry: 11 }
    `))).toEqual([
      's.yaml:10:37: services.api.endpoints.get[0].retry.backoff: a duration must be ≥ 0; got -50ms',
      's.yaml:11:30: services.api.endpoints.get[0].breaker.window: a window of 0 calls records nothing; use a number of calls (window: 20, the last 20 calls) or a duration (window: 10s, the calls of the last 10 seconds)',
      's.yaml:13:36: services.api.endpoints.get[1].parallel[0].retry: 11 is above the limit of 10 retries; use 0..10',
    ]);
  });

  test('breaker: minCalls and halfOpenCalls ≥ 1, rates in (0, 1], durations > 0, a time window > 0, a bare "100" is ambiguous', () => {
    expect(errors(withSteps(y`
      - { call: db.q, breaker: { minCalls: 0, halfOpenCalls: 0 } }
      - { call: db.q, breaker: { failureRate: 0, slowRate: 150% } }
      - { call: db.q, breaker: { slowCall: 0s, open: 0 } }
      - { call: db.q, breaker: { window: 0s } }
      - { call: db.q, breaker: { window: "100" } }
      - { call: db.q, breaker: { window: 2.5 } }
    `))).toEqual([
      's.yaml:9:46: services.api.endpoints.get[0].breaker.minCalls: 0 is below the minimum of 1 calls; use 1..1000000',
      's.yaml:9:64: services.api.endpoints.get[0].breaker.halfOpenCalls: 0 is below the minimum of 1 calls; use 1..1000000',
      's.yaml:10:49: services.api.endpoints.get[1].breaker.failureRate: failureRate must be above 0 and at most 100% (at 0 the breaker would open on every window); e.g. failureRate: 50%',
      's.yaml:10:62: services.api.endpoints.get[1].breaker.slowRate: a fraction is between 0 and 1 (0% to 100%); got 150%',
      's.yaml:11:46: services.api.endpoints.get[2].breaker.slowCall: slowCall must be > 0; got "0s"',
      's.yaml:11:56: services.api.endpoints.get[2].breaker.open: open must be > 0; got 0',
      's.yaml:12:44: services.api.endpoints.get[3].breaker.window: a time window of 0s records nothing; use a number of calls (window: 20, the last 20 calls) or a duration (window: 10s, the calls of the last 10 seconds)',
      's.yaml:13:44: services.api.endpoints.get[4].breaker.window: window "100" is ambiguous; write 100 (unquoted) for the last 100 calls, or a duration with a unit like 100s',
      's.yaml:14:44: services.api.endpoints.get[5].breaker.window: a count window is a whole number of calls; got 2.5; use a number of calls (window: 20, the last 20 calls) or a duration (window: 10s, the calls of the last 10 seconds)',
    ]);
  });

  test('retry: max required in the object form, within 0..10; multiplier ≥ 1; cap not below the first back-off', () => {
    expect(errors(withSteps(y`
      - { call: db.q, retry: { backoff: 1s } }
      - { call: db.q, retry: -1 }
      - { call: db.q, retry: { max: 1, multiplier: 0.5 } }
      - { call: db.q, retry: { max: 1, cap: 100ms } }
      - { call: db.q, retry: { max: 1, backoff: 20s } }
      - { call: db.q, retry: { max: 1, jiter: full } }
    `))).toEqual([
      's.yaml:9:32: services.api.endpoints.get[0].retry.max: missing required key "max"; add e.g. max: 2',
      's.yaml:10:32: services.api.endpoints.get[1].retry: -1 is below the minimum of 0 retries; use 0..10',
      's.yaml:11:54: services.api.endpoints.get[2].retry.multiplier: multiplier must be from 1 (a fixed wait) to 100; got 0.5; e.g. multiplier: 2 doubles each back-off',
      's.yaml:12:47: services.api.endpoints.get[3].retry.cap: cap 100ms is below the first back-off 500ms (the default); raise cap or lower backoff',
      's.yaml:13:51: services.api.endpoints.get[4].retry.backoff: backoff 20s is above the cap 10s (the default); lower it or set cap, e.g. cap: 20s',
      's.yaml:14:42: services.api.endpoints.get[5].retry.jiter: unknown key "jiter"; did you mean "jitter"? valid keys: max, backoff, multiplier, cap, jitter',
    ]);
  });

  test('timeout > 0, bulkhead ≥ 1 or true, fallback fail | skip, shapes; a call option on another step', () => {
    expect(errors(withSteps(y`
      - { call: db.q, timeout: 0s, bulkhead: 0, fallback: skp }
      - { call: db.q, breaker: yes, retry: 2.5, bulkhead: lots }
      - { cpu: 1ms, retry: 2 }
    `))).toEqual([
      's.yaml:9:34: services.api.endpoints.get[0].timeout: timeout must be > 0; got "0s"',
      's.yaml:9:48: services.api.endpoints.get[0].bulkhead: 0 is below the minimum of 1 concurrent calls; use 1..1000000',
      's.yaml:9:61: services.api.endpoints.get[0].fallback: unknown value "skp"; did you mean "skip"? valid values: fail, skip',
      's.yaml:10:34: services.api.endpoints.get[1].breaker: expected true or false or a mapping; got "yes"',
      's.yaml:10:46: services.api.endpoints.get[1].retry: expected a whole number or a mapping; got 2.5',
      's.yaml:10:61: services.api.endpoints.get[1].bulkhead: expected a whole number of concurrent calls (at least 1) or true (25, Resilience4j\'s default); got "lots"',
      's.yaml:11:23: services.api.endpoints.get[2].retry: "retry" is a call option; it goes with a call step, e.g. { call: api.get, retry: … }',
    ]);
  });

  test('option errors are reported together with an unknown call target', () => {
    expect(errors(withSteps('- { call: db.qq, timeout: -1s }'))).toEqual([
      's.yaml:9:19: services.api.endpoints.get[0].call: unknown endpoint "qq" on service db; did you mean "q"? endpoints: q',
      's.yaml:9:35: services.api.endpoints.get[0].timeout: a duration must be ≥ 0; got -1s',
    ]);
  });
});

describe('ERR-13 parallel needs sub-steps', () => {
  test('an empty parallel, at the list', () => {
    expect(errors(withSteps('- parallel: []'))).toEqual([
      's.yaml:9:21: services.api.endpoints.get[0].parallel: a parallel step needs at least one sub-step, e.g. parallel: [ { call: a.x }, { call: b.y } ]',
    ]);
  });

  test('a bad sub-step is reported at its own path', () => {
    expect(errors(withSteps('- parallel: [ { cpu: 1ms }, { cpu: fast } ]'))).toEqual([
      expect.stringMatching(/^s\.yaml:9:44: services\.api\.endpoints\.get\[0\]\.parallel\[1\]\.cpu: /),
    ]);
  });
});

describe('ERR-14 timeline faults: services resolved, parameters required, values in range', () => {
  test('partition naming one service; unknown service in latency', () => {
    expect(errors(minimal(y`
      timeline:
        - { at: 10s, partition: [api] }
        - { at: 10s, for: 5s, latency: apu, add: 400ms }
    `))).toEqual([
      's.yaml:12:27: timeline[0].partition: a partition needs two services, e.g. partition: [order, inventory]; got only "api"',
      's.yaml:13:34: timeline[1].latency: unknown service "apu"; did you mean "api"?',
    ]);
  });

  test('partition: two distinct known services, a list of two', () => {
    expect(errors(minimal(y`
      timeline:
        - { at: 1s, partition: api }
        - { at: 1s, partition: [api, api] }
        - { at: 1s, partition: [api, apx, api] }
        - { at: 1s, partition: [api, aip] }
        - { at: 1s, partition: [api, api], add: 1s }
    `))).toEqual([
      's.yaml:12:26: timeline[0].partition: a partition needs two services, e.g. partition: [order, inventory]; got only "api"',
      's.yaml:13:32: timeline[1].partition[1]: a partition is between two different services; "api" is named twice',
      's.yaml:14:26: timeline[2].partition: a partition needs two services, e.g. partition: [order, inventory]; got 3 services (write one timeline item per pair)',
      's.yaml:15:32: timeline[3].partition[1]: unknown service "aip"; did you mean "api"?',
      's.yaml:16:32: timeline[4].partition[1]: a partition is between two different services; "api" is named twice',
      's.yaml:16:38: timeline[4].add: "add" goes with latency, not partition; partition takes nothing but at and for',
    ]);
  });

  test('latency needs add, errors needs rate (a fraction), slow needs factor (> 0); unknown services', () => {
    expect(errors(minimal(y`
      timeline:
        - { at: 1s, latency: api }
        - { at: 1s, errors: api }
        - { at: 1s, slow: api }
        - { at: 1s, latency: api, add: exp(0ms) }
        - { at: 1s, errors: api, rate: 10/s }
        - { at: 1s, slow: api, factor: 0 }
        - { at: 1s, errors: nope, rate: 1% }
        - { at: 1s, slow: api, factor: 3, rate: 1% }
    `))).toEqual([
      's.yaml:12:5: timeline[0].add: latency needs add, the extra delay per request, e.g. add: 400ms',
      's.yaml:13:5: timeline[1].rate: errors needs rate, the fraction of requests that fail, e.g. rate: 50%',
      's.yaml:14:5: timeline[2].factor: slow needs factor, how many times longer CPU steps take, e.g. factor: 3',
      's.yaml:15:34: timeline[3].add: exp: mean must be > 0, e.g. exp(5ms)',
      's.yaml:16:34: timeline[4].rate: expected a fraction like 60% or 0.6; got "10/s"',
      's.yaml:17:34: timeline[5].factor: factor must be above 0 and at most 1000 (1 = no change, 3 = three times slower); got 0',
      's.yaml:18:23: timeline[6].errors: unknown service "nope"; services: api',
      's.yaml:19:37: timeline[7].rate: "rate" goes with load or errors, not slow; slow takes: factor',
    ]);
  });
});

describe('ERR-15 what is built is no longer "not supported"; what is not built still is', () => {
  const built = y`
    version: 1
    name: Built
    duration: 5m
    services:
      order:
        model: async
        balancer: least-connections
        endpoints:
          checkout:
            - call: inventory.reserve
              timeout: 300ms
              retry: { max: 2, backoff: 50ms, multiplier: 2, cap: 1s, jitter: full }
              breaker: { window: 100, minCalls: 10, failureRate: 50%, slowCall: 1s, slowRate: 100%, open: 60s, halfOpenCalls: 10 }
              bulkhead: 10
              fallback: skip
            - { call: inventory.reserve, retry: 2, breaker: true, bulkhead: true }
            - parallel: [ { cpu: 1ms }, { call: inventory.reserve } ]
      inventory:
        balancer: p2c
        endpoints:
          reserve: [ { cpu: 1ms } ]
    workload: [ { route: order.checkout, rate: 5/s } ]
    timeline:
      - { at: 90s, for: 30s, latency: inventory, add: 400ms }
      - { at: 120s, for: 30s, errors: inventory, rate: 50% }
      - { at: 150s, for: 20s, slow: order, factor: 3 }
      - { at: 150s, for: 20s, partition: [order, inventory] }
  `;

  test('call options, parallel, model, balancers and the four timeline faults load', () => {
    const s = ok(built);
    expect(s.services.map((x) => [x.name, x.model, x.balancer])).toEqual([['order', 'async', 'least-connections'], ['inventory', 'threads', 'p2c']]);
    expect(s.timeline.map((t) => t.action.kind)).toEqual(['latency', 'errors', 'slow', 'partition']);
  });

  test('with unbuilt parts added, only those say "not supported yet"', () => {
    const text = built
      .replace('duration: 5m\n', 'duration: 5m\ndiscovery: { mode: client }\ngateway: { routes: [ { match: GET /x, to: order.checkout, retry: 2 } ] }\n')
      .replace('reserve: [ { cpu: 1ms } ]', 'reserve: [ { cpu: 1ms }, { db: write }, { saga: checkout } ]')
      .replace('  - { at: 90s,', '  - { at: 10s, deploy: order, errors: 20% }\n  - { at: 20s, set: order.autoscale.max, value: 4 }\n  - { at: 90s,');
    const lines = errors(text);
    for (const line of lines) expect(line).toMatch(/is not supported yet \(planned\)/);
    expect(lines.map((l) => l.split(': ')[1])).toEqual([
      'gateway',
      'services.inventory.endpoints.reserve[1].db', 'services.inventory.endpoints.reserve[2].saga',
      'timeline[0].deploy', 'timeline[1].set',
    ]);
  });
});
