/**
 * Readable text for `mx-doctor check`: verdict, MX table, SPF and DMARC, then findings worst first.
 * Every text that comes from DNS (names, records, and the messages that quote them) goes through
 * `escapeControls` here, at output time: a label or TXT string may hold ESC, BEL or a newline, which
 * would drive the terminal or fake lines of output (shown as dig shows them, `\027`).
 */
import { escapeControls as shown, type DomainReport, type Finding, type MxTableRow, type Verdict } from '@mx-doctor/core';
import { SEVERITY_STYLE, type Painter } from '../color.js';

const VERDICT_TEXT: Record<Verdict, { text: string; style: 'green' | 'red' | 'yellow' | 'blue' }> = {
  'receives-mail': { text: 'receives mail', style: 'green' },
  problems: { text: 'has problems', style: 'red' },
  'no-mail': { text: 'accepts no mail (null MX)', style: 'blue' },
  'could-not-check': { text: 'could not be checked', style: 'yellow' },
};

export function renderCheckText(reports: readonly DomainReport[], paint: Painter): string {
  return reports.map((report) => renderOne(report, paint)).join('\n');
}

function renderOne(report: DomainReport, paint: Painter): string {
  const verdict = VERDICT_TEXT[report.verdict];
  const counts = countBySeverity(report.findings);
  const lines: string[] = [];
  const title = report.input && report.input !== report.domain ? `${shown(report.domain)} (from ${shown(report.input)})` : shown(report.domain);
  lines.push(`${paint('bold', title)} ${paint(verdict.style, verdict.text)}${counts ? paint('dim', ` — ${counts}`) : ''}`);
  lines.push('');
  if (report.mx.length > 0) {
    lines.push(paint('bold', 'MX'));
    lines.push(...mxTable(report.mx, paint).map((line) => `  ${line}`));
    lines.push('');
  }
  lines.push(shown(report.spf));
  lines.push(shown(report.dmarc));
  if (report.findings.length > 0) {
    lines.push('');
    lines.push(paint('bold', `Findings (${report.findings.length})`));
    for (const finding of report.findings) lines.push(...renderFinding(finding, paint));
  }
  lines.push('');
  return lines.join('\n');
}

function mxTable(rows: readonly MxTableRow[], paint: Painter): string[] {
  // One line per address, so a host with IPv4 and IPv6 (and their PTR names) stays narrow.
  const addressLines = (row: MxTableRow) =>
    row.addresses.length === 0 ? ['—'] : row.addresses.map((a) => shown(a.ptr && a.ptr.length > 0 ? `${a.address} (${a.ptr.join(', ')})` : a.address));
  const header = ['PRI', 'HOST', 'PROVIDER', 'ADDRESSES (PTR)', 'STATUS'];
  const hostOf = (row: MxTableRow) => (row.exchange === '' ? '.' : shown(row.exchange));
  const providerOf = (row: MxTableRow) => shown(row.provider ?? '');
  const widths = [
    Math.max(3, ...rows.map((r) => String(r.preference).length)),
    Math.max(4, ...rows.map((r) => hostOf(r).length)),
    Math.max(8, ...rows.map((r) => providerOf(r).length)),
    Math.max(15, ...rows.flatMap(addressLines).map((line) => line.length)),
  ] as const;
  const line = (cols: readonly [string, string, string, string], status = '') =>
    `${cols[0].padStart(widths[0])}  ${cols[1].padEnd(widths[1])}  ${cols[2].padEnd(widths[2])}  ${cols[3].padEnd(widths[3])}  ${status}`.trimEnd();
  const statusStyle = { ok: 'green', problem: 'red', unknown: 'yellow' } as const;
  const out = [paint('dim', line([header[0]!, header[1]!, header[2]!, header[3]!], header[4]))];
  for (const row of rows) {
    const [first = '', ...more] = addressLines(row);
    out.push(line([String(row.preference), hostOf(row), providerOf(row), first], paint(statusStyle[row.status], row.status)));
    for (const address of more) out.push(line(['', '', '', address]));
  }
  return out;
}

function renderFinding(finding: Finding, paint: Painter): string[] {
  const lines = [`  ${paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7))} ${paint('bold', finding.id)}  ${shown(finding.message)}`];
  if (finding.evidence) lines.push(`          ${paint('dim', 'seen:')} ${shown(finding.evidence)}`);
  if (finding.fix) lines.push(`          ${paint('dim', 'fix:')}  ${shown(finding.fix)}`);
  if (finding.rfc) lines.push(`          ${paint('dim', 'rule:')} ${shown(finding.rfc)}`);
  return lines;
}

function countBySeverity(findings: readonly Finding[]): string {
  const parts: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const n = findings.filter((f) => f.severity === severity).length;
    if (n > 0) parts.push(`${n} ${severity}${n === 1 ? '' : 's'}`);
  }
  return parts.join(', ');
}
