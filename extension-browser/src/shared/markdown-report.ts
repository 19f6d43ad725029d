/**
 * The report as Markdown for "Copy report": pasteable into a ticket or a chat. DNS data is
 * attacker-controlled text, so every piece of it goes through the core's Markdown escapers: names
 * and records as code spans (`markdownCodeSpan`), prose as escaped text (`escapeMarkdown`). A
 * crafted MX name or TXT record cannot become a link, an image or HTML where the report is pasted.
 */
import { escapeMarkdown, markdownCodeSpan, type DomainReport, type Verdict } from '@mx-doctor/core';

export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  'receives-mail': 'Receives mail',
  problems: 'Problems found',
  'no-mail': 'Does not accept mail (null MX)',
  'could-not-check': 'Could not check',
};

export function markdownReport(report: DomainReport, checkedAt: Date = new Date()): string {
  const cellCode = (text: string) => markdownCodeSpan(text, { tableCell: true });
  const lines: string[] = [];
  lines.push(`## MX Doctor: ${markdownCodeSpan(report.domain)}`, '');
  lines.push(`**${VERDICT_TEXT[report.verdict]}** (checked ${checkedAt.toISOString()})`, '');
  if (report.mx.length > 0) {
    lines.push('| Priority | Host | Provider | Addresses | Status |', '|---:|---|---|---|---|');
    for (const row of report.mx) {
      const host = row.exchange === '' ? `${cellCode('.')} (null MX)` : cellCode(row.exchange);
      const addresses = row.addresses.map((a) => cellCode(a.address)).join(', ') || '—';
      lines.push(`| ${row.preference} | ${host} | ${escapeMarkdown(row.provider ?? '')} | ${addresses} | ${row.status} |`);
    }
    lines.push('');
  }
  lines.push(`- ${escapeMarkdown(report.spf)}`, `- ${escapeMarkdown(report.dmarc)}`, '');
  if (report.findings.length === 0) {
    lines.push('No findings.');
  } else {
    lines.push('### Findings', '');
    for (const f of report.findings) {
      lines.push(`- **${f.severity}** ${markdownCodeSpan(f.id)} (${markdownCodeSpan(f.subject)}): ${escapeMarkdown(f.message)}`);
      if (f.evidence !== undefined) lines.push(`  - Seen: ${markdownCodeSpan(f.evidence)}`);
      if (f.fix !== undefined) lines.push(`  - Fix: ${escapeMarkdown(f.fix)}`);
      if (f.rfc !== undefined) lines.push(`  - Rule: ${escapeMarkdown(f.rfc)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
