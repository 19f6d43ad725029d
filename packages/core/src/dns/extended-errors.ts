/** The Extended DNS Errors (RFC 8914) that say DNSSEC validation failed, and reading them from a result. */
import type { ExtendedDnsError, LookupResult } from './types.js';

/** The DNSSEC INFO-CODEs (RFC 8914 §4.2–4.13): 1, 2 and 5–12. */
export const DNSSEC_EDE_CODES: ReadonlySet<number> = new Set([1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);

export function dnssecExtendedErrors(result: LookupResult): ExtendedDnsError[] {
  return (result.dnssec?.extendedErrors ?? []).filter((error) => DNSSEC_EDE_CODES.has(error.code));
}
