/**
 * Picking DMARC records out of the TXT answer at `_dmarc.<domain>` (RFC 7489 §6.4, §6.6.3): join
 * each record's strings (as for SPF), keep those starting with `v=DMARC1`, ignore the rest.
 */
import { recordsOf, txtText, type LookupResult } from '../../dns/types.js';
import { isDmarcRecord } from './parse-dmarc.js';

export function dmarcTexts(result: LookupResult): string[] {
  return recordsOf(result, 'TXT').map(txtText).filter(isDmarcRecord);
}

export function dmarcName(domain: string): string {
  return `_dmarc.${domain}`;
}

export function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
