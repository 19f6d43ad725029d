/**
 * CNAME chains. A recursive resolver returns the whole chain in one answer; an authoritative
 * server (our test BIND, or a resolver that stops at a zone cut) may return only the first hop.
 * `lookupFollowingChain` finishes the chain itself so callers always see it to its end.
 */
import type { LookupResult, RecordType, Resolver } from '../dns/types.js';
import { cnameChain } from '../checks/domain/cname-chain.js';

export { cnameChain };

/** RFC 1034 §3.6.2 allows chains; resolvers give up around 8–16 hops. */
const MAX_HOPS = 8;

/**
 * Asks `name`/`type`; when the answer ends in a CNAME whose target the answer does not cover,
 * asks again for the target and merges the records, so the chain is complete.
 */
export async function lookupFollowingChain(
  resolver: Resolver,
  name: string,
  type: RecordType,
): Promise<LookupResult> {
  let result = await resolver.lookup(name, type);
  const seen = new Set<string>([name]);
  for (let hop = 0; hop < MAX_HOPS && result.kind === 'answer'; hop++) {
    const chain = cnameChain(result.records, name);
    const end = chain[chain.length - 1] ?? name;
    if (end === name || seen.has(end)) break;
    const answered = result.records.some((record) => record.name === end);
    if (answered) break;
    seen.add(end);
    const next = await resolver.lookup(end, type);
    if (next.kind === 'failed') return { ...next, question: result.question };
    result = { kind: next.kind, question: result.question, records: [...result.records, ...next.records], ...(next.resolver !== undefined && { resolver: next.resolver }) };
  }
  return result;
}
