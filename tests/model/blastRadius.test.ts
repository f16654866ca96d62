import { describe, expect, it } from 'vitest';
import { blastRadius } from '../../src/model/blastRadius';
import { runYaml, scenarioFrom } from '../helpers/world';

const shop = `
version: 1
name: radius
duration: 60s
services:
  web:
    workers: 32
    endpoints:
      product:
        - parallel:
            - call: catalog.get
            - call: reviews.list
              fallback: skip
      checkout: [ { call: orders.place } ]
  catalog:
    endpoints:
      get: [ { cpu: 2ms } ]
  reviews:
    endpoints:
      list: [ { cpu: 2ms }, { call: users.name } ]
  users:
    endpoints:
      name: [ { cpu: 1ms } ]
  orders:
    endpoints:
      place: [ { cpu: 3ms }, { call: users.name, fallback: skip }, { call: catalog.get } ]
workload:
  - { name: p, route: web.product, rate: 20/s }
  - { name: c, route: web.checkout, rate: 5/s }
`;

describe('blast radius', () => {
  it('BLAST-1 hard dependencies make a route fail; behind a skipping fallback only degrade', () => {
    const b = blastRadius(scenarioFrom(shop));
    expect(b.web).toEqual({ unavailable: ['web.product', 'web.checkout'], degraded: [] });
    expect(b.catalog).toEqual({ unavailable: ['web.product', 'web.checkout'], degraded: [] });
    expect(b.reviews).toEqual({ unavailable: [], degraded: ['web.product'] });
    expect(b.users).toEqual({ unavailable: [], degraded: ['web.product', 'web.checkout'] });
    expect(b.orders).toEqual({ unavailable: ['web.checkout'], degraded: [] });
  });

  it('BLAST-2 the run agrees: killing users degrades both routes and fails neither', () => {
    const r = runYaml(shop + 'timeline:\n  - { at: 20s, for: 20s, kill: users, count: all }\n');
    for (const route of ['web.product', 'web.checkout']) {
      expect(r.routes[route].errors).toBe(0);
      expect(r.routes[route].degraded).toBeGreaterThan(50);
    }
    expect(r.blastRadius.users.degraded).toEqual(['web.product', 'web.checkout']);
  });
});
