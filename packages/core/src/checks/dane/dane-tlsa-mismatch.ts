/**
 * `dane-tlsa-mismatch` (error): the MX host has usable, validated TLSA records, but none matches
 * the certificate chain it presents after STARTTLS (RFC 7672 §3). DANE senders (Postfix with DANE,
 * Microsoft 365 inbound, many European providers) then refuse to deliver: the classic outage after a
 * certificate renewal that changed the key without publishing its TLSA record first.
 * Matching (RFC 6698 §2.1, RFC 7672 §3.1): DANE-EE (3) against the leaf, DANE-TA (2) against a
 * certificate the server sent above the leaf; selector 0 the whole certificate, 1 its public key;
 * matching type 0 the data itself, 1 SHA-256, 2 SHA-512.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { RecordOf } from '../../dns/types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import type { SmtpCertificate, SmtpProbeResult } from '../smtp/types.js';
import { tlsaState, tlsaText } from './tlsa-state.js';

function digestFor(cert: SmtpCertificate, selector: number, matchingType: number): string | undefined {
  const digests = selector === 0 ? cert.certificate : selector === 1 ? cert.spki : undefined;
  if (digests === undefined) return undefined;
  return matchingType === 0 ? digests.full : matchingType === 1 ? digests.sha256 : matchingType === 2 ? digests.sha512 : undefined;
}

export function tlsaMatches(record: RecordOf<'TLSA'>, chain: readonly SmtpCertificate[]): boolean {
  const { usage, selector, matchingType, certificateData } = record.data;
  const candidates = usage === 3 ? chain.slice(0, 1) : usage === 2 ? chain.slice(1) : [];
  return candidates.some((cert) => {
    const digest = digestFor(cert, selector, matchingType);
    return digest !== undefined && digest !== '' && digest === certificateData.toLowerCase();
  });
}

export function daneTlsaMismatch(_domain: string, results: readonly SmtpProbeResult[], snapshot?: MailDnsSnapshot): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    const tls = result.tls;
    const target = snapshot?.targets.find((item) => item.name === result.host);
    const state = target === undefined ? undefined : tlsaState(target);
    if (tls === undefined || state === undefined || !state.secure || state.usable.length === 0 || seen.has(result.host)) continue;
    if (state.usable.some((record) => tlsaMatches(record, tls.chain))) continue;
    seen.add(result.host);
    const leaf = tls.chain[0];
    findings.push(
      finding(daneTlsaMismatchCheck, {
        message: `No TLSA record of ${result.host} matches the certificate it presents (${result.address}): DANE senders refuse to deliver to it.`,
        subject: result.host,
        evidence: `TLSA _25._tcp.${result.host}: ${state.usable.map(tlsaText).join(', ')}; presented: ${leaf?.subject ?? '(no certificate)'}, SPKI SHA-256 ${leaf?.spki.sha256 ?? '?'}`,
        fix: leaf === undefined ? `Make ${result.host} present its certificate after STARTTLS.` : `Publish \`_25._tcp.${result.host}. TLSA 3 1 1 ${leaf.spki.sha256}\` for the key in use (keep the old record until every cache has the new one), or put the matching certificate back.`,
      }),
    );
  }
  return findings;
}

export const daneTlsaMismatchCheck = defineCheck({
  id: 'dane-tlsa-mismatch',
  severity: 'error',
  scope: 'transport',
  title: 'No TLSA record matches the certificate',
  rfc: 'RFC 7672 §3',
  live: [{ on: 'smtp', run: daneTlsaMismatch }],
});
