// Shared by the reader tests: one reader for the whole run (the wasm loads once), fixtures,
// and ranges computed from the fixture text so assertions name what they point at.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileRecord, ReadResult, SourceRange } from '@mx-doctor/core';
import { createTerraformReader, type TerraformReader } from '../src/index.js';

let shared: Promise<TerraformReader> | undefined;

export function reader(): Promise<TerraformReader> {
  shared ??= createTerraformReader();
  return shared;
}

export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export async function readFixture(name: string): Promise<{ text: string; result: ReadResult }> {
  const text = fixtureText(name);
  return { text, result: (await reader()).read(text, name) };
}

/**
 * The range of the `occurrence`-th (0-based) match of `needle` in `text`, optionally narrowed to
 * `part`, a substring of the needle (so `rangeOf(t, '"10 mx1.example.com"', 0, 'mx1.example.com')`
 * is the target inside that string literal). Lines end at `\n` (the fixtures use no `\r`).
 */
export function rangeOf(text: string, file: string, needle: string, occurrence = 0, part?: string): SourceRange {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  let start = at;
  let length = needle.length;
  if (part !== undefined) {
    const inner = needle.indexOf(part);
    if (inner < 0) throw new Error(`"${part}" is not in "${needle}"`);
    start += inner;
    length = part.length;
  }
  return { file, start: position(text, start), end: position(text, start + length) };
}

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A record's fields as `[text, range]` pairs, to compare in one assertion. */
export function fields(record: FileRecord | undefined): [string, SourceRange][] {
  return (record?.rdata ?? []).map((field) => [field.text, field.range]);
}

export function ofType(result: ReadResult, type: string): FileRecord[] {
  return result.records.filter((record) => record.type === type);
}
