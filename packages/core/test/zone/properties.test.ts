import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceRange } from '../../src/findings/finding.js';
import type { ReadResult } from '../../src/facts/read-result.js';
import { readZone, type IncludeResult } from '../../src/readers/zone/index.js';

// 10,000 cases in all: 3,000 random strings, 2,000 zone-ish token soups, 3,500 mutated zones,
// 1,500 mutated zones with mutated includes.

const SEED = [
  '$ORIGIN example.com.',
  '$TTL 1h',
  '@ IN SOA ns1 hostmaster ( 1 ; serial',
  '   2h 1h 2w 5m )',
  '  NS ns1',
  '  MX 10 @',
  '  TXT "v=spf1 \\"q\\" \\065 -all" "two"',
  'a\\.b 300 IN A 192.0.2.1',
  'www CH 60 CNAME @',
  '$INCLUDE "inc.zone" sub',
  '  AAAA 2001:db8::1',
  '$GENERATE 1-4/2 h${0,3,n} 30 IN TXT "v$ \\$$$"',
  'x TYPE65534 \\# 2 abcd',
  '$ORIGIN rel',
  'mail MX 10 mail.example.com',
].join('\n');

const INCLUDED = ['; included', 'x A 192.0.2.9', '  TXT ( "a"', '   "b" )', '$INCLUDE inc.zone'].join('\n');

const PIECES = ['(', ')', '"', '\\', ';', '$', ' ', '\t', '\n', '\r', '\r\n', '@', '.', 'a', '0', '9', '\\0', '\\#', '$ORIGIN ', '$INCLUDE inc.zone ', '$GENERATE 0-70000 ', '$GENERATE 1-3 ', '$TTL ', '${', '}', 'TXT ', 'MX ', 'IN ', '1w2d ', '\uFEFF', '😀', '\u0000'];

type Mutation = { kind: 'insert'; at: number; piece: string } | { kind: 'delete' | 'duplicate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })) }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'insert') out = out.slice(0, at) + m.piece + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else out = out.slice(0, at + m.length) + out.slice(at, at + m.length) + out.slice(at + m.length);
  }
  return out;
}

/** Line lengths as LSP counts lines (`\r\n`, `\r`, `\n`). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/** Throws (plain checks: `expect` per position would dominate the run time) unless the range is inside its file. */
function checkRange(range: SourceRange, lengthsByFile: ReadonlyMap<string, number[]>): void {
  const lengths = lengthsByFile.get(range.file);
  if (lengths === undefined) throw new Error(`range in unknown file ${range.file}`);
  for (const position of [range.start, range.end]) {
    const { line, character } = position;
    if (!Number.isInteger(line) || line < 0 || line >= lengths.length || !Number.isInteger(character) || character < 0 || character > lengths[line]!) {
      throw new Error(`position ${JSON.stringify(position)} is outside ${range.file}`);
    }
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  if (!ordered) throw new Error(`range ends before it starts: ${JSON.stringify(range)}`);
}

function checkResult(result: ReadResult, texts: ReadonlyMap<string, string>): void {
  const lengthsByFile = new Map([...texts].map(([file, text]) => [file, lineLengths(text)]));
  const seen = new Set<SourceRange>();
  const check = (range: SourceRange | undefined): void => {
    if (range === undefined || seen.has(range)) return;
    seen.add(range);
    checkRange(range, lengthsByFile);
  };
  for (const record of result.records) {
    check(record.range);
    check(record.ownerRange);
    check(record.typeRange);
    check(record.ttlRange);
    for (const field of record.rdata) check(field.range);
    if (/[A-Z]/.test(record.owner)) throw new Error(`owner not lower case: ${record.owner}`);
    if (record.owner.endsWith('.') && !/(^|[^\\])(\\\\)*\\\.$/.test(record.owner)) throw new Error(`owner ends with a dot: ${record.owner}`);
  }
  for (const finding of result.findings) {
    if (finding.id !== 'syntax' || /reader failed/.test(finding.message)) throw new Error(`unexpected finding: ${finding.message}`);
    check(finding.range);
  }
}

function readChecked(text: string, includes?: string): void {
  const texts = new Map<string, string>([['top.zone', text]]);
  const readInclude =
    includes === undefined
      ? undefined
      : (path: string): IncludeResult => {
          if (path !== 'inc.zone') return { error: 'missing' };
          texts.set('inc.zone', includes);
          return { text: includes, file: 'inc.zone' };
        };
  const result = readZone(text, { file: 'top.zone', readInclude });
  checkResult(result, texts);
}

describe('readZone properties: never throws, always ends, every range inside the text', () => {
  it('on random strings of any characters', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 })), (text) => {
        readChecked(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('on soups of zone-file tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, 'www ', 'A ', '192.0.2.1 ', '"x y" ', '\\$ '), { maxLength: 80 }), (pieces) => {
        readChecked(pieces.join(''), INCLUDED);
      }),
      { numRuns: 2000 },
    );
  });

  it('on mutated valid zones', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        readChecked(mutate(SEED, mutations), INCLUDED);
      }),
      { numRuns: 3500 },
    );
  });

  it('on mutated zones that include mutated files', () => {
    fc.assert(
      fc.property(fc.array(mutation, { maxLength: 5 }), fc.array(mutation, { maxLength: 5 }), (outer, inner) => {
        readChecked(mutate(SEED, outer), mutate(INCLUDED, inner));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads the unmutated seed without findings (so the mutations start from a valid zone)', () => {
    const result = readZone(SEED, { file: 'top.zone', readInclude: () => ({ text: INCLUDED.replace('$INCLUDE inc.zone', ''), file: 'inc.zone' }) });
    expect(result.findings).toEqual([]);
    expect(result.records.length).toBe(13);
  });
});
