/**
 * Rdata fields: one `Field` per token, as written, with its exact range. Names in rdata are not
 * resolved here: the checks need the text as written (`mail.example.com` without its dot is a
 * classic mistake, RFC 1035 §5.1) plus the record's origin. TXT and SPF data are
 * `<character-string>`s (RFC 1035 §3.3.14, RFC 7208 §3.3): one field per string, unquoted and
 * unescaped, ranged over its quotes. `\# len hex` (RFC 3597 §5) is passed through after its
 * length is checked.
 */
import type { Field } from '../file-record.js';
import { decodeCharacterString, MAX_CHARACTER_STRING } from './character-strings.js';
import { QUOTED, tokenText, type ZoneTokens } from './lexer.js';
import { endsWithDot } from './names.js';
import { tokenRange } from './ranges.js';
import type { FileContext, ZoneState } from './state.js';
import { ZoneField } from './zone-record.js';

/** Types whose rdata is a list of character-strings. */
export function isTextType(type: string): boolean {
  return type === 'TXT' || type === 'SPF';
}

/** Which rdata fields are domain names, for the types whose relative names matter here. */
const NAME_FIELDS: Record<string, readonly number[]> = {
  MX: [1],
  NS: [0],
  CNAME: [0],
  DNAME: [0],
  PTR: [0],
  SOA: [0, 1],
  SRV: [3],
  AFSDB: [1],
  KX: [1],
  RT: [1],
};

/** The fields of `words[from, to)`, or `undefined` after reporting why they cannot be read. */
export function readFields(
  st: ZoneState,
  fx: FileContext,
  words: readonly number[],
  from: number,
  to: number,
  type: string,
): Field[] | undefined {
  const tk = fx.tokens;
  const lines = fx.lines;
  const { start, end } = tk;
  // Sized up front: a pushed-to array would keep room for 17 fields per record.
  const fields: Field[] = new Array<Field>(Math.max(0, to - from));
  if (from < to && isGenericMarker(tk, words[from]!)) {
    if (!checkGeneric(st, fx, words, from, to)) return undefined;
    for (let k = from; k < to; k++) {
      const t = words[k]!;
      fields[k - from] = new ZoneField(tokenText(tk, t), lines, start[t]!, end[t]!);
    }
    return fields;
  }
  const text = isTextType(type);
  for (let k = from; k < to; k++) {
    const t = words[k]!;
    if (!text) {
      fields[k - from] = new ZoneField(tokenText(tk, t), lines, start[t]!, end[t]!);
      continue;
    }
    const quoted = tk.kind[t] === QUOTED;
    const decoded = decodeCharacterString(tk.text, start[t]! + (quoted ? 1 : 0), end[t]! - (quoted ? 1 : 0));
    if ('error' in decoded) {
      st.syntax(tokenRange(tk, fx.file, t), `This character-string ${decoded.error}.`);
      return undefined;
    }
    if (decoded.octets > MAX_CHARACTER_STRING) {
      st.syntax(tokenRange(tk, fx.file, t), tooLongString(decoded.octets));
      return undefined;
    }
    fields[k - from] = new ZoneField(decoded.value, lines, start[t]!, end[t]!);
  }
  return fields;
}

export function tooLongString(octets: number): string {
  return `This character-string is ${octets} octets long; one holds at most 255 (RFC 1035 §3.3). Split it into several quoted strings.`;
}

/** Reports the missing origin when a name field of a record is relative (or `@`). */
export function noteRelativeNames(st: ZoneState, type: string, fields: readonly Field[]): void {
  if (st.origin !== undefined) return;
  const at = NAME_FIELDS[type];
  if (at === undefined) return;
  for (const index of at) {
    const field = fields[index];
    if (field !== undefined && (field.text === '@' || !endsWithDot(field.text))) {
      st.originNeeded();
      return;
    }
  }
}

function isGenericMarker(tk: ZoneTokens, t: number): boolean {
  const s = tk.start[t]!;
  return tk.end[t]! - s === 2 && tk.text.charCodeAt(s) === 92 && tk.text.charCodeAt(s + 1) === 35 && tk.kind[t] !== QUOTED;
}

/** RFC 3597 §5: `\# <length> <hex>…` where the hex holds exactly `length` octets. */
function checkGeneric(st: ZoneState, fx: FileContext, words: readonly number[], from: number, to: number): boolean {
  const tk = fx.tokens;
  const marker = words[from]!;
  if (from + 1 >= to) {
    st.syntax(tokenRange(tk, fx.file, marker), 'Expected the rdata length after `\\#` (RFC 3597 §5), found the end of the record.');
    return false;
  }
  const lengthToken = words[from + 1]!;
  const lengthText = tokenText(tk, lengthToken);
  if (!/^\d{1,5}$/.test(lengthText) || Number(lengthText) > 65535) {
    st.syntax(tokenRange(tk, fx.file, lengthToken), `Expected the rdata length (0–65535) after \`\\#\`, found \`${lengthText}\`.`);
    return false;
  }
  const octets = Number(lengthText);
  let digits = 0;
  for (let k = from + 2; k < to; k++) {
    const t = words[k]!;
    const hex = tokenText(tk, t);
    if (tk.kind[t] === QUOTED || !/^[0-9a-fA-F]+$/.test(hex)) {
      st.syntax(tokenRange(tk, fx.file, t), `Expected hexadecimal rdata after \`\\# ${lengthText}\`, found \`${hex}\`.`);
      return false;
    }
    digits += hex.length;
  }
  if (digits !== octets * 2) {
    const last = words[to - 1]!;
    st.syntax(
      tokenRange(tk, fx.file, digits === 0 ? lengthToken : last),
      `\`\\# ${lengthText}\` announces ${octets} octets, but the hex data holds ${digits / 2} (RFC 3597 §5).`,
    );
    return false;
  }
  return true;
}
