/**
 * How long "no such name" / "no such record" may be remembered (RFC 2308 §5): the smaller of
 * the SOA record's TTL and its MINIMUM field. The SOA of a negative answer sits in the authority
 * section, which `LookupResult.records` (the answer section) does not carry, so the DoH client
 * adds it to its results as an extra `negativeTtl` property; the cache reads it from there, or
 * from an SOA among the records of resolvers that put one there.
 */

import type { LookupResult } from './types.js';

/** Extra, optional property a resolver may add to an `answer`/`nxdomain` result. */
export interface NegativeTtlHint {
  /** Seconds a negative answer (NXDOMAIN or NODATA) may be cached, per RFC 2308 §5. */
  readonly negativeTtl?: number;
}

/** RFC 2308 §5: min(SOA TTL, SOA MINIMUM). */
export function soaNegativeTtl(soa: { readonly ttl: number; readonly data: { readonly minimum: number } }): number {
  return Math.min(soa.ttl, soa.data.minimum);
}

/** The negative-caching TTL a result carries, if any. */
export function negativeTtlOf(result: LookupResult): number | undefined {
  if (result.kind === 'failed') return undefined;
  const hint = (result as LookupResult & NegativeTtlHint).negativeTtl;
  if (typeof hint === 'number' && Number.isFinite(hint) && hint >= 0) return hint;
  let best: number | undefined;
  for (const record of result.records) {
    if (record.type !== 'SOA') continue;
    const ttl = soaNegativeTtl(record);
    best = best === undefined ? ttl : Math.min(best, ttl);
  }
  return best;
}
