/**
 * A DNS-over-HTTPS client for one endpoint (RFC 8484). It runs unchanged in a browser extension
 * and in Node 20: only `fetch`, `Uint8Array`, `TextDecoder` and `AbortController`.
 *
 * Rule zero lives here: every way a query can go wrong (HTTP status, content type, size, a message
 * that does not decode or does not answer our question, TC, SERVFAIL, REFUSED, other RCODEs,
 * timeout, network error, cancellation) becomes a `failed` result with a reason; `lookup` never
 * throws and never turns a failure into an empty answer.
 *
 * - GET sends the query base64url-encoded without padding in `?dns=` (RFC 8484 §4.1, §6);
 *   POST sends it as the body with `content-type: application/dns-message` (RFC 8484 §4.1).
 * - The query has message ID 0 (RFC 8484 §4.1), so the response is matched on its question
 *   (RFC 5452 §9.1: name case-insensitively, type and class) as well as the ID.
 * - The response must be 2xx with `content-type: application/dns-message` (RFC 8484 §4.2.1, §6).
 *   A 3xx is a failure (`redirect`), never followed: the endpoint is the one the user chose.
 * - At most `maxConcurrent` (32) requests are open at once; the others wait their turn, and their
 *   own timeout starts only when they are sent, so a long queue does not make them time out.
 * - A 429 or 503 with `Retry-After` (RFC 9110 §10.2.3, RFC 6585 §4) carries the wait in the
 *   result (`retryAfterMs`); the failover stack decides whether it fits the question's budget.
 * - Of the answer section only the question's CNAME chain and the records at its end are kept;
 *   an answer holding nothing for the question, a CNAME loop or an over-long chain fails
 *   (`answer-chain.ts`).
 */

import type { FailureReason, LookupOptions, LookupResult, Question, RecordType, Resolver } from './types.js';
import { normalizeName } from './types.js';
import { base64UrlEncode } from './base64url.js';
import { describeQuestion } from './question-text.js';
import { QueryEncodingError, encodeQuery } from './query-message.js';
import { interpretResponse } from './interpret-response.js';
import type { NegativeTtlHint } from './negative-ttl.js';
import { validateResolverUrl } from './resolver-url.js';
import { ConcurrencyLimit } from './concurrency-limit.js';

export { validateResolverUrl } from './resolver-url.js';

/** The DoH media type (RFC 8484 §6). */
export const DNS_MESSAGE_TYPE = 'application/dns-message';

export interface DohResolverOptions {
  /** The endpoint, e.g. `https://cloudflare-dns.com/dns-query`. `http:` only for loopback hosts. */
  readonly url: string;
  /** HTTP method (RFC 8484 §4.1); GET is cacheable. Default `GET`. */
  readonly method?: 'GET' | 'POST';
  /** Time for the whole exchange, body included. Default 3000 ms. */
  readonly timeoutMs?: number;
  /** `fetch` to use; default `globalThis.fetch`, looked up at call time. */
  readonly fetch?: typeof fetch;
  /** Largest response body accepted. Default 65535 (the largest DNS message, RFC 1035 §4.2.2). */
  readonly maxResponseBytes?: number;
  /** Most requests open at once to this endpoint; more wait their turn. Default 16. */
  readonly maxConcurrent?: number;
}

/** How long the server asked us to wait before asking again (429/503 with `Retry-After`), in ms. */
export interface RetryAfterHint {
  readonly retryAfterMs?: number;
}

/**
 * What a `DohResolver` returns: a `LookupResult`, with the RFC 2308 negative TTL when an SOA came
 * with it, and the server's `Retry-After` when it asked us to wait.
 */
export type DohLookupResult = LookupResult & NegativeTtlHint & RetryAfterHint;

export const DEFAULT_TIMEOUT_MS = 3000;
const DEFAULT_MAX_RESPONSE_BYTES = 65535;
/**
 * Requests open at once per endpoint: enough for one check's waves (with the authority step and
 * the policy questions, about 25 at once; 16 cost a round trip, BENCHMARKS.md), few enough to be polite.
 */
export const DEFAULT_MAX_CONCURRENT = 32;
/** Longest delay-seconds we read (about 31 years); longer is nonsense and ignored. */
const MAX_RETRY_AFTER_DIGITS = 9;

/**
 * A `Retry-After` value (RFC 9110 §10.2.3: delay-seconds or an HTTP-date) as milliseconds from
 * `now`, at least 0; `undefined` when it is neither.
 */
export function parseRetryAfter(value: string, now: number = Date.now()): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return text.length > MAX_RETRY_AFTER_DIGITS ? undefined : Number(text) * 1000;
  // An HTTP-date always names a day or month; without letters, Date.parse would read "1.5" as a date.
  if (!/[A-Za-z]/.test(text) || text.length > 64) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A failure found while talking to the endpoint, before it becomes a `LookupResult`. */
class ExchangeFailure {
  constructor(
    readonly reason: FailureReason,
    readonly detail: string,
    readonly retryAfterMs?: number,
  ) {}
}

/** Thrown (internally) when our own signal fires during a step that does not watch it. */
class Interrupted extends Error {}

export class DohResolver implements Resolver {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  private readonly fetchImpl: typeof fetch;
  private readonly limit: ConcurrencyLimit;
  /** The URL without its fragment, ready to take the `dns` parameter. */
  private readonly baseUrl: string;

  constructor(options: DohResolverOptions) {
    const problem = validateResolverUrl(options.url);
    if (problem !== undefined) throw new Error(`Invalid DNS-over-HTTPS resolver: ${problem}`);
    this.url = options.url.trim();
    const parsed = new URL(this.url);
    parsed.hash = '';
    this.baseUrl = parsed.href;
    this.method = options.method ?? 'GET';
    if (this.method !== 'GET' && this.method !== 'POST') throw new Error(`Invalid DoH method "${String(this.method)}": use GET or POST`);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(this.timeoutMs > 0)) throw new Error(`Invalid DoH timeout ${this.timeoutMs}: must be a positive number of milliseconds`);
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (!(this.maxResponseBytes >= 12)) throw new Error(`Invalid maxResponseBytes ${this.maxResponseBytes}: must be at least 12`);
    this.limit = new ConcurrencyLimit(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
    const injected = options.fetch;
    // Never call `globalThis.fetch` as a method of this object: browsers throw "Illegal invocation".
    this.fetchImpl = injected ?? ((input, init) => globalThis.fetch(input, init));
  }

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<DohLookupResult> {
    const question: Question = { name: normalizeName(name), type };
    const asked = describeQuestion(question);
    const failed = (reason: FailureReason, detail: string) => this.failure(question, reason, detail);
    const signal = options?.signal;
    if (signal?.aborted) return failed('aborted', `lookup of ${asked} at ${this.url} was cancelled`);

    let query: Uint8Array;
    try {
      query = encodeQuery(question.name, type, { ...(options?.dnssecOk === true && { dnssecOk: true }), ...(options?.checkingDisabled === true && { checkingDisabled: true }) });
    } catch (error) {
      const why = error instanceof QueryEncodingError ? error.message : String(error);
      return failed('malformed', `cannot ask ${this.url} for ${asked}: ${why}`);
    }

    // Wait for a free slot first: the timeout below is this request's own, not the queue's.
    const release = await this.limit.acquire(signal);
    if (release === undefined) return failed('aborted', `lookup of ${asked} at ${this.url} was cancelled`);

    const controller = new AbortController();
    let timedOut = false;
    let cancelled = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onCallerAbort = (): void => {
      cancelled = true;
      controller.abort();
    };
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const body = await this.exchange(query, controller.signal, asked);
      if (body instanceof ExchangeFailure) {
        const result = failed(body.reason, body.detail);
        return body.retryAfterMs === undefined ? result : { ...result, retryAfterMs: body.retryAfterMs };
      }
      return this.interpret(question, body);
    } catch (error) {
      if (cancelled) return failed('aborted', `lookup of ${asked} at ${this.url} was cancelled`);
      if (timedOut) return failed('timeout', `no answer from ${this.url} within ${this.timeoutMs} ms for ${asked}`);
      return failed('network', `could not reach ${this.url} for ${asked}: ${errorText(error)}`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
      release();
    }
  }

  /** One HTTP exchange: the response body, or why there is none. Throws on network errors and aborts. */
  private async exchange(query: Uint8Array, signal: AbortSignal, asked: string): Promise<Uint8Array | ExchangeFailure> {
    const init: RequestInit = {
      method: this.method,
      headers: this.method === 'POST' ? { accept: DNS_MESSAGE_TYPE, 'content-type': DNS_MESSAGE_TYPE } : { accept: DNS_MESSAGE_TYPE },
      signal,
      credentials: 'omit',
      // Never follow: a redirect could lead anywhere, plain http on another host included, and
      // an RFC 8484 server answers the query itself (§4.2.1: a 2xx with the DNS message).
      redirect: 'manual',
    };
    let target = this.baseUrl;
    if (this.method === 'POST') {
      init.body = new Uint8Array(query); // a copy typed as backed by a plain ArrayBuffer, as BodyInit wants
    } else {
      const separator = target.includes('?') ? (target.endsWith('?') || target.endsWith('&') ? '' : '&') : '?';
      target = `${target}${separator}dns=${base64UrlEncode(query)}`;
    }

    const response = await untilAborted(this.fetchImpl(target, init), signal);

    // Node gives the 3xx itself; a browser gives an "opaqueredirect" response with status 0.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status <= 399)) {
      discard(response);
      const code = response.status === 0 ? 'an opaque redirect' : `HTTP ${response.status}`;
      return new ExchangeFailure('redirect', `the resolver answered with a redirect (${code}) from ${this.url} for ${asked}; redirects are not followed`);
    }
    if (response.status < 200 || response.status > 299) {
      discard(response);
      // 429 Too Many Requests (RFC 6585 §4) and 503 (RFC 9110 §15.6.4) may say when to come back.
      const header = response.status === 429 || response.status === 503 ? response.headers.get('retry-after') : null;
      const retryAfterMs = header === null ? undefined : parseRetryAfter(header);
      const wait = retryAfterMs === undefined ? '' : ` (Retry-After: ${Math.ceil(retryAfterMs / 1000)} s)`;
      return new ExchangeFailure('http-status', `HTTP ${response.status} from ${this.url} for ${asked}${wait}`, retryAfterMs);
    }
    const contentType = response.headers.get('content-type');
    const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== DNS_MESSAGE_TYPE) {
      discard(response);
      const seen = contentType === null ? 'no content type' : `content type "${contentType}"`;
      return new ExchangeFailure('content-type', `${seen} instead of ${DNS_MESSAGE_TYPE} from ${this.url} for ${asked}`);
    }
    const tooLarge = new ExchangeFailure(
      'too-large',
      `response from ${this.url} for ${asked} is larger than ${this.maxResponseBytes} bytes`,
    );
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > this.maxResponseBytes) {
      discard(response);
      return tooLarge;
    }
    const body = await readCapped(response, this.maxResponseBytes, signal);
    return body ?? tooLarge;
  }

  /** A failed result for `question` from this endpoint (rule zero: never an empty answer). */
  private failure(question: Question, reason: FailureReason, detail: string): DohLookupResult {
    return { kind: 'failed', question, reason, detail, resolver: this.url };
  }

  /** Judge a response body against the question (RFC 1035 §4.1.1, RFC 8484 §4.2.1). */
  private interpret(question: Question, body: Uint8Array): DohLookupResult {
    return interpretResponse(question, body, { source: this.url, id: 0 }).result;
  }
}

/** Resolve `promise`, or reject as soon as `signal` fires (for fetch implementations that ignore it). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new Interrupted('aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Interrupted('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Read a body, giving up (returning `undefined`) as soon as it exceeds `cap` octets. */
async function readCapped(response: Response, cap: number, signal: AbortSignal): Promise<Uint8Array | undefined> {
  if (response.body === null) {
    const whole = new Uint8Array(await untilAborted(response.arrayBuffer(), signal));
    return whole.length > cap ? undefined : whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      total += value.length;
      if (total > cap) return undefined;
      chunks.push(value);
    }
    finished = true;
  } finally {
    if (!finished) reader.cancel().catch(() => undefined);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/** Drop a response body we will not read, so the connection can be reused or closed. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** A short text for a fetch error, with its cause when there is one (Node: `fetch failed` + ECONNREFUSED). */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return `${error.message} (${typeof code === 'string' ? `${code}: ` : ''}${cause.message})`;
  }
  return error.message;
}
