/**
 * Several DoH resolvers behind one `Resolver`: a failure of one resolver (timeout, SERVFAIL,
 * HTTP error, …) says nothing about the domain, so we retry once and then ask the next one
 * instead of reporting `lookup-failed` at once. An answer, NODATA included, and NXDOMAIN are
 * authoritative outcomes (RFC 1034 §4.3.1, RFC 2308 §2) and end the search. Only when every
 * resolver fails does the caller see a failure — never an empty answer (rule zero).
 *
 * Bounds, so that hostile or dead resolvers cost little:
 * - Each question has a time budget (by default the sum of its attempts' timeouts): no attempt
 *   or wait starts after it, and what runs when it ends is cut off (`timeout`). Waiting for a
 *   free connection slot (16 per resolver, doh-client.ts) counts inside it.
 * - A `Retry-After` (429/503, RFC 9110 §10.2.3) is honoured: the resolver rests until then, and a
 *   question waits for it only when the wait ends within its budget; otherwise it moves on at once.
 * - A resolver that timed out or could not be reached twice in a row (no answer between) is
 *   demoted for `demoteForMs`: asked last, once, until it answers again. So a dead first
 *   resolver costs its timeouts on the first questions only, not on every question. The state
 *   lives in the stack: the CLI builds one per run, the language server one per settings
 *   (long-lived, hence the expiry).
 *
 * `createResolver` builds the stack the front ends use: cache → failover → one DoH client per
 * URL; the un-cached per-URL clients are returned too, to compare resolvers' MX answers
 * (`resolvers-disagree`).
 */

import type { FailureReason, LookupOptions, LookupResult, RecordType, Resolver } from './types.js';
import { dnssecOptions, normalizeName } from './types.js';
import { CachingResolver } from './cache.js';
import { DEFAULT_TIMEOUT_MS, DohResolver } from './doh-client.js';
import type { RetryAfterHint } from './doh-client.js';
import { describeQuestion } from './question-text.js';
import { RateLimitedResolver } from './rate-limit.js';

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

export interface FailoverOptions {
  /** Time budget of one question, in ms. Default: the sum over resolvers of 2 × their timeout. */
  readonly budgetMs?: number;
  /** How long a resolver that stopped answering is asked last. Default 30 s. */
  readonly demoteForMs?: number;
  /** Clock in milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

/** Consecutive timeouts/network errors after which a resolver is demoted. */
const DEAD_AFTER = 2;
const DEFAULT_DEMOTE_FOR_MS = 30_000;
/** Failures that say the resolver itself does not answer (as opposed to answering badly). */
const UNREACHABLE: ReadonlySet<FailureReason> = new Set<FailureReason>(['timeout', 'network']);

interface Health {
  /** Timeouts/network errors since its last answer. */
  silentFailures: number;
  /** Clock value until which it is asked last (0: not demoted). */
  demotedUntil: number;
  /** Clock value before which it asked not to be asked (Retry-After). */
  restingUntil: number;
}

type Failed = Extract<LookupResult, { kind: 'failed' }>;

/**
 * Tries resolvers in order, healthy ones first. Per resolver: one retry after a retryable failure
 * (none for a demoted resolver, or when it just became demoted); any other failure (an unusual
 * RCODE such as NOTIMP, a redirect) moves straight to the next resolver; a caller's abort stops at
 * once. Answers and NXDOMAIN are returned as they are.
 */
/** How evidence names a resolver: its URL (DoH, `dns://`), else its place in the list. */
function resolverLabel(resolver: Resolver, index: number): string {
  if (resolver instanceof DohResolver) return resolver.url;
  const url = (resolver as { readonly url?: unknown }).url;
  return typeof url === 'string' && url !== '' ? url : `resolver ${index + 1}`;
}

export class FailoverResolver implements Resolver {
  readonly resolvers: readonly Resolver[];
  readonly budgetMs: number;
  private readonly demoteForMs: number;
  private readonly now: () => number;
  private readonly health: Health[];

  constructor(resolvers: readonly Resolver[], options: FailoverOptions = {}) {
    if (resolvers.length === 0) throw new Error('FailoverResolver needs at least one resolver');
    this.resolvers = [...resolvers];
    this.budgetMs =
      options.budgetMs ?? this.resolvers.reduce((sum, resolver) => sum + 2 * timeoutOf(resolver), 0);
    if (!(this.budgetMs > 0)) throw new Error(`Invalid time budget ${this.budgetMs}: must be a positive number of milliseconds`);
    this.demoteForMs = options.demoteForMs ?? DEFAULT_DEMOTE_FOR_MS;
    this.now = options.now ?? (() => Date.now());
    this.health = this.resolvers.map(() => ({ silentFailures: 0, demotedUntil: 0, restingUntil: 0 }));
  }

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const question = { name: normalizeName(name), type };
    const asked = describeQuestion(question);
    const failures: { label: string; result: Failed }[] = [];
    const callerSignal = options?.signal;
    const cancelled = (): LookupResult => ({ kind: 'failed', question, reason: 'aborted', detail: `lookup of ${asked} was cancelled` });
    if (callerSignal?.aborted) return cancelled();

    // The budget as a signal for the resolvers below: it ends queue waits and requests alike.
    // It is the question's own budget, or what is left of the check's when that is less.
    const left = options?.deadline === undefined ? Infinity : Math.max(0, options.deadline - Date.now());
    const budgetMs = Math.min(this.budgetMs, left);
    const deadline = this.now() + budgetMs;
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(), budgetMs);
    const onCallerAbort = (): void => budget.abort();
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const outOfTime = (label: string): Failed => ({
      kind: 'failed',
      question,
      reason: 'timeout',
      detail: budgetMs < this.budgetMs ? `${label}: the check's time budget ran out before ${asked} was answered` : `${label}: the time budget of ${this.budgetMs} ms for ${asked} ran out`,
      resolver: label,
    });
    try {
      search: for (const index of this.order()) {
        const resolver = this.resolvers[index]!;
        const health = this.health[index]!;
        const label = resolverLabel(resolver, index);
        const attempts = this.isDemoted(health) ? 1 : 2;
        for (let attempt = 0; attempt < attempts; attempt++) {
          if (callerSignal?.aborted) return cancelled();
          const resting = health.restingUntil - this.now();
          if (resting > 0) {
            // Honour Retry-After only when the wait ends inside the budget; else move on now.
            if (this.now() + resting >= deadline) {
              if (attempt === 0) failures.push({ label, result: resting503(question, label, resting) });
              continue search;
            }
            await sleep(resting, budget.signal);
            if (callerSignal?.aborted) return cancelled();
          }
          if (this.now() >= deadline || budget.signal.aborted) {
            failures.push({ label, result: outOfTime(label) });
            break search;
          }
          const result = await safeLookup(resolver, name, type, { signal: budget.signal, ...dnssecOptions(options) });
          if (result.kind !== 'failed') {
            health.silentFailures = 0;
            health.demotedUntil = 0;
            return result;
          }
          if (result.reason === 'aborted') {
            if (callerSignal?.aborted) return result;
            failures.push({ label, result: outOfTime(label) }); // our budget, not the caller
            break search;
          }
          failures.push({ label: result.resolver ?? label, result });
          const retryAfterMs = (result as RetryAfterHint).retryAfterMs;
          if (retryAfterMs !== undefined) health.restingUntil = Math.max(health.restingUntil, this.now() + retryAfterMs);
          if (UNREACHABLE.has(result.reason) && ++health.silentFailures >= DEAD_AFTER) {
            health.demotedUntil = this.now() + this.demoteForMs;
          }
          // No retry on a resolver found dead (by this question or by others running beside it).
          if (!isRetryable(result.reason) || this.isDemoted(health)) break;
        }
      }
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
    return this.summarise(question, failures);
  }

  /** Indexes in the order to try: not demoted nor resting first, each group in configured order. */
  private order(): number[] {
    const now = this.now();
    const healthy: number[] = [];
    const others: number[] = [];
    this.health.forEach((health, index) => {
      if (health.silentFailures >= DEAD_AFTER && health.demotedUntil <= now) {
        health.silentFailures = 0; // the demotion expired: give it a fresh chance
        health.demotedUntil = 0;
      }
      (this.isDemoted(health) || health.restingUntil > now ? others : healthy).push(index);
    });
    return [...healthy, ...others];
  }

  private isDemoted(health: Health): boolean {
    return health.demotedUntil > this.now();
  }

  /** One failure as it is; several as one sentence naming each resolver's trouble once. */
  private summarise(question: { name: string; type: RecordType }, failures: readonly { label: string; result: Failed }[]): LookupResult {
    if (failures.length === 0) {
      return { kind: 'failed', question, reason: 'timeout', detail: `no resolver could be asked for ${describeQuestion(question)} within its time budget` };
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
    const failedAt = [...new Set(failures.map(({ label, result }) => result.resolver ?? label))];
    // Every attempt's Extended DNS Errors: a retry answered from the resolver's cache may carry
    // only a generic code (Unbound: EDE 6) where the first said why (EDE 7, Signature Expired).
    const errors = failures.flatMap(({ result }) => result.dnssec?.extendedErrors ?? []);
    const extendedErrors = errors.filter((error, index) => errors.findIndex((other) => other.code === error.code && other.text === error.text) === index).slice(0, 8);
    return {
      ...last,
      ...(last.dnssec !== undefined && { dnssec: { ...last.dnssec, extendedErrors } }),
      failedResolvers: failedAt,
      detail: `all ${this.resolvers.length} resolver(s) failed for ${describeQuestion(last.question)} — ${summary}`,
    };
  }
}

/** The failure for a resolver skipped because its Retry-After reaches past the budget. */
function resting503(question: { name: string; type: RecordType }, label: string, restingMs: number): Failed {
  return {
    kind: 'failed',
    question,
    reason: 'http-status',
    detail: `${label} asked not to be asked again for ${Math.ceil(restingMs / 1000)} s (Retry-After), past the time budget for ${describeQuestion(question)}`,
    resolver: label,
  };
}

/** Wait `ms`, or less when `signal` fires. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
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
  /** Time budget of one question (see `FailoverOptions.budgetMs`). */
  readonly budgetMs?: number;
  /**
   * Makes the resolver for a `dns://` URL (plain DNS over UDP/TCP: Node only, `@mx-doctor/dns-direct`).
   * Without it a `dns://` URL is refused as a browser would refuse it.
   */
  readonly plainDns?: (url: string, options: { readonly timeoutMs?: number }) => NamedResolver;
  /** Questions per second each endpoint may receive (`--qps`), after a burst of as many; no limit when absent. */
  readonly requestsPerSecond?: number;
}

/** A resolver that says which endpoint it is (its URL, for evidence and comparison). */
export type NamedResolver = Resolver & { readonly url: string; readonly timeoutMs?: number };

/** `resolver` as a named endpoint again (with its timeout), behind the request budget. */
function budgeted(resolver: NamedResolver, perSecond: number | undefined): NamedResolver {
  if (perSecond === undefined) return resolver;
  const limited = new RateLimitedResolver(resolver, { perSecond });
  return { url: resolver.url, timeoutMs: timeoutOf(resolver), lookup: (name, type, options) => limited.lookup(name, type, options) };
}

/** A resolver's per-attempt timeout, where it says (DoH and plain-DNS clients do). */
function timeoutOf(resolver: Resolver): number {
  const timeout = (resolver as { readonly timeoutMs?: unknown }).timeoutMs;
  return typeof timeout === 'number' ? timeout : DEFAULT_TIMEOUT_MS;
}

/**
 * Build the resolver stack: `resolver` = cache over failover over one DoH client per distinct
 * URL; `endpoints` = those DoH clients, un-cached, in the same order. Throws for an invalid URL
 * (configuration, not a lookup).
 */
export function createResolver(options: CreateResolverOptions = {}): { resolver: Resolver; endpoints: NamedResolver[] } {
  const given = (options.urls ?? []).map((url) => url.trim()).filter((url) => url !== '');
  const urls = given.length === 0 ? DEFAULT_RESOLVERS : given;
  const seen = new Set<string>();
  const endpoints: NamedResolver[] = [];
  for (const url of urls) {
    const endpoint: NamedResolver =
      options.plainDns !== undefined && /^dns:/i.test(url)
        ? options.plainDns(url, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs })
        : new DohResolver({
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
    endpoints.push(budgeted(endpoint, options.requestsPerSecond));
  }
  const failover = new FailoverResolver(endpoints, options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs });
  return { resolver: new CachingResolver(failover), endpoints };
}

