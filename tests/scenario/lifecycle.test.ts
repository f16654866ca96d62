/**
 * Timeline actions of the lifecycle: `set: service.instances` (scaling, what
 * the page's replica control records) and `kill … instance: n` (what a click
 * on one instance records), with their errors at line and column.
 */
import { describe, expect, test } from 'vitest';
import { errors, minimal, ok } from './helpers';

const timeline = (item: string) => minimal(`timeline:\n  - ${item}\n`);
// minimal() is 10 lines; the item is on line 12.

describe('SET set: service.instances', () => {
  test('SET-1 scales: value is the new replica count; for undoes it', () => {
    expect(ok(timeline('{ at: 30s, for: 1m, set: api.instances, value: 3 }')).timeline).toEqual([
      { atMs: 30_000, forMs: 60_000, action: { kind: 'scale', service: 'api', instances: 3 } },
    ]);
    expect(ok(timeline('{ at: 30s, set: api.instances, value: 0 }')).timeline[0]!.action).toEqual({ kind: 'scale', service: 'api', instances: 0 });
  });

  test('SET-2 other settings of the format are planned; unknown ones list what is settable', () => {
    expect(errors(timeline('{ at: 30s, set: api.autoscale.max, value: 5 }'))).toEqual([
      's.yaml:12:21: timeline[0].set: setting "autoscale.max" is not supported yet (planned); settable now: api.instances, api.workers, api.queue',
    ]);
    expect(errors(timeline('{ at: 30s, set: api.replicas, value: 5 }'))).toEqual([
      's.yaml:12:21: timeline[0].set: unknown setting "replicas" of service api; settable now: api.instances, api.workers, api.queue (e.g. { at: 60s, set: catalog.instances, value: 5 })',
    ]);
  });

  test('SET-4 workers and queue per instance; queue takes unbounded; their limits are the file\'s', () => {
    expect(ok(timeline('{ at: 30s, set: api.workers, value: 16 }')).timeline[0]!.action).toEqual({ kind: 'setting', service: 'api', key: 'workers', value: 16 });
    expect(ok(timeline('{ at: 30s, set: api.queue, value: unbounded }')).timeline[0]!.action).toEqual({ kind: 'setting', service: 'api', key: 'queue', value: Infinity });
    expect(errors(timeline('{ at: 30s, set: api.workers, value: 0 }'))[0]).toMatch(/timeline\[0\]\.value: 0 is below the minimum of 1 workers per instance/);
  });

  test('SET-3 an unknown service gets did-you-mean; a missing or bad value is positioned', () => {
    expect(errors(timeline('{ at: 30s, set: apj.instances, value: 5 }'))[0]).toMatch(/^s\.yaml:12:21: timeline\[0\]\.set: unknown service "apj"; did you mean "api"\?/);
    expect(errors(timeline('{ at: 30s, set: api.instances }'))).toEqual([
      's.yaml:12:5: timeline[0].value: set needs value, the new number of instances; e.g. { at: 60s, set: catalog.instances, value: 5 }',
    ]);
    expect(errors(timeline('{ at: 30s, set: api.instances, value: 2000 }'))).toEqual([
      's.yaml:12:43: timeline[0].value: 2000 is above the limit of 1000 instances per service; use 0..1000',
    ]);
    expect(errors(timeline('{ at: 30s, set: instances, value: 2 }'))[0]).toMatch(/^s\.yaml:12:21: timeline\[0\]\.set: expected a setting path service\.setting; got "instances"/);
  });
});

describe('KILL kill … instance: n', () => {
  test('KILL-1 names one instance (1-based, as the page numbers them)', () => {
    expect(ok(timeline('{ at: 30s, kill: api, instance: 2 }')).timeline[0]!.action).toEqual({ kind: 'kill', service: 'api', count: 1, instance: 2 });
  });

  test('KILL-2 count and instance together are refused; instance 0 is refused', () => {
    expect(errors(timeline('{ at: 30s, kill: api, instance: 2, count: 1 }'))).toEqual([
      's.yaml:12:40: timeline[0].count: kill takes count (how many) or instance (which one), not both',
    ]);
    expect(errors(timeline('{ at: 30s, kill: api, instance: 0 }'))[0]).toMatch(/^s\.yaml:12:37: timeline\[0\]\.instance: 0 is below the minimum of 1/);
  });
});
