import { describe, expect, it } from 'vitest';
import { layoutDefaults, layoutTopology } from '../../src/render/layout';

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

  it('scales down to fit a smaller canvas; too small for full nodes: compact ones, never below the readable scale', () => {
    const l = layoutTopology({ ...shop, width: 1000, height: 360 });
    expect(l.density).toBe('full');
    expect(l.scale).toBeLessThan(1);
    const tiny = layoutTopology({ ...shop, width: 400, height: 200 });
    expect(tiny.density).toBe('compact');
    expect(tiny.scale).toBe(layoutDefaults.compactMinScale);
    expect(tiny.overflow).toBe(true);
  });

  it('positions in px are kept as they are: relative distances between centres unchanged', () => {
    const positions = { storefront: [0, 0], catalog: [400, -200], inventory: [800, 0], order: [400, 200], payment: [800, 260] } as const;
    const l = layoutTopology({ ...shop, positions, width: 4000, height: 4000 });
    const c = (id: string) => { const b = l.nodes.get(id)!; return [b.x + b.w / 2, b.y + b.h / 2]; };
    expect(c('catalog')[0] - c('storefront')[0]).toBe(400);
    expect(c('order')[1] - c('catalog')[1]).toBe(400);
    expect(c('payment')[1] - c('inventory')[1]).toBe(260);
    expect(l.scale).toBe(1);
  });

  it('no two nodes overlap, whatever the positions (grid units are spread out); clients sit left of their target', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 50; round++) {
      const positions: Record<string, [number, number]> = {};
      for (const s of shop.services) positions[s.name] = [Math.floor(rnd() * 4), Math.floor(rnd() * 4) + rnd()];
      const l = layoutTopology({ ...shop, positions });
      const boxes = [...l.nodes.values()];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!, b = boxes[j]!;
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
          expect(apart, `${a.id} and ${b.id} overlap with ${JSON.stringify(positions)}`).toBe(true);
        }
      }
      const client = l.nodes.get('client:browse')!, front = l.nodes.get('storefront')!;
      expect(client.x + client.w).toBeLessThan(Math.min(...boxes.filter((b) => b.kind === 'service').map((b) => b.x)));
      expect(Math.abs(client.y - front.y)).toBeLessThan(200);
    }
  });
});
