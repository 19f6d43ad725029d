/**
 * Rdata fields: one field per token, as written, with its exact range. Names in rdata are not
 * resolved here: the checks need the text as written (`mail.example.com` without its dot is a
 * classic mistake, RFC 1035 §5.1) plus the record's origin. TXT and SPF data are
 * `<character-string>`s (RFC 1035 §3.3.14, RFC 7208 §3.3): one field per string, unquoted and
 * unescaped, ranged over its quotes. `\# len hex` (RFC 3597 §5) is passed through after its
 * length is checked.
 */
import { decodeCharacterString, MAX_CHARACTER_STRING } from './character-strings.js';
import { FLAG_ESCAPE, FLAG_NON_ASCII, QUOTED, tokenText, type ZoneTokens } from './lexer.js';
import { endsWithDot } from './names.js';
import { tokenRange } from './ranges.js';
import type { FileContext, ZoneState } from './state.js';
import { FIELD_AS_WRITTEN, FIELD_INSIDE_QUOTES, FIELD_KEPT } from './zone-table.js';
import { quoteToken } from './quote.js';

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

/**
 * Adds the fields of `words[from, to)` to the reader's table (the record is added after them);
 * gives their count, or `undefined` after reporting why they cannot be read (then nothing is added).
 */
export function readFields(st: ZoneState, fx: FileContext, words: readonly number[], from: number, to: number, type: string): number | undefined {
  const tk = fx.tokens;
  const table = st.table;
  const { start, end, flags } = tk;
  if (from < to && isGenericMarker(tk, words[from]!)) {
    if (!checkGeneric(st, fx, words, from, to)) return undefined;
    for (let k = from; k < to; k++) table.addField(start[words[k]!]!, end[words[k]!]!, FIELD_AS_WRITTEN);
    return to - from;
  }
  const text = isTextType(type);
  const mark = table.fieldMark;
  for (let k = from; k < to; k++) {
    const t = words[k]!;
    if (!text) {
      table.addField(start[t]!, end[t]!, FIELD_AS_WRITTEN);
      continue;
    }
    const quoted = tk.kind[t] === QUOTED;
    if ((flags[t]! & (FLAG_ESCAPE | FLAG_NON_ASCII)) === 0) {
      // Plain ASCII without escapes: one octet per character, the text is the file's.
      const octets = end[t]! - start[t]! - (quoted ? 2 : 0);
      if (octets > MAX_CHARACTER_STRING) {
        st.syntax(tokenRange(tk, fx.file, t), tooLongString(octets));
        table.dropFieldsFrom(mark);
        return undefined;
      }
      table.addField(start[t]!, end[t]!, quoted ? FIELD_INSIDE_QUOTES : FIELD_AS_WRITTEN);
      continue;
    }
    const decoded = decodeCharacterString(tk.text, start[t]! + (quoted ? 1 : 0), end[t]! - (quoted ? 1 : 0));
    if ('error' in decoded) {
      st.syntax(tokenRange(tk, fx.file, t), `This character-string ${decoded.error}.`);
      table.dropFieldsFrom(mark);
      return undefined;
    }
    if (decoded.octets > MAX_CHARACTER_STRING) {
      st.syntax(tokenRange(tk, fx.file, t), tooLongString(decoded.octets));
      table.dropFieldsFrom(mark);
      return undefined;
    }
    // Without escapes the string is its text in the file: nothing to keep.
    if ((flags[t]! & FLAG_ESCAPE) !== 0) table.addField(start[t]!, end[t]!, FIELD_KEPT, decoded.value);
    else table.addField(start[t]!, end[t]!, quoted ? FIELD_INSIDE_QUOTES : FIELD_AS_WRITTEN);
  }
  return to - from;
}

export function tooLongString(octets: number): string {
  return `This character-string is ${octets} octets long; one holds at most 255 (RFC 1035 §3.3). Split it into several quoted strings.`;
}

/** Reports the missing origin when a name field of a record is relative (or `@`). */
export function noteRelativeNames(st: ZoneState, type: string, count: number, fieldText: (k: number) => string): void {
  if (st.origin !== undefined) return;
  const at = NAME_FIELDS[type];
  if (at === undefined) return;
  for (const index of at) {
    const text = index < count ? fieldText(index) : undefined;
    if (text !== undefined && (text === '@' || !endsWithDot(text))) {
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
    st.syntax(tokenRange(tk, fx.file, lengthToken), `Expected the rdata length (0–65535) after \`\\#\`, found \`${quoteToken(lengthText)}\`.`);
    return false;
  }
  const octets = Number(lengthText);
  let digits = 0;
  for (let k = from + 2; k < to; k++) {
    const t = words[k]!;
    const hex = tokenText(tk, t);
    if (tk.kind[t] === QUOTED || !/^[0-9a-fA-F]+$/.test(hex)) {
      st.syntax(tokenRange(tk, fx.file, t), `Expected hexadecimal rdata after \`\\# ${lengthText}\`, found \`${quoteToken(hex)}\`.`);
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
