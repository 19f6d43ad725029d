/**
 * The "DNSSEC: …" line every front end shows beside SPF and DMARC: whether the domain's answers
 * are validated, fail validation, or cannot be judged through this resolver.
 */
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { isBogus, isSecure, resolverValidates } from './dnssec-state.js';

export function describeDnssec(snapshot: MailDnsSnapshot): string | undefined {
  const { policy } = snapshot;
  if (policy === undefined) return undefined;
  if (isBogus(snapshot.mx) || isBogus(policy.soa)) return 'DNSSEC: signed, but validation fails (bogus): validating resolvers cannot look it up';
  if (!resolverValidates(policy)) return 'DNSSEC: not known (the resolver does not validate DNSSEC)';
  if (snapshot.mx.kind === 'failed') return 'DNSSEC: not known (the MX lookup failed)';
  return isSecure(snapshot.mx) ? 'DNSSEC: signed (answers validated)' : 'DNSSEC: unsigned (answers cannot be validated)';
}
