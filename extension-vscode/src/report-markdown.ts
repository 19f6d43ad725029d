/**
 * Renders the server's `DomainReport` as Markdown *text* for a read-only editor. DNS data is
 * attacker-controlled (anyone can publish any TXT record), so nothing from it is ever rendered as
 * HTML: values go into code spans or are backslash-escaped, and the document is shown as source.
 */

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

/**
 * Backslash-escapes the characters that could start HTML, an entity, a link or emphasis, or end a
 * table cell, and flattens control characters (so a TXT record cannot add lines). Dots, hyphens
 * and underscores stay as they are: names like `_dmarc.example.com` remain readable. Backticks
 * stay too (the core writes records to copy as code spans): a code span only makes text more
 * literal, never HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\\*<>&[\]|]/g, (character) => `\\${character}`);
}

/** A code span that holds any text: the fence is longer than the longest backtick run inside. */
export function codeSpan(text: string): string {
  // `|` is escaped even in code spans, or a table row would split there (GFM).
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
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
      const exchange = row.exchange === '' ? codeSpan('.') + ' (null MX)' : codeSpan(row.exchange);
      const addresses = row.addresses
        .map((item) => codeSpan(item.address) + (item.ptr?.length ? ` (PTR ${item.ptr.map(codeSpan).join(', ')})` : ''))
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
