import { describe, expect, it } from 'vitest';
import { readZone } from '../../src/readers/zone/index.js';
import { brief, lines, plainField, span } from './helpers.js';

// A zone written the way BIND's documentation and `named-compilezone` output write them. The
// record list below was checked against `named-compilezone -o - example.com` (BIND 9.18) with
// the included file beside it; BIND prints the same names, TTLs and data.
const ZONE_LINES = [
  '; db.example.com: a BIND-style zone', // 0
  '$TTL 86400\t; one day', // 1
  '@\tIN\tSOA\tns1.example.com. hostmaster.example.com. (', // 2
  '\t\t\t2024010101\t; serial', // 3
  '\t\t\t3h\t\t; refresh', // 4
  '\t\t\t15M\t\t; retry', // 5
  '\t\t\t1w\t\t; expire', // 6
  '\t\t\t1h )\t\t; negative caching TTL', // 7
  '\t\tNS\tns1', // 8
  '\t\tNS\tns2.example.net.', // 9
  '\t\tMX\t10 @', // 10
  '\t\tMX\t20 mail2', // 11
  '\t\tTXT\t"v=spf1 mx -all"', // 12
  'ns1\t\tA\t192.0.2.53', // 13
  '_dmarc\t3600\tTXT\t( "v=DMARC1; p=reject; " ', // 14
  '\t\t\t"rua=mailto:dmarc@example.com" )', // 15
  'odd\\.label\tTXT\t"semi\\;colon" "quote\\"d" "\\240octet"', // 16
  '$INCLUDE "hosts.inc" hosts', // 17
  '\t\tTXT\t"back at odd.label"', // 18
  '$GENERATE 1-2\tdyn-$ CNAME host${10,2,d}.hosts', // 19
  'mail2\tA\t192.0.2.25\t; last', // 20
];
const ZONE = ZONE_LINES.join('\n');
const FILE = 'zones/db.example.com';

/** The range of `token` on line `line` of the zone, found by `indexOf` (the first match after `from`). */
function at(line: number, token: string, from = 0): ReturnType<typeof span> {
  const start = ZONE_LINES[line]!.indexOf(token, from);
  if (start < 0) throw new Error(`${token} is not on line ${line}`);
  return span(line, start, start + token.length, FILE);
}

const HOSTS = ['; included: the origin is hosts.example.com.', 'host10\tA\t192.0.2.10', '\tAAAA\t2001:db8::10', 'host11 A 192.0.2.11'].join(
  '\n',
);

describe('readZone on a BIND-style zone', () => {
  const result = readZone(ZONE, {
    file: FILE,
    readInclude: (path, from) => {
      expect(from).toBe(FILE);
      return path === 'hosts.inc' ? { text: HOSTS, file: 'zones/hosts.inc' } : { error: 'no such file' };
    },
  });

  it('reads every record, as BIND does, with no findings', () => {
    expect(result.findings).toEqual([]);
    expect(result.origin).toBe('example.com');
    expect(result.records.map(brief)).toEqual([
      'example.com 86400 SOA ns1.example.com. hostmaster.example.com. 2024010101 3h 15M 1w 1h',
      'example.com 86400 NS ns1',
      'example.com 86400 NS ns2.example.net.',
      'example.com 86400 MX 10 @',
      'example.com 86400 MX 20 mail2',
      'example.com 86400 TXT v=spf1 mx -all',
      'ns1.example.com 86400 A 192.0.2.53',
      '_dmarc.example.com 3600 TXT v=DMARC1; p=reject;  rua=mailto:dmarc@example.com',
      'odd\\.label.example.com 86400 TXT semi;colon quote"d \u00f0octet',
      'host10.hosts.example.com 86400 A 192.0.2.10',
      'host10.hosts.example.com 86400 AAAA 2001:db8::10',
      'host11.hosts.example.com 86400 A 192.0.2.11',
      'odd\\.label.example.com 86400 TXT back at odd.label',
      'dyn-1.example.com 86400 CNAME host11.hosts',
      'dyn-2.example.com 86400 CNAME host12.hosts',
      'mail2.example.com 86400 A 192.0.2.25',
    ]);
  });

  it('ranges the multi-line SOA from its owner to its closing parenthesis', () => {
    const soa = result.records[0]!;
    expect(soa.range).toEqual(lines(2, 0, 7, 7, FILE));
    expect(soa.range).toEqual({ file: FILE, start: at(2, '@').start, end: at(7, ')').end });
    expect(soa.ownerRange).toEqual(span(2, 0, 1, FILE));
    expect(soa.typeRange).toEqual(span(2, 5, 8, FILE));
    expect(soa.rdata.map((field) => field.range)).toEqual([
      span(2, 9, 25, FILE),
      span(2, 26, 49, FILE),
      span(3, 3, 13, FILE),
      at(4, '3h'),
      at(5, '15M'),
      at(6, '1w'),
      at(7, '1h'),
    ]);
  });

  it('ranges blank-owner records and `@` in rdata on their own line', () => {
    const mx = result.records[3]!;
    expect(mx.ownerRange).toBeUndefined();
    expect(mx.range).toEqual(span(10, 2, 9, FILE));
    expect(mx.rdata.map(plainField)).toEqual([
      { text: '10', range: span(10, 5, 7, FILE) },
      { text: '@', range: span(10, 8, 9, FILE) },
    ]);
    expect(mx.origin).toBe('example.com');
  });

  it('ranges TXT strings over their quotes, across lines inside parentheses', () => {
    const dmarc = result.records[7]!;
    expect(dmarc.range).toEqual({ file: FILE, start: at(14, '_dmarc').start, end: at(15, ')').end });
    expect(dmarc.ttlRange).toEqual(at(14, '3600'));
    expect(dmarc.rdata.map((field) => field.range)).toEqual([at(14, '"v=DMARC1; p=reject; "'), at(15, '"rua=mailto:dmarc@example.com"')]);
    const escaped = result.records[8]!;
    expect(escaped.ownerRange).toEqual(at(16, 'odd\\.label'));
    expect(escaped.rdata.map((field) => field.range)).toEqual([at(16, '"semi\\;colon"'), at(16, '"quote\\"d"'), at(16, '"\\240octet"')]);
  });

  it('gives included records their own file, lines and origin', () => {
    const included = result.records.slice(9, 12);
    expect(included.map((r) => [r.file, r.range, r.origin])).toEqual([
      ['zones/hosts.inc', span(1, 0, 19, 'zones/hosts.inc'), 'hosts.example.com'],
      ['zones/hosts.inc', span(2, 1, 18, 'zones/hosts.inc'), 'hosts.example.com'],
      ['zones/hosts.inc', span(3, 0, 19, 'zones/hosts.inc'), 'hosts.example.com'],
    ]);
    // After the include the owner is odd.label again (BIND restores it), on line 18.
    expect(result.records[12]!.range).toEqual({ file: FILE, start: at(18, 'TXT').start, end: at(18, '"back at odd.label"').end });
  });

  it('ranges every generated record on the $GENERATE line', () => {
    const generatedRecords = result.records.slice(13, 15);
    expect(generatedRecords).toHaveLength(2);
    for (const generated of generatedRecords) {
      expect(generated.range).toEqual({ file: FILE, start: at(19, '$GENERATE').start, end: at(19, 'host${10,2,d}.hosts').end });
      expect(generated.ownerRange).toEqual(at(19, 'dyn-$'));
      expect(generated.typeRange).toEqual(at(19, 'CNAME'));
      expect(generated.rdata[0]!.range).toEqual(at(19, 'host${10,2,d}.hosts'));
    }
  });
});
