/**
 * CNAME chains. A recursive resolver returns the whole chain in one answer; an authoritative
 * server (our test BIND, or a resolver that stops at a zone cut) may return only the first hop.
 * `lookupFollowingChain` finishes the chain itself so callers always see it to its end — or a
 * failure naming it: a loop (a name seen twice, a self-alias included) or more than
 * `MAX_CNAME_HOPS` aliases is `lookup-failed`, never "no records" (rule zero).
 */
import type { DnsRecord, DnssecFacts, LookupOptions, LookupResult, RecordType, Resolver } from '../dns/types.js';
import { normalizeName } from '../dns/types.js';
import { MAX_CNAME_HOPS, chainProblem } from '../dns/answer-chain.js';
import { cnameChain } from '../checks/domain/cname-chain.js';

export { cnameChain, MAX_CNAME_HOPS };

/**
 * Asks `name`/`type`; when the answer ends in a CNAME whose target the answer does not cover,
 * asks again for the target and merges the records, so the chain is complete. At most
 * `MAX_CNAME_HOPS` further questions: each must lengthen the chain, or the walk ends.
 */
export async function lookupFollowingChain(
  resolver: Resolver,
  name: string,
  type: RecordType,
  options?: LookupOptions,
): Promise<LookupResult> {
  const start = normalizeName(name);
  const first = await resolver.lookup(name, type, options);
  if (first.kind === 'failed') return first;
  let result: LookupResult = first;
  let records: DnsRecord[] = [...first.records];
  let chain = cnameChain(records, start);
  for (let asked = 0; ; asked++) {
    const problem = chainProblem(chain);
    if (problem !== undefined) {
      return { kind: 'failed', question: first.question, reason: problem.reason, detail: problem.why, ...(result.resolver !== undefined && { resolver: result.resolver }) };
    }
    const end = chain[chain.length - 1]!;
    // NXDOMAIN after a CNAME is about the chain's last name (RFC 6604 §2.1): nothing to ask.
    if (result.kind !== 'answer' || chain.length === 1 || type === 'CNAME') return result;
    if (records.some((record) => record.type === type && normalizeName(record.name) === end)) return result;
    if (asked >= MAX_CNAME_HOPS) return result; // unreachable while each hop lengthens the chain; a bound all the same
    const next = await resolver.lookup(end, type, options);
    if (next.kind === 'failed') return { ...next, question: first.question };
    records = [...records, ...next.records];
    const dnssec = chainDnssec(result.dnssec, next.dnssec);
    result = { kind: next.kind, question: first.question, records, ...(next.resolver !== undefined && { resolver: next.resolver }), ...(dnssec !== undefined && { dnssec }) };
    const longer = cnameChain(records, start);
    // An answer for `end` that does not continue the chain and has no data there is its NODATA.
    if (longer.length === chain.length) return result;
    chain = longer;
  }
}

/** A chain is validated only when every answer along it was (AD on each); its RRSIGs are the last answer's. */
function chainDnssec(before: DnssecFacts | undefined, next: DnssecFacts | undefined): DnssecFacts | undefined {
  if (before === undefined || next === undefined) return undefined;
  return {
    authenticated: before.authenticated && next.authenticated,
    checkingDisabled: before.checkingDisabled || next.checkingDisabled,
    signatures: next.signatures,
    extendedErrors: [...before.extendedErrors, ...next.extendedErrors].slice(0, 8),
  };
}
