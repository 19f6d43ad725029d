/**
 * Renders the server's `DomainReport` as Markdown *text* for a read-only editor. DNS data is
 * attacker-controlled (anyone can publish any TXT record), so nothing from it is ever rendered as
 * HTML: values go into code spans or are backslash-escaped by the core's one Markdown escaper (via
 * the language server's `./markdown` export, which bundles nothing else), and the document is shown
 * as source.
 */
import { escapeMarkdown, markdownCodeSpan as codeSpan } from '@mx-doctor/language-server/markdown';

/** The part of `@mx-doctor/core`'s `DomainReport` this view reads (the server sends the whole report). */
export interface DomainReportView {
  readonly domain: string;
  readonly input?: string;
  readonly verdict: string;
  readonly mx: readonly {
    readonly preference: number;
    readonly exchange: string;
    readonly provider?: string;
    readonly addresses: readonly { readonly address: string; readonly ptr?: readonly string[] }[];
    readonly status: string;
  }[];
  readonly spf: string;
  readonly dmarc: string;
  readonly findings: readonly {
    readonly id: string;
    readonly severity: string;
    readonly message: string;
    readonly fix?: string;
  }[];
}

const VERDICT_TEXT: Record<string, string> = {
  'receives-mail': 'receives mail',
  problems: 'receives mail, with problems',
  'no-mail': 'does not receive mail',
  'could-not-check': 'could not check',
};

/** A code span in a table cell: GFM splits a row at `|` even inside code, unless written `\|`. */
function cellCode(text: string): string {
  return codeSpan(text, { tableCell: true });
}

export function reportToMarkdown(report: DomainReportView): string {
  const lines: string[] = [];
  lines.push(`# MX Doctor: ${codeSpan(report.domain)}`, '');
  if (report.input !== undefined && report.input !== report.domain) {
    lines.push(`Checked ${codeSpan(report.domain)} for input ${codeSpan(report.input)}.`, '');
  }
  lines.push(`**Verdict:** ${escapeMarkdown(VERDICT_TEXT[report.verdict] ?? report.verdict)}`, '');

  lines.push('## MX', '');
  if (report.mx.length === 0) {
    lines.push('No MX records.', '');
  } else {
    lines.push('| Preference | Exchange | Provider | Addresses | Status |', '|---:|---|---|---|---|');
    for (const row of report.mx) {
      const exchange = row.exchange === '' ? cellCode('.') + ' (null MX)' : cellCode(row.exchange);
      const addresses = row.addresses
        .map((item) => cellCode(item.address) + (item.ptr?.length ? ` (PTR ${item.ptr.map((name) => cellCode(name)).join(', ')})` : ''))
        .join(', ');
      lines.push(
        `| ${row.preference} | ${exchange} | ${row.provider === undefined ? '' : escapeMarkdown(row.provider)} | ${addresses} | ${escapeMarkdown(row.status)} |`,
      );
    }
    lines.push('');
  }

  lines.push('## SPF', '', escapeMarkdown(report.spf), '', '## DMARC', '', escapeMarkdown(report.dmarc), '');

  lines.push('## Findings', '');
  if (report.findings.length === 0) {
    lines.push('No findings.');
  } else {
    for (const item of report.findings) {
      lines.push(`- **${escapeMarkdown(item.severity)}** ${codeSpan(item.id)}: ${escapeMarkdown(item.message)}`);
      if (item.fix !== undefined) lines.push(`  - Fix: ${escapeMarkdown(item.fix)}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
