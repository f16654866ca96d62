import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { timelineEntry, timelineYaml, withRecordedTimeline } from '../../src/ui/recording';

const item = { atMs: 12_345, forMs: null, action: { kind: 'load', workload: 'browse', perSec: 450 } } as const;

describe('recorded actions in the timeline notation', () => {
  it('writes what the load slider records', () => {
    expect(timelineEntry(item)).toEqual({ at: '12345ms', load: 'browse', rate: '450/s' });
    expect(timelineYaml([item])).toBe('  - { at: 12345ms, load: browse, rate: 450/s }');
  });

  it('appends to an existing timeline and keeps comments', async () => {
    const text = '# my shop\nname: S\ntimeline:\n  - { at: 100s, kill: payment, count: 1 }\n';
    const out = await withRecordedTimeline(text, [item]);
    expect(out).toContain('# my shop');
    const doc = parse(out) as { timeline: unknown[] };
    expect(doc.timeline).toEqual([{ at: '100s', kill: 'payment', count: 1 }, { at: '12345ms', load: 'browse', rate: '450/s' }]);
  });

  it('adds a timeline when the file has none', async () => {
    const out = await withRecordedTimeline('name: S\n', [item]);
    expect((parse(out) as { timeline: unknown[] }).timeline).toHaveLength(1);
  });
});
