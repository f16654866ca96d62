/**
 * The scenario layer's public surface: load a scenario file into a frozen,
 * fully specified Scenario (or positioned errors), and the value parsers for
 * reuse by the UI and CLI (e.g. the CLI's --duration flag).
 */
export { loadScenario } from './load';
export { formatError } from './errors';
export type { ScenarioError, LoadResult } from './errors';
export type {
  Action, ClosedSource, Comparison, Dist, Endpoint, Expectation, ExpectMetric, Keys, OpenSource, RatePoint,
  Scenario, Service, Source, Step, TimelineItem,
} from './types';
export {
  parseComparison, parseDistribution, parseDuration, parseFraction, parseKeys, parseRate, formatDuration, type Parsed,
} from './values';
export { LIMITS } from './limits';
export { scenarioSchema } from './schema';
