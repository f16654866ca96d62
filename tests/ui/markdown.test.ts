// @vitest-environment happy-dom
/** Descriptions render as Markdown, and whatever HTML or script they hold never runs. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/ui/markdown';

describe('renderMarkdown', () => {
  it('renders the Markdown of a description: emphasis, lists, code, tables', () => {
    const html = renderMarkdown('**Bold** and `code`\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toMatch(/<li>one<\/li>/);
    expect(html).toContain('<table>');
  });
  // Sanitising is checked in the browser (e2e/observe.spec.ts): happy-dom is not a DOM DOMPurify trusts.
});
