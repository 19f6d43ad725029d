/**
 * The zone reader's records in columns (see record-table.ts for why): typed arrays of offsets into
 * the file's text, a type code, the TTL, and per field its offsets, so the garbage collector sees
 * one owner string per record and nothing else. A field's text is cut from the file when asked;
 * only texts that differ from the file (a TXT string with escapes, `$GENERATE` output) are kept
 * as strings. `record(i)` makes the `ZoneRecord` object (with lazy ranges) that the rest of the
 * core knows.
 */
import type { SourceRange } from '../../findings/finding.js';
import type { FileRecord } from '../file-record.js';
import type { RecordTable } from '../record-table.js';
import { LineIndex, ZoneField, ZoneRecord } from './zone-record.js';

/** How a field's text is found: the file's text `[start, end)`, its inside (quotes cut), or kept. */
export const FIELD_AS_WRITTEN = 0;
export const FIELD_INSIDE_QUOTES = 1;
export const FIELD_KEPT = 2;

/** Offsets per record, stride 8: record, owner, type, TTL (start, end each; −1 when not written). */
const SPAN = 8;

export class ZoneTable implements RecordTable {
  #size = 0;
  #capacity = 0;
  #owners: string[] = [];
  #types = new Int32Array(0);
  #ttls = new Float64Array(0);
  #origins = new Int32Array(0);
  #files = new Int32Array(0);
  #spans = new Int32Array(0);
  /** Record i's fields are [firstField[i], endField[i]). */
  #firstField = new Int32Array(0);
  #endField = new Int32Array(0);

  #fieldCount = 0;
  #fieldCapacity = 0;
  #fieldStarts = new Int32Array(0);
  #fieldEnds = new Int32Array(0);
  #fieldModes = new Uint8Array(0);
  readonly #keptTexts = new Map<number, string>();

  readonly #typeNames: string[] = [];
  readonly #typeCodes = new Map<string, number>();
  readonly #originTexts: (string | undefined)[] = [];
  readonly #sources: { readonly lines: LineIndex; readonly text: string }[] = [];
  #lastLines: LineIndex | undefined;
  #lastFileCode = -1;

  get size(): number {
    return this.#size;
  }

  // --- written by the reader -------------------------------------------------------------------

  /** Where the next record's fields start; pass it to `addRecord`, or to `dropFieldsFrom` on failure. */
  get fieldMark(): number {
    return this.#fieldCount;
  }

  addField(start: number, end: number, mode: number, kept?: string): void {
    if (this.#fieldCount === this.#fieldCapacity) this.#growFields();
    const k = this.#fieldCount++;
    this.#fieldStarts[k] = start;
    this.#fieldEnds[k] = end;
    this.#fieldModes[k] = mode;
    if (mode === FIELD_KEPT) this.#keptTexts.set(k, kept ?? '');
  }

  /** Forgets the fields added since `mark` (their record could not be read). */
  dropFieldsFrom(mark: number): void {
    for (let k = mark; k < this.#fieldCount; k++) if (this.#fieldModes[k] === FIELD_KEPT) this.#keptTexts.delete(k);
    this.#fieldCount = mark;
  }

  /** The text of field `mark + k` not yet given to a record, cut from `text` (its file). */
  pendingFieldText(text: string, mark: number, k: number): string {
    return this.#fieldTextAt(text, mark + k);
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
    if (this.#size === this.#capacity) this.#grow();
    const i = this.#size++;
    this.#owners.push(owner);
    let code = this.#typeCodes.get(type);
    if (code === undefined) {
      code = this.#typeNames.push(type) - 1;
      this.#typeCodes.set(type, code);
    }
    this.#types[i] = code;
    this.#ttls[i] = ttl ?? Number.NaN;
    const origins = this.#originTexts;
    if (origins.length === 0 || origins[origins.length - 1] !== origin) origins.push(origin);
    this.#origins[i] = origins.length - 1;
    if (lines !== this.#lastLines) {
      this.#lastLines = lines;
      this.#lastFileCode = this.#sources.findIndex((source) => source.lines === lines);
      if (this.#lastFileCode < 0) this.#lastFileCode = this.#sources.push({ lines, text }) - 1;
    }
    this.#files[i] = this.#lastFileCode;
    const s = this.#spans;
    const o = i * SPAN;
    s[o] = start;
    s[o + 1] = end;
    s[o + 2] = ownerStart;
    s[o + 3] = ownerEnd;
    s[o + 4] = typeStart;
    s[o + 5] = typeEnd;
    s[o + 6] = ttlStart;
    s[o + 7] = ttlEnd;
    this.#firstField[i] = firstField;
    this.#endField[i] = this.#fieldCount;
  }

  /** Gives back the room grown for records not read (a long-lived table should not keep it). */
  trim(): this {
    const n = this.#size;
    this.#types = this.#types.slice(0, n);
    this.#ttls = this.#ttls.slice(0, n);
    this.#origins = this.#origins.slice(0, n);
    this.#files = this.#files.slice(0, n);
    this.#spans = this.#spans.slice(0, n * SPAN);
    this.#firstField = this.#firstField.slice(0, n);
    this.#endField = this.#endField.slice(0, n);
    this.#capacity = n;
    const f = this.#fieldCount;
    this.#fieldStarts = this.#fieldStarts.slice(0, f);
    this.#fieldEnds = this.#fieldEnds.slice(0, f);
    this.#fieldModes = this.#fieldModes.slice(0, f);
    this.#fieldCapacity = f;
    return this;
  }

  // --- read by the checks ----------------------------------------------------------------------

  type(i: number): string {
    return this.#typeNames[this.#types[i]!]!;
  }

  owner(i: number): string {
    return this.#owners[i]!;
  }

  file(i: number): string {
    return this.#sources[this.#files[i]!]!.lines.file;
  }

  source(): 'zone' {
    return 'zone';
  }

  origin(i: number): string | undefined {
    return this.#originTexts[this.#origins[i]!];
  }

  ttl(i: number): number | undefined {
    const ttl = this.#ttls[i]!;
    return Number.isNaN(ttl) ? undefined : ttl;
  }

  fieldCount(i: number): number {
    return this.#endField[i]! - this.#firstField[i]!;
  }

  fieldText(i: number, k: number): string {
    return this.#fieldTextAt(this.#sources[this.#files[i]!]!.text, this.#firstField[i]! + k);
  }

  range(i: number): SourceRange {
    const o = i * SPAN;
    return this.#sources[this.#files[i]!]!.lines.range(this.#spans[o]!, this.#spans[o + 1]!);
  }

  record(i: number): ZoneRecord {
    const { lines, text } = this.#sources[this.#files[i]!]!;
    const first = this.#firstField[i]!;
    const count = this.#endField[i]! - first;
    const rdata = new Array<ZoneField>(count);
    for (let k = 0; k < count; k++) {
      const f = first + k;
      rdata[k] = new ZoneField(this.#fieldTextAt(text, f), lines, this.#fieldStarts[f]!, this.#fieldEnds[f]!);
    }
    const s = this.#spans;
    const o = i * SPAN;
    return new ZoneRecord(lines, this.owner(i), this.type(i), this.ttl(i), rdata, this.origin(i), s[o]!, s[o + 1]!, s[o + 2]!, s[o + 3]!, s[o + 4]!, s[o + 5]!, s[o + 6]!, s[o + 7]!);
  }

  /** Every record as an object, in file order. */
  records(): FileRecord[] {
    const all = new Array<FileRecord>(this.#size);
    for (let i = 0; i < this.#size; i++) all[i] = this.record(i);
    return all;
  }

  #fieldTextAt(text: string, f: number): string {
    const mode = this.#fieldModes[f];
    if (mode === FIELD_AS_WRITTEN) return text.slice(this.#fieldStarts[f], this.#fieldEnds[f]);
    if (mode === FIELD_INSIDE_QUOTES) return text.slice(this.#fieldStarts[f]! + 1, this.#fieldEnds[f]! - 1);
    return this.#keptTexts.get(f) ?? '';
  }

  #grow(): void {
    const capacity = Math.max(64, this.#capacity * 2);
    this.#types = grown(this.#types, new Int32Array(capacity));
    this.#ttls = grown(this.#ttls, new Float64Array(capacity));
    this.#origins = grown(this.#origins, new Int32Array(capacity));
    this.#files = grown(this.#files, new Int32Array(capacity));
    this.#spans = grown(this.#spans, new Int32Array(capacity * SPAN));
    this.#firstField = grown(this.#firstField, new Int32Array(capacity));
    this.#endField = grown(this.#endField, new Int32Array(capacity));
    this.#capacity = capacity;
  }

  #growFields(): void {
    const capacity = Math.max(128, this.#fieldCapacity * 2);
    this.#fieldStarts = grown(this.#fieldStarts, new Int32Array(capacity));
    this.#fieldEnds = grown(this.#fieldEnds, new Int32Array(capacity));
    this.#fieldModes = grown(this.#fieldModes, new Uint8Array(capacity));
    this.#fieldCapacity = capacity;
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, into: T): T {
  into.set(from as never);
  return into;
}
