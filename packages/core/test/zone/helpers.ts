/** Small helpers for the zone-reader tests. */
import type { SourceRange } from '../../src/findings/finding.js';
import type { FileRecord } from '../../src/readers/file-record.js';

/** A one-line range. */
export function span(line: number, start: number, end: number, file = 'example.com.zone'): SourceRange {
  return { file, start: { line, character: start }, end: { line, character: end } };
}

/** A range over several lines. */
export function lines(startLine: number, start: number, endLine: number, end: number, file = 'example.com.zone'): SourceRange {
  return { file, start: { line: startLine, character: start }, end: { line: endLine, character: end } };
}

/** Owner, type and rdata texts, for compact assertions. */
export function brief(record: FileRecord): string {
  return [record.owner, record.ttl ?? '-', record.type, ...record.rdata.map((field) => field.text)].join(' ');
}

/** Joins lines with `\n` and a final newline. */
export function zone(...text: string[]): string {
  return `${text.join('\n')}\n`;
}
