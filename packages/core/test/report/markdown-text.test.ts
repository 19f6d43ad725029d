/**
 * The Markdown escapers, rendered by a real CommonMark parser: markdown-it (VS Code's Markdown
 * engine, already a devDependency of the VS Code extension) with raw HTML and linkify on, the
 * worst case for injected markup.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeControls } from '../../src/report/escape-controls.js';
import { escapeMarkdown, markdownCodeSpan } from '../../src/report/markdown-text.js';

const extensionRequire = createRequire(new URL('../../../../extension-vscode/package.json', import.meta.url));
const MarkdownIt = extensionRequire('markdown-it') as new (options: { html: boolean; linkify: boolean }) => {
  render(text: string): string;
  renderInline(text: string): string;
};
const md = new MarkdownIt({ html: true, linkify: true });

/** The text a browser would show for rendered HTML that has no tags (entities decoded). */
function shownText(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const HOSTILE = [
  '[x](http://evil)',
  '![img](http://evil/x.png)',
  '<http://evil.example/>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b>',
  'evil.example',
  'http://evil',
  'www.evil.example',
  'mail@evil.example',
  '*em* _em_ **strong** ~~del~~',
  '# heading',
  '> quote',
  '- item',
  '1. item',
  '`code` ``two``',
  '&lt;entity&gt; &amp; &#60;',
  'a | b',
  '[ref]: http://evil',
  'back\\slash \\[',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('%s renders as exactly its text, with no markup', (text) => {
    const html = md.renderInline(escapeMarkdown(text));
    expect(html).not.toMatch(/<(?!\/?p>)[a-z/]/i); // no tag at all
    expect(shownText(html)).toBe(text);
  });

  it('escapes the syntax characters with backslashes, not entities', () => {
    expect(escapeMarkdown('[x](http://evil)')).toBe('\\[x\\]\\(http\\://evil\\)');
    expect(escapeMarkdown('<img src=x>')).toBe('\\<img src=x\\>');
    expect(escapeMarkdown('mx1.example.com')).toBe('mx1\\.example\\.com');
  });

  it('shows controls as \\DDD and keeps a newline from starting a block', () => {
    const html = md.render(`- ${escapeMarkdown('one\n# two\x1b')}`);
    expect(html).not.toMatch(/<h1/);
    expect(shownText(html.replace(/<\/?(ul|li)>/g, '').trim())).toBe('one\\010# two\\027');
  });

  it('property: any text renders as itself (controls shown as \\DDD), never as markup', () => {
    const unit = fc.oneof(fc.constantFrom(...'[]()<>!`*_~#|\\&:./-+ {}\nhttp'.split('')), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        const html = md.renderInline(escapeMarkdown(text));
        expect(html).not.toMatch(/<[a-z/]/i);
        expect(shownText(html)).toBe(escapeControls(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('markdownCodeSpan', () => {
  const codeOf = (html: string) => /^<code>([\s\S]*)<\/code>$/.exec(html)?.[1];

  it.each(['plain', 'a`b', '`lead', 'trail`', '``x``', ' spaced ', '<img src=x>', '[x](http://evil)', '`` ` ``'])('%s stays inside one code span', (text) => {
    const html = md.renderInline(markdownCodeSpan(text));
    expect(codeOf(html), html).toBeDefined();
    expect(shownText(codeOf(html)!)).toBe(text);
  });

  it('property: a backtick in the data never ends the span', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('`', 'a', ' ', '<', '>', '['), maxLength: 20 }), (text) => {
        const html = md.renderInline(markdownCodeSpan(text));
        const body = codeOf(html);
        expect(body, `${text} → ${html}`).toBeDefined();
        // One pad space each side is stripped by the renderer; an empty span is shown as one space.
        expect(shownText(body!)).toBe(text === '' ? ' ' : text);
      }),
      { numRuns: 1000 },
    );
  });

  it('shows controls as \\DDD inside the span', () => {
    expect(markdownCodeSpan('a\nb\x1b')).toBe('`a\\010b\\027`');
  });

  it('in a table cell, a | inside the span does not split the row', () => {
    const table = `| a | b |\n|---|---|\n| ${markdownCodeSpan('x|y', { tableCell: true })} | ${escapeMarkdown('p|q')} |\n`;
    const html = md.render(table);
    expect(html).toContain('<td><code>x|y</code></td>');
    expect(html).toContain('<td>p|q</td>');
  });
});
