/**
 * Picking the SPF records out of a TXT answer (RFC 7208 §4.5): join each record's strings with
 * nothing between them (§3.3), keep those that start with `v=spf1`. The CNAME chain's TXT count:
 * the resolver followed it for us.
 */
import { recordsOf, txtText, type LookupResult } from '../../dns/types.js';
import { isSpfRecord } from './parse-spf.js';

/** Joined text of every TXT record in the answer (empty for NXDOMAIN or failure). */
export function txtTexts(result: LookupResult): string[] {
  return recordsOf(result, 'TXT').map(txtText);
}

/** Joined text of every SPF record in the answer. */
export function spfTexts(result: LookupResult): string[] {
  return txtTexts(result).filter(isSpfRecord);
}

/** A TXT that was probably meant as SPF but is not one (`v=spf1\t-all`, `v=spf2.0/pra`, `spf1 -all`). */
export function looksLikeSpf(text: string): boolean {
  return !isSpfRecord(text) && /^\s*"?\s*v?\s*=?\s*spf/i.test(text);
}

/** Shortens a record for evidence, showing control characters as escapes (`\t`). */
export function clip(text: string, max = 160): string {
  const shown = text.replace(/[\x00-\x1f\x7f]/g, (char) =>
    char === '\t' ? '\\t' : char === '\n' ? '\\n' : char === '\r' ? '\\r' : `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return shown.length <= max ? shown : `${shown.slice(0, max - 1)}…`;
}
