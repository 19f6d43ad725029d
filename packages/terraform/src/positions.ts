/**
 * Offsets to LSP positions. Tree-sitter counts rows at `\n` only; LSP also ends lines at `\r\n`
 * and a lone `\r`, so positions are computed here from UTF-16 offsets (web-tree-sitter's
 * `startIndex`/`endIndex` are UTF-16 code unit offsets when it parses a JavaScript string).
 */
import type { Position, SourceRange } from '@mx-doctor/core';

/** Where a value was written: a file and a half-open UTF-16 offset range. */
export interface Loc {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: at - (this.starts[low] ?? 0) };
  }
}

/** Converts offsets to ranges for the files of one module. */
export class Positions {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(files: readonly { readonly text: string; readonly file: string }[]) {
    for (const { text, file } of files) if (!this.indexes.has(file)) this.indexes.set(file, new LineIndex(text));
  }

  text(file: string): string {
    return this.indexes.get(file)?.text ?? '';
  }

  range(loc: Loc): SourceRange {
    const index = this.indexes.get(loc.file) ?? new LineIndex('');
    return { file: loc.file, start: index.position(loc.start), end: index.position(loc.end) };
  }
}
