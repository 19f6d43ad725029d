/**
 * The one Markdown report (the popup's "Copy report" and the VS Code report): the vocabulary's
 * words, every piece of DNS data escaped, and nothing of it rendered as markup by markdown-it
 * (VS Code's engine) with raw HTML and linkify on.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DomainReport, Finding } from '../../src/index.js';
import { reportMarkdown } from '../../src/report/report-markdown.js';
import { verdictText } from '../../src/report/vocabulary.js';

const extensionRequire = createRequire(new URL('../../../../extension-vscode/package.json', import.meta.url));
const MarkdownIt = extensionRequire('markdown-it') as new (options: { html: boolean; linkify: boolean }) => { render(text: string): string };
const md = new MarkdownIt({ html: true, linkify: true });

const CHECKED_AT = new Date('2026-12-03T07:00:00Z');

const finding = {
  id: 'mx-target-cname',
  severity: 'error',
  subject: 'mx1.example.com',
  message: 'mx1.example.com is a CNAME.',
  evidence: 'mx1.example.com. CNAME <img src=x onerror=alert(1)>.',
  fix: 'Point the MX at the canonical name.',
  rfc: 'RFC 2181 §10.3',
} as Finding;

const report: DomainReport = {
  domain: 'example.com',
  input: 'postmaster@example.com',
  verdict: 'problems',
  mx: [
    { preference: 10, exchange: 'mx1.example.com', provider: 'Google Workspace', addresses: [{ address: '192.0.2.1', family: 4, ptr: ['a|b.example'] }], status: 'problem' },
    { preference: 20, exchange: '[x](http://evil).example.com', addresses: [], status: 'unknown' },
  ],
  spf: 'SPF: -all, 1 of 10 lookups, includes [x](http://evil)',
  dmarc: 'DMARC: p=reject, reports to mailto:<b>b</b>',
  findings: [finding],
};

describe('reportMarkdown', () => {
  it('one document: heading, input, verdict title and sentence, MX table, SPF/DMARC, findings', () => {
    const markdown = reportMarkdown(report, { checkedAt: CHECKED_AT });
    const words = verdictText('problems');
    expect(markdown).toMatch(/^# MX Doctor: `example\.com`\n/);
    expect(markdown).toContain('Checked `example.com` for input `postmaster@example.com`.');
    expect(markdown).toContain(`**${words.title}**: ${words.sentence.replace(/[.:]/g, (c) => `\\${c}`)} (checked 2026-12-03T07:00:00.000Z)`);
    expect(markdown).toContain('## MX records');
    expect(markdown).toContain('| Priority | Host | Provider | Addresses | Status |');
    expect(markdown).toContain('| 10 | `mx1.example.com` | Google Workspace | `192.0.2.1` (PTR `a\\|b.example`) | Problem |');
    expect(markdown).toContain('| 20 | `[x](http://evil).example.com` |  | — | Unknown |');
    expect(markdown).toContain('## Sender policy');
    expect(markdown).toContain('- SPF\\: \\-all, 1 of 10 lookups, includes \\[x\\]\\(http\\://evil\\)');
    expect(markdown).toContain('## Findings (1)');
    expect(markdown).toContain('- **error** `mx-target-cname` (`mx1.example.com`): mx1\\.example\\.com is a CNAME\\.');
    expect(markdown).toContain('  - Seen: `mx1.example.com. CNAME <img src=x onerror=alert(1)>.`');
    expect(markdown).toContain('  - Fix: Point the MX at the canonical name\\.');
    expect(markdown).toContain('  - Rule: RFC 2181 §10\\.3');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('renders no link, image or tag from DNS data', () => {
    const html = md.render(reportMarkdown(report, { checkedAt: CHECKED_AT }));
    expect(html).not.toMatch(/<a[\s>]|<img|<b>|<script/i);
    expect(html).toContain('[x](http://evil).example.com');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The table has five cells per row: a `|` in a PTR name does not split the cell.
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(html).not.toContain('<td>b.example');
  });

  it('no MX, no findings, no input line when the input is the domain', () => {
    const markdown = reportMarkdown({ ...report, input: 'example.com', verdict: 'could-not-check', mx: [], findings: [] }, { checkedAt: CHECKED_AT });
    expect(markdown).not.toContain('for input');
    expect(markdown).toContain('**Could not check**');
    expect(markdown).toContain('No MX records.');
    expect(markdown).toContain('## Findings (0)\n\nNo findings: nothing to fix.');
  });

  it('shows the authoritative servers as a table, DNS data as code, and why the step did not run', () => {
    const authority = {
      zone: 'example.com',
      rows: [
        { server: 'ns1.example.net', address: '127.0.1.1', serial: 2026120301, mx: '10 mx1.example.com.', status: 'serves the zone', serving: true },
        { server: 'ns|2.[x](http://evil)', address: '127.0.2.1', status: 'does not answer (timeout)', serving: false },
      ],
    };
    const markdown = reportMarkdown({ ...report, authority }, { checkedAt: CHECKED_AT });
    expect(markdown).toContain('## Authoritative servers of `example.com`\n\n| Server | Address | Serial | MX as served | Status |');
    expect(markdown).toContain('| `ns1.example.net` | `127.0.1.1` | 2026120301 | `10 mx1.example.com.` | serves the zone |');
    const html = md.render(markdown);
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html.match(/<tr>/g)).toHaveLength(6);
    const stopped = md.render(reportMarkdown({ ...report, authority: { notChecked: 'the SOA lookup for example.com failed (timeout)' } }, { checkedAt: CHECKED_AT }));
    expect(stopped).toContain('<h2>Authoritative servers</h2>\n<p>Not checked: the SOA lookup for example.com failed (timeout).</p>');
  });
});
