/**
 * SPF macro syntax (RFC 7208 §7.1):
 *   macro-string = *( macro-expand / macro-literal )
 *   macro-expand = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
 *   macro-literal = %x21-24 / %x26-7E          ; visible characters except "%"
 *   macro-letter = s l o d i p h c r t v        ; c, r, t only in explanation text (§7.2)
 *   transformers = *DIGIT [ "r" ]               ; DIGIT must be nonzero (§7.3)
 *   delimiter = "." / "-" / "+" / "," / "/" / "_" / "="
 * Pure: reports problems with their index in the scanned text.
 */

export interface MacroProblem {
  /** Index in the scanned text. */
  readonly index: number;
  readonly length: number;
  readonly message: string;
}

export interface MacroScan {
  readonly problems: MacroProblem[];
  /** At least one macro-expand is present. */
  readonly hasMacro: boolean;
  /** Index just past the last macro-expand; -1 when there is none. */
  readonly lastMacroEnd: number;
}

const LETTERS = 'slodiphcrtv';
const EXPLANATION_ONLY = 'crt';
const DELIMITERS = '.-+,/_=';

/**
 * Scans a macro-string. `explanationLetters` allows `c`, `r`, `t` (unknown modifiers' values are
 * never expanded, so they may hold them; domain-specs may not).
 */
export function scanMacroString(text: string, explanationLetters: boolean): MacroScan {
  const problems: MacroProblem[] = [];
  let hasMacro = false;
  let lastMacroEnd = -1;
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    if (char !== '%') {
      const code = char.charCodeAt(0);
      if (code < 0x21 || code > 0x7e) {
        problems.push({ index: i, length: 1, message: `character ${describeChar(char)} is not allowed here` });
      }
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      hasMacro = true;
      i += 2;
      lastMacroEnd = i;
      continue;
    }
    if (next !== '{') {
      problems.push({
        index: i,
        length: next === undefined ? 1 : 2,
        message: 'a "%" must start a macro ("%{d}", "%%", "%_" or "%-"); write "%%" for a literal percent sign',
      });
      i += 1;
      continue;
    }
    const close = text.indexOf('}', i + 2);
    if (close < 0) {
      problems.push({ index: i, length: text.length - i, message: 'macro "%{" is not closed with "}"' });
      return { problems, hasMacro: true, lastMacroEnd };
    }
    const problem = macroBodyProblem(text.slice(i + 2, close), explanationLetters);
    if (problem !== undefined) {
      problems.push({ index: i, length: close + 1 - i, message: `macro "${text.slice(i, close + 1)}" is not valid: ${problem}` });
    }
    hasMacro = true;
    i = close + 1;
    lastMacroEnd = i;
  }
  return { problems, hasMacro, lastMacroEnd };
}

function macroBodyProblem(body: string, explanationLetters: boolean): string | undefined {
  const letter = (body[0] ?? '').toLowerCase();
  if (letter === '') return 'it names no macro letter';
  if (!LETTERS.includes(letter)) return `"${body[0]}" is not a macro letter (s l o d i p h c r t v)`;
  if (!explanationLetters && EXPLANATION_ONLY.includes(letter)) {
    return `"${body[0]}" is allowed only in explanation text (RFC 7208 §7.2)`;
  }
  const rest = /^([0-9]*)([rR]?)(.*)$/s.exec(body.slice(1));
  const digits = rest?.[1] ?? '';
  const delimiters = rest?.[3] ?? '';
  if (digits !== '' && Number(digits) === 0) return 'the digit transformer must be nonzero (RFC 7208 §7.3)';
  for (const char of delimiters) {
    if (!DELIMITERS.includes(char)) {
      return `${describeChar(char)} is not a delimiter (. - + , / _ =)`;
    }
  }
  return undefined;
}

/** `"x"` for printable ASCII, `U+0009 (tab)` style otherwise. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code > 0x20 && code < 0x7f) return `"${char}"`;
  const names: Record<number, string> = {
    0x09: 'tab',
    0x0a: 'line feed',
    0x0d: 'carriage return',
    0x20: 'space',
    0xa0: 'no-break space',
    0x2013: 'en dash',
    0x2014: 'em dash',
    0x201c: 'curly quote',
    0x201d: 'curly quote',
  };
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = names[code];
  return name === undefined ? `U+${hex}` : `U+${hex} (${name})`;
}
