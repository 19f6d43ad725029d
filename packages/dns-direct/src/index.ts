/**
 * Plain DNS for the Node front ends: questions straight to a zone's authoritative servers (RD=0,
 * the authority step) and a recursive resolver reached over UDP/TCP (`dns://127.0.0.1:53`, e.g. a
 * local Unbound). Both sit behind the core's interfaces (`AuthoritativeQuerier`, `Resolver`); each
 * question has a per-attempt timeout and one retry when the first attempt times out or cannot be
 * sent, both cut to the check's deadline.
 */
import { isIP } from 'node:net';
import { normalizeName, type AuthoritativeQuerier, type DirectReply, type LookupOptions, type LookupResult, type Question, type RecordType, type Resolver } from '@mx-doctor/core';
import { exchange, serverText, type Exchanged, type ServerAddress } from './exchange.js';

export { exchange, serverText, type Exchanged, type ServerAddress, type Transport } from './exchange.js';

export const DEFAULT_DIRECT_TIMEOUT_MS = 2000;

interface AttemptOptions {
  readonly recursionDesired: boolean;
  readonly timeoutMs: number;
  readonly source?: string;
}

/** Two attempts at most: a timeout or a send failure is retried once, within the deadline. */
async function ask(server: ServerAddress, question: Question, attempt: AttemptOptions, options: LookupOptions = {}): Promise<Exchanged> {
  let last: Exchanged | undefined;
  for (let k = 0; k < 2; k++) {
    const left = options.deadline === undefined ? attempt.timeoutMs : Math.min(attempt.timeoutMs, options.deadline - Date.now());
    if (left <= 0 && last !== undefined) return last;
    last = await exchange(server, question, { recursionDesired: attempt.recursionDesired, ...(options.dnssecOk === true && { dnssecOk: true }), ...(options.checkingDisabled === true && { checkingDisabled: true }), timeoutMs: Math.max(1, left), ...(options.signal && { signal: options.signal }), ...(attempt.source && { source: attempt.source }) });
    const result = last.result;
    if (result.kind !== 'failed' || (result.reason !== 'timeout' && result.reason !== 'network')) return last;
  }
  return last!;
}

export interface DirectQuerierOptions {
  /** The port authoritative servers are asked on (53; tests point it at their own servers). */
  readonly port?: number;
  readonly timeoutMs?: number;
}

/** Questions to authoritative servers at addresses read from DNS data: RD clear, AA reported. */
export class DirectQuerier implements AuthoritativeQuerier {
  readonly port: number;
  readonly timeoutMs: number;

  constructor(options: DirectQuerierOptions = {}) {
    this.port = options.port ?? 53;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_DIRECT_TIMEOUT_MS;
  }

  async ask(address: string, question: Question, options?: LookupOptions): Promise<DirectReply> {
    const normalized = { name: normalizeName(question.name), type: question.type };
    if (isIP(address) === 0) {
      return { result: { kind: 'failed', question: normalized, reason: 'malformed', detail: `${address} is not an IP address` }, authoritative: false, referral: [] };
    }
    const { result, authoritative, referral, glue, referralZone } = await ask({ address, port: this.port }, normalized, { recursionDesired: false, timeoutMs: this.timeoutMs }, options);
    return { result, authoritative, referral, glue, ...(referralZone !== undefined && { referralZone }) };
  }
}

/** `dns://ADDRESS[:PORT]`: an IP literal (a host name would need a resolver to find it) and a port. */
export function parseDnsUrl(url: string): ServerAddress | { error: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { error: `"${url}" is not a URL` };
  }
  if (parsed.protocol !== 'dns:') return { error: `"${url}" is not a dns:// URL` };
  if (parsed.pathname !== '' && parsed.pathname !== '/') return { error: `"${url}": a dns:// resolver URL has no path` };
  if (parsed.username || parsed.password || parsed.search || parsed.hash) return { error: `"${url}": a dns:// resolver URL is only an address and a port` };
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) === 0) return { error: `"${url}": give the resolver's IP address, not a host name (dns://127.0.0.1:53)` };
  const port = parsed.port === '' ? 53 : Number(parsed.port);
  return { address: host, port };
}

/** A recursive resolver over plain DNS (RD set), for `--resolver dns://…`. */
export class DnsResolver implements Resolver {
  readonly url: string;
  readonly #server: ServerAddress;
  readonly timeoutMs: number;

  constructor(url: string, options: { timeoutMs?: number } = {}) {
    const parsed = parseDnsUrl(url);
    if ('error' in parsed) throw new Error(`Invalid resolver URL ${parsed.error}`);
    this.#server = parsed;
    this.url = `dns://${serverText(parsed)}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_DIRECT_TIMEOUT_MS;
  }

  async lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult> {
    const question = { name: normalizeName(name), type };
    return (await ask(this.#server, question, { recursionDesired: true, timeoutMs: this.timeoutMs, source: this.url }, options)).result;
  }
}
