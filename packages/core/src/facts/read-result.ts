/**
 * What a reader returns. Its own module: it names both the records (file-record.ts) and the table
 * (record-table.ts), and the table names the records, so neither of those may hold it.
 */
import type { Finding } from '../findings/finding.js';
import type { FileRecord } from './file-record.js';
import { arrayTable, type RecordTable } from './record-table.js';

/** What a reader returns: records, plus `syntax` (and other) findings for what it could not read. */
export interface ReadResult {
  /**
   * Every record as an object. The zone reader makes these on each access (it keeps `table`):
   * code that runs on every edit or over large files reads `table` (`tableOf`) instead.
   */
  readonly records: readonly FileRecord[];
  /** The records by index, when the reader keeps them in columns (see record-table.ts). */
  readonly table?: RecordTable;
  readonly findings: readonly Finding[];
  /** The zone's origin as the reader settled it, absolute, no trailing dot. */
  readonly origin?: string;
}

/** The read's table: its own when the reader keeps one, else its records wrapped. */
export function tableOf(read: ReadResult): RecordTable {
  return read.table ?? arrayTable(read.records);
}
