/**
 * `dmarc-missing`: no `v=DMARC1` record applies to the domain: none at `_dmarc.<domain>` (RFC 7489
 * §6.1) and, for a subdomain, none at its organisational domain either (§6.6.3), so receivers
 * have no policy for mail that fails SPF and DKIM alignment. Rule zero: a failed lookup (of either
 * name, when it was needed) is not "no record".
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { AppliedDmarc } from './applied-dmarc.js';
import { dmarcName } from './dmarc-records.js';
import { defineCheck } from '../check.js';

/** `organisationalDomain`: the organisational domain that was asked too, when the domain is below it. */
export function checkDmarcMissing(domain: string, applied: AppliedDmarc, organisationalDomain?: string): Finding[] {
  if (applied.kind !== 'none') return [];
  const name = dmarcName(domain);
  const nor = organisationalDomain !== undefined && organisationalDomain !== domain ? `, nor does its organisational domain ${organisationalDomain}` : '';
  return [
    finding(dmarcMissingCheck, {
      message: `${domain} publishes no DMARC record${nor}, so receivers have no policy for mail that forges it.`,
      subject: domain,
      evidence: applied.evidence,
      fix: `Publish \`${name}. TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}"\` to start receiving reports, then move to p=quarantine or p=reject.`,
    }),
  ];
}

export const dmarcMissingCheck = defineCheck({
  id: 'dmarc-missing',
  severity: 'warning',
  scope: 'live',
  title: 'No DMARC record',
  rfc: 'RFC 7489 §6.1',
  live: [{ on: 'dmarc', run: checkDmarcMissing }],
});
