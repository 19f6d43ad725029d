/**
 * Several DoH resolvers behind one `Resolver`: a failure of one resolver (timeout, SERVFAIL,
 * HTTP error, …) says nothing about the domain, so we retry once and then ask the next one
 * instead of reporting `lookup-failed` at once. An answer, NODATA included, and NXDOMAIN are
 * authoritative outcomes (RFC 1034 §4.3.1, RFC 2308 §2) and end the search. Only when every
 * resolver fails does the caller see a failure — never an empty answer (rule zero).
 *
 * `createResolver` builds the stack the front ends use: cache → failover → one DoH client per
 * URL; the un-cached per-URL clients are returned too, to compare resolvers' MX answers
 * (`resolvers-disagree`).
 */

import type { FailureReason, LookupOptions, LookupResult, RecordType, Resolver } from './types.js';
import { normalizeName } from './types.js';
import { CachingResolver } from './cache.js';
import { DohResolver } from './doh-client.js';
import { describeQuestion } from './question-text.js';

/** Public DoH resolvers used when none are configured, in the order they are tried. */
export const DEFAULT_RESOLVERS: readonly string[] = Object.freeze([
  'https://cloudflare-dns.com/dns-query',
  'https://dns.google/dns-query',
  'https://dns.quad9.net/dns-query',
]);

/** Failures that may be the resolver's or the path's fault: worth one more try on the same resolver. */
const RETRYABLE: ReadonlySet<FailureReason> = new Set<FailureReason>([
  'timeout',
  'network',
  'servfail',
  'refused',
  'http-status',
  'malformed',
  'content-type',
  'mismatch',
  'truncated',
  'too-large',
]);

/** Whether a failure reason is retried once on the same resolver before moving to the next. */
export function isRetryable(reason: FailureReason): boolean {
  return RETRYABLE.has(reason);
}

/**
 * Tries resolvers in order. Per resolver: one retry after a retryable failure; any other failure
 * (an unusual RCODE such as NOTIMP) moves straight to the next resolver; a caller's abort stops
 * at once. Answers and NXDOMAIN are returned as they are.
 */
export class FailoverResolver implements Resolver {
  readonly resolvers: readonly Resolver[];

  constructor(resolvers: readonly Resolver[]) {
    if (resolvers.length === 0) throw new Error('FailoverResolver needs at least one resolver');
    this.resolvers = [...resolvers];
  }

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const failures: { label: string; result: Extract<LookupResult, { kind: 'failed' }> }[] = [];
    const signal = options?.signal;
    for (const [index, resolver] of this.resolvers.entries()) {
      for (let attempt = 0; attempt < 2; attempt++) {
        if (signal?.aborted) {
          const question = { name: normalizeName(name), type };
          return {
            kind: 'failed',
            question,
            reason: 'aborted',
            detail: `lookup of ${describeQuestion(question)} was cancelled`,
          };
        }
        const result = await safeLookup(resolver, name, type, options);
        if (result.kind !== 'failed') return result;
        if (result.reason === 'aborted') return result;
        failures.push({ label: result.resolver ?? `resolver ${index + 1}`, result });
        if (!isRetryable(result.reason)) break;
      }
    }
    const last = failures[failures.length - 1]!.result;
    if (failures.length === 1) return last;
    // One clause per distinct failure: the retry usually fails the same way, and the question is
    // named once in front, so a person reads each resolver's trouble once.
    const asked = ` for ${describeQuestion(last.question)}`;
    const counts = new Map<string, number>();
    for (const { label, result } of failures) {
      const text = (result.detail.includes(label) ? result.detail : `${label}: ${result.detail}`).replace(asked, '');
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    const summary = [...counts].map(([text, times]) => (times > 1 ? `${text} (${times}×)` : text)).join('; ');
    return {
      ...last,
      detail: `all ${this.resolvers.length} resolver(s) failed for ${describeQuestion(last.question)} — ${summary}`,
    };
  }
}

/** `Resolver.lookup` must not throw; if a foreign resolver does anyway, count it as a network failure. */
async function safeLookup(resolver: Resolver, name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
  try {
    return await resolver.lookup(name, type, options);
  } catch (error) {
    const question = { name: normalizeName(name), type };
    return {
      kind: 'failed',
      question,
      reason: 'network',
      detail: `resolver threw while looking up ${describeQuestion(question)}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export interface CreateResolverOptions {
  /** DoH endpoint URLs, in the order to try. Blank entries are ignored; empty or absent means `DEFAULT_RESOLVERS`. */
  readonly urls?: readonly string[];
  readonly timeoutMs?: number;
  readonly method?: 'GET' | 'POST';
  readonly fetch?: typeof fetch;
}

/**
 * Build the resolver stack: `resolver` = cache over failover over one DoH client per distinct
 * URL; `endpoints` = those DoH clients, un-cached, in the same order. Throws for an invalid URL
 * (configuration, not a lookup).
 */
export function createResolver(options: CreateResolverOptions = {}): { resolver: Resolver; endpoints: Resolver[] } {
  const given = (options.urls ?? []).map((url) => url.trim()).filter((url) => url !== '');
  const urls = given.length === 0 ? DEFAULT_RESOLVERS : given;
  const seen = new Set<string>();
  const endpoints: DohResolver[] = [];
  for (const url of urls) {
    const endpoint = new DohResolver({
      url,
      ...(options.method === undefined ? {} : { method: options.method }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    const parsed = new URL(endpoint.url); // the constructor has validated it
    parsed.hash = '';
    const key = parsed.href;
    if (seen.has(key)) continue;
    seen.add(key);
    endpoints.push(endpoint);
  }
  return { resolver: new CachingResolver(new FailoverResolver(endpoints)), endpoints };
}
