/**
 * What the checks know about DNS. Only the DoH adapter touches the network; checks see these
 * types through the `Resolver` interface, so tests and front ends can inject their own.
 */

export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'PTR' | 'NS' | 'SOA' | 'TLSA' | 'DNSKEY';

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
  | (RecordBase & { readonly type: 'SOA'; readonly data: { readonly mname: string; readonly serial: number; readonly minimum: number } })
  | (RecordBase & { readonly type: 'TLSA'; readonly data: TlsaData })
  | (RecordBase & { readonly type: 'DNSKEY'; readonly data: { readonly flags: number; readonly protocol: number; readonly algorithm: number } });

/** A TLSA record (RFC 6698 §2.1): what it pins, and the pin as lower-case hex. */
export interface TlsaData {
  readonly usage: number;
  readonly selector: number;
  readonly matchingType: number;
  readonly certificateData: string;
}

/** What an RRSIG (RFC 4034 §3.1) says about the RRset it covers: who signed it and until when. */
export interface SignatureData {
  readonly typeCovered: number;
  readonly algorithm: number;
  /**
   * As on the wire: seconds since 1970 modulo 2^32, compared by serial-number arithmetic
   * (RFC 4034 §3.1.5, RFC 1982); `signatureTime` resolves them against a given time.
   */
  readonly expiration: number;
  readonly inception: number;
  readonly keyTag: number;
  readonly signerName: string;
}

/** An Extended DNS Error (RFC 8914 §2): the INFO-CODE and the server's EXTRA-TEXT. */
export interface ExtendedDnsError {
  readonly code: number;
  readonly text: string;
}

/**
 * What a response said about DNSSEC (asked with the AD bit set, RFC 6840 §5.7, so a validating
 * resolver reports its verdict): the AD bit, the RRSIGs over the answer (asked with DO only), and
 * any Extended DNS Errors.
 */
export interface DnssecFacts {
  /** AD bit: the resolver validated every record of the answer (RFC 4035 §3.2.3). */
  readonly authenticated: boolean;
  /** CD was set on the question: the resolver did not validate (RFC 4035 §3.2.2). */
  readonly checkingDisabled: boolean;
  /** RRSIGs at the answer's last owner covering the question's type (DO asked only). */
  readonly signatures: readonly SignatureData[];
  readonly extendedErrors: readonly ExtendedDnsError[];
}

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
  | 'chain-too-long'
  /**
   * DNSSEC validation failed: SERVFAIL with validation on, and either a DNSSEC Extended DNS Error
   * or an answer to the same question with CD=1 (RFC 4035 §5.5). Every validating resolver fails
   * it the same way, so senders cannot resolve it either.
   */
  | 'bogus';

/**
 * The outcome of one question. `answer` covers NOERROR with or without data (NODATA);
 * `records` holds the CNAME chain from the question's name, in order, then the records of the
 * question's type at the chain's last name — nothing else of the answer section (the DoH client
 * drops records of other owners and types, `answer-chain.ts`). For `nxdomain`, the chain only
 * (RFC 6604 §2.1: the NXDOMAIN is about its last name).
 */
export type LookupResult =
  | { readonly kind: 'answer'; readonly question: Question; readonly records: readonly DnsRecord[]; readonly resolver?: string; readonly dnssec?: DnssecFacts }
  | { readonly kind: 'nxdomain'; readonly question: Question; readonly records: readonly DnsRecord[]; readonly resolver?: string; readonly dnssec?: DnssecFacts }
  | {
      readonly kind: 'failed';
      readonly question: Question;
      readonly reason: FailureReason;
      /** A short sentence: what went wrong and where (`SERVFAIL from https://…`). */
      readonly detail: string;
      readonly resolver?: string;
      /** For a failure the server itself gave (SERVFAIL, REFUSED): its flags and Extended DNS Errors. */
      readonly dnssec?: DnssecFacts;
      /** Every resolver that failed this question (a failover stack fills it when it asked several). */
      readonly failedResolvers?: readonly string[];
    };

export interface LookupOptions {
  readonly signal?: AbortSignal;
  /**
   * When the whole check must be done (`Date.now()` time, ms): a resolver stack never waits past
   * it (Retry-After, queues), and a question's own budget is cut to what is left of it.
   */
  readonly deadline?: number;
  /** Ask for the RRSIGs too (the DO bit, RFC 3225). */
  readonly dnssecOk?: boolean;
  /**
   * Turn the resolver's validation off (the CD bit, RFC 4035 §3.2.2). Only as the second question,
   * after a SERVFAIL with validation on: asked first, a cache may hand back unvalidated data.
   */
  readonly checkingDisabled?: boolean;
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

/**
 * An RRSIG time field (32-bit serial arithmetic, RFC 4034 §3.1.5) as Unix seconds: of the values
 * congruent to it modulo 2^32, the one nearest `nowSeconds`.
 */
export function signatureTime(field: number, nowSeconds: number): number {
  const span = 2 ** 32;
  const base = field + Math.round((nowSeconds - field) / span) * span;
  return base;
}

/** The DNSSEC bits of a question's options, passed on to the resolver asked. */
export function dnssecOptions(options: LookupOptions | undefined): Pick<LookupOptions, 'dnssecOk' | 'checkingDisabled'> {
  return {
    ...(options?.dnssecOk === true && { dnssecOk: true }),
    ...(options?.checkingDisabled === true && { checkingDisabled: true }),
  };
}
