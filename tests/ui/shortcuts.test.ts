// @vitest-environment happy-dom
/** Which key events belong to the focused control, not to the page's shortcuts. */
import { describe, expect, it } from 'vitest';
import { ownedByControl } from '../../src/ui/shortcuts';

const el = (html: string): HTMLElement => {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild as HTMLElement;
};

describe('ownedByControl', () => {
  it('text fields, selects and the editor keep every key', () => {
    for (const k of [' ', '1', '?', 'ArrowRight']) {
      expect(ownedByControl(el('<input type="text">'), k)).toBe(true);
      expect(ownedByControl(el('<input type="number">'), k)).toBe(true);
      expect(ownedByControl(el('<textarea></textarea>'), k)).toBe(true);
      expect(ownedByControl(el('<select></select>'), k)).toBe(true);
      expect(ownedByControl(el('<div class="cm-editor"><div class="cm-content">x</div></div>').firstElementChild, k)).toBe(true);
    }
  });

  it('a slider keeps the arrows but not space or digits; buttons keep space and enter only', () => {
    const range = el('<input type="range">');
    expect(ownedByControl(range, 'ArrowRight')).toBe(true);
    expect(ownedByControl(range, ' ')).toBe(false);
    expect(ownedByControl(range, '2')).toBe(false);
    const button = el('<button>x</button>');
    expect(ownedByControl(button, ' ')).toBe(true);
    expect(ownedByControl(button, '3')).toBe(false);
    expect(ownedByControl(button, 'ArrowRight')).toBe(false);
    expect(ownedByControl(el('<button role="tab">x</button>'), 'ArrowRight')).toBe(true);
  });

  it('the page itself (body, a div) owns nothing', () => {
    expect(ownedByControl(document.body, ' ')).toBe(false);
    expect(ownedByControl(el('<div>x</div>'), '1')).toBe(false);
    expect(ownedByControl(null, ' ')).toBe(false);
  });
});
