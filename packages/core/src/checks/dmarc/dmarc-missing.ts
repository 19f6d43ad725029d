/**
 * `dmarc-missing`: `_dmarc.<domain>` holds no `v=DMARC1` record (RFC 7489 §6.1), so receivers
 * have no policy for mail that fails SPF and DKIM alignment. Rule zero: a failed lookup is not
 * "no record". Only the domain's own name is asked; a subdomain may still be covered by its
 * organizational domain's record (§6.6.3), which this check does not see.
 */
import { recordsOf, type LookupResult } from '../../dns/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { dmarcName, dmarcTexts } from './dmarc-records.js';

export function checkDmarcMissing(domain: string, dmarc: LookupResult): Finding[] {
  if (dmarc.kind === 'failed' || dmarcTexts(dmarc).length > 0) return [];
  const name = dmarcName(domain);
  const others = recordsOf(dmarc, 'TXT').length;
  const evidence =
    dmarc.kind === 'nxdomain'
      ? `TXT ${name} → NXDOMAIN`
      : others === 0
        ? `TXT ${name} → no records`
        : `TXT ${name} → ${others} record${others === 1 ? '' : 's'}, none starting with "v=DMARC1"`;
  return [
    finding('dmarc-missing', {
      message: `${domain} publishes no DMARC record, so receivers have no policy for mail that forges it.`,
      subject: domain,
      evidence,
      fix: `Publish \`${name}. TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}"\` to start receiving reports, then move to p=quarantine or p=reject.`,
    }),
  ];
}
