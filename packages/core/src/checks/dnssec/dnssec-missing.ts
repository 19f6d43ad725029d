/**
 * `dnssec-missing` (info): the domain's answers (or an MX host's) are never DNSSEC-validated, so
 * DANE cannot apply (RFC 7672 §2.2: TLSA records count only when secure) and a forged MX answer
 * goes unnoticed. Judged only through a resolver that validates (its answer for the root has AD);
 * not for a domain that accepts no mail (null MX, policies.md §10.9).
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail, isSecure, listWords, resolverValidates } from './dnssec-state.js';

export function dnssecMissing(snapshot: MailDnsSnapshot): Finding[] {
  const { policy, domain } = snapshot;
  if (!resolverValidates(policy) || snapshot.mx.kind !== 'answer' || acceptsNoMail(snapshot)) return [];
  const via = snapshot.mx.resolver === undefined ? '' : ` from ${snapshot.mx.resolver}`;
  const unsignedHosts = snapshot.targets.filter((target) => target.a.kind !== 'failed' && target.aaaa.kind !== 'failed' && !isSecure(target.a) && !isSecure(target.aaaa)).map((target) => target.name);
  if (!isSecure(snapshot.mx)) {
    return [
      finding(dnssecMissingCheck, {
        message: `${domain} is not DNSSEC-signed: its answers cannot be validated, so senders cannot use DANE for its mail and a forged MX answer goes unnoticed.`,
        subject: domain,
        evidence: `MX ${domain}: answered without AD${via}, while the root's SOA is validated (AD) by the same resolver`,
        fix: `Turn DNSSEC on for ${domain} at its DNS host, then publish the DS record it gives you at the registrar.`,
      }),
    ];
  }
  if (unsignedHosts.length === 0) return [];
  return [
    finding(dnssecMissingCheck, {
      message: `${domain} is signed, but its MX host${unsignedHosts.length === 1 ? '' : 's'} ${listWords(unsignedHosts)} ${unsignedHosts.length === 1 ? 'is' : 'are'} not: DANE cannot apply to ${unsignedHosts.length === 1 ? 'it' : 'them'}.`,
      subject: domain,
      evidence: unsignedHosts.map((host) => `A/AAAA ${host}: answered without AD`).join('; '),
      fix: `To use DANE, sign the zone${unsignedHosts.length === 1 ? '' : 's'} of ${listWords(unsignedHosts)} (or receive mail on hosts in a signed zone).`,
    }),
  ];
}

export const dnssecMissingCheck = defineCheck({
  id: 'dnssec-missing',
  severity: 'info',
  scope: 'live',
  title: 'Answers are not DNSSEC-validated',
  rfc: 'RFC 4033 §2; RFC 7672 §2.2',
  live: [{ on: 'snapshot', run: dnssecMissing }],
});
