/**
 * JSON Schema (draft-07) of the WHOLE scenario format of scenario-format.md,
 * including the parts not built yet, so editors complete every key and a
 * misspelt key gets "did you mean" while a real-but-unbuilt key gets "not
 * supported yet" (from normalize.ts). Structure only: leaf values marked
 * `$comment: "value:…"` carry patterns for editors, but their errors are
 * dropped by validate.ts because normalize.ts parses them with precise messages.
 * public/scenario.schema.json is written from this by `npm run schema`.
 */
import { LIMITS } from './limits';
import { PATTERNS } from './values';

type Schema = { readonly [key: string]: unknown };

/** A leaf checked by normalize.ts (its ajv errors are dropped). */
const value = (kind: string, s: Schema): Schema => ({ $comment: `value:${kind}`, ...s });

const duration = (description: string, dflt?: string): Schema =>
  value('duration', {
    type: ['string', 'number'], pattern: PATTERNS.duration,
    description: `${description} A duration: 250ms, 1.5s, 2m, 1h; a bare number is milliseconds.`,
    ...(dflt !== undefined ? { default: dflt } : {}),
  });
const rate = (description: string): Schema =>
  value('rate', {
    type: ['string', 'number'], pattern: PATTERNS.rate,
    description: `${description} A rate: 200/s, 3000/m, 10/h; a bare number is per second.`,
  });
const fraction = (description: string, dflt?: string): Schema =>
  value('fraction', {
    type: ['string', 'number'], pattern: PATTERNS.fraction,
    description: `${description} A fraction: 60% or 0.6.`,
    ...(dflt !== undefined ? { default: dflt } : {}),
  });
const distribution = (description: string): Schema =>
  value('distribution', {
    type: ['string', 'number'], pattern: PATTERNS.distribution,
    description: `${description} A distribution: a duration (constant) or exp(mean), lognormal(median, sigma), normal(mean, sd), uniform(min, max), erlang(k, mean), pareto(scale, shape), bimodal(fast, slow, slowFraction).`,
  });
const keys = (description: string): Schema =>
  value('keys', { type: 'string', pattern: PATTERNS.keys, description: `${description} Key popularity: zipf(n, s) or uniform(n).` });
const count = (description: string, min: number, max: number, dflt?: number): Schema =>
  value('count', { type: 'integer', minimum: min, maximum: max, description, ...(dflt !== undefined ? { default: dflt } : {}) });
const number = (description: string, extra: Schema = {}): Schema => value('number', { type: 'number', description, ...extra });
const comparison = (description: string): Schema =>
  value('comparison', { type: ['string', 'number'], pattern: PATTERNS.comparison, description: `${description} A comparison: "< 800ms", "<= 12", ">= 99%" (ops <, <=, >, >=, ==); a bare value means ==.` });
/** `service.endpoint`, resolved by normalize.ts (did-you-mean on both parts). */
const target = (description: string): Schema => value('target', { type: 'string', description: `${description} Written service.endpoint.` });
const name = (description: string): Schema => value('name', { type: 'string', description });
const text = (description: string, maxLength: number = LIMITS.maxNameLength): Schema =>
  value('text', { type: 'string', minLength: 1, maxLength, description });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const oneOfValues = (description: string, values: readonly string[], dflt?: string): Schema =>
  ({ type: 'string', enum: values, description, ...(dflt !== undefined ? { default: dflt } : {}) });
const object = (description: string, properties: Record<string, Schema>, required: readonly string[] = [], extra: Schema = {}): Schema =>
  ({ type: 'object', description, properties, ...(required.length ? { required } : {}), additionalProperties: false, ...extra });
const mapOf = (description: string, values: Schema, maxProperties: number, minProperties = 0): Schema =>
  ({ type: 'object', description, additionalProperties: values, maxProperties, ...(minProperties ? { minProperties } : {}) });
const ref = (def: string): Schema => ({ $ref: `#/definitions/${def}` });

/** Every key of the format, per object kind (schema order = the order in messages). */
const retry: Schema = {
  // A number is the short form: `retry: 2` = { max: 2 } with the defaults.
  type: ['integer', 'object'],
  description: 'Retries with back-off and jitter (semantics.md): a number of retries (retry: 2), or { max, backoff, multiplier, cap, jitter }.',
  properties: {
    max: count(`Retries after the first attempt (attempts = max + 1), 0..${LIMITS.maxRetries}.`, 0, LIMITS.maxRetries),
    backoff: duration('First back-off; default 500ms (Resilience4j waitDuration).', '500ms'),
    multiplier: number('Back-off grows as backoff × multiplier^n; default 1 (Resilience4j: a fixed wait).', { minimum: 1, maximum: LIMITS.maxBackoffMultiplier, default: 1 }),
    cap: duration('Back-off cap; default 10s (semantics.md).', '10s'),
    jitter: oneOfValues('Jitter (AWS "Exponential Backoff and Jitter"): none (default), full, equal, decorrelated.', ['none', 'full', 'equal', 'decorrelated'], 'none'),
  },
  required: ['max'],
  additionalProperties: false,
};

const breaker: Schema = {
  type: ['boolean', 'object'],
  description: 'Circuit breaker per caller instance: true = Resilience4j defaults, false = none, or the knobs (each defaulting as for true).',
  properties: {
    window: value('window', {
      type: ['integer', 'string'], default: 100,
      description: 'Sliding window: a number = count-based (the last N calls); a duration = time-based (the calls of the last 10s); default 100 calls (Resilience4j).',
    }),
    minCalls: count('Calls recorded before the rates are judged; default 100 (Resilience4j; at most the window when count-based).', 1, LIMITS.maxBreakerCalls, 100),
    failureRate: fraction('Failure rate at or above which the breaker opens, above 0; default 50% (Resilience4j).', '50%'),
    slowCall: duration('Calls slower than this count as slow; default 60s (Resilience4j).', '60s'),
    slowRate: fraction('Slow-call rate at or above which the breaker opens, above 0; default 100% (Resilience4j).', '100%'),
    open: duration('Wait in OPEN before HALF_OPEN; default 60s (Resilience4j).', '60s'),
    halfOpenCalls: count('Calls permitted in HALF_OPEN; default 10 (Resilience4j).', 1, LIMITS.maxBreakerCalls, 10),
  },
  additionalProperties: false,
};

const network = object('The network between services (an ideal one when no level names it): per-hop latency and wire protocol. The most specific level wins, key by key: call, then the callee service, then the top level.', {
  latency: distribution('One-way delay per hop, each way of a call; default the protocol\'s: rest 0.15ms, grpc 0.1ms (within a zone).'),
  protocol: oneOfValues('rest (JSON over HTTP/1.1, default) or grpc (Protobuf over HTTP/2).', ['rest', 'grpc'], 'rest'),
  serialize: distribution('CPU to encode or decode one message, paid by each side (4 per call); default rest 0.05ms, grpc 0.01ms.'),
});

const callOptions: Record<string, Schema> = {
  timeout: duration('The caller gives up after this long; default none (waits forever).'),
  retry: ref('retry'),
  breaker: ref('breaker'),
  bulkhead: value('bulkhead', {
    type: ['integer', 'boolean'], minimum: 1, maximum: LIMITS.maxBulkhead,
    description: 'Max concurrent calls from one caller instance to this target; true = 25 (Resilience4j SemaphoreBulkhead); default none.',
  }),
  fallback: oneOfValues('On final failure: fail (default) or skip (continue degraded).', ['fail', 'skip'], 'fail'),
  network: ref('network'),
};

export const STEP_KINDS = ['cpu', 'call', 'fail', 'db', 'cache', 'parallel', 'publish', 'saga'] as const;

const step = object('One step of an endpoint: exactly one of cpu, call, fail, db, cache, parallel, publish, saga.', {
  cpu: distribution('Hold one worker for a sampled time.'),
  call: target('Synchronous call to another service\'s endpoint.'),
  fail: fraction('Fail the request with this probability.'),
  db: oneOfValues('One query on the service\'s own database.', ['read', 'write']),
  cache: keys('Look up a key in the service\'s cache; on a miss run `miss`, then store.'),
  miss: ref('steps'),
  parallel: ref('steps'),
  publish: name('Publish one message to this topic.'),
  outbox: bool('Publish through a transactional outbox (survives a broker outage).'),
  saga: name('Run this saga to completion or compensation.'),
  ...callOptions,
});

const endpoint: Schema = {
  type: ['array', 'object'],
  description: 'A list of steps, or { steps, effect, undoes }.',
  items: ref('step'),
  minItems: 1,
  maxItems: LIMITS.maxSteps,
  properties: {
    steps: ref('steps'),
    effect: name('Record this effect in the audit ledger when the endpoint succeeds.'),
    undoes: name('Remove this effect from the audit ledger.'),
  },
  required: ['steps'],
  additionalProperties: false,
};

const service = object('A service: replicas of one container image.', {
  label: text('Display name; default the key.'),
  instances: count('Initial replicas; default 1.', 0, LIMITS.maxInstances, 1),
  workers: count('Concurrent requests per instance; default 8.', 1, LIMITS.maxWorkers, 8),
  queue: value('queue', {
    type: ['integer', 'string'], description: 'Waiting requests per instance, beyond → 503; default 100; or unbounded.',
    default: 100, minimum: 0, maximum: LIMITS.maxQueue, pattern: '^unbounded$',
  }),
  model: oneOfValues('threads: a worker is held during downstream waits (default); async releases it.', ['threads', 'async'], 'threads'),
  startup: duration('Cold start until ready; default 5s.', '5s'),
  restart: duration('Self-healing delay after a crash, doubling on repeats (cap 5m); default 10s.', '10s'),
  balancer: oneOfValues('How callers choose its instances; default round-robin.', ['round-robin', 'random', 'least-connections', 'p2c'], 'round-robin'),
  network: ref('network'),
  database: object('The service\'s own database.', {
    engine: text('Database engine, e.g. postgres.'),
    pool: count('Connection pool per instance (HikariCP default 10).', 1, 10_000),
    read: distribution('Read query latency.'),
    write: distribution('Write query latency.'),
  }),
  cache: object('The service\'s cache (cache-aside).', {
    engine: text('Cache engine, e.g. redis.'),
    ttl: duration('Time to live.'),
    capacity: count('Entries kept (LRU).', 1, 1e9),
    latency: duration('Lookup latency.'),
    coalesce: bool('One in-flight load per key (stampede protection).'),
  }),
  autoscale: object('Horizontal Pod Autoscaler (Kubernetes defaults, semantics.md).', {
    min: count('Minimum replicas.', 0, LIMITS.maxInstances),
    max: count('Maximum replicas.', 1, LIMITS.maxInstances),
    cpu: fraction('Target CPU utilization.'),
  }),
  endpoints: mapOf('Endpoints by name.', ref('endpoint'), LIMITS.maxEndpoints, 1),
}, ['endpoints']);

const ratePoint = object('A point of a piecewise-linear rate.', {
  at: duration('When.'),
  rate: rate('Rate at that time.'),
}, ['at', 'rate']);

const source = object('A workload source: open loop (rate) or closed loop (users + think).', {
  name: name('Unique name; default the route.'),
  route: value('route', { type: 'string', description: 'A gateway route ("GET /products"); with no gateway: service.endpoint.' }),
  rate: value('rate', {
    type: ['string', 'number', 'array'], pattern: PATTERNS.rate,
    description: 'Open loop: a rate (200/s), or a piecewise-linear list of { at, rate }, flat after the last point.',
    items: ratePoint, minItems: 1, maxItems: LIMITS.maxRatePoints,
  }),
  arrivals: oneOfValues('Arrival process; default poisson.', ['poisson', 'uniform'], 'poisson'),
  clients: count('Distinct client ids; default 1000.', 1, LIMITS.maxClients, 1000),
  timeout: duration('The client gives up after this long; default none.'),
  retries: object('Clients that retry; default none.', { max: count('Retries.', 0, 100), backoff: duration('Back-off.') }),
  users: count('Closed loop: concurrent users.', 1, LIMITS.maxUsers),
  think: distribution('Closed loop: think time between a response and the next request.'),
}, ['route']);

export const TIMELINE_ACTIONS = ['kill', 'load', 'latency', 'errors', 'slow', 'partition', 'database', 'cacheFlush', 'broker', 'deploy', 'set'] as const;

const timelineItem = object('A timed fault or intervention: at, optional for, one action.', {
  at: duration('When it happens.'),
  for: duration('Undo after this long; default permanent.'),
  kill: name('Kill instances of this service.'),
  count: value('count', { type: ['integer', 'string'], description: 'With kill: how many instances, or all; default 1.', default: 1 }),
  instance: count('With kill: this instance of the service, numbered from 1 in the order they were created (as the page shows them), instead of count.', 1, 1e6),
  load: name('Set the rate of this (open-loop) workload source.'),
  rate: value('rate', { type: ['string', 'number'], description: 'With load: the new rate; with errors: the error fraction.' }),
  latency: name('Add latency to this service (or, with deploy, the new version\'s extra latency).'),
  add: distribution('With latency: extra delay per request (a duration or a distribution).'),
  errors: name('Make this service fail requests (or, with deploy, the new version\'s error fraction).'),
  slow: name('Slow this service\'s CPU down.'),
  factor: number('With slow: CPU steps take this many times longer (1 = no change).', { exclusiveMinimum: 0, maximum: LIMITS.maxSlowFactor }),
  partition: value('partition', {
    type: 'array', items: value('name', { type: 'string' }), minItems: 2, maxItems: 2,
    description: 'Network partition: calls between these two services fail at once, e.g. [order, inventory].',
  }),
  database: name('Take this service\'s database down.'),
  down: bool('With database: down.'),
  cacheFlush: name('Flush this service\'s cache.'),
  broker: oneOfValues('Message broker outage.', ['down']),
  deploy: name('Rolling update of this service to a new version.'),
  maxSurge: fraction('With deploy: extra pods during the rollout (default 25%).'),
  maxUnavailable: fraction('With deploy: pods that may be unavailable (default 25%).'),
  set: value('setting', { type: 'string', description: 'A setting path (what an inspector edit records): service.instances scales the service (built); e.g. catalog.autoscale.max (planned).' }),
  value: { type: ['string', 'number', 'boolean'], description: 'With set: the new value.' },
}, ['at']);

export const ROUTE_METRICS = ['p50', 'p95', 'p99', 'mean', 'max', 'errorRate', 'requests', 'throughput'] as const;
export const SERVICE_METRICS = ['utilization', 'maxInstances', 'minInstances', 'errorRate', 'requests'] as const;
export const SAGA_METRICS = ['started', 'completed', 'compensated', 'failed', 'inconsistent'] as const;
export const TOPIC_METRICS = ['published', 'consumed', 'deadLettered', 'maxBacklog'] as const;
export const EXPECT_SUBJECTS = ['route', 'service', 'saga', 'topic'] as const;

const metric = (d: string): Schema => comparison(d);
const expectItem = object('A check on the result: a subject (route, service, saga, topic), one or more metrics, optional during.', {
  route: value('route', { type: 'string', description: 'A workload route, as written there.' }),
  service: name('A service.'),
  saga: name('A saga.'),
  topic: name('A topic.'),
  during: value('window', { type: 'array', description: 'Only requests arriving in [from, to) count.', items: duration('A time.'), minItems: 2, maxItems: 2 }),
  p50: metric('Median latency.'),
  p95: metric('95th percentile latency.'),
  p99: metric('99th percentile latency.'),
  mean: metric('Mean latency.'),
  max: metric('Maximum latency.'),
  errorRate: metric('Fraction of requests that failed.'),
  requests: metric('Number of requests.'),
  throughput: metric('Completed requests per second.'),
  utilization: metric('Busy workers / workers, averaged.'),
  maxInstances: metric('Most instances at any time.'),
  minInstances: metric('Fewest instances at any time.'),
  started: metric('Sagas started.'),
  completed: metric('Sagas completed.'),
  compensated: metric('Sagas compensated.'),
  failed: metric('Sagas failed.'),
  inconsistent: metric('Transactions whose effects disagree with what the client was told.'),
  published: metric('Messages published.'),
  consumed: metric('Messages consumed.'),
  deadLettered: metric('Messages dead-lettered.'),
  maxBacklog: metric('Largest backlog (lag).'),
});

const discovery = object('Service discovery (semantics.md defaults).', {
  mode: oneOfValues('client: cached registry view (Eureka-like); server: health-checked endpoints (Kubernetes Service-like).', ['client', 'server']),
  refresh: duration('Client view refresh period.'),
  heartbeat: duration('Instance lease renewal.'),
  expiry: duration('Lease expiry without heartbeat.'),
  probe: object('Server-mode readiness probing.', { period: duration('Probe period.'), failures: count('Failures before removal.', 1, 1000) }),
});

const gatewayRoute = object('A gateway route.', {
  match: text('Method and path, e.g. GET /products.'),
  to: target('Where it goes.'),
  aggregate: { type: 'array', items: target('A part.'), minItems: 1, description: 'Fan out in parallel, one response.' },
  cache: object('Response cache at the gateway.', { ttl: duration('Time to live.'), keys: keys('Keys.') }),
  ...callOptions,
}, ['match']);

const gateway = object('The API gateway.', {
  instances: count('Replicas.', 0, LIMITS.maxInstances),
  workers: count('Concurrent requests per instance.', 1, LIMITS.maxWorkers),
  overhead: duration('Routing cost per request.'),
  auth: object('Token validation; rejected → 401.', { cost: duration('Validation cost.'), reject: fraction('Rejected fraction.') }),
  rateLimit: object('Token bucket; empty → 429.', {
    rate: rate('Refill rate.'), burst: count('Bucket size.', 1, 1e9), per: oneOfValues('Per client or global.', ['client', 'global']),
  }),
  routes: { type: 'array', items: gatewayRoute, description: 'Routes.' },
});

const subscriber: Schema = {
  type: ['string', 'object'],
  description: 'service.endpoint (consumer group = service name), or { to, retry, deadLetter }.',
  properties: { to: target('Handler.'), retry: ref('retry'), deadLetter: bool('Park in a DLQ after retries.') },
  required: ['to'],
  additionalProperties: false,
};

const topic = object('A topic.', {
  kind: oneOfValues('log (Kafka-like) or queue (RabbitMQ/SQS-like).', ['log', 'queue']),
  partitions: count('Partitions.', 1, 10_000),
  subscribers: { type: 'array', items: subscriber, description: 'Subscribers.' },
});

const sagaStep = object('A saga step.', { do: target('Action.'), undo: target('Compensation.'), ...callOptions }, ['do']);
const saga = object('An orchestrated saga.', {
  orchestrator: name('The orchestrating service.'),
  steps: { type: 'array', items: sagaStep, minItems: 1, description: 'Steps in order.' },
  undoRetry: object('Retry of compensations.', { backoff: duration('Back-off.'), max: count('Retries.', 0, 1000) }),
});

const layoutPoint = value('point', { type: 'array', items: value('number', { type: 'number' }), minItems: 2, maxItems: 2, description: 'Node position [x, y].' });

export const scenarioSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Microcosm scenario, version 1',
  description: 'A scenario for Microcosm, the microservice simulator (scenario-format.md).',
  type: 'object',
  properties: {
    version: value('version', { type: 'integer', enum: [1], description: 'Format version; must be 1.' }),
    name: text('Shown in the UI.'),
    description: { type: 'string', maxLength: LIMITS.maxTextLength, description: 'What this scenario teaches (markdown).' },
    seed: count('Random seed; default 1.', 0, Number.MAX_SAFE_INTEGER, 1),
    duration: duration('Simulated time.'),
    warmup: duration('Summary metrics ignore [0, warmup); default 0.', '0s'),
    discovery,
    network: ref('network'),
    gateway,
    services: mapOf('Services by name (at least one).', ref('service'), LIMITS.maxServices, 1),
    topics: mapOf('Topics by name.', ref('topic'), 1000),
    sagas: mapOf('Sagas by name.', ref('saga'), 1000),
    workload: { type: 'array', items: ref('source'), minItems: 1, maxItems: LIMITS.maxSources, description: 'Workload sources (at least one).' },
    timeline: { type: 'array', items: ref('timelineItem'), maxItems: LIMITS.maxTimeline, description: 'Faults and interventions.' },
    expect: { type: 'array', items: ref('expectItem'), maxItems: LIMITS.maxExpect, description: 'Checks on the result.' },
    layout: mapOf('Node positions {name: [x, y]}.', layoutPoint, LIMITS.maxServices),
  },
  required: ['version', 'name', 'duration', 'services', 'workload'],
  additionalProperties: false,
  definitions: {
    steps: { type: 'array', items: ref('step'), minItems: 1, maxItems: LIMITS.maxSteps, description: 'Steps, run in order.' },
    step,
    retry,
    breaker,
    network,
    endpoint,
    service,
    source,
    timelineItem,
    expectItem,
    topic,
    saga,
  },
};

/** Keys of an object schema, for "valid keys" lists and did-you-mean. */
export function keysOf(schema: unknown): readonly string[] {
  const props = (schema as { properties?: Record<string, unknown> } | null)?.properties;
  return props ? Object.keys(props) : [];
}

export const TOP_LEVEL_KEYS = keysOf(scenarioSchema);
export const SERVICE_KEYS = keysOf(service);
export const STEP_KEYS = keysOf(step);
export const SOURCE_KEYS = keysOf(source);
export const TIMELINE_KEYS = keysOf(timelineItem);
export const EXPECT_KEYS = keysOf(expectItem);
export const CALL_OPTION_KEYS = Object.keys(callOptions);
