/**
 * The report as Markdown for "Copy report": pasteable into a ticket or a chat. DNS data is
 * attacker-controlled text, so table cells escape `|` and inline code uses a fence long enough
 * that a backtick in a record cannot end it.
 */
import type { DomainReport, Verdict } from '@mx-doctor/core';

export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  'receives-mail': 'Receives mail',
  problems: 'Problems found',
  'no-mail': 'Does not accept mail (null MX)',
  'could-not-check': 'Could not check',
};

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((run) => run.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/[\r\n]+/g, ' ')}${pad}${fence}`;
}

export function markdownReport(report: DomainReport, checkedAt: Date = new Date()): string {
  const lines: string[] = [];
  lines.push(`## MX Doctor: ${report.domain}`, '');
  lines.push(`**${VERDICT_TEXT[report.verdict]}** (checked ${checkedAt.toISOString()})`, '');
  if (report.mx.length > 0) {
    lines.push('| Priority | Host | Provider | Addresses | Status |', '|---:|---|---|---|---|');
    for (const row of report.mx) {
      const host = row.exchange === '' ? '. (null MX)' : row.exchange;
      const addresses = row.addresses.map((a) => a.address).join(', ') || '—';
      lines.push(`| ${row.preference} | ${cell(host)} | ${cell(row.provider ?? '')} | ${cell(addresses)} | ${row.status} |`);
    }
    lines.push('');
  }
  lines.push(`- ${report.spf.replace(/[\r\n]+/g, ' ')}`, `- ${report.dmarc.replace(/[\r\n]+/g, ' ')}`, '');
  if (report.findings.length === 0) {
    lines.push('No findings.');
  } else {
    lines.push('### Findings', '');
    for (const f of report.findings) {
      lines.push(`- **${f.severity}** ${code(f.id)} (${f.subject}): ${f.message.replace(/[\r\n]+/g, ' ')}`);
      if (f.evidence !== undefined) lines.push(`  - Seen: ${code(f.evidence)}`);
      if (f.fix !== undefined) lines.push(`  - Fix: ${f.fix.replace(/[\r\n]+/g, ' ')}`);
      if (f.rfc !== undefined) lines.push(`  - Rule: ${f.rfc}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
