/**
 * What a person does about a bogus answer depends on why it is bogus; the Extended DNS Error says
 * why (RFC 8914 §4): expired signatures, a DS that matches no key, missing signatures.
 */
import type { LookupResult } from '../../dns/types.js';
import { dnssecExtendedErrors } from '../../dns/extended-errors.js';

export function bogusFix(results: readonly LookupResult[], zone: string): string {
  const codes = new Set(results.flatMap((result) => dnssecExtendedErrors(result).map((error) => error.code)));
  if (codes.has(7) || codes.has(8) || codes.has(25)) {
    return `The signatures of ${zone} are out of their validity period: re-sign the zone (check that the DNS host's DNSSEC signing still runs, and the server's clock).`;
  }
  if (codes.has(9) || codes.has(2) || codes.has(1)) {
    return `The DS record of ${zone} at the registrar matches no key the zone publishes: replace it with the DS of the current key (your DNS host shows it), or remove the DS to turn DNSSEC off until it is fixed.`;
  }
  if (codes.has(10) || codes.has(12)) {
    return `Answers from ${zone} lack signatures or denial-of-existence proofs: every authoritative server must serve the signed zone (check each one, e.g. \`dig +dnssec @server ${zone} SOA\`).`;
  }
  return `Find the broken link with \`delv ${zone} SOA\` or DNSViz, then fix the zone's signatures or the DS at the registrar; until then validating resolvers answer SERVFAIL.`;
}
