/**
 * `dnssec-signature-expiring` (warning): an RRSIG over the domain's MX, SOA or DNSKEY RRset ends
 * within 12 hours (RFC 4034 §3.1.5; Zonemaster DNSSEC04). When it ends before the signer renews
 * it, every validating resolver answers SERVFAIL (`dnssec-bogus`). Read from the answers asked
 * with DO; the end time is resolved by serial arithmetic against the time the facts were gathered.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { signatureTime, type LookupResult } from '../../dns/types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';

export const EXPIRY_WARNING_SECONDS = 12 * 3600;

function hoursText(seconds: number): string {
  if (seconds <= 0) return `ended ${Math.max(1, Math.round(-seconds / 60))} min ago`;
  return seconds < 3600 ? `ends in ${Math.max(1, Math.round(seconds / 60))} min` : `ends in ${(seconds / 3600).toFixed(1)} h`;
}

export function dnssecSignatureExpiring(snapshot: MailDnsSnapshot): Finding[] {
  const { policy, domain } = snapshot;
  if (policy === undefined) return [];
  const now = Math.floor(policy.checkedAt / 1000);
  const soon: { rrset: string; end: number; left: number }[] = [];
  for (const [type, result] of [['MX', snapshot.mx], ['SOA', policy.soa], ['DNSKEY', policy.dnskey]] as const satisfies readonly (readonly [string, LookupResult])[]) {
    if (result.kind === 'failed') continue;
    for (const signature of result.dnssec?.signatures ?? []) {
      const end = signatureTime(signature.expiration, now);
      if (end - now < EXPIRY_WARNING_SECONDS) soon.push({ rrset: `${type} ${result.question.name}`, end, left: end - now });
    }
  }
  if (soon.length === 0) return [];
  soon.sort((a, b) => a.end - b.end);
  const first = soon[0]!;
  const at = new Date(first.end * 1000).toISOString().replace('.000Z', 'Z');
  return [
    finding(dnssecSignatureExpiringCheck, {
      message: `The DNSSEC signature over ${first.rrset} ${hoursText(first.left)} (${at}): unless the zone is re-signed first, validating resolvers will answer SERVFAIL and mail to ${domain} stops.`,
      subject: domain,
      evidence: soon.map((item) => `RRSIG ${item.rrset}: expires ${new Date(item.end * 1000).toISOString().replace('.000Z', 'Z')}`).join('; '),
      fix: `Re-sign ${domain} now and check that its signer renews signatures well before they end (most sign for 1–4 weeks and renew days ahead).`,
    }),
  ];
}

export const dnssecSignatureExpiringCheck = defineCheck({
  id: 'dnssec-signature-expiring',
  severity: 'warning',
  scope: 'live',
  title: 'DNSSEC signatures are about to expire',
  rfc: 'RFC 4034 §3.1.5',
  live: [{ on: 'snapshot', run: dnssecSignatureExpiring }],
});
