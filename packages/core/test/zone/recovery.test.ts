import { describe, expect, it } from 'vitest';
import { readZone } from '../../src/readers/zone/index.js';
import { span, zone } from './helpers.js';

const FILE = 'example.com.zone';
const read = (text: string) => readZone(text, { file: FILE });

describe('readZone: recovery after a broken line', () => {
  it('reads the records after a broken line in the middle', () => {
    const result = read(zone('$ORIGIN example.com.', 'a A 192.0.2.1', 'b IN IN A 192.0.2.2', 'c A 192.0.2.3', '  MX 10 mail'));
    expect(result.records.map((r) => `${r.owner} ${r.type}`)).toEqual(['a.example.com A', 'c.example.com A', 'c.example.com MX']);
    expect(result.findings.map((f) => [f.message, f.range])).toEqual([
      ['Expected a record type (such as A, MX or TXT), found `IN`.', span(2, 5, 7)],
    ]);
  });

  it('gives one finding per broken record, however many faults it has', () => {
    const result = read(zone('$ORIGIN example.com.', 'a BOGUS "open', 'b A 192.0.2.2'));
    expect(result.findings).toHaveLength(1);
    expect(result.records.map((r) => r.owner)).toEqual(['b.example.com']);
  });

  it('recovers after a broken multi-line record at the line after its `)`', () => {
    const result = read(zone('$ORIGIN example.com.', '@ SOA ns h ( 1 2', '  3 4 ) extra ) more', 'next A 192.0.2.1'));
    expect(result.records.map((r) => r.owner)).toEqual(['next.example.com']);
    expect(result.findings.map((f) => [f.message, f.range])).toEqual([['Found a `)` with no `(` before it.', span(2, 14, 15)]]);
  });

  it('reports a `(` that is never closed on the `(` and resumes at the next line starting at column 0', () => {
    const text = zone(
      '$ORIGIN example.com.',
      'a TXT ( "never closed"',
      '  TXT "continuation of the broken record"',
      'b A 192.0.2.1',
      '  AAAA 2001:db8::1',
      'c TXT ( "closed"',
      '  "here" )',
    );
    const result = read(text);
    expect(result.findings.map((f) => [f.message, f.range])).toEqual([
      ['This `(` is never closed: expected a `)` before the end of the file.', span(1, 6, 7)],
    ]);
    expect(result.records.map((r) => `${r.owner} ${r.type} ${r.rdata.map((f) => f.text).join(' ')}`)).toEqual([
      'b.example.com A 192.0.2.1',
      'b.example.com AAAA 2001:db8::1',
      'c.example.com TXT closed here',
    ]);
  });

  it('does not let a later, balanced pair close an earlier `(`', () => {
    const result = read(zone('$ORIGIN example.com.', 'a TXT ( "x"', 'b A 192.0.2.1', 'c TXT ( "y" )'));
    expect(result.findings.map((f) => f.range)).toEqual([span(1, 6, 7)]);
    expect(result.records.map((r) => r.owner)).toEqual(['b.example.com', 'c.example.com']);
  });

  it('drops the lines that continue an unreadable owner without more findings', () => {
    const result = read(zone('$ORIGIN example.com.', `${'x'.repeat(70)} A 192.0.2.1`, '  AAAA 2001:db8::1', 'ok A 192.0.2.2', '  AAAA 2001:db8::2'));
    expect(result.findings).toHaveLength(1);
    expect(result.records.map((r) => `${r.owner} ${r.type}`)).toEqual(['ok.example.com A', 'ok.example.com AAAA']);
  });

  it('keeps the owner of a line whose type is broken for the lines after it', () => {
    const result = read(zone('$ORIGIN example.com.', 'mail FOO 1', '  A 192.0.2.1'));
    expect(result.findings).toHaveLength(1);
    expect(result.records.map((r) => r.owner)).toEqual(['mail.example.com']);
  });

  it('reports faults inside an included file in that file and goes on in the includer', () => {
    const result = readZone(zone('$ORIGIN example.com.', '$INCLUDE bad.inc', 'after A 192.0.2.9'), {
      file: FILE,
      readInclude: () => ({ text: 'x A 192.0.2.1\ny WHAT 1\nz A 192.0.2.3\n', file: 'bad.inc' }),
    });
    expect(result.records.map((r) => `${r.file} ${r.owner}`)).toEqual([
      'bad.inc x.example.com',
      'bad.inc z.example.com',
      `${FILE} after.example.com`,
    ]);
    expect(result.findings.map((f) => f.range)).toEqual([span(1, 2, 6, 'bad.inc')]);
  });

  it('reads what it can from binary garbage without throwing', () => {
    const garbage = '\u0000\u0001\uFFFF\uD800 ( " \\\r\n\u0085$GENERATE 1-2 \\ \n)))((("\n';
    const result = read(`$ORIGIN example.com.\n${garbage}ok A 192.0.2.1\n`);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.id === 'syntax' && !f.message.includes('failed'))).toBe(true);
  });
});
