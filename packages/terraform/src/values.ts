/**
 * The values the static evaluator produces. Every value remembers where it was written; a string
 * remembers it per character, so a field cut out of `"10 mail.example.com"` gets the exact
 * sub-range of its characters, and a part that cannot be evaluated (`${each.value}`) stays in the
 * string as a marker instead of spoiling the known parts around it.
 */
import type { Loc } from './positions.js';

/** An expression that cannot be evaluated statically. */
export interface UnknownValue {
  readonly kind: 'unknown';
  readonly loc: Loc;
  /** The expression as written. */
  readonly source: string;
  /** Why it cannot be evaluated, for messages (`each.value is known only per instance`). */
  readonly reason: string;
}

/** One character of a string and where it came from; `unknown` marks a part that has no text. */
export interface MappedChar {
  readonly c: string;
  readonly loc: Loc;
  readonly unknown?: UnknownValue;
}

export interface StringValue {
  readonly kind: 'string';
  readonly chars: readonly MappedChar[];
  readonly loc: Loc;
  /** Set when the string is the DNS name of a zone resource reached through a reference. */
  readonly zone?: boolean;
}

export interface NumberValue {
  readonly kind: 'number';
  readonly value: number;
  readonly text: string;
  readonly loc: Loc;
}

export interface BoolValue {
  readonly kind: 'bool';
  readonly value: boolean;
  readonly loc: Loc;
}

export interface NullValue {
  readonly kind: 'null';
  readonly loc: Loc;
}

export interface TupleValue {
  readonly kind: 'tuple';
  readonly items: readonly Value[];
  readonly loc: Loc;
}

export interface ObjectValue {
  readonly kind: 'object';
  readonly entries: ReadonlyMap<string, Value>;
  readonly loc: Loc;
}

export type Value = StringValue | NumberValue | BoolValue | NullValue | TupleValue | ObjectValue | UnknownValue;

/** Strings longer than this are not built (guards against `"${local.a}${local.a}"` doubling). */
export const MAX_STRING = 65_536;

export function unknown(loc: Loc, source: string, reason: string): UnknownValue {
  return { kind: 'unknown', loc, source, reason };
}

/** The text of a string, or undefined when part of it is unknown. */
export function knownText(value: StringValue): string | undefined {
  let text = '';
  for (const char of value.chars) {
    if (char.unknown !== undefined) return undefined;
    text += char.c;
  }
  return text;
}

/** The unknown parts of a string, in order. */
export function unknownParts(chars: readonly MappedChar[]): UnknownValue[] {
  return chars.flatMap((char) => (char.unknown === undefined ? [] : [char.unknown]));
}

/** A scalar as template text (`${10}` is `"10"`), or undefined for values that are not scalars. */
export function scalarText(value: Value): string | undefined {
  switch (value.kind) {
    case 'string':
      return knownText(value);
    case 'number':
      return value.text;
    case 'bool':
      return String(value.value);
    default:
      return undefined;
  }
}

/** The half-open offset range covering some characters (they always come from one file). */
export function spanOf(chars: readonly MappedChar[], fallback: Loc): Loc {
  const first = chars[0];
  if (first === undefined) return fallback;
  let start = first.loc.start;
  let end = first.loc.end;
  for (const char of chars) {
    if (char.loc.start < start) start = char.loc.start;
    if (char.loc.end > end) end = char.loc.end;
  }
  return { file: first.loc.file, start, end };
}

const SPACE = new Set([' ', '\t', '\n', '\r']);

/** Splits a string's characters at white space (unknown parts belong to the word they touch). */
export function splitWords(chars: readonly MappedChar[]): MappedChar[][] {
  const words: MappedChar[][] = [];
  let word: MappedChar[] = [];
  for (const char of chars) {
    if (char.unknown === undefined && SPACE.has(char.c)) {
      if (word.length > 0) words.push(word);
      word = [];
    } else word.push(char);
  }
  if (word.length > 0) words.push(word);
  return words;
}

/** Trims white space at both ends. */
export function trimChars(chars: readonly MappedChar[]): readonly MappedChar[] {
  let start = 0;
  let end = chars.length;
  const blank = (char: MappedChar | undefined): boolean =>
    char !== undefined && char.unknown === undefined && SPACE.has(char.c);
  while (start < end && blank(chars[start])) start++;
  while (end > start && blank(chars[end - 1])) end--;
  return chars.slice(start, end);
}
