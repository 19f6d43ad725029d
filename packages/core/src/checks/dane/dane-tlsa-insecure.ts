/**
 * `dane-tlsa-insecure` (warning): TLSA records at `_25._tcp.<mx>` whose answer is not
 * DNSSEC-validated. RFC 7672 §2.2: a sender uses TLSA records only when the lookup is secure, so
 * every sender ignores these; the pins look in place and protect nothing. Judged only through a
 * resolver that validates.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail, listWords, resolverValidates } from '../dnssec/dnssec-state.js';
import { tlsaState, tlsaText } from './tlsa-state.js';

export function daneTlsaInsecure(snapshot: MailDnsSnapshot): Finding[] {
  if (!resolverValidates(snapshot.policy) || acceptsNoMail(snapshot)) return [];
  const insecure = snapshot.targets.flatMap((target) => {
    const state = tlsaState(target);
    return state !== undefined && state.records.length > 0 && !state.secure ? [state] : [];
  });
  if (insecure.length === 0) return [];
  const hosts = insecure.map((state) => state.host);
  return [
    finding(daneTlsaInsecureCheck, {
      message: `TLSA records are published for ${listWords(hosts)}, but their answers are not DNSSEC-validated, so every sender ignores them: DANE is not in effect.`,
      subject: snapshot.domain,
      evidence: insecure.map((state) => `TLSA _25._tcp.${state.host}: ${state.records.map(tlsaText).join(', ')} (no AD)`).join('; '),
      fix: `Sign the zone${hosts.length === 1 ? '' : 's'} of ${listWords(hosts)} with DNSSEC (and publish the DS at the registrar), or remove the TLSA records.`,
    }),
  ];
}

export const daneTlsaInsecureCheck = defineCheck({
  id: 'dane-tlsa-insecure',
  severity: 'warning',
  scope: 'live',
  title: 'TLSA records without DNSSEC',
  rfc: 'RFC 7672 §2.2',
  live: [{ on: 'snapshot', run: daneTlsaInsecure }],
});
