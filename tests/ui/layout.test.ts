import { describe, expect, it } from 'vitest';
import { layoutTopology } from '../../src/render/layout';

const shop = {
  services: [
    { name: 'storefront', calls: ['catalog', 'inventory', 'order'] },
    { name: 'catalog', calls: [] },
    { name: 'inventory', calls: [] },
    { name: 'order', calls: ['inventory', 'payment'] },
    { name: 'payment', calls: [] },
  ],
  clients: [{ id: 'client:browse', target: 'storefront' }, { id: 'client:checkout', target: 'storefront' }],
  positions: {},
  width: 1000,
  height: 500,
};

describe('layoutTopology', () => {
  it('puts clients left and callees right of their callers (longest path)', () => {
    const l = layoutTopology(shop);
    const x = (id: string) => l.nodes.get(id)!.x;
    expect(x('client:browse')).toBeLessThan(x('storefront'));
    expect(x('storefront')).toBeLessThan(x('catalog'));
    expect(x('order')).toBeLessThan(x('inventory'));
    expect(x('order')).toBeLessThan(x('payment'));
    expect(x('catalog')).toBe(x('order'));
  });

  it('is stable and survives call cycles', () => {
    const a = layoutTopology(shop);
    const b = layoutTopology(shop);
    expect([...a.nodes.values()]).toEqual([...b.nodes.values()]);
    const cyclic = { ...shop, services: [{ name: 'a', calls: ['b'] }, { name: 'b', calls: ['a'] }], clients: [{ id: 'client:x', target: 'a' }] };
    const l = layoutTopology(cyclic);
    expect(l.nodes.size).toBe(3);
  });

  it('uses the file layout when every service has a position', () => {
    const l = layoutTopology({ ...shop, positions: { storefront: [0, 0], catalog: [2, 0], inventory: [1, 1], order: [1, 0], payment: [2, 1] } });
    const x = (id: string) => l.nodes.get(id)!.x;
    expect(x('inventory')).toBe(x('order'));
    expect(x('catalog')).toBeGreaterThan(x('order'));
  });

  it('scales down to fit a small canvas', () => {
    const l = layoutTopology({ ...shop, width: 400, height: 200 });
    expect(l.scale).toBeLessThan(1);
  });
});
