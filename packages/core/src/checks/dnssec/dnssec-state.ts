/**
 * How the DNSSEC and policy checks read a lookup: validated (AD from a resolver that validates),
 * answered without validation, bogus, or failed otherwise. Whether the resolver validates at all
 * is read from the root's SOA: every validating resolver answers it with AD, a plain forwarder
 * never does, and through the latter no answer can be called "unsigned".
 */
import type { LookupResult } from '../../dns/types.js';
import type { MailDnsSnapshot, PolicyDnsFacts, TargetFacts } from '../../facts/snapshot.js';
import { isNullMx, mxEntriesFrom } from '../mx/mx-entry.js';

export function resolverValidates(policy: PolicyDnsFacts | undefined): policy is PolicyDnsFacts {
  return policy !== undefined && policy.validatorProbe.kind === 'answer' && policy.validatorProbe.dnssec?.authenticated === true;
}

/** Answered (data, NODATA or NXDOMAIN) and validated. */
export function isSecure(result: LookupResult | undefined): boolean {
  return result !== undefined && result.kind !== 'failed' && result.dnssec?.authenticated === true;
}

export function isBogus(result: LookupResult | undefined): result is Extract<LookupResult, { kind: 'failed' }> & { readonly reason: 'bogus' } {
  return result?.kind === 'failed' && result.reason === 'bogus';
}

/** The domain's MX set is the null MX only (RFC 7505): transport policies do not apply (policies.md §10.9). */
export function acceptsNoMail(snapshot: MailDnsSnapshot): boolean {
  const entries = mxEntriesFrom(snapshot.mx, snapshot.domain);
  return entries.length > 0 && entries.every(isNullMx);
}

/** A target's addresses were answered and validated (A or AAAA with records, AD set). */
export function addressesSecure(target: TargetFacts): boolean {
  const secureWithData = (result: LookupResult) => isSecure(result) && result.kind === 'answer' && result.records.some((record) => record.type === 'A' || record.type === 'AAAA');
  return secureWithData(target.a) || secureWithData(target.aaaa);
}

/** `a, b and c` */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
