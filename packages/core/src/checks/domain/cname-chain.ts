/**
 * Follows CNAME records inside one answer section. A resolver returns the whole chain with the
 * final records (RFC 1034 §4.3.2 step 3a), so the chain can be read back from the records alone.
 */
import { normalizeName, type DnsRecord } from '../../dns/types.js';
import { MAX_CNAME_HOPS, formatAliasChain } from '../../dns/answer-chain.js';

/**
 * Names from `start` through every CNAME hop found in `records`; `[start]` when it is no alias.
 * A loop ends with the name seen again; the walk stops one hop past `MAX_CNAME_HOPS`, so a chain
 * too long to follow still shows as too long (`chainProblem`).
 */
export function cnameChain(records: readonly DnsRecord[], start: string): string[] {
  const chain = [normalizeName(start)];
  const seen = new Set(chain);
  while (chain.length <= MAX_CNAME_HOPS + 1) {
    const current = chain[chain.length - 1];
    const next = records.find((record) => record.type === 'CNAME' && normalizeName(record.name) === current);
    if (next === undefined || next.type !== 'CNAME') return chain;
    const target = normalizeName(next.data);
    if (seen.has(target)) return [...chain, target]; // a loop: show it once and stop
    seen.add(target);
    chain.push(target);
  }
  return chain;
}

/** `a → b → c`, for evidence. */
export function formatChain(chain: readonly string[]): string {
  return formatAliasChain(chain);
}
