// @vitest-environment happy-dom
/**
 * Colours that must be told apart stay apart for colour-blind viewers, and
 * text stays readable, in both themes. Reads the real values: the canvas
 * palettes (render/palette.ts PALETTES) and the page's theme variables
 * (ui/theme.css). Simulation: Machado, Oliveira & Fernandes 2009 at severity
 * 1.0 in linear RGB (tests/helpers/colourVision.ts); distance: CIEDE2000.
 *
 * Why ΔE00 ≥ 12: a just-noticeable difference is about 1–2.3; marks as small
 * as an instance cell or a request dot need a difference seen at a glance,
 * which the colour-difference literature puts past ~10. 12 leaves a margin
 * while still allowing a green / amber / vermillion / blue set under protanopia.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PALETTES, palette, setTheme, currentTheme, type Palette, type Theme } from '../../src/render/palette';
import { BreakerGlyph, InstanceGlyph } from '../../src/ui/glyphs';
import { contrast, deltaE2000, distance, lab, srgb, type Vision } from '../helpers/colourVision';

const MIN_DELTA_E = 12;
const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
const THEMES: readonly Theme[] = ['dark', 'light'];

/** The custom properties of the first rule whose selector is exactly `selector`. */
function cssVars(selector: string): Record<string, string> {
  const css = readFileSync(join(process.cwd(), 'src/ui/theme.css'), 'utf8');
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`theme.css has no "${selector}" rule`);
  const body = css.slice(at, css.indexOf('}', at));
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) out[m[1]] = m[2].trim();
  return out;
}
const CSS: Record<Theme, Record<string, string>> = { dark: cssVars(':root'), light: cssVars(':root[data-theme="light"]') };
const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

type Colours = Record<string, number | string>;

/** Groups of colours shown side by side whose members must differ. */
function groups(p: Palette, v: Record<string, string>): Record<string, Colours> {
  return {
    'instance states': { ready: p.ready, starting: p.starting, draining: p.draining, dead: p.dead },
    'breaker states': { closed: p.breakerClosed, halfOpen: p.breakerHalf, open: p.breakerOpen },
    'edge ok vs error': { edge: p.edge, idle: p.edgeIdle, error: p.edgeError },
    'request dots': { call: p.dotCall, ok: p.dotOk, error: p.dotError, timeout: p.dotTimeout, refused: p.dotRefused },
    'state words': { ok: p.okText, warn: p.warnText, bad: p.badText },
    'panel state words': { ok: v['--ok'], warn: v['--warn'], bad: v['--bad'] },
    // The first four routes (the bundled scenarios have at most four), the total and the errors area.
    'chart series': {
      s1: v['--series-1'], s2: v['--series-2'], s3: v['--series-3'], s4: v['--series-4'],
      total: v['--series-total'], errors: v['--series-error'],
    },
  };
}

function closestPair(c: Colours, vision: Vision): { a: string; b: string; d: number } {
  const keys = Object.keys(c);
  let best = { a: '', b: '', d: Infinity };
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const d = distance(c[keys[i]], c[keys[j]], vision);
      if (d < best.d) best = { a: keys[i], b: keys[j], d };
    }
  }
  return best;
}

describe('the CIEDE2000 implementation', () => {
  it('matches Sharma, Wu & Dalal (2005) test data', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [50, 3.1736, 0.5854])).toBeCloseTo(1.0, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });
  it('white is L* 100 and a colour is 0 from itself', () => {
    expect(lab(srgb('#ffffff'))[0]).toBeCloseTo(100, 3);
    expect(distance('#2ed8a3', '#2ed8a3', 'deuteranopia')).toBe(0);
  });
  it('red and green collapse for deuteranopia but not for normal vision (the simulation bites)', () => {
    expect(distance('#d00000', '#00a000', 'normal')).toBeGreaterThan(40);
    expect(distance('#c85a00', '#6e8c00', 'deuteranopia')).toBeLessThan(distance('#c85a00', '#6e8c00', 'normal') / 2);
  });
});

describe.each(THEMES)('%s theme', (theme) => {
  const p = PALETTES[theme];
  const v = CSS[theme];

  for (const [name, colours] of Object.entries(groups(p, v))) {
    it.each(VISIONS)(`${name} stay ΔE00 ≥ ${MIN_DELTA_E} apart for %s`, (vision) => {
      for (const [k, c] of Object.entries(colours)) expect(c, `${name}: ${k} is defined`).toBeDefined();
      const { a, b, d } = closestPair(colours, vision);
      expect(d, `${theme} ${name}: ${a} vs ${b} for ${vision}`).toBeGreaterThanOrEqual(MIN_DELTA_E);
    });
  }

  it('text on the page is at least 4.5:1 on every panel surface', () => {
    for (const fg of ['--text', '--muted', '--faint', '--accent', '--ok', '--warn', '--bad']) {
      for (const bg of ['--bg', '--panel', '--panel-2', '--popover', '--field']) {
        expect(contrast(v[fg], v[bg]), `${theme} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    const pairs: [string, string][] = [
      ['--on-accent', '--accent-strong'], ['--fault-text', '--fault'], ['--on-warn', '--warn'], ['--on-bad', '--bad'],
      ['--ok-fg', '--ok-bg'], ['--bad-fg', '--bad-bg'], ['--note-fg', '--note-bg'], ['--danger-fg', '--danger-bg'],
      ['--text', '--pressed'], ['--text', '--hover-bg'], ['--text', '--menu-hover'],
      ['--syn-key', '--field'], ['--syn-string', '--field'], ['--syn-number', '--field'], ['--syn-keyword', '--field'],
    ];
    for (const [fg, bg] of pairs) expect(contrast(v[fg], v[bg]), `${theme} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('text on the canvas is at least 4.5:1 on nodes and edge labels', () => {
    for (const fg of ['text', 'muted', 'okText', 'warnText', 'badText'] as const) {
      for (const bg of ['node', 'nodeClient', 'labelBg'] as const) {
        expect(contrast(p[fg], p[bg]), `${theme} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(contrast(p.faultText, p.fault), `${theme} fault tag text`).toBeGreaterThanOrEqual(4.5);
  });

  it('state marks are at least 3:1 against what they are drawn on', () => {
    const onNode = { ready: p.ready, starting: p.starting, draining: p.draining, dead: p.dead, closed: p.breakerClosed, halfOpen: p.breakerHalf, open: p.breakerOpen, busy: p.busy, queue: p.queue };
    for (const [k, c] of Object.entries(onNode)) {
      expect(contrast(c, p.node), `${theme} ${k} on a node`).toBeGreaterThanOrEqual(3);
      expect(contrast(c, p.labelBg), `${theme} ${k} on an edge label`).toBeGreaterThanOrEqual(3);
    }
    const onCanvas = { edge: p.edge, edgeError: p.edgeError, call: p.dotCall, ok: p.dotOk, error: p.dotError, timeout: p.dotTimeout, refused: p.dotRefused, hot: p.nodeBorderHot, accent: p.accent };
    for (const [k, c] of Object.entries(onCanvas)) expect(contrast(c, p.background), `${theme} ${k} on the canvas`).toBeGreaterThanOrEqual(3);
    for (let i = 1; i <= 8; i++) expect(contrast(v[`--series-${i}`], v['--panel']), `${theme} series ${i}`).toBeGreaterThanOrEqual(3);
    expect(contrast(v['--series-total'], v['--panel'])).toBeGreaterThanOrEqual(3);
    expect(contrast(v['--series-error'], v['--panel'])).toBeGreaterThanOrEqual(3);
  });

  it('the focus ring is at least 3:1 against every surface it can sit on', () => {
    for (const bg of ['--bg', '--panel', '--panel-2', '--popover', '--canvas', '--topbar-from', '--topbar-to']) {
      expect(contrast(v['--focus'], v[bg]), `${theme} focus on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('the page and the canvas agree on the shared colours', () => {
    const same: [string, number][] = [
      ['--canvas', p.background], ['--state-ready', p.ready], ['--state-starting', p.starting], ['--state-draining', p.draining],
      ['--state-dead', p.dead], ['--busy', p.busy], ['--queue', p.queue], ['--edge', p.edge], ['--edge-error', p.edgeError],
      ['--fault', p.fault], ['--fault-text', p.faultText], ['--text', p.text], ['--muted', p.muted], ['--series-error', p.edgeError],
    ];
    for (const [name, n] of same) expect(v[name]?.toLowerCase(), `${theme} ${name}`).toBe(hex(n));
  });
});

describe('setTheme', () => {
  it('swaps the live palette in place and back', () => {
    expect(currentTheme()).toBe('dark');
    const live = palette;
    setTheme('light');
    expect(palette).toBe(live);
    expect(palette.background).toBe(PALETTES.light.background);
    expect(palette.ready).toBe(PALETTES.light.ready);
    setTheme('dark');
    expect(palette.background).toBe(PALETTES.dark.background);
    expect(PALETTES.light.background).not.toBe(PALETTES.dark.background);
  });
});

describe('state is shown by shape as well as colour', () => {
  /** A glyph's markup without its colours: what is left is its shape. */
  const shape = (el: ReturnType<typeof createElement>) => renderToStaticMarkup(el).replace(/(fill|stroke)="[^"]*"/g, '');
  it('each instance state has its own glyph shape', () => {
    const shapes = (['ready', 'starting', 'draining', 'dead'] as const).map((s) => shape(createElement(InstanceGlyph, { state: s })));
    expect(new Set(shapes).size).toBe(4);
  });
  it('each breaker state has its own glyph shape', () => {
    const shapes = (['closed', 'halfOpen', 'open'] as const).map((s) => shape(createElement(BreakerGlyph, { state: s })));
    expect(new Set(shapes).size).toBe(3);
  });
});
