/**
 * What the checks know about DNS. Only the DoH adapter touches the network; checks see these
 * types through the `Resolver` interface, so tests and front ends can inject their own.
 */

export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'PTR' | 'NS' | 'SOA';

export interface MxData {
  readonly preference: number;
  /** Target host, lower case, without the trailing dot; `''` for the null MX (`.`). */
  readonly exchange: string;
}

interface RecordBase {
  /** Owner name, lower case, without the trailing dot. */
  readonly name: string;
  readonly ttl: number;
}

export type DnsRecord =
  | (RecordBase & { readonly type: 'A' | 'AAAA'; readonly data: string })
  | (RecordBase & { readonly type: 'CNAME' | 'PTR' | 'NS'; readonly data: string })
  | (RecordBase & { readonly type: 'MX'; readonly data: MxData })
  /** TXT keeps its character-strings apart; join them with `txtText` before any test (RFC 7208 §3.3). */
  | (RecordBase & { readonly type: 'TXT'; readonly data: readonly string[] })
  | (RecordBase & { readonly type: 'SOA'; readonly data: { readonly mname: string; readonly serial: number; readonly minimum: number } });

export interface Question {
  readonly name: string;
  readonly type: RecordType;
}

/** Why a query could not be answered. Never to be read as "the record is absent" (rule zero). */
export type FailureReason =
  | 'timeout'
  | 'servfail'
  | 'refused'
  | 'rcode'
  | 'http-status'
  /** The resolver answered with an HTTP redirect (3xx); RFC 8484 servers answer, and we do not follow. */
  | 'redirect'
  | 'content-type'
  | 'malformed'
  | 'mismatch'
  | 'truncated'
  | 'too-large'
  | 'network'
  | 'aborted'
  /** A CNAME chain that comes back to a name it has passed (RFC 1034 §3.6.2); the detail names it. */
  | 'alias-loop'
  /** A CNAME chain longer than the number of aliases followed (`MAX_CNAME_HOPS`). */
  | 'chain-too-long';

/**
 * The outcome of one question. `answer` covers NOERROR with or without data (NODATA);
 * `records` holds the CNAME chain from the question's name, in order, then the records of the
 * question's type at the chain's last name — nothing else of the answer section (the DoH client
 * drops records of other owners and types, `answer-chain.ts`). For `nxdomain`, the chain only
 * (RFC 6604 §2.1: the NXDOMAIN is about its last name).
 */
export type LookupResult =
  | { readonly kind: 'answer'; readonly question: Question; readonly records: readonly DnsRecord[]; readonly resolver?: string }
  | { readonly kind: 'nxdomain'; readonly question: Question; readonly records: readonly DnsRecord[]; readonly resolver?: string }
  | {
      readonly kind: 'failed';
      readonly question: Question;
      readonly reason: FailureReason;
      /** A short sentence: what went wrong and where (`SERVFAIL from https://…`). */
      readonly detail: string;
      readonly resolver?: string;
    };

export interface LookupOptions {
  readonly signal?: AbortSignal;
  /**
   * When the whole check must be done (`Date.now()` time, ms): a resolver stack never waits past
   * it (Retry-After, queues), and a question's own budget is cut to what is left of it.
   */
  readonly deadline?: number;
}

/** Anything that can answer DNS questions. The DoH client is one; tests may bring their own. */
export interface Resolver {
  lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupResult>;
}

/** The joined text of a TXT record (RFC 7208 §3.3: strings joined with nothing between them). */
export function txtText(record: { readonly data: readonly string[] }): string {
  return record.data.join('');
}

/** The record variant of one type (`RecordOf<'A'>` has `data: string`). */
export type RecordOf<T extends RecordType> = DnsRecord & { readonly type: T };

/** Records of one type owned by `name` in a result (empty for NXDOMAIN or failure). */
export function recordsOf<T extends RecordType>(
  result: LookupResult,
  type: T,
  name?: string,
): RecordOf<T>[] {
  if (result.kind === 'failed') return [];
  return result.records.filter(
    (record): record is RecordOf<T> =>
      record.type === type && (name === undefined || record.name === name),
  );
}

/** Canonical form used everywhere: lower case, no trailing dot. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
