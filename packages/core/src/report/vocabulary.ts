/**
 * The words every front end uses for a report: the CLI text, the popup and its toolbar badge,
 * the language server's hovers and the Markdown report (popup "Copy report", VS Code). One place,
 * so a verdict, a rank or a severity reads the same wherever a person looks. Pure data and
 * string functions, no Node or DOM: the popup bundles this module.
 */
import type { Finding } from '../findings/finding.js';
import type { Severity } from '../findings/catalogue.js';
import type { MxTableRow, Verdict } from '../plan/report.js';

export interface VerdictWords {
  /** A few words, shown first: "Receives mail". */
  readonly title: string;
  /** One sentence saying what it means for mail to the domain. */
  readonly sentence: string;
  /** One character for a badge or an icon: ✓ ! ✕ ?. */
  readonly icon: string;
}

const VERDICT_WORDS: Readonly<Record<Verdict, VerdictWords>> = {
  'receives-mail': { title: 'Receives mail', sentence: 'Mail to this domain can be delivered.', icon: '✓' },
  // "problems" covers a missing MX too, so it must not promise that mail arrives.
  problems: { title: 'Problems found', sentence: 'Mail to this domain may be lost or bounced: the findings say what to fix.', icon: '!' },
  'no-mail': { title: 'Does not accept mail (null MX)', sentence: 'The domain says it accepts no mail at all (RFC 7505).', icon: '✕' },
  // Rule zero: a failed lookup is not an answer about the domain.
  'could-not-check': { title: 'Could not check', sentence: 'A DNS lookup failed, so this says nothing about the domain: try again.', icon: '?' },
};

/** Every verdict, in the order a person meets them (best first). */
export const VERDICTS: readonly Verdict[] = ['receives-mail', 'problems', 'no-mail', 'could-not-check'];

/** The title, sentence and icon of a verdict. Throws for a string that is not one (JSON from another process). */
export function verdictText(verdict: Verdict): VerdictWords {
  if (!Object.prototype.hasOwnProperty.call(VERDICT_WORDS, verdict)) throw new Error(`unknown verdict: ${JSON.stringify(String(verdict)).slice(0, 40)}`);
  return VERDICT_WORDS[verdict];
}

const STATUS_WORDS: Readonly<Record<MxTableRow['status'], string>> = { ok: 'OK', problem: 'Problem', unknown: 'Unknown' };

/** An MX table row's status in words: OK, Problem, Unknown. */
export function mxStatusText(status: MxTableRow['status']): string {
  return STATUS_WORDS[status] ?? 'Unknown';
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A finding's severity as shown: "error", "warning", "info". */
export function severityLabel(severity: Severity): string {
  return severity;
}

/** "2 errors, 1 warning" (worst first; "" for none). */
export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): string {
  const parts: string[] = [];
  for (const severity of SEVERITIES) {
    let n = 0;
    for (const found of findings) if (found.severity === severity) n++;
    // "info" has no plural ("2 infos" is not a word).
    if (n > 0) parts.push(`${n} ${severityLabel(severity)}${n === 1 || severity === 'info' ? '' : 's'}`);
  }
  return parts.join(', ');
}

/** The labels in front of a finding's evidence, fix and rule. */
export const FINDING_FIELD_LABEL = { evidence: 'Seen', fix: 'Fix', rfc: 'Rule' } as const;

/** Section titles and empty states, shared by the popup, the CLI and the Markdown report. */
export const REPORT_WORDS = {
  mxSection: 'MX records',
  policySection: 'Sender policy',
  findingsSection: 'Findings',
  authoritySection: 'Authoritative servers',
  /** The popup cannot send plain DNS: what it does not check, and where it is checked. */
  authorityNotInBrowser: 'Authoritative servers: not asked from the browser (it sends DNS-over-HTTPS only). mx-doctor check and the editor\'s "Check domain" ask them for delegation, consistency and propagation.',
  noMx: 'No MX records.',
  noFindings: 'No findings: nothing to fix.',
  nullMxHost: '(null MX)',
} as const;

/** What an SPF qualifier makes of a matching sender (RFC 7208 §4.6.2). */
export const SPF_QUALIFIER_WORDS: Readonly<Record<string, string>> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/** What a receiver does with mail that fails DMARC under each policy (RFC 7489 §6.3). */
export const DMARC_POLICY_WORDS: Readonly<Record<'none' | 'quarantine' | 'reject', string>> = {
  none: 'deliver anyway and only report (monitoring)',
  quarantine: 'treat as suspicious (spam folder)',
  reject: 'refuse the mail',
};

/** An MX record as ranking needs it: the exchange ('' for the null MX) and its preference. */
export interface RankedMx {
  readonly exchange: string;
  readonly preference: number;
}

/**
 * Where an MX host stands in its RRset: "primary", "backup 1 of 2", "load-balanced among 2 at
 * preference 10", "the only MX host". Lower preference is tried first (RFC 5321 §5.1); a null MX
 * (RFC 7505) is no host and is not counted. `set`: the RRset's records the caller could read.
 */
export function mxRankText(mx: RankedMx, set: readonly RankedMx[]): string {
  if (mx.exchange === '') return 'null MX: this domain does not accept mail (RFC 7505)';
  const levels = new Set<number>();
  let peers = 0;
  for (const item of set) {
    if (item.exchange === '') continue;
    levels.add(item.preference);
    if (item.preference === mx.preference) peers++;
  }
  let level = 0;
  for (const preference of levels) if (preference < mx.preference) level++;
  const shared = peers > 1 ? `load-balanced among ${peers} at preference ${mx.preference}` : '';
  if (levels.size <= 1) return shared || 'the only MX host';
  const role = level === 0 ? 'primary' : `backup ${level} of ${levels.size - 1}`;
  return shared ? `${role}, ${shared}` : role;
}
