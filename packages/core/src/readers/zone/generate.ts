/**
 * BIND's `$GENERATE` templates (BIND 9 ARM, "BIND Primary File Extension: the $GENERATE
 * Directive"): a range `start-stop[/step]`, and templates where `$` is the iterator,
 * `${offset[,width[,base]]}` formats it (bases d, o, x, X, n, N; nibble mode writes reversed hex
 * digits as labels and its width counts the dots), `$$` and `\$` give a dollar sign (`\$` stays
 * escaped in the output, as in BIND, for the name or rdata reader to unescape).
 */
import { quoteToken } from './quote.js';

export interface GenerateRange {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
}

/** A literal piece, or a formatted iterator. */
export type TemplatePart = string | { readonly offset: number; readonly width: number; readonly base: string };

export type Template = readonly TemplatePart[];

const MAX_VALUE = 0xffffffff;
/** Longer fields could not fit in a name anyway (BIND's buffer is smaller still). */
const MAX_WIDTH = 255;

export function parseGenerateRange(raw: string): GenerateRange | { readonly error: string } {
  const match = /^(\d{1,10})-(\d{1,10})(?:\/(\d{1,10}))?$/.exec(raw);
  if (match === null) {
    return { error: `Expected a $GENERATE range such as 1-100 or 0-254/2, found \`${quoteToken(raw)}\`.` };
  }
  const start = Number(match[1]);
  const stop = Number(match[2]);
  const step = match[3] === undefined ? 1 : Number(match[3]);
  if (start > MAX_VALUE || stop > MAX_VALUE || step > MAX_VALUE) {
    return { error: `The $GENERATE range \`${quoteToken(raw)}\` goes beyond ${MAX_VALUE}.` };
  }
  if (start > stop) return { error: `The $GENERATE range \`${quoteToken(raw)}\` starts after it stops.` };
  if (step === 0) return { error: `The $GENERATE range \`${quoteToken(raw)}\` has a step of 0.` };
  return { start, stop, step };
}

/** How many values the range takes. */
export function rangeSize(range: GenerateRange): number {
  return Math.floor((range.stop - range.start) / range.step) + 1;
}

export function compileTemplate(raw: string): Template | { readonly error: string } {
  const parts: TemplatePart[] = [];
  const n = raw.length;
  let literal = 0;
  let i = 0;
  const flush = (to: number): void => {
    if (to > literal) parts.push(raw.slice(literal, to));
  };
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 92) {
      i += 2; // `\X` is copied as written
      continue;
    }
    if (c !== 36) {
      i++;
      continue;
    }
    flush(i);
    if (raw.charCodeAt(i + 1) === 36) {
      parts.push('$');
      i += 2;
      literal = i;
      continue;
    }
    if (raw.charCodeAt(i + 1) !== 123) {
      parts.push({ offset: 0, width: 0, base: 'd' });
      i++;
      literal = i;
      continue;
    }
    const close = raw.indexOf('}', i + 2);
    if (close < 0) return { error: `has a \`\${\` with no \`}\`` };
    const modifier = /^([+-]?\d{1,10})(?:,(\d{1,3})(?:,([doxXnN]))?)?$/.exec(raw.slice(i + 2, close));
    if (modifier === null) {
      return { error: `has the modifier \`${raw.slice(i, close + 1)}\`; expected \${offset[,width[,base]]} with base d, o, x, X, n or N` };
    }
    const width = modifier[2] === undefined ? 0 : Number(modifier[2]);
    if (width > MAX_WIDTH) return { error: `asks for a width of ${width}; at most ${MAX_WIDTH}` };
    parts.push({ offset: Number(modifier[1]), width, base: modifier[3] ?? 'd' });
    i = close + 1;
    literal = i;
  }
  flush(n);
  return parts;
}

/** The template's text for one iterator value. */
export function expandTemplate(template: Template, value: number): string {
  let out = '';
  for (const part of template) {
    out += typeof part === 'string' ? part : formatValue(value + part.offset, part.width, part.base);
  }
  return out;
}

function formatValue(value: number, width: number, base: string): string {
  switch (base) {
    case 'o':
      return (value >>> 0).toString(8).padStart(width, '0');
    case 'x':
      return (value >>> 0).toString(16).padStart(width, '0');
    case 'X':
      return (value >>> 0).toString(16).toUpperCase().padStart(width, '0');
    case 'n':
    case 'N':
      return nibbles(value >>> 0, width, base === 'N');
    default:
      return value < 0 ? `-${String(-value).padStart(width - 1, '0')}` : String(value).padStart(width, '0');
  }
}

/** BIND's `nibbles()`: low nibble first, a dot between digits, width counting dots too. */
function nibbles(value: number, width: number, upper: boolean): string {
  const digits = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  const out: string[] = [];
  let v = value;
  let w = width;
  do {
    out.push(digits[v & 0x0f]!);
    v = Math.floor(v / 16);
    if (w > 0) w--;
    if (w > 0 || v !== 0) {
      out.push('.');
      if (w > 0) w--;
    }
  } while (v !== 0 || w > 0);
  return out.join('');
}
