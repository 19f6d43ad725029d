/**
 * The zone reader's records in columns (see record-table.ts for why): typed arrays of offsets into
 * the file's text, a type code, the TTL, and per field its offsets, so the garbage collector sees
 * one owner string per record and nothing else. A field's text is cut from the file when asked;
 * only texts that differ from the file (a TXT string with escapes, `$GENERATE` output) are kept
 * as strings. `record(i)` makes the `ZoneRecord` object (with lazy ranges) that the rest of the
 * core knows.
 *
 * The reader fills growable columns (`TableColumns`, kept from one read to the next, like the
 * lexer's arrays) and seals them into a `ZoneTable` of exactly the right size, one buffer for all
 * columns: an editor re-reads a large zone on every edit, and many arrays of varied sizes made and
 * dropped each time leave the C heap fragmented and resident.
 */
import type { SourceRange } from '../../findings/finding.js';
import type { FileRecord } from '../../facts/file-record.js';
import type { RecordTable } from '../../facts/record-table.js';
import { LineIndex, ZoneRecord } from './zone-record.js';

/** How a field's text is found: the file's text `[start, end)`, its inside (quotes cut), or kept. */
export const FIELD_AS_WRITTEN = 0;
export const FIELD_INSIDE_QUOTES = 1;
export const FIELD_KEPT = 2;

/** Offsets per record, stride 8: record, owner, type, TTL (start, end each; −1 when not written). */
const SPAN = 8;
/** Where each part's start offset sits in a record's span; its end follows at `+ 1`. */
const SLOT_RECORD = 0;
const SLOT_OWNER = 2;
const SLOT_TYPE = 4;
const SLOT_TTL = 6;

/** One file the records were read from: its lines (for ranges) and text (for field texts). */
interface Source {
  readonly lines: LineIndex;
  readonly text: string;
}

/** The numeric columns, for records `[0, size)` and fields `[0, fieldCount)`. */
interface Columns {
  ttls: Float64Array;
  types: Int32Array;
  origins: Int32Array;
  files: Int32Array;
  spans: Int32Array;
  /** Record i's fields are [firstField[i], endField[i]). */
  firstField: Int32Array;
  endField: Int32Array;
  fieldStarts: Int32Array;
  fieldEnds: Int32Array;
  fieldModes: Uint8Array;
}

/** Growable columns for the reader to fill; reusable from one read to the next. */
export class TableColumns implements Columns {
  ttls = new Float64Array(0);
  types = new Int32Array(0);
  origins = new Int32Array(0);
  files = new Int32Array(0);
  spans = new Int32Array(0);
  firstField = new Int32Array(0);
  endField = new Int32Array(0);
  fieldStarts = new Int32Array(0);
  fieldEnds = new Int32Array(0);
  fieldModes = new Uint8Array(0);

  get recordCapacity(): number {
    return this.types.length;
  }

  get fieldCapacity(): number {
    return this.fieldStarts.length;
  }

  /** Room for `capacity` records, keeping the first `keep`. */
  growRecords(capacity: number, keep: number): void {
    this.ttls = grown(this.ttls, new Float64Array(capacity), keep);
    this.types = grown(this.types, new Int32Array(capacity), keep);
    this.origins = grown(this.origins, new Int32Array(capacity), keep);
    this.files = grown(this.files, new Int32Array(capacity), keep);
    this.spans = grown(this.spans, new Int32Array(capacity * SPAN), keep * SPAN);
    this.firstField = grown(this.firstField, new Int32Array(capacity), keep);
    this.endField = grown(this.endField, new Int32Array(capacity), keep);
  }

  /** Room for `capacity` fields, keeping the first `keep`. */
  growFields(capacity: number, keep: number): void {
    this.fieldStarts = grown(this.fieldStarts, new Int32Array(capacity), keep);
    this.fieldEnds = grown(this.fieldEnds, new Int32Array(capacity), keep);
    this.fieldModes = grown(this.fieldModes, new Uint8Array(capacity), keep);
  }

  /** Lets go of the arrays (an editor that went idle). */
  release(): void {
    this.growRecords(0, 0);
    this.growFields(0, 0);
  }
}

/** What the reader writes records into; `seal` makes the table. */
export class ZoneTableBuilder {
  #size = 0;
  #fieldCount = 0;
  readonly #columns: TableColumns;
  readonly #owners: string[] = [];
  readonly #keptTexts = new Map<number, string>();
  readonly #typeNames: string[] = [];
  readonly #typeCodes = new Map<string, number>();
  readonly #originTexts: (string | undefined)[] = [];
  readonly #sources: Source[] = [];
  #lastLines: LineIndex | undefined;
  #lastFileCode = -1;

  /** `columns`: arrays to fill (and grow), e.g. kept from an earlier read; by default new ones. */
  constructor(columns = new TableColumns()) {
    this.#columns = columns;
  }

  /** Room for about this many records and fields, made at once rather than by doubling. */
  reserve(records: number, fields: number): void {
    if (records > this.#columns.recordCapacity) this.#columns.growRecords(records, this.#size);
    if (fields > this.#columns.fieldCapacity) this.#columns.growFields(fields, this.#fieldCount);
  }

  /** Where the next record's fields start; pass it to `addRecord`, or to `dropFieldsFrom` on failure. */
  get fieldMark(): number {
    return this.#fieldCount;
  }

  addField(start: number, end: number, mode: number, kept?: string): void {
    const c = this.#columns;
    if (this.#fieldCount === c.fieldCapacity) c.growFields(Math.max(128, c.fieldCapacity * 2), this.#fieldCount);
    const k = this.#fieldCount++;
    c.fieldStarts[k] = start;
    c.fieldEnds[k] = end;
    c.fieldModes[k] = mode;
    if (mode === FIELD_KEPT) this.#keptTexts.set(k, kept ?? '');
  }

  /** Forgets the fields added since `mark` (their record could not be read). */
  dropFieldsFrom(mark: number): void {
    for (let k = mark; k < this.#fieldCount; k++) if (this.#columns.fieldModes[k] === FIELD_KEPT) this.#keptTexts.delete(k);
    this.#fieldCount = mark;
  }

  /** The text of field `mark + k` not yet given to a record, cut from `text` (its file). */
  pendingFieldText(text: string, mark: number, k: number): string {
    return fieldTextAt(this.#columns, this.#keptTexts, text, mark + k);
  }

  addRecord(
    lines: LineIndex,
    text: string,
    owner: string,
    type: string,
    ttl: number | undefined,
    origin: string | undefined,
    /** `fieldMark` before this record's fields were added. */
    firstField: number,
    /** Offsets (end exclusive): record, owner, type, TTL; −1 for a part not written. */
    start: number,
    end: number,
    ownerStart: number,
    ownerEnd: number,
    typeStart: number,
    typeEnd: number,
    ttlStart: number,
    ttlEnd: number,
  ): void {
    const c = this.#columns;
    if (this.#size === c.recordCapacity) c.growRecords(Math.max(64, c.recordCapacity * 2), this.#size);
    const i = this.#size++;
    this.#owners.push(owner);
    let code = this.#typeCodes.get(type);
    if (code === undefined) {
      code = this.#typeNames.push(type) - 1;
      this.#typeCodes.set(type, code);
    }
    c.types[i] = code;
    c.ttls[i] = ttl ?? Number.NaN;
    const origins = this.#originTexts;
    if (origins.length === 0 || origins[origins.length - 1] !== origin) origins.push(origin);
    c.origins[i] = origins.length - 1;
    if (lines !== this.#lastLines) this.#switchFile(lines, text);
    c.files[i] = this.#lastFileCode;
    const s = c.spans;
    const o = i * SPAN;
    s[o + SLOT_RECORD] = start;
    s[o + SLOT_RECORD + 1] = end;
    s[o + SLOT_OWNER] = ownerStart;
    s[o + SLOT_OWNER + 1] = ownerEnd;
    s[o + SLOT_TYPE] = typeStart;
    s[o + SLOT_TYPE + 1] = typeEnd;
    s[o + SLOT_TTL] = ttlStart;
    s[o + SLOT_TTL + 1] = ttlEnd;
    c.firstField[i] = firstField;
    c.endField[i] = this.#fieldCount;
  }

  /** Records now come from the file of `lines`: one of the sources so far, or a new one. */
  #switchFile(lines: LineIndex, text: string): void {
    this.#lastLines = lines;
    this.#lastFileCode = this.#sources.findIndex((source) => source.lines === lines);
    if (this.#lastFileCode < 0) this.#lastFileCode = this.#sources.push({ lines, text }) - 1;
  }

  /** The table: the columns copied into one buffer of exactly the size they need. */
  seal(): ZoneTable {
    const n = this.#size;
    const f = this.#fieldCount;
    const c = this.#columns;
    const buffer = new ArrayBuffer(8 * n + 4 * (n * (4 + SPAN + 2) + 2 * f) + f);
    let at = 0;
    const take = <T extends Float64Array | Int32Array | Uint8Array>(from: T, length: number, make: (b: ArrayBuffer, offset: number, length: number) => T): T => {
      const view = make(buffer, at, length);
      view.set(from.subarray(0, length) as never);
      at += view.byteLength;
      return view;
    };
    const float64 = (b: ArrayBuffer, o: number, l: number) => new Float64Array(b, o, l);
    const int32 = (b: ArrayBuffer, o: number, l: number) => new Int32Array(b, o, l);
    const columns: Columns = {
      ttls: take(c.ttls, n, float64),
      types: take(c.types, n, int32),
      origins: take(c.origins, n, int32),
      files: take(c.files, n, int32),
      spans: take(c.spans, n * SPAN, int32),
      firstField: take(c.firstField, n, int32),
      endField: take(c.endField, n, int32),
      fieldStarts: take(c.fieldStarts, f, int32),
      fieldEnds: take(c.fieldEnds, f, int32),
      fieldModes: take(c.fieldModes, f, (b, o, l) => new Uint8Array(b, o, l)),
    };
    return new ZoneTable(n, columns, this.#owners, this.#keptTexts, this.#typeNames, this.#originTexts, this.#sources);
  }
}

export class ZoneTable implements RecordTable {
  readonly #size: number;
  readonly #c: Columns;
  readonly #owners: readonly string[];
  readonly #keptTexts: ReadonlyMap<number, string>;
  readonly #typeNames: readonly string[];
  readonly #originTexts: readonly (string | undefined)[];
  readonly #sources: readonly Source[];

  constructor(
    size: number,
    columns: Columns,
    owners: readonly string[],
    keptTexts: ReadonlyMap<number, string>,
    typeNames: readonly string[],
    originTexts: readonly (string | undefined)[],
    sources: readonly Source[],
  ) {
    this.#size = size;
    this.#c = columns;
    this.#owners = owners;
    this.#keptTexts = keptTexts;
    this.#typeNames = typeNames;
    this.#originTexts = originTexts;
    this.#sources = sources;
  }

  get size(): number {
    return this.#size;
  }

  type(i: number): string {
    return this.#typeNames[this.#c.types[i]!]!;
  }

  owner(i: number): string {
    return this.#owners[i]!;
  }

  file(i: number): string {
    return this.#sources[this.#c.files[i]!]!.lines.file;
  }

  source(): 'zone' {
    return 'zone';
  }

  origin(i: number): string | undefined {
    return this.#originTexts[this.#c.origins[i]!];
  }

  ttl(i: number): number | undefined {
    const ttl = this.#c.ttls[i]!;
    return Number.isNaN(ttl) ? undefined : ttl;
  }

  fieldCount(i: number): number {
    return this.#c.endField[i]! - this.#c.firstField[i]!;
  }

  fieldText(i: number, k: number): string {
    return fieldTextAt(this.#c, this.#keptTexts, this.#sources[this.#c.files[i]!]!.text, this.#c.firstField[i]! + k);
  }

  range(i: number): SourceRange {
    const o = i * SPAN + SLOT_RECORD;
    return this.#sources[this.#c.files[i]!]!.lines.range(this.#c.spans[o]!, this.#c.spans[o + 1]!);
  }

  fieldRange(i: number, k: number): SourceRange {
    const c = this.#c;
    const f = c.firstField[i]! + k;
    return this.#sources[c.files[i]!]!.lines.range(c.fieldStarts[f]!, c.fieldEnds[f]!);
  }

  ttlRange(i: number): SourceRange | undefined {
    return this.#span(i, SLOT_TTL);
  }

  ownerRange(i: number): SourceRange | undefined {
    return this.#span(i, SLOT_OWNER);
  }

  typeRange(i: number): SourceRange {
    return this.#span(i, SLOT_TYPE)!;
  }

  /** The range of the part whose offsets start at `slot` in the record's span, if written. */
  #span(i: number, slot: number): SourceRange | undefined {
    const o = i * SPAN + slot;
    const start = this.#c.spans[o]!;
    return start < 0 ? undefined : this.#sources[this.#c.files[i]!]!.lines.range(start, this.#c.spans[o + 1]!);
  }

  fieldUnresolved(): boolean {
    return false;
  }

  record(i: number): ZoneRecord {
    return new ZoneRecord(this, i);
  }

  /** Every record as an object, in file order. */
  records(): FileRecord[] {
    const all = new Array<FileRecord>(this.#size);
    for (let i = 0; i < this.#size; i++) all[i] = this.record(i);
    return all;
  }
}

function fieldTextAt(c: Columns, kept: ReadonlyMap<number, string>, text: string, f: number): string {
  const mode = c.fieldModes[f];
  if (mode === FIELD_AS_WRITTEN) return text.slice(c.fieldStarts[f], c.fieldEnds[f]);
  if (mode === FIELD_INSIDE_QUOTES) return text.slice(c.fieldStarts[f]! + 1, c.fieldEnds[f]! - 1);
  return kept.get(f) ?? '';
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, into: T, keep: number): T {
  into.set(from.subarray(0, Math.min(keep, into.length)) as never);
  return into;
}
