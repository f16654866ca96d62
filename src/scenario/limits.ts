/**
 * Hard limits of the scenario layer, in one place so messages, the JSON Schema
 * and the tests agree. They keep a hand-written or hostile file from freezing
 * the tab (DESIGN.md rule 4): a value past a limit is an error that names it.
 */

const DAY_MS = 24 * 3600 * 1000;

export const LIMITS = {
  /** Whole file, in UTF-16 code units (≈ bytes for ASCII). */
  maxFileChars: 2 * 1024 * 1024,
  /** Nesting of mappings/lists; real scenarios need about 8. */
  maxDepth: 64,
  /** yaml's maxAliasCount: alias expansions allowed before we call it an alias bomb. */
  maxAliasCount: 100,
  /** Errors reported per file; the rest are counted. */
  maxErrors: 100,

  /** Any duration value (an "absurd" guard). */
  maxDurationMs: 365 * DAY_MS,
  /** The simulated length of a run. */
  maxRunMs: 30 * DAY_MS,
  /** Any rate, per source. */
  maxRatePerSec: 1e6,

  maxServices: 200,
  maxEndpoints: 100,
  maxSteps: 100,
  maxSources: 100,
  maxRatePoints: 1000,
  maxTimeline: 10_000,
  maxExpect: 1000,
  maxNameLength: 200,
  maxTextLength: 100_000,

  maxInstances: 1000,
  maxWorkers: 10_000,
  maxQueue: 1_000_000,
  maxUsers: 100_000,
  maxClients: 1_000_000,
  maxKillCount: 1000,
  maxErlangK: 1000,
  maxSigma: 10,
  maxShape: 1e6,
  maxKeys: 1e9,
  maxZipfS: 10,
  maxCoordinate: 1e6,
  maxCount: 1e12,

  /** Retries per call: each layer multiplies load by (max + 1), so more is a typo, not a lesson. */
  maxRetries: 10,
  /** Back-off multiplier: keeps backoff × multiplier^max finite (and 0 × it a number). */
  maxBackoffMultiplier: 100,
  /** Breaker window (calls), minCalls, halfOpenCalls; and bulkhead concurrent calls. */
  maxBreakerCalls: 1_000_000,
  maxBulkhead: 1_000_000,
  /** Timeline `slow: factor`: CPU steps take at most this many times longer. */
  maxSlowFactor: 1000,
} as const;
