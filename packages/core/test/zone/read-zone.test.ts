import { describe, expect, it } from 'vitest';
import type { IncludeResult } from '../../src/readers/zone/index.js';
import { readZone } from '../../src/readers/zone/index.js';
import { brief, lines, plainField, plainRecord, span, zone } from './helpers.js';

const FILE = 'example.com.zone';

function read(text: string, options: Partial<Parameters<typeof readZone>[1]> = {}) {
  return readZone(text, { file: FILE, ...options });
}

describe('readZone: records and their ranges', () => {
  it('reads owner, TTL, class, type and rdata with exact ranges', () => {
    const result = read(zone('$ORIGIN example.com.', 'www 300 IN A 192.0.2.1'));
    expect(result.findings).toEqual([]);
    expect(result.origin).toBe('example.com');
    expect(result.records.map(plainRecord)).toEqual([
      {
        source: 'zone',
        file: FILE,
        owner: 'www.example.com',
        type: 'A',
        ttl: 300,
        rdata: [{ text: '192.0.2.1', range: span(1, 13, 22) }],
        range: span(1, 0, 22),
        ownerRange: span(1, 0, 3),
        ttlRange: span(1, 4, 7),
        typeRange: span(1, 11, 12),
        origin: 'example.com',
      },
    ]);
  });

  it('takes class and TTL in either order, or neither', () => {
    const result = read(zone('$ORIGIN example.com.', 'a IN 300 A 192.0.2.1', 'b 60 CH TXT x', 'c HS A 192.0.2.3', 'd A 192.0.2.4'));
    expect(result.findings).toEqual([]);
    expect(result.records.map(brief)).toEqual([
      'a.example.com 300 A 192.0.2.1',
      'b.example.com 60 TXT x',
      'c.example.com 60 A 192.0.2.3',
      'd.example.com 60 A 192.0.2.4',
    ]);
    expect(result.records[0]!.ttlRange).toEqual(span(1, 5, 8));
    expect(result.records[2]!.ttlRange).toBeUndefined();
  });

  it('uses $TTL for records without one, and the last explicit TTL when there is no $TTL (RFC 2308 §4, BIND)', () => {
    const result = read(zone('$ORIGIN example.com.', 'a 300 A 192.0.2.1', 'b A 192.0.2.2', '$TTL 1h30m', 'c A 192.0.2.3', 'd 7 A 192.0.2.4', 'e A 192.0.2.5'));
    expect(result.records.map((r) => [r.owner, r.ttl])).toEqual([
      ['a.example.com', 300],
      ['b.example.com', 300],
      ['c.example.com', 5400],
      ['d.example.com', 7],
      ['e.example.com', 5400],
    ]);
  });

  it('uses the SOA minimum when no TTL is known, as BIND does, and leaves the TTL undefined when nothing gives one', () => {
    const soa = read(zone('@ IN SOA ns h 1 2 3 4 1h', 'a 300 A 192.0.2.1', 'b A 192.0.2.2'), { origin: 'example.com' });
    expect(soa.records.map((r) => r.ttl)).toEqual([3600, 300, 3600]);
    const none = read(zone('$ORIGIN example.com.', 'www A 192.0.2.1'));
    expect(none.records[0]!.ttl).toBeUndefined();
    expect(none.findings).toEqual([]);
  });

  it('reads type mnemonics case-insensitively and upper-cases them', () => {
    const result = read(zone('$ORIGIN example.com.', '@ mx 10 mail', '@ Txt "x"'));
    expect(result.records.map((r) => r.type)).toEqual(['MX', 'TXT']);
  });

  it('resolves @ as owner but keeps @ and relative names in rdata as written', () => {
    const result = read(zone('$ORIGIN Example.COM.', '@ MX 10 @', '@ MX 20 mail', '@ MX 30 mail.example.com', 'mail CNAME mx.example.net.'));
    expect(result.findings).toEqual([]);
    expect(result.records.map(brief)).toEqual([
      'example.com - MX 10 @',
      'example.com - MX 20 mail',
      'example.com - MX 30 mail.example.com',
      'mail.example.com - CNAME mx.example.net.',
    ]);
    expect(result.records[0]!.rdata.map(plainField)).toEqual([
      { text: '10', range: span(1, 5, 7) },
      { text: '@', range: span(1, 8, 9) },
    ]);
    expect(result.records.every((r) => r.origin === 'example.com')).toBe(true);
  });

  it('keeps the previous owner on lines that start with white space', () => {
    const result = read(zone('$ORIGIN example.com.', 'mail A 192.0.2.1', '  AAAA 2001:db8::1', '\tMX 10 mx1', '', '; comment', ' TXT "x"'));
    expect(result.records.map((r) => `${r.owner} ${r.type}`)).toEqual([
      'mail.example.com A',
      'mail.example.com AAAA',
      'mail.example.com MX',
      'mail.example.com TXT',
    ]);
    const aaaa = result.records[1]!;
    expect(aaaa.ownerRange).toBeUndefined();
    expect(aaaa.typeRange).toEqual(span(2, 2, 6));
    expect(aaaa.range).toEqual(span(2, 2, 18));
  });

  it('joins lines inside parentheses into one record and ranges it over them', () => {
    const text = zone(
      '$ORIGIN example.com.',
      '@ 3600 IN SOA ns1 hostmaster ( ; the SOA',
      '    2024010101 ; serial',
      '    7200 )',
      'www A 192.0.2.1',
    );
    const result = read(text);
    expect(result.findings).toEqual([]);
    const [soa, www] = result.records;
    expect(soa!.range).toEqual(lines(1, 0, 3, 10));
    expect(soa!.rdata.map((f) => f.text)).toEqual(['ns1', 'hostmaster', '2024010101', '7200']);
    expect(soa!.rdata[2]!.range).toEqual(span(2, 4, 14));
    expect(soa!.rdata[3]!.range).toEqual(span(3, 4, 8));
    expect(www!.range).toEqual(span(4, 0, 15));
  });

  it('gives one field per TXT string, unquoted and unescaped, ranged over the quotes', () => {
    const result = read(zone('$ORIGIN example.com.', 'txt TXT "v=spf1 include:_spf.example.net" " -all" \\"bare\\059 "a\\"b\\\\c\\065"'));
    expect(result.findings).toEqual([]);
    expect(result.records[0]!.rdata.map(plainField)).toEqual([
      { text: 'v=spf1 include:_spf.example.net', range: span(1, 8, 41) },
      { text: ' -all', range: span(1, 42, 49) },
      { text: '"bare;', range: span(1, 50, 60) },
      { text: 'a"b\\cA', range: span(1, 61, 74) },
    ]);
  });

  it('keeps quoted rdata of other types as written', () => {
    const result = read(zone('$ORIGIN example.com.', '@ CAA 0 issue "letsencrypt.org"'));
    expect(result.records[0]!.rdata.map((f) => f.text)).toEqual(['0', 'issue', '"letsencrypt.org"']);
  });

  it('reads owner names with escapes, lower-cased and absolute', () => {
    const result = read(zone('$ORIGIN example.com.', 'A\\.B TXT x', '\\066ig.Example.NET. TXT y', 'a\\032b TXT z'));
    expect(result.findings).toEqual([]);
    expect(result.records.map((r) => r.owner)).toEqual(['a\\.b.example.com', 'big.example.net', 'a\\032b.example.com']);
  });

  it('passes TYPEnnn and \\# generic rdata through as fields (RFC 3597)', () => {
    const result = read(zone('$ORIGIN example.com.', 'x TYPE65534 \\# 4 0a00 0001', 'y type15 \\# 0', 'z MX \\# 3 abcd'));
    expect(result.records.map(brief)).toEqual(['x.example.com - TYPE65534 \\# 4 0a00 0001', 'y.example.com - TYPE15 \\# 0']);
    expect(result.records[0]!.rdata[3]!.range).toEqual(span(1, 22, 26));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message).toBe('`\\# 3` announces 3 octets, but the hex data holds 2 (RFC 3597 §5).');
    expect(result.findings[0]!.range).toEqual(span(3, 10, 14));
  });

  it('emits a record whose rdata is missing (the type checks judge it)', () => {
    const result = read(zone('$ORIGIN example.com.', '@ MX', '@ MX 10'));
    expect(result.findings).toEqual([]);
    expect(result.records.map((r) => r.rdata.length)).toEqual([0, 1]);
    expect(result.records[0]!.range).toEqual(span(1, 0, 4));
  });
});

describe('readZone: syntax findings', () => {
  it('reports an unknown type on the type token, with severity from the catalogue', () => {
    const result = read(zone('$ORIGIN example.com.', 'www IN MXX 10 mail'));
    expect(result.records).toEqual([]);
    expect(result.findings).toEqual([
      {
        id: 'syntax',
        severity: 'error',
        message: 'Expected a record type (such as A, MX or TXT), found `MXX`.',
        subject: 'www.example.com',
        range: span(1, 7, 10),
      },
    ]);
  });

  it('reports a record without a type', () => {
    const result = read(zone('$ORIGIN example.com.', 'www 300 IN', 'lonely'));
    expect(result.records).toEqual([]);
    expect(result.findings.map((f) => [f.message, f.range])).toEqual([
      ['Expected a record type after `IN`, found the end of the record.', span(1, 8, 10)],
      ['Expected a record type after `lonely`, found the end of the record.', span(2, 0, 6)],
    ]);
  });

  it('reports a TTL above 2^31 − 1 on the TTL', () => {
    const result = read(zone('$ORIGIN example.com.', 'www 2147483648 A 192.0.2.1', 'ok 2147483647 A 192.0.2.1'));
    expect(result.records.map((r) => r.ttl)).toEqual([2147483647]);
    expect(result.findings[0]!.range).toEqual(span(1, 4, 14));
    expect(result.findings[0]!.message).toContain('RFC 2181 §8');
  });

  it('reports a malformed TTL on the TTL', () => {
    const result = read(zone('$ORIGIN example.com.', 'www 1h30 A 192.0.2.1'));
    expect(result.findings.map((f) => [f.message, f.range])).toEqual([
      ['Expected a TTL (seconds, or units such as 1h30m or 2w), found `1h30`.', span(1, 4, 8)],
    ]);
  });

  it('reports labels over 63 octets and names over 255 octets on the owner', () => {
    const long = 'a'.repeat(64);
    const deep = Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.');
    const result = read(zone('$ORIGIN example.com.', `${long} A 192.0.2.1`, `${deep} A 192.0.2.1`, 'ok A 192.0.2.1'));
    expect(result.records.map((r) => r.owner)).toEqual(['ok.example.com']);
    expect(result.findings.map((f) => f.range)).toEqual([span(1, 0, 64), span(2, 0, deep.length)]);
    expect(result.findings[0]!.message).toContain('label of 64 octets');
    expect(result.findings[1]!.message).toContain('at most 255');
  });

  it('reports a character-string over 255 octets on the string', () => {
    const result = read(zone('$ORIGIN example.com.', `t TXT "${'x'.repeat(255)}"`, `u TXT "${'x'.repeat(256)}"`));
    expect(result.records.map((r) => r.owner)).toEqual(['t.example.com']);
    expect(result.findings.map((f) => f.range)).toEqual([span(2, 6, 6 + 258)]);
    expect(result.findings[0]!.message).toContain('256 octets');
  });

  it('reports an unclosed quoted string and goes on with the next line', () => {
    const result = read(zone('$ORIGIN example.com.', 'a TXT "open', 'b A 192.0.2.1'));
    expect(result.records.map((r) => r.owner)).toEqual(['b.example.com']);
    expect(result.findings.map((f) => [f.message, f.range])).toEqual([
      ['This quoted string is not closed: expected a `"` before the end of the line.', span(1, 6, 11)],
    ]);
  });

  it('reports a blank-owner line with no owner before it', () => {
    const result = read(zone('$ORIGIN example.com.', '  A 192.0.2.1', 'www A 192.0.2.2'));
    expect(result.records.map((r) => r.owner)).toEqual(['www.example.com']);
    expect(result.findings.map((f) => f.range)).toEqual([span(1, 2, 3)]);
  });

  it('reports unknown directives and query types', () => {
    const result = read(zone('$ORIGIN example.com.', '$FOO bar', 'x AXFR', 'y A 192.0.2.1'));
    expect(result.records.map((r) => r.owner)).toEqual(['y.example.com']);
    expect(result.findings.map((f) => [f.message, f.range])).toEqual([
      ['Unknown directive `$FOO`: expected $ORIGIN, $TTL, $INCLUDE or $GENERATE.', span(1, 0, 4)],
      ['`AXFR` is a query type; it cannot appear in a zone file.', span(2, 2, 6)],
    ]);
  });
});

describe('readZone: $ORIGIN and the settled origin', () => {
  it('appends a relative $ORIGIN to the current one', () => {
    const result = read(zone('$ORIGIN example.com.', 'a A 192.0.2.1', '$ORIGIN Sub', 'b A 192.0.2.2', '$ORIGIN other.test.', 'c A 192.0.2.3'));
    expect(result.records.map((r) => [r.owner, r.origin])).toEqual([
      ['a.example.com', 'example.com'],
      ['b.sub.example.com', 'sub.example.com'],
      ['c.other.test', 'other.test'],
    ]);
    expect(result.origin).toBe('example.com');
  });

  it('prefers $ORIGIN, then an absolute SOA owner, then options.origin, then the file name', () => {
    const body = zone('@ SOA ns h 1 2 3 4 5', 'www A 192.0.2.1');
    expect(read(`$ORIGIN first.test.\n${body}`, { origin: 'given.test', file: 'db.file.test' }).origin).toBe('first.test');
    const soa = read(zone('Soa.Test. SOA ns h 1 2 3 4 5', 'www A 192.0.2.1'), { origin: 'given.test', file: 'db.file.test' });
    expect(soa.origin).toBe('soa.test');
    expect(soa.records[1]!.owner).toBe('www.soa.test');
    const given = read(body, { origin: 'Given.Test.', file: 'db.file.test' });
    expect(given.origin).toBe('given.test');
    expect(given.records.map((r) => r.owner)).toEqual(['given.test', 'www.given.test']);
    const named = read(body, { file: '/srv/zones/db.file.test' });
    expect(named.origin).toBe('file.test');
    expect(named.records[1]!.range.file).toBe('/srv/zones/db.file.test');
  });

  it('says once, at 0:0, that no origin is known, and keeps relative names relative', () => {
    const result = readZone(zone('www A 192.0.2.1', 'mail A 192.0.2.2', '@ MX 10 mail'), { file: 'zone.txt' });
    expect(result.origin).toBeUndefined();
    expect(result.records.map((r) => [r.owner, r.origin])).toEqual([
      ['www', undefined],
      ['mail', undefined],
      ['@', undefined],
    ]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.id).toBe('syntax');
    expect(result.findings[0]!.range).toEqual(span(0, 0, 0, 'zone.txt'));
    expect(result.findings[0]!.message).toContain('No origin is known');
    expect(result.findings[0]!.fix).toContain('$ORIGIN');
    expect(result.findings[0]!.fix).toContain('--origin');
  });

  it('needs no origin for a file of absolute names', () => {
    const result = readZone(zone('example.com. MX 10 mail.example.com.'), { file: 'zone.txt' });
    expect(result.findings).toEqual([]);
    expect(result.records[0]!.owner).toBe('example.com');
  });
});

describe('readZone: $INCLUDE', () => {
  const files: Record<string, string> = {
    'mail.inc': zone('; mail hosts', 'mx1 A 192.0.2.1', '  AAAA 2001:db8::1'),
    'sub.inc': zone('$ORIGIN deeper', 'x TXT "in sub"'),
    'loop-a.inc': '$INCLUDE loop-b.inc\n',
    'loop-b.inc': '$INCLUDE loop-a.inc\n',
    'self.inc': 'a A 192.0.2.9\n$INCLUDE self.inc\n',
  };
  const readInclude = (path: string, _from: string): IncludeResult =>
    path in files ? { text: files[path]!, file: `zones/${path}` } : { error: `${path}: no such file` };

  it('reads the included file with its own name and positions, then restores origin and owner', () => {
    const text = zone('$ORIGIN example.com.', 'www A 192.0.2.10', '$INCLUDE mail.inc', '  TXT "after"', '$INCLUDE "sub.inc" Sub', 'y A 192.0.2.11');
    const result = read(text, { readInclude });
    expect(result.findings).toEqual([]);
    expect(result.records.map((r) => `${r.file} ${r.owner} ${r.type} ${r.origin}`)).toEqual([
      `${FILE} www.example.com A example.com`,
      'zones/mail.inc mx1.example.com A example.com',
      'zones/mail.inc mx1.example.com AAAA example.com',
      `${FILE} www.example.com TXT example.com`,
      'zones/sub.inc x.deeper.sub.example.com TXT deeper.sub.example.com',
      `${FILE} y.example.com A example.com`,
    ]);
    expect(result.records[1]!.range).toEqual(span(1, 0, 15, 'zones/mail.inc'));
    expect(result.records[2]!.rdata[0]!.range).toEqual(span(2, 7, 18, 'zones/mail.inc'));
  });

  it('reports a missing file on the $INCLUDE line and goes on', () => {
    const result = read(zone('$ORIGIN example.com.', '$INCLUDE nowhere.inc', 'www A 192.0.2.1'), { readInclude });
    expect(result.records.map((r) => r.owner)).toEqual(['www.example.com']);
    expect(result.findings.map((f) => [f.message, f.range])).toEqual([
      ['Cannot read the $INCLUDE file `nowhere.inc`: nowhere.inc: no such file.', span(1, 9, 20)],
    ]);
  });

  it('reports include loops on the $INCLUDE that closes them', () => {
    const result = read(zone('$ORIGIN example.com.', '$INCLUDE loop-a.inc', '$INCLUDE self.inc'), { readInclude });
    expect(result.records.map((r) => r.owner)).toEqual(['a.example.com']);
    expect(result.findings.map((f) => [f.range, f.message])).toEqual([
      [span(0, 9, 19, 'zones/loop-b.inc'), `$INCLUDE loop: ${FILE} → zones/loop-a.inc → zones/loop-b.inc → zones/loop-a.inc; \`loop-a.inc\` is not read again.`],
      [span(1, 9, 17, 'zones/self.inc'), `$INCLUDE loop: ${FILE} → zones/self.inc → zones/self.inc; \`self.inc\` is not read again.`],
    ]);
  });

  it('stops at more than 10 nested files', () => {
    const chain = (path: string): IncludeResult => {
      const depth = Number(path.slice(1));
      return { text: `n${depth} A 192.0.2.1\n$INCLUDE d${depth + 1}\n`, file: path };
    };
    const result = read(zone('$ORIGIN example.com.', '$INCLUDE d1'), { readInclude: chain });
    expect(result.records).toHaveLength(10);
    expect(result.findings.map((f) => [f.range, f.message])).toEqual([
      [span(1, 9, 12, 'd10'), '$INCLUDE nests more than 10 files deep; `d11` is not read.'],
    ]);
  });

  it('stops reading includes that multiply (each file including the next 50 times)', () => {
    const fanOut = (path: string): IncludeResult => {
      const level = Number(path.slice(1));
      return { text: `${`$INCLUDE f${level + 1}\n`.repeat(50)}`, file: path };
    };
    const result = read(zone('$ORIGIN example.com.', '$INCLUDE f1'), { readInclude: fanOut });
    expect(result.records).toEqual([]);
    expect(result.findings.map((f) => f.message)).toEqual([
      '$INCLUDE nests more than 10 files deep; `f11` is not read.',
      'More than 1000 $INCLUDEs in this zone; this one and later ones are not read.',
    ]);
  });

  it('reports $INCLUDE without a callback, or with a throwing one', () => {
    const none = read(zone('$ORIGIN example.com.', '$INCLUDE x.inc'));
    expect(none.findings[0]!.message).toBe('Cannot read the $INCLUDE file `x.inc`: no file access here.');
    const throwing = read(zone('$ORIGIN example.com.', '$INCLUDE x.inc'), {
      readInclude: () => {
        throw new Error('EACCES');
      },
    });
    expect(throwing.findings[0]!.message).toBe('Cannot read the $INCLUDE file `x.inc`: EACCES.');
  });
});

describe('readZone: $GENERATE (BIND)', () => {
  it('expands $ and modifiers; every record is ranged on the $GENERATE line', () => {
    const text = zone('$ORIGIN example.com.', '$GENERATE 1-3 host$ 300 IN A 192.0.2.$');
    const result = read(text);
    expect(result.findings).toEqual([]);
    expect(result.records.map(brief)).toEqual([
      'host1.example.com 300 A 192.0.2.1',
      'host2.example.com 300 A 192.0.2.2',
      'host3.example.com 300 A 192.0.2.3',
    ]);
    for (const record of result.records) {
      expect(record.range).toEqual(span(1, 0, 38));
      expect(record.ownerRange).toEqual(span(1, 14, 19));
      expect(record.ttlRange).toEqual(span(1, 20, 23));
      expect(record.typeRange).toEqual(span(1, 27, 28));
      expect(record.rdata[0]!.range).toEqual(span(1, 29, 38));
    }
  });

  it('formats ${offset,width,base}, nibbles, $$ and \\$ as BIND 9.18 does', () => {
    // Expected values checked against named-compilezone 9.18.
    const text = zone(
      '$ORIGIN example.com.',
      '$GENERATE 26-27 x${0,3,N} TXT "a b ${-30,3,d}"',
      '$GENERATE 26-27 y${0,5,x} MX "10 mx$"',
      '$GENERATE 26-26/2 n${0,0,n} TXT "v$ \\$$$"',
      '$GENERATE 10-10 o${1,4,o}.X${0,0,X} CNAME t${0,4,n}',
    );
    const result = read(text);
    expect(result.findings).toEqual([]);
    expect(result.records.map(brief)).toEqual([
      'xa.1.example.com - TXT a b -04',
      'xb.1.example.com - TXT a b -03',
      'y0001a.example.com - MX 10 mx26',
      'y0001b.example.com - MX 10 mx27',
      'na.1.example.com - TXT v26 $$',
      'o0013.xa.example.com - CNAME ta.0.',
    ]);
    // A quoted right-hand side is read again as rdata: each piece is ranged on the quoted token.
    expect(result.records[2]!.rdata.map((f) => f.range)).toEqual([span(2, 29, 37), span(2, 29, 37)]);
  });

  it('caps one $GENERATE at 65,536 records with a finding on the range', () => {
    const result = read(zone('$ORIGIN example.com.', '$GENERATE 0-70000 h$ A 192.0.2.1'));
    expect(result.records).toHaveLength(65536);
    expect(result.records[65535]!.owner).toBe('h65535.example.com');
    expect(result.findings.map((f) => [f.range, f.message])).toEqual([
      [span(1, 10, 17), 'This $GENERATE range makes 70001 records; only the first 65536 are read.'],
    ]);
  });

  it('caps all $GENERATEs of a read together at 131,072 records, includes included, and says so once', () => {
    const include = (): IncludeResult => ({ text: zone('$GENERATE 0-65535 inc$ A 192.0.2.1', '$GENERATE 0-9 late$ A 192.0.2.1'), file: 'more.inc' });
    const result = read(
      zone('$ORIGIN example.com.', '$GENERATE 0-65535 a$ A 192.0.2.1', '$GENERATE 0-39999 b$ A 192.0.2.1', '$INCLUDE more.inc', '$GENERATE 0-9 c$ A 192.0.2.1'),
      { readInclude: include },
    );
    expect(result.records).toHaveLength(131072);
    expect(result.records.at(-1)!.owner).toBe('inc25535.example.com');
    expect(result.findings.map((f) => [f.range?.file, f.range?.start.line, f.message])).toEqual([
      ['more.inc', 0, '$GENERATE makes more than 131072 records in this zone; only 25536 more are read, the rest of this one and later ones not expanded.'],
    ]);
  });

  it('quotes at most 200 characters of a token in a syntax message, with an ellipsis', () => {
    const huge = 'x'.repeat(1_000_000);
    const result = read(zone('$ORIGIN example.com.', huge, `www ${huge}x A 192.0.2.1`, `$TTL ${huge}`, `$GENERATE ${huge} h$ A 192.0.2.1`));
    expect(result.findings.length).toBeGreaterThanOrEqual(4);
    for (const f of result.findings) {
      expect(f.message.length, f.message.slice(0, 80)).toBeLessThan(500);
      expect(f.message).toContain(`\`${'x'.repeat(200)}…\``);
    }
  });

  it('reports bad ranges, templates, types and extra tokens on their tokens', () => {
    const result = read(
      zone(
        '$ORIGIN example.com.',
        '$GENERATE 5-1 h$ A 1.2.3.4',
        '$GENERATE 1-2 h${1,2 A 1.2.3.4',
        '$GENERATE 1-2 h$ BOGUS x',
        '$GENERATE 1-2 h$ A',
        '$GENERATE 1-2/0 h$ A x',
        '$GENERATE 1-2 m$ MX 10 mx$',
      ),
    );
    expect(result.records).toEqual([]);
    expect(result.findings.map((f) => f.range)).toEqual([
      span(1, 10, 13),
      span(2, 14, 20),
      span(3, 17, 22),
      span(4, 17, 18),
      span(5, 10, 15),
      span(6, 23, 26),
    ]);
    expect(result.findings[5]!.message).toContain('one right-hand side token');
  });
});
