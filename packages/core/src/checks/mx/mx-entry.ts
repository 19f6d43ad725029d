/**
 * One MX record in a form shared by live answers and files (zone files, Terraform), so that the
 * set-level and target-name checks are written once. RFC 1035 §3.3.9: preference (16-bit, lower is
 * preferred) and exchange (a host name). RFC 7505: exchange `.` is the null MX, kept here as `''`.
 */
import type { SourceRange } from '../../findings/finding.js';
import { normalizeName, type LookupResult } from '../../dns/types.js';
import { cnameChain } from '../domain/cname-chain.js';

export interface MxEntry {
  readonly preference: number;
  /** Target host, lower case, no trailing dot; `''` = the null MX (`.`). */
  readonly exchange: string;
  readonly ttl: number;
  /** Where the record sits, for entries read from a file. */
  readonly range?: SourceRange;
  /**
   * `isUsableTarget(exchange)`, computed once when an entry is built from a file's record (read
   * it with `hasUsableTarget`); absent (a live answer's few entries), it is computed when asked.
   */
  readonly usableTarget?: boolean;
}

/** RFC 7505: the target `.`. */
export function isNullMx(entry: MxEntry): boolean {
  return entry.exchange === '';
}

/**
 * The MX records a lookup returned for `owner`, following the CNAME chain when the owner is an
 * alias; records owned by any other name are ignored. Empty for NXDOMAIN, NODATA and failure:
 * callers must test `result.kind` first (rule zero).
 */
export function mxEntriesFrom(result: LookupResult, owner: string): MxEntry[] {
  if (result.kind === 'failed') return [];
  const chain = cnameChain(result.records, owner);
  const finalName = chain[chain.length - 1] ?? normalizeName(owner);
  // Only the chain's end owns the answer: an MX of any other owner answers another question and
  // is never the domain's (an attacker's `evil.example MX` must not become its mail host).
  const records = result.records.filter((record) => record.type === 'MX' && normalizeName(record.name) === finalName);
  return records.flatMap((record) =>
    record.type === 'MX'
      ? [{ preference: record.data.preference, exchange: normalizeName(record.data.exchange), ttl: record.ttl }]
      : [],
  );
}

/** `10 mx.example.com.` / `0 .` as in a zone file. */
export function formatMx(entry: { readonly preference: number; readonly exchange: string }): string {
  return `${entry.preference} ${entry.exchange === '' ? '.' : `${entry.exchange}.`}`;
}

/** The MX set as written in a zone, sorted by preference then name, for evidence. */
export function formatMxSet(entries: readonly MxEntry[]): string {
  return sortEntries(entries).map(formatMx).join(', ');
}

export function sortEntries<T extends { readonly preference: number; readonly exchange: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.preference - b.preference || a.exchange.localeCompare(b.exchange));
}
