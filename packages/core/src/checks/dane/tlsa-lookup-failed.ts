/**
 * `tlsa-lookup-failed` (error): an MX host's addresses are DNSSEC-secure but its TLSA lookup fails
 * (SERVFAIL, bogus, timeout). RFC 7672 §2.2.1: when the TLSA lookup for a secure host fails, a
 * DANE sender must not deliver to it (it cannot tell an attack from an outage), so it defers the
 * mail; with every host like that, mail waits and bounces (internet.nl issue #681: a "resolving
 * error", never "no TLSA").
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { addressesSecure } from '../dnssec/dnssec-state.js';

export function tlsaLookupFailed(target: TargetFacts, range?: SourceRange): Finding[] {
  const tlsa = target.tlsa;
  if (tlsa?.kind !== 'failed' || tlsa.reason === 'aborted' || !addressesSecure(target)) return [];
  return [
    finding(tlsaLookupFailedCheck, {
      message: `The TLSA lookup for ${target.name} fails (${tlsa.reason}) while its addresses are DNSSEC-signed: senders that use DANE defer mail to this host.`,
      subject: target.name,
      evidence: `TLSA ${tlsa.question.name}: ${tlsa.detail}`,
      fix: `Make _25._tcp.${target.name} answer: if its zone is delegated, fix that zone's servers or signatures; a name without TLSA records must return a signed NXDOMAIN or NODATA, not an error.`,
      range,
    }),
  ];
}

export const tlsaLookupFailedCheck = defineCheck({
  id: 'tlsa-lookup-failed',
  severity: 'error',
  scope: 'live',
  title: 'TLSA lookup fails for a signed MX host',
  rfc: 'RFC 7672 §2.2.1',
  live: [{ on: 'target', run: tlsaLookupFailed }],
});
