/**
 * Readable text for `mx-doctor check`: verdict, MX table, SPF and DMARC, then findings worst first.
 * Every text that comes from DNS (names, records, and the messages that quote them) goes through
 * `escapeControls` here, at output time: a label or TXT string may hold ESC, BEL or a newline, which
 * would drive the terminal or fake lines of output (shown as dig shows them, `\027`).
 */
import {
  escapeControls as shown,
  FINDING_FIELD_LABEL,
  mxStatusText,
  REPORT_WORDS,
  severityCounts,
  severityLabel,
  verdictText,
  type DomainReport,
  type Finding,
  type MxTableRow,
  type AuthorityTableRow,
  type Verdict,
} from '@mx-doctor/core';
import { SEVERITY_STYLE, type Painter } from '../color.js';

// The words are the core's vocabulary (the popup and the VS Code report use the same); only the colours are ours.
const VERDICT_STYLE: Record<Verdict, 'green' | 'red' | 'yellow' | 'blue'> = {
  'receives-mail': 'green',
  problems: 'red',
  'no-mail': 'blue',
  'could-not-check': 'yellow',
};

export interface CheckTextOptions {
  /**
   * Set when no lookup reached any resolver: said once at the top, and the `lookup-failed` findings
   * (all the same network failure) are listed without their evidence and fix. JSON and SARIF keep them whole.
   */
  readonly noResolver?: { readonly resolvers: readonly string[]; readonly error: string } | undefined;
}

export function renderCheckText(reports: readonly DomainReport[], paint: Painter, options: CheckTextOptions = {}): string {
  const { noResolver } = options;
  const body = reports.map((report) => renderOne(report, paint, noResolver !== undefined)).join('\n');
  if (!noResolver) return body;
  const sentence = `no resolver could be reached: ${noResolver.resolvers.map((url) => shown(url)).join(', ')} (${shown(noResolver.error)})`;
  const advice = 'Check the network connection, or choose another DNS-over-HTTPS resolver with --resolver.';
  return `${paint('yellow', sentence)}\n${advice}\n\n${body}`;
}

function renderOne(report: DomainReport, paint: Painter, noResolver: boolean): string {
  const verdict = verdictText(report.verdict);
  const counts = severityCounts(report.findings);
  const lines: string[] = [];
  const title = report.input && report.input !== report.domain ? `${shown(report.domain)} (from ${shown(report.input)})` : shown(report.domain);
  lines.push(`${paint('bold', `${title}:`)} ${paint(VERDICT_STYLE[report.verdict], verdict.title)}${counts ? paint('dim', ` — ${counts}`) : ''}`);
  lines.push(verdict.sentence);
  lines.push('');
  if (report.mx.length > 0) {
    lines.push(paint('bold', REPORT_WORDS.mxSection));
    lines.push(...mxTable(report.mx, paint).map((line) => `  ${line}`));
    lines.push('');
  }
  lines.push(shown(report.spf));
  lines.push(shown(report.dmarc));
  if (report.dnssec !== undefined) lines.push(shown(report.dnssec));
  if (report.mtaSts !== undefined) lines.push(shown(report.mtaSts));
  if (report.authority !== undefined) {
    lines.push('');
    if ('notChecked' in report.authority) lines.push(`${paint('bold', REPORT_WORDS.authoritySection)}: ${paint('yellow', 'not checked')} (${shown(report.authority.notChecked)})`);
    else {
      lines.push(paint('bold', `${REPORT_WORDS.authoritySection} of ${shown(report.authority.zone)}`));
      lines.push(...authorityTable(report.authority.rows, paint).map((line) => `  ${line}`));
    }
  }
  if (report.findings.length > 0) {
    lines.push('');
    lines.push(paint('bold', `${REPORT_WORDS.findingsSection} (${report.findings.length})`));
    for (const finding of report.findings) lines.push(...renderFinding(finding, paint, noResolver && finding.id === 'lookup-failed'));
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
    out.push(line([String(row.preference), hostOf(row), providerOf(row), first], paint(statusStyle[row.status], mxStatusText(row.status))));
    for (const address of more) out.push(line(['', '', '', address]));
  }
  return out;
}

function authorityTable(rows: readonly AuthorityTableRow[], paint: Painter): string[] {
  const header = ['SERVER', 'ADDRESS', 'SERIAL', 'MX AS SERVED', 'STATUS'] as const;
  const cells = rows.map((row) => [shown(row.server), shown(row.address ?? '—'), row.serial === undefined ? '—' : String(row.serial), shown(row.mx ?? '—')] as const);
  const widths = header.slice(0, 4).map((title, k) => Math.max(title.length, ...cells.map((c) => c[k]!.length)));
  const line = (cols: readonly string[], status: string) => `${cols.map((col, k) => col.padEnd(widths[k]!)).join('  ')}  ${status}`.trimEnd();
  const out = [paint('dim', line(header.slice(0, 4), header[4]))];
  rows.forEach((row, k) => out.push(line(cells[k]!, paint(row.serving ? 'green' : 'red', shown(row.status)))));
  return out;
}

function renderFinding(finding: Finding, paint: Painter, saidAtTop = false): string[] {
  const lines = [`  ${paint(SEVERITY_STYLE[finding.severity], severityLabel(finding.severity).padEnd(7))} ${paint('bold', finding.id)}  ${shown(finding.message)}`];
  const field = (label: string, text: string) => `          ${paint('dim', `${label}:`.padEnd(5))} ${shown(text)}`;
  if (saidAtTop) return lines;
  if (finding.evidence) lines.push(field(FINDING_FIELD_LABEL.evidence, finding.evidence));
  if (finding.fix) lines.push(field(FINDING_FIELD_LABEL.fix, finding.fix));
  if (finding.rfc) lines.push(field(FINDING_FIELD_LABEL.rfc, finding.rfc));
  return lines;
}
