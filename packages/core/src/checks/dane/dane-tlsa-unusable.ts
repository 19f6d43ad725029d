/**
 * `dane-tlsa-unusable` (warning): an MX host's validated TLSA records are all PKIX-TA(0) or
 * PKIX-EE(1), usages SMTP DANE does not use (RFC 7672 §3.1.3): a DANE sender finds no usable
 * record and, the TLSA RRset being secure, still insists on TLS without any way to authenticate
 * (RFC 7672 §2.2: "unusable" records make the host's TLS unauthenticated).
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail, listWords } from '../dnssec/dnssec-state.js';
import { tlsaState, tlsaText } from './tlsa-state.js';

export function daneTlsaUnusable(snapshot: MailDnsSnapshot): Finding[] {
  if (acceptsNoMail(snapshot)) return [];
  const unusable = snapshot.targets.flatMap((target) => {
    const state = tlsaState(target);
    return state !== undefined && state.secure && state.records.length > 0 && state.usable.length === 0 ? [state] : [];
  });
  if (unusable.length === 0) return [];
  const hosts = unusable.map((state) => state.host);
  return [
    finding(daneTlsaUnusableCheck, {
      message: `The TLSA records of ${listWords(hosts)} use only PKIX usages (0 or 1), which SMTP DANE does not use: DANE senders find no usable record for ${hosts.length === 1 ? 'it' : 'them'}.`,
      subject: snapshot.domain,
      evidence: unusable.map((state) => `TLSA _25._tcp.${state.host}: ${state.records.map(tlsaText).join(', ')}`).join('; '),
      fix: `Publish DANE-EE records instead: \`_25._tcp.${hosts[0]}. TLSA 3 1 1 <SHA-256 of the server's public key>\` (RFC 7671 §5.1), then remove the usage 0/1 records.`,
    }),
  ];
}

export const daneTlsaUnusableCheck = defineCheck({
  id: 'dane-tlsa-unusable',
  severity: 'warning',
  scope: 'live',
  title: 'TLSA records SMTP DANE cannot use',
  rfc: 'RFC 7672 §3.1.3',
  live: [{ on: 'snapshot', run: daneTlsaUnusable }],
});
