/**
 * What the authoritative servers of a mail domain's zone said when asked directly (RD=0), past
 * every resolver's cache: the delegation at the parent, and each delegated server's SOA, NS, MX,
 * TXT and `_dmarc` TXT. Gathered by `plan/gather-authority.ts` over an `AuthoritativeQuerier`
 * (a Node transport: browsers cannot send plain DNS); read by the `ns-*` checks and
 * `mx-propagation-pending`.
 */
import type { LookupResult } from '../dns/types.js';

/** One question put straight to one server, and what it said. */
export interface DirectAnswer {
  /** A timeout, REFUSED, SERVFAIL or a malformed reply is `failed` (rule zero), never "no records". */
  readonly result: LookupResult;
  /** The AA bit: the server answered as an authority for the name. */
  readonly authoritative: boolean;
}

/** One name server of the zone, as delegated by the parent or named by the zone itself. */
export interface NameServerFacts {
  /** The server's host name, lower case, no trailing dot. */
  readonly name: string;
  /** The address it was asked at; absent when none could be found (`addressLookup` says why). */
  readonly address?: string;
  /** The lookup of its address, when it failed or found nothing. */
  readonly addressLookup?: LookupResult;
  /** Absent when the server was not asked (no address). */
  readonly soa?: DirectAnswer;
  readonly ns?: DirectAnswer;
  readonly mx?: DirectAnswer;
  /** TXT at the mail domain (SPF). */
  readonly txt?: DirectAnswer;
  /** TXT at `_dmarc.<domain>`. */
  readonly dmarc?: DirectAnswer;
}

/** The referral the parent zone's servers give for the zone. */
export type Delegation =
  | { readonly kind: 'found'; readonly parent: string; readonly server: string; readonly ns: readonly string[] }
  /** No parent server could be asked or none gave a referral; `lookups` says what failed. */
  | { readonly kind: 'unknown'; readonly parent: string; readonly lookups: readonly LookupResult[] };

export interface AuthorityFacts {
  /** The mail domain. */
  readonly domain: string;
  /** The zone it lies in (the owner of its SOA). */
  readonly zone: string;
  readonly delegation: Delegation;
  /** The delegated servers (and any the zone names that the parent does not), each asked directly. */
  readonly servers: readonly NameServerFacts[];
  /** When the servers were asked (`Date.now()`), so a cached answer's TTL can be told as a time. */
  readonly checkedAt: number;
}

/** What the zone's authoritative servers serve now at one owner a file writes, for `file-differs-from-live`. */
export interface LiveRRsets {
  /** The server asked (`ns1.example.net (127.0.1.1)`). */
  readonly server: string;
  readonly mx?: DirectAnswer;
  readonly txt?: DirectAnswer;
}
