import { describe, expect, it } from 'vitest';
import { buildCatalog, headline } from '../../src/ui/catalog';

describe('bundled scenario catalog', () => {
  it('reads the name and the first description line', () => {
    expect(headline('version: 1\nname: Flash sale  # comment\ndescription: |\n  First line.\n  Second.\n')).toEqual({ name: 'Flash sale', summary: 'First line.' });
    expect(headline('name: "Quoted: name"\ndescription: One line\n')).toEqual({ name: 'Quoted: name', summary: 'One line' });
  });

  it('groups by folder, default first, and skips invalid/', () => {
    const c = buildCatalog({
      '/scenarios/zeta.yaml': 'name: Zeta\n',
      '/scenarios/shop.yaml': 'name: Shop\n',
      '/scenarios/validation/mm1.yaml': 'name: M/M/1\n',
      '/scenarios/invalid/bad.yaml': 'name: Bad\n',
    });
    expect(c.map((e) => e.name)).toEqual(['Shop', 'Zeta', 'M/M/1']);
    expect(c[2].group).toMatch(/Validation/);
    expect(c[0].file).toBe('scenarios/shop.yaml');
  });
});

describe('summaryOf', () => {
  it('takes the first sentence of the first paragraph, without markdown', async () => {
    const { summaryOf } = await import('../../src/store/summary');
    expect(summaryOf('Reproduces the **M/M/1** queue: arrivals at\n80/s, one worker. More.\n\nNext para')).toBe('Reproduces the M/M/1 queue: arrivals at 80/s, one worker.');
    expect(summaryOf('x '.repeat(100), 20).length).toBeLessThanOrEqual(20);
  });
});
