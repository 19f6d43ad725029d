/**
 * A read's records by index, without an object per record. The file checks and the editor's
 * features read records through this: a 100,000-record zone kept as objects is some 35 MB of
 * small objects that every garbage collection walks, which made lint and the language server slow
 * and large. The zone reader keeps its records in columns (zone-table.ts); Terraform modules are
 * small, so their record arrays are wrapped as they are (`arrayTable`).
 */
import type { SourceRange } from '../findings/finding.js';
import type { FileRecord } from './file-record.js';

export interface RecordTable {
  readonly size: number;
  /** See `FileRecord` for what each part holds. */
  type(index: number): string;
  owner(index: number): string;
  file(index: number): string;
  source(index: number): FileRecord['source'];
  origin(index: number): string | undefined;
  ttl(index: number): number | undefined;
  fieldCount(index: number): number;
  fieldText(index: number, field: number): string;
  /** The whole record's range. */
  range(index: number): SourceRange;
  /** Field `field`'s range. */
  fieldRange(index: number, field: number): SourceRange;
  /** The TTL's range, when the TTL is written on the record. */
  ttlRange(index: number): SourceRange | undefined;
  /** Terraform: the field is an expression that could not be evaluated (see `Field`). */
  fieldUnresolved(index: number, field: number): boolean;
  /** The record as a `FileRecord`; a column-backed table makes a fresh one on each call. */
  record(index: number): FileRecord;
}

/** A table over records that already are objects. */
export function arrayTable(records: readonly FileRecord[]): RecordTable {
  return {
    size: records.length,
    type: (i) => records[i]!.type,
    owner: (i) => records[i]!.owner,
    file: (i) => records[i]!.file,
    source: (i) => records[i]!.source,
    origin: (i) => records[i]!.origin,
    ttl: (i) => records[i]!.ttl,
    fieldCount: (i) => records[i]!.rdata.length,
    fieldText: (i, k) => records[i]!.rdata[k]!.text,
    range: (i) => records[i]!.range,
    fieldRange: (i, k) => records[i]!.rdata[k]!.range,
    ttlRange: (i) => records[i]!.ttlRange,
    fieldUnresolved: (i, k) => records[i]!.rdata[k]?.unresolved === true,
    record: (i) => records[i]!,
  };
}


/**
 * A record's range that becomes positions only when read: one small object instead of three, for
 * ranges that are kept but rarely read (an MX entry's, a TXT record's beside its checks). Stable
 * identity: findings are mapped back to their record by it.
 */
export class LazyRange implements SourceRange {
  #range: SourceRange | undefined;

  constructor(
    private readonly table: RecordTable,
    private readonly index: number,
  ) {}

  #resolved(): SourceRange {
    return (this.#range ??= this.table.range(this.index));
  }

  get file(): string {
    return this.#resolved().file;
  }

  get start(): SourceRange['start'] {
    return this.#resolved().start;
  }

  get end(): SourceRange['end'] {
    return this.#resolved().end;
  }

  toJSON(): SourceRange {
    return this.#resolved();
  }
}

/** The TXT/SPF record's character-strings joined (RFC 7208 §3.3). */
export function joinedText(table: RecordTable, index: number): string {
  const count = table.fieldCount(index);
  if (count === 1) return table.fieldText(index, 0);
  let text = '';
  for (let k = 0; k < count; k++) text += table.fieldText(index, k);
  return text;
}
