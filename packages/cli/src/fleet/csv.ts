/**
 * `--format csv`: one row per domain (RFC 4180: CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). DNS data may start with `=`, `+`, `-` or `@`, which a spreadsheet runs as a
 * formula (CSV injection); such a field gets a leading `'`, as OWASP advises, so it stays text.
 */
import type { DomainReport } from '@mx-doctor/core';

export const CSV_COLUMNS = ['domain', 'verdict', 'mx_hosts', 'spf', 'dmarc', 'errors', 'warnings', 'ids'] as const;

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

/** Drops the "SPF: " / "DMARC: " label of a report line: the column names it. */
function withoutLabel(line: string, label: string): string {
  return line.startsWith(`${label}: `) ? line.slice(label.length + 2) : line;
}

export function csvRow(report: DomainReport): string {
  let errors = 0;
  let warnings = 0;
  for (const finding of report.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
  }
  const ids = [...new Set(report.findings.map((finding) => finding.id))].join(' ');
  const mxHosts = report.mx.map((row) => `${row.preference} ${row.exchange === '' ? '.' : row.exchange}`).join(' | ');
  const fields = [report.domain, report.verdict, mxHosts, withoutLabel(report.spf, 'SPF'), withoutLabel(report.dmarc, 'DMARC'), String(errors), String(warnings), ids];
  return `${fields.map(csvField).join(',')}\r\n`;
}
