/**
 * The `discovery:` section → Discovery. Absent: an ideal registry (callers
 * see changes at once), so scenarios that do not teach discovery are not
 * blurred by it. Present: Eureka's or Kubernetes' defaults (semantics.md).
 */
import type { Discovery } from './types';
import { Collector, get, has, isObj, read, readCount } from './collect';
import { parseDuration } from './values';

/** semantics.md: Eureka renews every 30 s, expires after 90 s, clients refresh every 30 s; kube probes every 10 s, 3 failures. */
export const discoveryDefaults: Omit<Discovery, 'mode'> = Object.freeze({
  refreshMs: 30_000,
  heartbeatMs: 30_000,
  expiryMs: 90_000,
  probe: Object.freeze({ periodMs: 10_000, failures: 3 }),
});

export const idealDiscovery: Discovery = Object.freeze({ mode: 'ideal', ...discoveryDefaults });

export function normalizeDiscovery(c: Collector, data: Record<string, unknown>): Discovery | undefined {
  if (!has(data, 'discovery')) return idealDiscovery;
  const raw = get(data, 'discovery');
  if (!isObj(raw)) {
    c.skip(); // the schema reports the type
    return undefined;
  }
  // scenario-format.md lists `client` first: Eureka-style is the default mode.
  const mode = raw.mode === undefined ? 'client' : raw.mode;
  let ok = true;
  if (mode !== 'client' && mode !== 'server') {
    c.skip(); // the schema reports the enum; the other knobs are still checked
    ok = false;
  }
  const dur = (key: string, fallback: number, min = 1): number => {
    if (!has(raw, key)) return fallback;
    const v = read(c, ['discovery', key], raw[key], parseDuration);
    if (v === undefined) { ok = false; return fallback; }
    if (v < min) {
      c.error(['discovery', key], `${key} must be at least ${min}ms; got ${v}ms`);
      ok = false;
    }
    return v;
  };
  const refreshMs = dur('refresh', discoveryDefaults.refreshMs);
  const heartbeatMs = dur('heartbeat', discoveryDefaults.heartbeatMs);
  const expiryMs = dur('expiry', discoveryDefaults.expiryMs);
  if (ok && expiryMs < heartbeatMs) {
    c.error(['discovery', 'expiry'], `expiry (${expiryMs}ms) must be at least the heartbeat (${heartbeatMs}ms), or every lease lapses between renewals`);
    ok = false;
  }
  let probe: Discovery['probe'] = discoveryDefaults.probe;
  const rawProbe = get(raw, 'probe');
  if (has(raw, 'probe')) {
    if (!isObj(rawProbe)) {
      c.skip();
      return undefined;
    }
    let periodMs = probe.periodMs;
    if (has(rawProbe, 'period')) {
      const v = read(c, ['discovery', 'probe', 'period'], rawProbe.period, parseDuration);
      if (v === undefined || v < 1) {
        if (v !== undefined) c.error(['discovery', 'probe', 'period'], `period must be at least 1ms; got ${v}ms`);
        ok = false;
      } else periodMs = v;
    }
    let failures = probe.failures;
    if (has(rawProbe, 'failures')) {
      const v = readCount(c, ['discovery', 'probe', 'failures'], rawProbe.failures, 1, 1000, 'failures');
      if (v === undefined) ok = false;
      else failures = v;
    }
    probe = { periodMs, failures };
  }
  return ok && (mode === 'client' || mode === 'server') ? { mode, refreshMs, heartbeatMs, expiryMs, probe } : undefined;
}
