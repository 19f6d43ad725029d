/**
 * The numeric RR TYPE and CLASS codes this client asks for and understands
 * (RFC 1035 §3.2.2, §3.2.4; RFC 3596 §2.1 for AAAA; RFC 6891 §6.1.1 for OPT).
 */

import type { RecordType } from './types.js';

export const TYPE_CODES: Readonly<Record<RecordType, number>> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  PTR: 12,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  DNSKEY: 48,
  TLSA: 52,
};

export const TYPE_RRSIG = 46;
/** EDNS option code of an Extended DNS Error (RFC 8914 §2). */
export const OPTION_EDE = 15;

export const TYPE_OPT = 41;
export const CLASS_IN = 1;

const NAMES_BY_CODE = new Map<number, RecordType>(
  (Object.entries(TYPE_CODES) as [RecordType, number][]).map(([name, code]) => [code, name]),
);

/** Our name for a TYPE code, or `undefined` for types the checks do not use. */
export function recordTypeOf(code: number): RecordType | undefined {
  return NAMES_BY_CODE.get(code);
}

/** Mnemonic of a (possibly extended, RFC 6891 §6.1.3) RCODE, per the IANA registry. */
export function rcodeName(rcode: number): string {
  const names: Record<number, string> = {
    0: 'NOERROR',
    1: 'FORMERR',
    2: 'SERVFAIL',
    3: 'NXDOMAIN',
    4: 'NOTIMP',
    5: 'REFUSED',
    6: 'YXDOMAIN',
    7: 'YXRRSET',
    8: 'NXRRSET',
    9: 'NOTAUTH',
    10: 'NOTZONE',
    11: 'DSOTYPENI',
    16: 'BADVERS',
    23: 'BADCOOKIE',
  };
  return names[rcode] ?? `RCODE ${rcode}`;
}
