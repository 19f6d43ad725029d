/**
 * How the DANE checks read an MX host's TLSA answer (`_25._tcp.<host>`, RFC 7672 §2.2): the
 * records, whether they were validated, and which are usable for SMTP: DANE-TA(2) and DANE-EE(3)
 * only, because SMTP DANE ignores the PKIX usages 0 and 1 (RFC 7672 §3.1.3).
 */
import type { RecordOf } from '../../dns/types.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { isSecure } from '../dnssec/dnssec-state.js';

export interface TlsaState {
  readonly host: string;
  /** The lookup was answered (records, NODATA or NXDOMAIN). */
  readonly answered: boolean;
  readonly secure: boolean;
  readonly records: readonly RecordOf<'TLSA'>[];
  readonly usable: readonly RecordOf<'TLSA'>[];
}

export function tlsaState(target: TargetFacts): TlsaState | undefined {
  const result = target.tlsa;
  if (result === undefined) return undefined;
  const records = result.kind === 'answer' ? result.records.filter((record): record is RecordOf<'TLSA'> => record.type === 'TLSA') : [];
  return {
    host: target.name,
    answered: result.kind !== 'failed',
    secure: isSecure(result),
    records,
    usable: records.filter((record) => record.data.usage === 2 || record.data.usage === 3),
  };
}

/** `3 1 1 aaaa…` as a record's data reads in a zone file (the pin shortened). */
export function tlsaText(record: RecordOf<'TLSA'>): string {
  const { usage, selector, matchingType, certificateData } = record.data;
  const pin = certificateData.length > 16 ? `${certificateData.slice(0, 16)}…` : certificateData;
  return `${usage} ${selector} ${matchingType} ${pin}`;
}
