/**
 * Zone records keep offsets and make their ranges when asked (zone-record.ts). These tests hold
 * the lazy ranges to the eager ones the reader used to build (`tokenRange`/`spanRange` over the
 * lexer's tokens), on a BIND-style zone with an include, a `$GENERATE`, parentheses over lines,
 * CRLF and lone-CR line ends, a byte-order mark and characters outside the BMP; and the reader's
 * record table (zone-table.ts) to the records made from it.
 */
import { describe, expect, it } from 'vitest';
import type { SourceRange } from '../../src/findings/finding.js';
import type { FileRecord } from '../../src/facts/file-record.js';
import { readZone } from '../../src/readers/zone/index.js';
import { lexZone, type ZoneTokens } from '../../src/readers/zone/lexer.js';
import { spanRange, tokenRange } from '../../src/readers/zone/ranges.js';
import { LineIndex } from '../../src/readers/zone/zone-record.js';

const FILE = 'zones/db.example.com';
const INCLUDED_FILE = 'zones/hosts.inc';

const ZONE = [
  '\uFEFF; db.example.com: a BIND-style zone',
  '$TTL 86400\t; one day',
  '@\tIN\tSOA\tns1.example.com. hostmaster.example.com. (',
  '\t\t\t2024010101\t; serial',
  '\t\t\t3h 15M 1w',
  '\t\t\t1h )\t\t; negative caching TTL',
  '\t\tNS\tns1',
  '\t\tMX\t10 @',
  '\t\tTXT\t"v=spf1 mx -all" "😀 and é"',
  '_dmarc\t3600\tIN\tTXT\t( "v=DMARC1; p=reject; " ',
  '\t\t\t"rua=mailto:dmarc@example.com" )',
  'odd\\.label\tTXT\t"semi\\;colon" "quote\\"d" "\\240octet"',
  '$INCLUDE "hosts.inc" hosts',
  '\t\tTXT\t"back at odd.label"',
  '$GENERATE 1-3\tdyn-$ 60 CNAME host${10,2,d}.hosts',
  '$GENERATE 1-2\tmx-$ MX "10 mx$"',
  'é\tA\t192.0.2.25\t; last',
].join('\r\n');

const HOSTS = ['; included', 'host10\tA\t192.0.2.10', '\tAAAA\t2001:db8::10', 'host11 A 192.0.2.11', '😀x ( TXT', ' "y" )'].join('\r');

function read() {
  return readZone(ZONE, {
    file: FILE,
    readInclude: (path) => (path === 'hosts.inc' ? { text: HOSTS, file: INCLUDED_FILE } : { error: 'no such file' }),
  });
}

/** Every range a record gives, by name. */
function rangesOf(record: FileRecord): [string, SourceRange | undefined][] {
  return [
    ['range', record.range],
    ['ownerRange', record.ownerRange],
    ['typeRange', record.typeRange],
    ['ttlRange', record.ttlRange],
    ...record.rdata.map((field, k): [string, SourceRange] => [`rdata[${k}]`, field.range]),
  ];
}

describe('lazy ranges', () => {
  it('equal the eager token and span ranges for every token and pair of tokens', () => {
    for (const [file, text] of [
      [FILE, ZONE],
      [INCLUDED_FILE, HOSTS],
    ] as const) {
      const tk = lexZone(text);
      const lines = new LineIndex(file, tk.lineStarts, tk.lineCount);
      for (let a = 0; a < tk.count; a++) {
        expect(lines.range(tk.start[a]!, tk.end[a]!)).toStrictEqual(tokenRange(tk, file, a));
        for (let b = a; b < tk.count; b++) {
          expect(lines.range(tk.start[a]!, tk.end[b]!)).toStrictEqual(spanRange(tk, file, a, b));
        }
      }
    }
  });

  it('give each record the eager ranges of its tokens, as plain objects', () => {
    const result = read();
    expect(result.findings).toEqual([]);
    expect(result.records).toHaveLength(17);
    const tokens = new Map<string, ZoneTokens>([
      [FILE, lexZone(ZONE)],
      [INCLUDED_FILE, lexZone(HOSTS)],
    ]);
    /** The eager range of the token that starts (or, with `ending`, ends) at a position. */
    const tokenAt = (file: string, line: number, character: number, ending = false): number => {
      const tk = tokens.get(file)!;
      for (let t = 0; t < tk.count; t++) {
        const r = tokenRange(tk, file, t);
        const p = ending ? r.end : r.start;
        if (p.line === line && p.character === character) return t;
      }
      throw new Error(`no token ${ending ? 'ends' : 'starts'} at ${file}:${line}:${character}`);
    };
    let checked = 0;
    for (const record of result.records) {
      const tk = tokens.get(record.file)!;
      for (const [name, range] of rangesOf(record)) {
        if (range === undefined) continue;
        expect(Object.getPrototypeOf(range)).toBe(Object.prototype);
        expect(Object.keys(range)).toEqual(['file', 'start', 'end']);
        const first = tokenAt(range.file, range.start.line, range.start.character);
        const last = tokenAt(range.file, range.end.line, range.end.character, true);
        const eager = name === 'range' ? spanRange(tk, record.file, first, last) : tokenRange(tk, record.file, first);
        expect(range, `${record.owner} ${record.type} ${name}`).toStrictEqual(eager);
        checked++;
      }
      // Fresh objects on each access, equal each time.
      expect(record.range).not.toBe(record.range);
      expect(record.range).toStrictEqual(record.range);
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('place lines and UTF-16 columns after a byte-order mark, CRLF, lone CR and surrogate pairs', () => {
    const result = read();
    const soa = result.records[0]!;
    expect(soa.range).toStrictEqual({ file: FILE, start: { line: 2, character: 0 }, end: { line: 5, character: 7 } });
    const spf = result.records[3]!;
    expect(spf.rdata.map((f) => [f.text, f.range])).toStrictEqual([
      ['v=spf1 mx -all', { file: FILE, start: { line: 8, character: 6 }, end: { line: 8, character: 22 } }],
      ['😀 and é', { file: FILE, start: { line: 8, character: 23 }, end: { line: 8, character: 33 } }],
    ]);
    const last = result.records[result.records.length - 1]!;
    expect([last.owner, last.ownerRange, last.range]).toStrictEqual([
      'é.example.com',
      { file: FILE, start: { line: 16, character: 0 }, end: { line: 16, character: 1 } },
      { file: FILE, start: { line: 16, character: 0 }, end: { line: 16, character: 14 } },
    ]);
    const emoji = result.records.find((r) => r.file === INCLUDED_FILE && r.type === 'TXT')!;
    expect([emoji.ownerRange, emoji.range, emoji.rdata[0]!.range]).toStrictEqual([
      { file: INCLUDED_FILE, start: { line: 4, character: 0 }, end: { line: 4, character: 3 } },
      { file: INCLUDED_FILE, start: { line: 4, character: 0 }, end: { line: 5, character: 6 } },
      { file: INCLUDED_FILE, start: { line: 5, character: 1 }, end: { line: 5, character: 4 } },
    ]);
  });

  it('keep the public data as own properties (what spread and Object.keys see)', () => {
    const record = read().records[1]!;
    expect({ ...record }).toEqual({
      source: 'zone',
      file: FILE,
      owner: 'example.com',
      type: 'NS',
      ttl: 86400,
      rdata: record.rdata,
      origin: 'example.com',
    });
    expect({ ...record.rdata[0]! }).toEqual({ text: 'ns1' });
  });

  it('are read from the same columns the table answers the checks from', () => {
    const result = read();
    const table = result.table!;
    expect(table.size).toBe(17);
    for (let i = 0; i < table.size; i++) {
      const record = result.records[i]!;
      expect([table.owner(i), table.type(i), table.ttl(i), table.origin(i), table.file(i), table.source(i)]).toEqual([
        record.owner,
        record.type,
        record.ttl,
        record.origin,
        record.file,
        'zone',
      ]);
      expect(Array.from({ length: table.fieldCount(i) }, (_, k) => table.fieldText(i, k))).toEqual(record.rdata.map((f) => f.text));
      expect(table.range(i)).toStrictEqual(record.range);
    }
    // Texts that differ from the file are kept: escapes decoded, $GENERATE output expanded.
    const odd = result.records.find((r) => r.owner === 'odd\\.label.example.com')!;
    expect(odd.rdata.map((f) => f.text)).toEqual(['semi;colon', 'quote"d', '\u00f0octet']); // \240 is decimal: ð
    expect(result.records.filter((r) => r.type === 'MX' && r.owner.startsWith('mx-')).map((r) => r.rdata.map((f) => f.text))).toEqual([
      ['10', 'mx1'],
      ['10', 'mx2'],
    ]);
  });
});
