/**
 * The zone reader's records and fields as objects, made from its table (zone-table.ts) when asked:
 * they copy the record's data and make their `SourceRange`s (0-based line, UTF-16 column, as LSP
 * counts them) from the table's offsets and the file's line index when read. A 100,000-record zone
 * would otherwise keep some 1.4 million range and position objects alive for the language server.
 *
 * `range`, `ownerRange`, `typeRange`, `ttlRange` and `Field.range` are prototype getters that
 * build a fresh plain `{ file, start, end }` on each access (not cached: what the server keeps
 * stays small after hovers and quick fixes). Everything else is an own data property. The table
 * and index are private fields, so `Object.keys`, spread and `JSON.stringify` see only the public data
 * properties — spreading a record or field does NOT copy its ranges (nothing in the repository
 * does; read `record.range` explicitly).
 */
import type { SourceRange } from '../../findings/finding.js';
import type { Field, FileRecord } from '../../facts/file-record.js';

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

/**
 * What a record view asks of its table (the zone table has all of it). Named here, not imported
 * from zone-table.ts, so the table may build these views without an import cycle.
 */
export interface ZoneRecordSource {
  file(index: number): string;
  owner(index: number): string;
  type(index: number): string;
  ttl(index: number): number | undefined;
  origin(index: number): string | undefined;
  fieldCount(index: number): number;
  fieldText(index: number, field: number): string;
  range(index: number): SourceRange;
  ownerRange(index: number): SourceRange | undefined;
  typeRange(index: number): SourceRange;
  ttlRange(index: number): SourceRange | undefined;
  fieldRange(index: number, field: number): SourceRange;
}

/** One rdata field of a zone record: its text, and where it was written (asked of the table). */
export class ZoneField implements Field {
  readonly text: string;
  readonly #table: ZoneRecordSource;
  readonly #index: number;
  readonly #field: number;

  constructor(table: ZoneRecordSource, index: number, field: number) {
    this.text = table.fieldText(index, field);
    this.#table = table;
    this.#index = index;
    this.#field = field;
  }

  get range(): SourceRange {
    return this.#table.fieldRange(this.#index, this.#field);
  }
}

/** Record `index` of a zone table as a `FileRecord` (see `FileRecord`): its data copied, its ranges asked of the table. */
export class ZoneRecord implements FileRecord {
  readonly source = 'zone' as const;
  readonly file: string;
  readonly owner: string;
  readonly type: string;
  readonly ttl: number | undefined;
  readonly rdata: readonly Field[];
  readonly origin: string | undefined;
  readonly #table: ZoneRecordSource;
  readonly #index: number;

  constructor(table: ZoneRecordSource, index: number) {
    this.file = table.file(index);
    this.owner = table.owner(index);
    this.type = table.type(index);
    this.ttl = table.ttl(index);
    this.rdata = Array.from({ length: table.fieldCount(index) }, (_, field) => new ZoneField(table, index, field));
    this.origin = table.origin(index);
    this.#table = table;
    this.#index = index;
  }

  /** The whole record, from its first token to its last (parentheses included). */
  get range(): SourceRange {
    return this.#table.range(this.#index);
  }

  get ownerRange(): SourceRange | undefined {
    return this.#table.ownerRange(this.#index);
  }

  get typeRange(): SourceRange {
    return this.#table.typeRange(this.#index);
  }

  get ttlRange(): SourceRange | undefined {
    return this.#table.ttlRange(this.#index);
  }
}
