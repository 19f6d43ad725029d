/**
 * Type mnemonics: every one of the IANA "Resource Record (RR) TYPEs" registry is known; one that is
 * not in it (nor `TYPEnnn`, RFC 3597 §5) stays a `syntax` finding; meta and query types are refused
 * in zone data, as BIND refuses them ("invalid use of a meta type").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readZone } from '../../src/readers/zone/index.js';
import { recordType, typeCode } from '../../src/readers/zone/record-types.js';

/** The registry's data types, as the brief gave them (IANA, 2025/2026), with their codes. */
const REGISTRY_DATA: readonly (readonly [string, number])[] = [
  ['A', 1], ['NS', 2], ['MD', 3], ['MF', 4], ['CNAME', 5], ['SOA', 6], ['MB', 7], ['MG', 8], ['MR', 9],
  ['NULL', 10], ['WKS', 11], ['PTR', 12], ['HINFO', 13], ['MINFO', 14], ['MX', 15], ['TXT', 16], ['RP', 17],
  ['AFSDB', 18], ['X25', 19], ['ISDN', 20], ['RT', 21], ['NSAP', 22], ['NSAP-PTR', 23], ['SIG', 24], ['KEY', 25],
  ['PX', 26], ['GPOS', 27], ['AAAA', 28], ['LOC', 29], ['NXT', 30], ['EID', 31], ['NIMLOC', 32], ['SRV', 33],
  ['ATMA', 34], ['NAPTR', 35], ['KX', 36], ['CERT', 37], ['A6', 38], ['DNAME', 39], ['SINK', 40], ['APL', 42],
  ['DS', 43], ['SSHFP', 44], ['IPSECKEY', 45], ['RRSIG', 46], ['NSEC', 47], ['DNSKEY', 48], ['DHCID', 49],
  ['NSEC3', 50], ['NSEC3PARAM', 51], ['TLSA', 52], ['SMIMEA', 53], ['HIP', 55], ['NINFO', 56], ['RKEY', 57],
  ['TALINK', 58], ['CDS', 59], ['CDNSKEY', 60], ['OPENPGPKEY', 61], ['CSYNC', 62], ['ZONEMD', 63], ['SVCB', 64],
  ['HTTPS', 65], ['DSYNC', 66], ['HHIT', 67], ['BRID', 68], ['SPF', 99], ['UINFO', 100], ['UID', 101], ['GID', 102],
  ['UNSPEC', 103], ['NID', 104], ['L32', 105], ['L64', 106], ['LP', 107], ['EUI48', 108], ['EUI64', 109],
  ['URI', 256], ['CAA', 257], ['AVC', 258], ['DOA', 259], ['AMTRELAY', 260], ['RESINFO', 261], ['WALLET', 262],
  ['CLA', 263], ['IPN', 264], ['TA', 32768], ['DLV', 32769],
];
/** Meta and query types (RFC 6895 §3.1; NXNAME, RFC 9824, is a meta type of the 128–255 range). */
const REGISTRY_META: readonly (readonly [string, number])[] = [
  ['OPT', 41], ['NXNAME', 128], ['TKEY', 249], ['TSIG', 250], ['IXFR', 251], ['AXFR', 252], ['MAILB', 253], ['MAILA', 254], ['ANY', 255],
];
const MNEMONICS = new Set([...REGISTRY_DATA, ...REGISTRY_META].map(([name]) => name));

/** The mnemonic in a random mix of upper and lower case. */
const anyCase = (name: string) =>
  fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((lower) => [...name].map((c, i) => (lower[i] ? c.toLowerCase() : c)).join(''));

describe('record type mnemonics (IANA RR TYPEs registry)', () => {
  it('knows every data type of the registry, in any case, with its code', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REGISTRY_DATA).chain(([name, code]) => anyCase(name).map((written) => ({ name, code, written }))),
        ({ name, code, written }) => {
          expect(recordType(written)).toEqual({ type: name });
          expect(typeCode(name)).toBe(code);
        },
      ),
    );
  });

  it('refuses the meta and query types in zone data, as BIND does', () => {
    for (const [name, code] of REGISTRY_META) {
      expect(recordType(name.toLowerCase()), name).toEqual({ error: `\`${name.toLowerCase()}\` is a query type; it cannot appear in a zone file.` });
      expect(typeCode(name), name).toBe(code);
    }
  });

  it('refuses upper-case words that are not in the registry nor TYPEnnn', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z][A-Z0-9-]{0,11}$/).filter((word) => !MNEMONICS.has(word) && !/^TYPE\d{1,5}$/.test(word)),
        (word) => {
          expect(recordType(word)).toEqual({ error: `Expected a record type (such as A, MX or TXT), found \`${word}\`.` });
        },
      ),
    );
  });

  it('reads HHIT and BRID records (which BIND loads) without a syntax finding', () => {
    const read = readZone('$ORIGIN example.com.\nuav HHIT \\# 2 abcd\nuav BRID \\# 2 abcd\nx DSYNC \\# 0\ny cla \\# 0\n', { file: 'db.example.com' });
    expect(read.findings).toEqual([]);
    expect(read.records.map((r) => r.type)).toEqual(['HHIT', 'BRID', 'DSYNC', 'CLA']);
  });

  it('keeps an unknown mnemonic a syntax finding', () => {
    const read = readZone('$ORIGIN example.com.\nx UNKNOWNTYPE \\# 0\n', { file: 'db.example.com' });
    expect(read.findings.map((f) => [f.id, f.message])).toEqual([['syntax', 'Expected a record type (such as A, MX or TXT), found `UNKNOWNTYPE`.']]);
  });
});
