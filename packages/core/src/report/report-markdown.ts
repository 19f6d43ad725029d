/**
 * A domain report as one Markdown document: the popup's "Copy report" (pasted into a ticket or a
 * chat) and the VS Code report (shown as source) are the same document. DNS data is
 * attacker-controlled text, so every piece of it goes through the Markdown escapers: names,
 * addresses and records as code spans, prose as escaped text. A crafted MX name or TXT record
 * cannot become a link, an image or HTML where the report is rendered.
 */
import type { DomainReport } from '../plan/report.js';
import { escapeMarkdown, markdownCodeSpan } from './markdown-text.js';
import { FINDING_FIELD_LABEL, REPORT_WORDS, mxStatusText, severityLabel, verdictText } from './vocabulary.js';

export interface ReportMarkdownOptions {
  /** When the check ran (default: now), written after the verdict. */
  readonly checkedAt?: Date;
}

/** A code span in a table cell: GFM splits a row at `|` even inside code, unless written `\|` (GFM §4.10). */
function cellCode(text: string): string {
  return markdownCodeSpan(text, { tableCell: true });
}

export function reportMarkdown(report: DomainReport, options: ReportMarkdownOptions = {}): string {
  const checkedAt = options.checkedAt ?? new Date();
  const verdict = verdictText(report.verdict);
  const lines: string[] = [];
  lines.push(`# MX Doctor: ${markdownCodeSpan(report.domain)}`, '');
  if (report.input !== undefined && report.input !== report.domain) {
    lines.push(`Checked ${markdownCodeSpan(report.domain)} for input ${markdownCodeSpan(report.input)}.`, '');
  }
  lines.push(`**${escapeMarkdown(verdict.title)}**: ${escapeMarkdown(verdict.sentence)} (checked ${checkedAt.toISOString()})`, '');

  lines.push(`## ${REPORT_WORDS.mxSection}`, '');
  if (report.mx.length === 0) {
    lines.push(REPORT_WORDS.noMx, '');
  } else {
    lines.push('| Priority | Host | Provider | Addresses | Status |', '|---:|---|---|---|---|');
    for (const row of report.mx) {
      const host = row.exchange === '' ? `${cellCode('.')} ${REPORT_WORDS.nullMxHost}` : cellCode(row.exchange);
      const addresses =
        row.addresses.map((item) => cellCode(item.address) + (item.ptr !== undefined && item.ptr.length > 0 ? ` (PTR ${item.ptr.map(cellCode).join(', ')})` : '')).join(', ') || '—';
      lines.push(`| ${row.preference} | ${host} | ${escapeMarkdown(row.provider ?? '')} | ${addresses} | ${mxStatusText(row.status)} |`);
    }
    lines.push('');
  }

  lines.push(`## ${REPORT_WORDS.policySection}`, '', `- ${escapeMarkdown(report.spf)}`, `- ${escapeMarkdown(report.dmarc)}`, ...[report.dnssec, report.mtaSts].flatMap((line) => (line === undefined ? [] : [`- ${escapeMarkdown(line)}`])), '');

  if (report.authority !== undefined) {
    if ('notChecked' in report.authority) lines.push(`## ${REPORT_WORDS.authoritySection}`, '', `Not checked: ${escapeMarkdown(report.authority.notChecked)}.`, '');
    else {
      lines.push(`## ${REPORT_WORDS.authoritySection} of ${markdownCodeSpan(report.authority.zone)}`, '', '| Server | Address | Serial | MX as served | Status |', '|---|---|---:|---|---|');
      for (const row of report.authority.rows) {
        lines.push(`| ${cellCode(row.server)} | ${row.address === undefined ? '—' : cellCode(row.address)} | ${row.serial ?? '—'} | ${row.mx === undefined ? '—' : cellCode(row.mx)} | ${escapeMarkdown(row.status)} |`);
      }
      lines.push('');
    }
  }

  lines.push(`## ${REPORT_WORDS.findingsSection} (${report.findings.length})`, '');
  if (report.findings.length === 0) {
    lines.push(REPORT_WORDS.noFindings);
  } else {
    for (const f of report.findings) {
      lines.push(`- **${severityLabel(f.severity)}** ${markdownCodeSpan(f.id)} (${markdownCodeSpan(f.subject)}): ${escapeMarkdown(f.message)}`);
      if (f.evidence !== undefined) lines.push(`  - ${FINDING_FIELD_LABEL.evidence}: ${markdownCodeSpan(f.evidence)}`);
      if (f.fix !== undefined) lines.push(`  - ${FINDING_FIELD_LABEL.fix}: ${escapeMarkdown(f.fix)}`);
      if (f.rfc !== undefined) lines.push(`  - ${FINDING_FIELD_LABEL.rfc}: ${escapeMarkdown(f.rfc)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
