/**
 * `smtp-tls-old` (warning): the MX host negotiates TLS below 1.2 (RFC 8996 deprecates TLS 1.0 and
 * 1.1). Senders that require TLS 1.2 (MTA-STS senders, RFC 8461 §4.2; DANE, RFC 7672 §8) refuse or
 * fall back to plain text.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { defineCheck } from '../check.js';
import type { SmtpProbeResult } from './types.js';

const OLD = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

export function smtpTlsOld(_domain: string, results: readonly SmtpProbeResult[]): Finding[] {
  const seen = new Set<string>();
  return results.flatMap((result) => {
    if (result.tls === undefined || !OLD.has(result.tls.protocol) || seen.has(result.host)) return [];
    seen.add(result.host);
    return [
      finding(smtpTlsOldCheck, {
        message: `${result.host} (${result.address}) negotiates ${result.tls.protocol}, older than TLS 1.2: senders that require TLS 1.2 refuse to deliver there or send in plain text.`,
        subject: result.host,
        evidence: `STARTTLS at ${result.address}: ${result.tls.protocol}`,
        fix: `Enable TLS 1.2 and 1.3 on the mail server of ${result.host} (and turn TLS 1.0/1.1 off).`,
      }),
    ];
  });
}

export const smtpTlsOldCheck = defineCheck({
  id: 'smtp-tls-old',
  severity: 'warning',
  scope: 'transport',
  title: 'MX host negotiates TLS below 1.2',
  rfc: 'RFC 8996 §1; RFC 8461 §4.2',
  live: [{ on: 'smtp', run: smtpTlsOld }],
});
