/**
 * Values → `Field`s: the text a check reads and the exact range an editor underlines. A field
 * cut from a string spans just its characters; a field that contains an unevaluable part is
 * `unresolved` and its text is the source as written (`mail.${var.domain}`).
 */
import type { Field } from '@mx-doctor/core';
import type { Loc, Positions } from './positions.js';
import { spanOf, unknownParts, type MappedChar, type UnknownValue, type Value } from './values.js';

export interface BuiltField {
  readonly field: Field;
  /** The unevaluable parts, for messages. */
  readonly unknowns: readonly UnknownValue[];
}

export function charsField(chars: readonly MappedChar[], fallback: Loc, positions: Positions): BuiltField {
  const span = spanOf(chars, emptyAt(chars, fallback));
  const unknowns = unknownParts(chars);
  const range = positions.range(span);
  if (unknowns.length === 0) return { field: { text: chars.map((char) => char.c).join(''), range }, unknowns };
  const text = positions.text(span.file).slice(span.start, span.end);
  return { field: { text, range, unresolved: true }, unknowns };
}

/** A whole value as one field (a `priority = 10`, an unknown list element). */
export function valueField(value: Value, positions: Positions): BuiltField {
  switch (value.kind) {
    case 'string':
      return charsField(value.chars, value.loc, positions);
    case 'number':
      return { field: { text: value.text, range: positions.range(value.loc) }, unknowns: [] };
    case 'bool':
      return { field: { text: String(value.value), range: positions.range(value.loc) }, unknowns: [] };
    case 'unknown':
      return { field: { text: value.source, range: positions.range(value.loc), unresolved: true }, unknowns: [value] };
    default: {
      const text = positions.text(value.loc.file).slice(value.loc.start, value.loc.end);
      const reason = `${value.kind === 'null' ? 'null' : `a ${value.kind}`} is not a string`;
      const stand: UnknownValue = { kind: 'unknown', loc: value.loc, source: text, reason };
      return { field: { text, range: positions.range(value.loc), unresolved: true }, unknowns: [stand] };
    }
  }
}

/** An empty string's field sits between its quotes. */
function emptyAt(chars: readonly MappedChar[], fallback: Loc): Loc {
  if (chars.length > 0 || fallback.end - fallback.start < 2) return fallback;
  return { file: fallback.file, start: fallback.start + 1, end: fallback.start + 1 };
}
