/**
 * Type and class mnemonics a zone file may use: the data types of the IANA "Resource Record (RR)
 * TYPEs" registry (RFC 1035 §3.2.2, RFC 6895 and later RFCs), `TYPEnnn` / `CLASSnnn` (RFC 3597
 * §5), and the classes IN, CH, HS, CS (RFC 1035 §3.2.4). Meta and query types (OPT, AXFR, ANY,
 * …; RFC 6895 §3.1) cannot appear in zone data: BIND refuses them too ("invalid use of a meta type").
 *
 * The table is the registry as of 2025/2026 (iana.org/assignments/dns-parameters, "Resource Record
 * (RR) TYPEs", last entries IPN 264 and the 66–68 block DSYNC, HHIT, BRID), checked against a DNS
 * library's generated type table. UNECE (69, draft-woodcock-faltstrom-external-registry-rrtypes)
 * appears in one library but not in the registry as given here: left out until it is confirmed.
 */
import { quoteToken } from './quote.js';

/** Data types and their codes. */
const DATA_TYPES: readonly (readonly [string, number])[] = [
  ['A', 1], ['NS', 2], ['MD', 3], ['MF', 4], ['CNAME', 5], ['SOA', 6], ['MB', 7], ['MG', 8], ['MR', 9],
  ['NULL', 10], ['WKS', 11], ['PTR', 12], ['HINFO', 13], ['MINFO', 14], ['MX', 15], ['TXT', 16],
  ['RP', 17], ['AFSDB', 18], ['X25', 19], ['ISDN', 20], ['RT', 21], ['NSAP', 22], ['NSAP-PTR', 23],
  ['SIG', 24], ['KEY', 25], ['PX', 26], ['GPOS', 27], ['AAAA', 28], ['LOC', 29], ['NXT', 30],
  ['EID', 31], ['NIMLOC', 32], ['SRV', 33], ['ATMA', 34], ['NAPTR', 35], ['KX', 36], ['CERT', 37],
  ['A6', 38], ['DNAME', 39], ['SINK', 40], ['APL', 42], ['DS', 43], ['SSHFP', 44], ['IPSECKEY', 45],
  ['RRSIG', 46], ['NSEC', 47], ['DNSKEY', 48], ['DHCID', 49], ['NSEC3', 50], ['NSEC3PARAM', 51],
  ['TLSA', 52], ['SMIMEA', 53], ['HIP', 55], ['NINFO', 56], ['RKEY', 57], ['TALINK', 58], ['CDS', 59],
  ['CDNSKEY', 60], ['OPENPGPKEY', 61], ['CSYNC', 62], ['ZONEMD', 63], ['SVCB', 64], ['HTTPS', 65],
  ['DSYNC', 66], ['HHIT', 67], ['BRID', 68], ['SPF', 99], ['UINFO', 100], ['UID', 101], ['GID', 102],
  ['UNSPEC', 103], ['NID', 104], ['L32', 105], ['L64', 106], ['LP', 107], ['EUI48', 108],
  ['EUI64', 109], ['URI', 256], ['CAA', 257], ['AVC', 258], ['DOA', 259], ['AMTRELAY', 260],
  ['RESINFO', 261], ['WALLET', 262], ['CLA', 263], ['IPN', 264], ['TA', 32768], ['DLV', 32769],
];

/** Meta and query types and their codes (NXNAME, RFC 9824, is a meta type of the 128–255 range). */
const META_TYPES: readonly (readonly [string, number])[] = [
  ['OPT', 41], ['NXNAME', 128], ['TKEY', 249], ['TSIG', 250], ['IXFR', 251], ['AXFR', 252],
  ['MAILB', 253], ['MAILA', 254], ['ANY', 255],
];

const TYPES = new Map<string, string>(DATA_TYPES.map(([type]) => [type, type]));

const QUERY_TYPES = new Set(META_TYPES.map(([type]) => type));

const CODES = new Map<string, number>([...DATA_TYPES, ...META_TYPES]);

/** The registry's code of an upper-case mnemonic (data or meta type), or `undefined`. */
export function typeCode(mnemonic: string): number | undefined {
  return CODES.get(mnemonic);
}

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
