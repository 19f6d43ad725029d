/**
 * Type and class mnemonics a zone file may use: the IANA "Resource Record (RR) TYPEs" registry's
 * data types (RFC 1035 §3.2.2 and later RFCs), `TYPEnnn` / `CLASSnnn` (RFC 3597 §5), and the
 * classes IN, CH, HS, CS (RFC 1035 §3.2.4). Query-only types (AXFR, ANY, OPT, …) cannot appear in
 * a zone file (RFC 6895 §3.1).
 */
import { quoteToken } from './quote.js';

const DATA_TYPES = [
  'A', 'NS', 'MD', 'MF', 'CNAME', 'SOA', 'MB', 'MG', 'MR', 'NULL', 'WKS', 'PTR', 'HINFO', 'MINFO',
  'MX', 'TXT', 'RP', 'AFSDB', 'X25', 'ISDN', 'RT', 'NSAP', 'NSAP-PTR', 'SIG', 'KEY', 'PX', 'GPOS',
  'AAAA', 'LOC', 'NXT', 'EID', 'NIMLOC', 'SRV', 'ATMA', 'NAPTR', 'KX', 'CERT', 'A6', 'DNAME',
  'SINK', 'APL', 'DS', 'SSHFP', 'IPSECKEY', 'RRSIG', 'NSEC', 'DNSKEY', 'DHCID', 'NSEC3',
  'NSEC3PARAM', 'TLSA', 'SMIMEA', 'HIP', 'NINFO', 'RKEY', 'TALINK', 'CDS', 'CDNSKEY',
  'OPENPGPKEY', 'CSYNC', 'ZONEMD', 'SVCB', 'HTTPS', 'DSYNC', 'SPF', 'UINFO', 'UID', 'GID',
  'UNSPEC', 'NID', 'L32', 'L64', 'LP', 'EUI48', 'EUI64', 'URI', 'CAA', 'AVC', 'DOA', 'AMTRELAY',
  'RESINFO', 'WALLET', 'CLA', 'IPN', 'TA', 'DLV',
];

const QUERY_TYPES = new Set(['OPT', 'TKEY', 'TSIG', 'IXFR', 'AXFR', 'MAILB', 'MAILA', 'ANY']);

const TYPES = new Map<string, string>(DATA_TYPES.map((type) => [type, type]));

const CLASSES = new Set(['IN', 'CH', 'CHAOS', 'HS', 'HESIOD', 'CS']);

export type TypeResult = { readonly type: string } | { readonly error: string };

/** The upper-case mnemonic of a type token, or why it is not one. */
export function recordType(raw: string): TypeResult {
  const known = TYPES.get(raw);
  if (known !== undefined) return { type: known };
  const upper = raw.toUpperCase();
  const type = TYPES.get(upper);
  if (type !== undefined) return { type };
  const code = numbered(upper, 'TYPE');
  if (code !== undefined) return { type: `TYPE${code}` };
  if (QUERY_TYPES.has(upper)) {
    return { error: `\`${quoteToken(raw)}\` is a query type; it cannot appear in a zone file.` };
  }
  return { error: `Expected a record type (such as A, MX or TXT), found \`${quoteToken(raw)}\`.` };
}

/** Whether a token is a class (`IN`, `CH`, `HS`, `CS`, `CLASS1`…), case-insensitively. */
export function isClassName(raw: string): boolean {
  const first = raw.charCodeAt(0) | 0x20;
  if (first !== 0x69 && first !== 0x63 && first !== 0x68) return false; // i, c, h
  if (raw.length === 2) {
    const second = raw.charCodeAt(1) | 0x20;
    return (first === 0x69 && second === 0x6e) || (first === 0x63 && (second === 0x68 || second === 0x73)) || (first === 0x68 && second === 0x73);
  }
  const upper = raw.toUpperCase();
  return CLASSES.has(upper) || numbered(upper, 'CLASS') !== undefined;
}

/** `TYPEnnn` / `CLASSnnn` with nnn in 0..65535 (RFC 3597 §5). */
function numbered(upper: string, prefix: string): number | undefined {
  const n = upper.length;
  if (n <= prefix.length || n > prefix.length + 5 || !upper.startsWith(prefix)) return undefined;
  let value = 0;
  for (let i = prefix.length; i < n; i++) {
    const c = upper.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    value = value * 10 + (c - 48);
  }
  return value <= 65535 ? value : undefined;
}
