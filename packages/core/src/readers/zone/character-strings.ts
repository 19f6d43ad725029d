/**
 * `<character-string>` (RFC 1035 §3.3, §5.1): the text of a TXT/SPF string without its quotes,
 * with `\X` read as X and `\DDD` as the octet DDD (given back as the character of that code, so
 * ASCII text reads as itself). A character-string holds at most 255 octets; characters outside
 * ASCII count as their UTF-8 octets.
 */

export type DecodedString = { readonly value: string; readonly octets: number } | { readonly error: string };

export const MAX_CHARACTER_STRING = 255;

/** Decodes `text[from, to)`, the inside of a string (quotes excluded). */
export function decodeCharacterString(text: string, from: number, to: number): DecodedString {
  let octets = 0;
  let pieces: string[] | undefined;
  let segment = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 92) {
      octets += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
      i++;
      continue;
    }
    pieces ??= [];
    if (i > segment) pieces.push(text.slice(segment, i));
    if (i + 1 >= to) return { error: 'ends with a backslash that escapes nothing' };
    const d = text.charCodeAt(i + 1);
    if (d >= 48 && d <= 57) {
      const b = i + 2 < to ? text.charCodeAt(i + 2) - 48 : -1;
      const e = i + 3 < to ? text.charCodeAt(i + 3) - 48 : -1;
      if (b < 0 || b > 9 || e < 0 || e > 9) return { error: 'has a `\\DDD` escape without three decimal digits' };
      const value = (d - 48) * 100 + b * 10 + e;
      if (value > 255) return { error: `has the escape \`${text.slice(i, i + 4)}\`, above 255` };
      pieces.push(String.fromCharCode(value));
      octets++;
      i += 4;
    } else {
      const pair = d >= 0xd800 && d <= 0xdbff && i + 2 < to && isLow(text.charCodeAt(i + 2));
      const width = pair ? 2 : 1;
      pieces.push(text.slice(i + 1, i + 1 + width));
      octets += pair ? 4 : d < 0x80 ? 1 : d < 0x800 ? 2 : 3;
      i += 1 + width;
    }
    segment = i;
  }
  if (pieces === undefined) return { value: text.slice(from, to), octets };
  if (segment < to) pieces.push(text.slice(segment, to));
  return { value: pieces.join(''), octets };
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
