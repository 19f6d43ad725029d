/**
 * `smtp-no-starttls` (warning): a host answers EHLO without offering STARTTLS (RFC 3207 §4), so
 * mail to it crosses the Internet unencrypted. A failed EHLO (e.g. `502`) offers no extensions at
 * all and counts too. An address whose EHLO reply never came is not judged: could not check is
 * not "absent". One finding per host, naming the addresses without STARTTLS.
 */

import { finding, type Finding } from '../../findings/finding.js';
import { offersStarttls } from './ehlo.js';
import { groupByHost, joinEvidence, shortText } from './hosts.js';
import type { SmtpProbeResult } from './types.js';
import { defineCheck } from '../check.js';

/** The evidence for one address that lacks STARTTLS, or `undefined` when it has it or was not seen. */
function missingStarttls(result: SmtpProbeResult): string | undefined {
  if (result.outcome !== 'connected' || result.ehlo === undefined) return undefined;
  if (result.starttls ?? offersStarttls(result.ehlo)) return undefined;
  const said = shortText(result.ehlo.lines.join('\n'));
  return result.ehlo.code === 250
    ? `${result.address}: EHLO reply lists ${said === '' ? 'nothing' : `"${said}"`}`
    : `${result.address}: EHLO rejected with "${shortText(`${result.ehlo.code} ${said}`)}"`;
}

export function checkSmtpNoStarttls(results: readonly SmtpProbeResult[]): Finding[] {
  const findings: Finding[] = [];
  for (const group of groupByHost(results)) {
    const missing = group.results.map(missingStarttls).filter((evidence) => evidence !== undefined);
    if (missing.length === 0) continue;
    findings.push(
      finding(smtpNoStarttlsCheck, {
        subject: group.host,
        message: `MX host ${group.host} does not offer STARTTLS after EHLO: mail to it travels unencrypted and cannot be protected by MTA-STS or DANE.`,
        evidence: joinEvidence(missing),
        fix: `Enable STARTTLS with a valid certificate on ${group.host} (Postfix: smtpd_tls_cert_file, smtpd_tls_key_file and smtpd_tls_security_level = may) so it lists STARTTLS in its EHLO reply.`,
      }),
    );
  }
  return findings;
}

export const smtpNoStarttlsCheck = defineCheck({
  id: 'smtp-no-starttls',
  severity: 'warning',
  scope: 'transport',
  title: 'An MX host does not offer STARTTLS',
  rfc: 'RFC 3207',
  live: [{ on: 'smtp', run: (_domain, results) => checkSmtpNoStarttls(results) }],
});
