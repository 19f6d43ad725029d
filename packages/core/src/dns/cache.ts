/**
 * A cache in front of a resolver. One check run asks the same names many times (the SPF include
 * walk, MX targets shared between domains, several front-end requests at once), so answers are
 * kept for their TTL (RFC 1035 §3.2.1, the smallest TTL of the records, RFC 2181 §5.2), negative
 * answers for the SOA's negative TTL or 60 s without one (RFC 2308 §5), and no entry for longer
 * than a day (RFC 2308 §5 and RFC 8767 §4 suggest capping at 1–7 days). Failures are never cached:
 * a timeout now says nothing about the next try (rule zero; RFC 2308 §7 allows at most 5 minutes).
 *
 * Questions asked again while the first is still in flight share that one query. A caller's
 * AbortSignal only abandons that caller's wait; the shared query goes on for the others.
 */

import type { LookupOptions, LookupResult, RecordType, Resolver } from './types.js';
import { dnssecOptions, normalizeName } from './types.js';
import { negativeTtlOf } from './negative-ttl.js';
import { describeQuestion } from './question-text.js';

export interface CachingResolverOptions {
  /** Clock in milliseconds; default `Date.now`. */
  readonly now?: () => number;
  /** Longest time anything is kept, in seconds. Default 86400 (1 day). */
  readonly maxTtlSeconds?: number;
  /** Negative-caching time when no SOA came with NXDOMAIN/NODATA, in seconds. Default 60. */
  readonly defaultNegativeTtlSeconds?: number;
  /** Most entries kept; the least recently used are dropped first. Default 10000. */
  readonly maxEntries?: number;
}

interface Entry {
  readonly result: LookupResult;
  /** Clock value (ms) from which the entry is stale. */
  readonly expires: number;
}

export const MAX_CACHE_TTL_SECONDS = 86400;
export const DEFAULT_NEGATIVE_TTL_SECONDS = 60;

/**
 * Seconds a result may be cached: 0 for failures; for data, the smallest record TTL; for
 * NXDOMAIN and for answers without a record of the asked type (NODATA, or a CNAME chain that
 * ends in nothing), also no longer than the negative TTL. Capped at `maxTtl`.
 */
export function cacheTtlSeconds(
  result: LookupResult,
  maxTtl: number = MAX_CACHE_TTL_SECONDS,
  defaultNegativeTtl: number = DEFAULT_NEGATIVE_TTL_SECONDS,
): number {
  if (result.kind === 'failed') return 0;
  let ttl = maxTtl;
  for (const record of result.records) ttl = Math.min(ttl, record.ttl);
  const negative = result.kind === 'nxdomain' || !result.records.some((record) => record.type === result.question.type);
  if (negative) ttl = Math.min(ttl, negativeTtlOf(result) ?? defaultNegativeTtl);
  return Math.max(0, ttl);
}

export class CachingResolver implements Resolver {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<LookupResult>>();
  private readonly now: () => number;
  private readonly maxTtl: number;
  private readonly defaultNegativeTtl: number;
  private readonly maxEntries: number;

  constructor(
    readonly inner: Resolver,
    options: CachingResolverOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.maxTtl = options.maxTtlSeconds ?? MAX_CACHE_TTL_SECONDS;
    this.defaultNegativeTtl = options.defaultNegativeTtlSeconds ?? DEFAULT_NEGATIVE_TTL_SECONDS;
    this.maxEntries = options.maxEntries ?? 10000;
  }

  /** Number of cached entries (stale ones included until they are next looked at). */
  get size(): number {
    return this.entries.size;
  }

  /** Forget every cached result (queries in flight carry on). */
  clear(): void {
    this.entries.clear();
  }

  lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const normalized = normalizeName(name);
    // DO and CD change the answer (RRSIGs; validation off): separate entries.
    const key = `${normalized} ${type}${options?.dnssecOk === true ? ' +do' : ''}${options?.checkingDisabled === true ? ' +cd' : ''}`;
    const signal = options?.signal;
    const aborted = (): LookupResult => {
      const question = { name: normalized, type };
      return { kind: 'failed', question, reason: 'aborted', detail: `lookup of ${describeQuestion(question)} was cancelled` };
    };
    if (signal?.aborted) return Promise.resolve(aborted());

    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      if (this.now() < cached.expires) {
        // Least recently used goes first: a fleet run's shared provider hosts stay while the
        // one-domain answers around them come and go (Map order is insertion order).
        this.entries.set(key, cached);
        return Promise.resolve(cached.result);
      }
    }

    let query = this.inFlight.get(key);
    if (query === undefined) {
      // The first asker's deadline bounds the shared query (one check, or one fleet run, asks).
      const fresh = this.ask(key, normalized, type, options);
      this.inFlight.set(key, fresh);
      void fresh.then(() => {
        if (this.inFlight.get(key) === fresh) this.inFlight.delete(key);
      });
      query = fresh;
    }
    if (signal === undefined) return query;

    const shared = query;
    return new Promise<LookupResult>((resolve) => {
      const onAbort = (): void => resolve(aborted());
      signal.addEventListener('abort', onAbort, { once: true });
      void shared.then((result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      });
    });
  }

  /** The shared query for `key`: asked without any caller's signal, cached when it succeeds. Never rejects. */
  private async ask(key: string, name: string, type: RecordType, options: LookupOptions | undefined): Promise<LookupResult> {
    let result: LookupResult;
    const deadline = options?.deadline;
    try {
      result = await this.inner.lookup(name, type, { ...(deadline !== undefined && { deadline }), ...dnssecOptions(options) });
    } catch (error) {
      const question = { name, type };
      result = {
        kind: 'failed',
        question,
        reason: 'network',
        detail: `resolver threw while looking up ${describeQuestion(question)}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const ttl = cacheTtlSeconds(result, this.maxTtl, this.defaultNegativeTtl);
    if (ttl > 0) {
      this.entries.delete(key);
      this.entries.set(key, { result, expires: this.now() + ttl * 1000 });
      while (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next();
        if (oldest.done === true) break;
        this.entries.delete(oldest.value);
      }
    }
    return result;
  }
}
