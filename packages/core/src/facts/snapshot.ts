import type { LookupResult } from '../dns/types.js';

/**
 * Everything the query plan learned about one mail domain, before any judgement.
 * Checks are pure functions of this (plus, for SPF, its own gathered tree): they never query.
 */
export interface MailDnsSnapshot {
  /** The domain checked, ASCII (punycode), lower case, no trailing dot. */
  readonly domain: string;
  /** MX at the domain from the primary resolver list (CNAME chain included in its records). */
  readonly mx: LookupResult;
  /**
   * The same MX question put to each configured resolver separately, for `resolvers-disagree`.
   * Empty when only one resolver is configured.
   */
  readonly mxByResolver: readonly { readonly resolver: string; readonly result: LookupResult }[];
  /** The domain's own addresses: evidence for `mx-missing` (implicit MX, RFC 5321 §5.1). */
  readonly a: LookupResult;
  readonly aaaa: LookupResult;
  /** TXT at the domain (SPF lives here). */
  readonly txt: LookupResult;
  /** TXT at `_dmarc.<domain>`. */
  readonly dmarc: LookupResult;
  /** TXT at `_dmarc.<organisational domain>` (RFC 7489 §6.6.3), for a domain below it only. */
  readonly orgDmarc?: { readonly domain: string; readonly result: LookupResult };
  /** One entry per distinct MX target that is a plausible host name (not `.`, not an IP literal). */
  readonly targets: readonly TargetFacts[];
  /** The DNSSEC and transport-policy questions (absent where a caller built the snapshot without them). */
  readonly policy?: PolicyDnsFacts;
}

/** What enforcing senders look up beside MX: DNSSEC state, MTA-STS and TLS-RPT records. */
export interface PolicyDnsFacts {
  /** When the facts were gathered (`Date.now()`), for signature expiry. */
  readonly checkedAt: number;
  /**
   * The root's SOA, asked like every question (AD set): answered with AD, the resolver validates.
   * Through one that does not (a plain forwarder, a test server), "unsigned" cannot be told.
   */
  readonly validatorProbe: LookupResult;
  /** SOA and DNSKEY at the domain, asked with DO (their RRSIGs, for `dnssec-signature-expiring`). */
  readonly soa: LookupResult;
  readonly dnskey: LookupResult;
  /** TXT at `_mta-sts.<domain>` (RFC 8461 §3.1) and at `_smtp._tls.<domain>` (RFC 8460 §3). */
  readonly mtaSts: LookupResult;
  readonly tlsRpt: LookupResult;
  /** The MTA-STS policy file, fetched when `_mta-sts` holds one valid record and a fetcher was given. */
  readonly mtaStsPolicy?: PolicyFetch;
}

/** Why the policy file could not be had (RFC 8461 §3.3). */
export type PolicyFetchFailure = 'no-host' | 'tls' | 'status' | 'redirect' | 'too-large' | 'timeout' | 'network';

/** What fetching `https://mta-sts.<domain>/.well-known/mta-sts.txt` gave. */
export type PolicyFetch =
  | { readonly kind: 'fetched'; readonly url: string; readonly address: string; readonly contentType?: string; readonly body: string }
  | { readonly kind: 'failed'; readonly url: string; readonly reason: PolicyFetchFailure; readonly detail: string };

/** What a fetcher is asked: the URL, its host, and the addresses the check's resolver gave for it. */
export interface PolicyFetchRequest {
  readonly url: string;
  readonly host: string;
  readonly addresses: readonly string[];
  /** `Date.now()` time by which it must be done. */
  readonly deadline?: number;
}

/**
 * Fetches an MTA-STS policy (Node: HTTPS to the given addresses, the certificate checked against
 * the host name, no redirects, 64 KB, a short timeout). Never throws: a failure is a result.
 */
export type PolicyFetcher = (request: PolicyFetchRequest) => Promise<PolicyFetch>;

export interface TargetFacts {
  /** The MX exchange, lower case, no trailing dot. */
  readonly name: string;
  /** A and AAAA for the target, each with the CNAME chain the resolver returned (followed to its end). */
  readonly a: LookupResult;
  readonly aaaa: LookupResult;
  /** Names from the target through every CNAME hop; `[name]` when the target is no alias. */
  readonly cnameChain: readonly string[];
  /** One entry per address the target resolves to (after the chain). */
  readonly addresses: readonly AddressFacts[];
  /** TLSA at `_25._tcp.<target>` (RFC 7672 §2.2), when the plan asked it. */
  readonly tlsa?: LookupResult;
}

export interface AddressFacts {
  readonly address: string;
  readonly family: 4 | 6;
  /** PTR at the address's reverse name (`in-addr.arpa` / `ip6.arpa`). */
  readonly ptr: LookupResult;
  /** For each PTR name: its A (family 4) or AAAA (family 6), to confirm it points back. */
  readonly forward: readonly { readonly ptrName: string; readonly result: LookupResult }[];
}
