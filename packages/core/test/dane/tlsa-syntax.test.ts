/** `tlsa-syntax`: TLSA data in a zone file that a DANE sender cannot use (RFC 6698 §2.1). */
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/checks/file/check-file.js';
import { readZone } from '../../src/readers/zone/index.js';

const SHA256 = 'a'.repeat(64);
const zone = (...lines: string[]) => readZone(`$ORIGIN example.com.\n$TTL 300\n${lines.join('\n')}\n`, { file: 'db.example' });
const tlsa = (...lines: string[]) => checkFile(zone(...lines)).findings.filter((f) => f.id === 'tlsa-syntax');

describe('tlsa-syntax', () => {
  it('accepts the usual DANE-EE SPKI SHA-256 record, SHA-512, full data, and data split by whitespace', () => {
    expect(
      tlsa(
        `_25._tcp.mail TLSA 3 1 1 ${SHA256}`,
        `_25._tcp.mail TLSA 2 0 2 ${'b'.repeat(128)}`,
        '_25._tcp.mx2 TLSA 3 0 0 3082010a0282',
        `_25._tcp.mx3 TLSA 3 1 1 ( ${SHA256.slice(0, 30)}\n  ${SHA256.slice(30)} )`,
      ),
    ).toEqual([]);
  });

  it('reports a digest of the wrong length for its matching type, on the data field', () => {
    const [found, ...rest] = tlsa(`_25._tcp.mail TLSA 3 1 1 ${'a'.repeat(62)}`);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      severity: 'error',
      subject: '_25._tcp.mail.example.com',
      rfc: 'RFC 6698 §2.1',
      message:
        'The TLSA record of _25._tcp.mail.example.com cannot be used: matching type 1 is SHA-256, whose digest is 64 hex digits (32 octets), but the data has 62. DANE senders that find no usable record defer mail to this host.',
      evidence: `_25._tcp.mail.example.com. TLSA 3 1 1 ${'a'.repeat(62)}`,
      range: { file: 'db.example', start: { line: 2, character: 25 }, end: { line: 2, character: 87 } },
    });
    expect(tlsa(`_25._tcp.mail TLSA 3 1 2 ${SHA256}`).map((f) => f.message)).toEqual([
      expect.stringContaining('matching type 2 is SHA-512, whose digest is 128 hex digits (64 octets), but the data has 64'),
    ]);
  });

  it('reports usage, selector and matching type out of range together, on the first of them', () => {
    const [found] = tlsa(`_25._tcp.mail TLSA 4 2 1 ${SHA256}`);
    expect(found?.message).toContain('the certificate usage is "4", not a number from 0 to 3; the selector is "2", not a number from 0 to 1');
    expect(found?.range).toMatchObject({ start: { line: 2, character: 19 }, end: { line: 2, character: 20 } });
    expect(tlsa(`_25._tcp.mail TLSA 3 1 x ${SHA256}`)[0]?.message).toContain('the matching type is "x", not a number from 0 to 2');
  });

  it('reports data that is not hexadecimal, an odd number of digits for full data, and missing fields', () => {
    expect(tlsa('_25._tcp.mail TLSA 3 1 1 zz' + 'a'.repeat(62))[0]?.message).toContain('the certificate association data is not hexadecimal');
    expect(tlsa('_25._tcp.mail TLSA 3 0 0 abc')[0]?.message).toContain('odd number of hex digits (3)');
    const [short] = tlsa('_25._tcp.mail TLSA 3 1 1');
    expect(short?.message).toContain('it has 3 fields; a TLSA record is a usage, a selector, a matching type and the certificate association data');
    expect(short?.range).toMatchObject({ start: { line: 2, character: 0 } });
  });

  it('judges each record of an RRset on its own, and the other records of the file still get their findings', () => {
    const findings = checkFile(zone(`_25._tcp.mail TLSA 3 1 1 ${SHA256}`, '_25._tcp.mail TLSA 3 1 1 abcd', '@ MX 10 mail.example.com', 'mail A 192.0.2.1')).findings;
    expect(findings.filter((f) => f.id === 'tlsa-syntax').map((f) => f.range?.start.line)).toEqual([3]);
    expect(findings.map((f) => f.id)).toContain('mx-target-relative');
  });
});
