import { describe, expect, it } from 'vitest';
import { errors, minimal, ok, y } from './helpers';

describe('discovery section', () => {
  it('DISC-0 absent: an ideal registry; present: Eureka and Kubernetes defaults (semantics.md)', () => {
    expect(ok(minimal()).discovery.mode).toBe('ideal');
    expect(ok(minimal('discovery: { mode: client }\n')).discovery).toEqual({
      mode: 'client', refreshMs: 30_000, heartbeatMs: 30_000, expiryMs: 90_000, probe: { periodMs: 10_000, failures: 3 },
    });
    expect(ok(minimal('discovery: {}\n')).discovery.mode).toBe('client');
    expect(ok(minimal('discovery: { mode: server, probe: { period: 5s, failures: 2 } }\n')).discovery).toMatchObject({
      mode: 'server', probe: { periodMs: 5000, failures: 2 },
    });
    expect(ok(minimal('discovery: { refresh: 10s, heartbeat: 5s, expiry: 15s }\n')).discovery).toMatchObject({
      refreshMs: 10_000, heartbeatMs: 5000, expiryMs: 15_000,
    });
  });

  it('DISC-0 bad values are positioned', () => {
    expect(errors(minimal(y`
      discovery:
        mode: eureka
        refresh: soon
    `))).toEqual([
      expect.stringMatching(/^s\.yaml:12:9: discovery\.mode: .*client, server/),
      expect.stringMatching(/^s\.yaml:13:12: discovery\.refresh: /),
    ]);
    expect(errors(minimal('discovery: { heartbeat: 30s, expiry: 10s }\n'))).toEqual([
      expect.stringMatching(/^s\.yaml:11:38: discovery\.expiry: expiry \(10000ms\) must be at least the heartbeat/),
    ]);
    expect(errors(minimal('discovery: { probe: { failures: 0 } }\n'))).toEqual([
      expect.stringMatching(/discovery\.probe\.failures: /),
    ]);
  });
});
