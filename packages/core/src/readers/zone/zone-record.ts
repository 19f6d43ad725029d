/**
 * The zone reader's records and fields, cheap to keep: they hold offsets into their file (plain
 * numbers) and one line index shared by every record of that file, and make their `SourceRange`s
 * (0-based line, UTF-16 column, as LSP counts them) when asked. A 100,000-record zone would
 * otherwise keep some 1.4 million range and position objects alive for the language server,
 * and allocating them was most of the reader's time.
 *
 * `range`, `ownerRange`, `typeRange`, `ttlRange` and `Field.range` are prototype getters that
 * build a fresh plain `{ file, start, end }` on each access (not cached: what the server keeps
 * stays small after hovers and quick fixes). Everything else is an own data property. The offsets
 * are private fields, so `Object.keys`, spread and `JSON.stringify` see only the public data
 * properties — spreading a record or field does NOT copy its ranges (nothing in the repository
 * does; read `record.range` explicitly).
 */
import type { SourceRange } from '../../findings/finding.js';
import type { Field, FileRecord } from '../file-record.js';

/** One file's line starts: offsets → `{ line, character }` by binary search. */
export class LineIndex {
  readonly file: string;
  readonly #starts: Int32Array;

  /** `lineStarts[0, lineCount)` are the offsets where lines start (copied, trimmed to size). */
  constructor(file: string, lineStarts: Int32Array, lineCount: number) {
    this.file = file;
    this.#starts = lineStarts.slice(0, Math.max(1, lineCount));
  }

  /** The line found last: ranges are mostly asked in file order, so the next is usually near. */
  #last = 0;

  /** The 0-based line holding `offset`. */
  line(offset: number): number {
    const starts = this.#starts;
    const last = this.#last;
    if (starts[last]! <= offset) {
      // The same line or the next one, without a search.
      if (last + 1 >= starts.length || starts[last + 1]! > offset) return last;
      if (last + 2 >= starts.length || starts[last + 2]! > offset) return (this.#last = last + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.#last = lo);
  }

  /**
   * The range of text `[start, end)`. The end is placed on the line of its last character, as a
   * token's end is placed on the token's line (tokens never span lines, and never are empty).
   */
  range(start: number, end: number): SourceRange {
    const starts = this.#starts;
    const a = this.line(start);
    const b = end > start ? this.line(end - 1) : a;
    return { file: this.file, start: { line: a, character: start - starts[a]! }, end: { line: b, character: end - starts[b]! } };
  }
}

/** One rdata field of a zone record: its text, and where it was written. */
export class ZoneField implements Field {
  readonly text: string;
  readonly #lines: LineIndex;
  readonly #start: number;
  readonly #end: number;

  constructor(text: string, lines: LineIndex, start: number, end: number) {
    this.text = text;
    this.#lines = lines;
    this.#start = start;
    this.#end = end;
  }

  get range(): SourceRange {
    return this.#lines.range(this.#start, this.#end);
  }
}

/** A record read from a zone file (see `FileRecord`). */
export class ZoneRecord implements FileRecord {
  readonly source = 'zone' as const;
  readonly file: string;
  readonly owner: string;
  readonly type: string;
  readonly ttl: number | undefined;
  readonly rdata: readonly Field[];
  readonly origin: string | undefined;
  readonly #lines: LineIndex;
  readonly #start: number;
  readonly #end: number;
  readonly #ownerStart: number;
  readonly #ownerEnd: number;
  readonly #typeStart: number;
  readonly #typeEnd: number;
  readonly #ttlStart: number;
  readonly #ttlEnd: number;

  constructor(
    lines: LineIndex,
    owner: string,
    type: string,
    ttl: number | undefined,
    rdata: readonly Field[],
    origin: string | undefined,
    /** Offsets of the record's parts in its file (end exclusive); −1 for a part not written. */
    start: number,
    end: number,
    ownerStart: number,
    ownerEnd: number,
    typeStart: number,
    typeEnd: number,
    ttlStart: number,
    ttlEnd: number,
  ) {
    this.file = lines.file;
    this.owner = owner;
    this.type = type;
    this.ttl = ttl;
    this.rdata = rdata;
    this.origin = origin;
    this.#lines = lines;
    this.#start = start;
    this.#end = end;
    this.#ownerStart = ownerStart;
    this.#ownerEnd = ownerEnd;
    this.#typeStart = typeStart;
    this.#typeEnd = typeEnd;
    this.#ttlStart = ttlStart;
    this.#ttlEnd = ttlEnd;
  }

  /** The whole record, from its first token to its last (parentheses included). */
  get range(): SourceRange {
    return this.#lines.range(this.#start, this.#end);
  }

  get ownerRange(): SourceRange | undefined {
    return this.#ownerStart < 0 ? undefined : this.#lines.range(this.#ownerStart, this.#ownerEnd);
  }

  get typeRange(): SourceRange {
    return this.#lines.range(this.#typeStart, this.#typeEnd);
  }

  get ttlRange(): SourceRange | undefined {
    return this.#ttlStart < 0 ? undefined : this.#lines.range(this.#ttlStart, this.#ttlEnd);
  }
}
