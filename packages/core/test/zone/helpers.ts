/** Small helpers for the zone-reader tests. */
import type { SourceRange } from '../../src/findings/finding.js';
import type { Field, FileRecord } from '../../src/facts/file-record.js';

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

/**
 * A field as a plain object: its own properties plus `range`, which zone fields compute in a
 * prototype getter (`toEqual` compares own properties only, so it would not see it).
 */
export function plainField(field: Field): Field {
  return { ...field, range: field.range };
}

/** A record as a plain object: own properties, the range getters, and plain fields. */
export function plainRecord(record: FileRecord): FileRecord {
  return {
    ...record,
    rdata: record.rdata.map(plainField),
    range: record.range,
    ownerRange: record.ownerRange,
    typeRange: record.typeRange,
    ttlRange: record.ttlRange,
  };
}
