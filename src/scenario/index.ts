/**
 * The scenario layer's public surface: load a scenario file into a frozen,
 * fully specified Scenario (or positioned errors), and the value parsers for
 * reuse by the UI and CLI (e.g. the CLI's --duration flag).
 */
export { loadScenario } from './load';
export { formatError } from './errors';
export type { ScenarioError, LoadResult } from './errors';
export type {
  Action, BreakerPolicy, CallOptions, ClosedSource, Comparison, Dist, Endpoint, Expectation, ExpectMetric, Keys, Network, NetworkSpec, OpenSource,
  RatePoint, RetryPolicy, Scenario, Service, Source, Step, TimelineItem,
} from './types';
/** Defaults of call options, each commented with its source (for "default from Resilience4j" in the UI). */
export { BREAKER_DEFAULTS, BULKHEAD_DEFAULT, CALL_DEFAULTS, RETRY_DEFAULTS } from './calls';
export { PROTOCOL_DEFAULTS } from './network';
export {
  parseComparison, parseDistribution, parseDuration, parseFraction, parseKeys, parseRate, formatDuration, type Parsed,
} from './values';
export { LIMITS } from './limits';
export { scenarioSchema } from './schema';
