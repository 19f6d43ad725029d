/**
 * A TXT value as its provider stores it: Route 53 wraps each string in quotes itself, so `\"\"`
 * inside a Terraform string separates two character-strings (the idiom for values over 255
 * octets); Google takes zone-file presentation (`"v=spf1 …"` in quotes, unquoted words become
 * separate strings); other providers take the text as written, unless it is wrapped in quotes.
 * The SPF and DMARC checks join the strings without spaces (RFC 7208 §3.3), so this split matters.
 */
import type { TxtStyle } from './providers.js';
import type { MappedChar } from './values.js';

/** The character-strings of a TXT value. */
export function txtStrings(chars: readonly MappedChar[], style: TxtStyle): MappedChar[][] {
  const known = chars.every((char) => char.unknown === undefined);
  if (!known) return [[...chars]];
  if (style === 'route53') return splitRoute53(chars);
  const text = chars.map((char) => char.c).join('');
  const trimmed = text.trim();
  const quoted = trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"');
  if (style === 'presentation' || quoted) return presentation(chars);
  return [[...chars]];
}

function splitRoute53(chars: readonly MappedChar[]): MappedChar[][] {
  const strings: MappedChar[][] = [[]];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i]?.c === '"' && chars[i + 1]?.c === '"') {
      strings.push([]);
      i++;
    } else (strings[strings.length - 1] as MappedChar[]).push(chars[i] as MappedChar);
  }
  return strings;
}

const SPACE = new Set([' ', '\t', '\n', '\r']);

/** Zone-file character-strings (RFC 1035 §5.1): quoted with `\"`, `\\`, `\DDD`, or bare words. */
function presentation(chars: readonly MappedChar[]): MappedChar[][] {
  const strings: MappedChar[][] = [];
  let i = 0;
  while (i < chars.length) {
    const char = chars[i] as MappedChar;
    if (SPACE.has(char.c)) {
      i++;
      continue;
    }
    const current: MappedChar[] = [];
    const quoted = char.c === '"';
    if (quoted) i++;
    while (i < chars.length) {
      const c = chars[i] as MappedChar;
      if (quoted ? c.c === '"' : SPACE.has(c.c)) break;
      if (c.c === '\\' && i + 1 < chars.length) {
        const digits = chars.slice(i + 1, i + 4);
        if (digits.length === 3 && digits.every((d) => /\d/.test(d.c))) {
          const last = digits[2] as MappedChar;
          const code = Number(digits.map((d) => d.c).join(''));
          current.push({ c: String.fromCharCode(code), loc: { ...c.loc, end: last.loc.end } });
          i += 4;
          continue;
        }
        const next = chars[i + 1] as MappedChar;
        current.push({ c: next.c, loc: { ...c.loc, end: next.loc.end } });
        i += 2;
        continue;
      }
      current.push(c);
      i++;
    }
    if (quoted) i++; // the closing quote
    strings.push(current);
  }
  return strings.length > 0 ? strings : [[]];
}
