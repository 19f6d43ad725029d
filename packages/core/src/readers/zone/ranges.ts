/**
 * Token places as LSP ranges (0-based line, UTF-16 column), so a finding lands on the exact field.
 */
import type { SourceRange } from '../../findings/finding.js';
import type { ZoneTokens } from './lexer.js';

/** The range of one token (quotes included for a quoted string). */
export function tokenRange(tk: ZoneTokens, file: string, t: number): SourceRange {
  const line = tk.line[t]!;
  const lineStart = tk.lineStarts[line]!;
  return {
    file,
    start: { line, character: tk.start[t]! - lineStart },
    end: { line, character: tk.end[t]! - lineStart },
  };
}

/** From the start of token `a` to the end of token `b` (possibly on a later line). */
export function spanRange(tk: ZoneTokens, file: string, a: number, b: number): SourceRange {
  const lineA = tk.line[a]!;
  const lineB = tk.line[b]!;
  return {
    file,
    start: { line: lineA, character: tk.start[a]! - tk.lineStarts[lineA]! },
    end: { line: lineB, character: tk.end[b]! - tk.lineStarts[lineB]! },
  };
}

/** The empty range at the top of a file, for findings about the file as a whole. */
export function fileStart(file: string): SourceRange {
  return { file, start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
