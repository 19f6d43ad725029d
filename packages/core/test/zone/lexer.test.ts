import { describe, expect, it } from 'vitest';
import {
  CLOSE,
  FLAG_ESCAPE,
  FLAG_UNTERMINATED,
  lexZone,
  OPEN,
  QUOTED,
  tokenText,
  WORD,
  type ZoneTokens,
} from '../../src/readers/zone/lexer.js';

/** [text, kind, line, column] of every token. */
function tokens(tk: ZoneTokens): [string, number, number, number][] {
  const out: [string, number, number, number][] = [];
  for (let t = 0; t < tk.count; t++) {
    const line = tk.line[t]!;
    out.push([tokenText(tk, t), tk.kind[t]!, line, tk.start[t]! - tk.lineStarts[line]!]);
  }
  return out;
}

describe('lexZone', () => {
  it('splits on blanks and keeps each token with its line and column', () => {
    expect(tokens(lexZone('www  IN\tA 192.0.2.1\n  MX 10 mail'))).toEqual([
      ['www', WORD, 0, 0],
      ['IN', WORD, 0, 5],
      ['A', WORD, 0, 8],
      ['192.0.2.1', WORD, 0, 10],
      ['MX', WORD, 1, 2],
      ['10', WORD, 1, 5],
      ['mail', WORD, 1, 8],
    ]);
  });

  it('drops `;` comments but not a `;` inside quotes or escaped', () => {
    expect(tokens(lexZone('a TXT "x;y" b\\;c ; comment "here"\nb'))).toEqual([
      ['a', WORD, 0, 0],
      ['TXT', WORD, 0, 2],
      ['"x;y"', QUOTED, 0, 6],
      ['b\\;c', WORD, 0, 12],
      ['b', WORD, 1, 0],
    ]);
  });

  it('makes parentheses tokens of their own, also when glued to words', () => {
    const tk = lexZone('@ SOA a b (1\n 2 3)');
    expect(tokens(tk)).toEqual([
      ['@', WORD, 0, 0],
      ['SOA', WORD, 0, 2],
      ['a', WORD, 0, 6],
      ['b', WORD, 0, 8],
      ['(', OPEN, 0, 10],
      ['1', WORD, 0, 11],
      ['2', WORD, 1, 1],
      ['3', WORD, 1, 3],
      [')', CLOSE, 1, 4],
    ]);
    expect(Array.from(tk.parens.subarray(0, tk.parenCount))).toEqual([4, 8]);
  });

  it('counts \\n, \\r\\n and a lone \\r as line ends, like LSP', () => {
    const tk = lexZone('a\r\nb\rc\nd');
    expect(tokens(tk).map(([text, , line, column]) => [text, line, column])).toEqual([
      ['a', 0, 0],
      ['b', 1, 0],
      ['c', 2, 0],
      ['d', 3, 0],
    ]);
    expect(tk.lineCount).toBe(4);
  });

  it('counts columns in UTF-16 code units (an emoji is two)', () => {
    const tk = lexZone('x TXT "😀" y');
    expect(tokens(tk).map(([text, , , column]) => [text, column])).toEqual([
      ['x', 0],
      ['TXT', 2],
      ['"😀"', 6],
      ['y', 11],
    ]);
  });

  it('keeps escaped blanks and quotes inside a word and flags the escape', () => {
    const tk = lexZone('a\\ b\\"c d');
    expect(tokens(tk).map(([text]) => text)).toEqual(['a\\ b\\"c', 'd']);
    expect(tk.flags[0]! & FLAG_ESCAPE).toBe(FLAG_ESCAPE);
    expect(tk.flags[1]).toBe(0);
  });

  it('ends a quoted string at the line end and flags it unterminated', () => {
    const tk = lexZone('a TXT "open\nb A 1.2.3.4');
    expect(tokens(tk)).toEqual([
      ['a', WORD, 0, 0],
      ['TXT', WORD, 0, 2],
      ['"open', QUOTED, 0, 6],
      ['b', WORD, 1, 0],
      ['A', WORD, 1, 2],
      ['1.2.3.4', WORD, 1, 4],
    ]);
    expect(tk.flags[2]! & FLAG_UNTERMINATED).toBe(FLAG_UNTERMINATED);
  });

  it('does not let an escaped quote close a string', () => {
    const tk = lexZone('"a\\"b" c');
    expect(tokens(tk).map(([text, kind]) => [text, kind])).toEqual([
      ['"a\\"b"', QUOTED],
      ['c', WORD],
    ]);
    expect(tk.flags[0]! & FLAG_UNTERMINATED).toBe(0);
  });

  it('skips a byte-order mark but counts it as a column', () => {
    const tk = lexZone('\uFEFFwww A 1.2.3.4');
    expect(tk.bom).toBe(1);
    expect(tokens(tk)[0]).toEqual(['www', WORD, 0, 1]);
  });

  it('grows past its first guess of token and line counts', () => {
    const text = 'a\n'.repeat(5000) + 'x y z '.repeat(3000);
    const tk = lexZone(text);
    expect(tk.count).toBe(5000 + 9000);
    expect(tk.lineCount).toBe(5001);
    expect(tokenText(tk, tk.count - 1)).toBe('z');
  });
});
