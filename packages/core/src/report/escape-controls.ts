/**
 * DNS data (names, TXT strings) and file text, made safe to show a person. A label or TXT string
 * may hold any octet (RFC 2181 §11), so an answer can carry `ESC ]0;…BEL` (retitles a terminal),
 * a newline (fakes an output line) or a C1 control such as U+009B (CSI on some terminals).
 *
 * Escaped as `dig` and master files do (RFC 1035 §5.1): each octet of the character's UTF-8 form
 * as `\DDD` in decimal — ESC is `\027`, a newline `\010`, U+0085 `\194\133`. Escaped characters:
 * - C0 controls U+0000–U+001F (a tab too unless the caller keeps tabs), DEL U+007F, C1 U+0080–U+009F;
 * - the Unicode characters that reorder or break lines without being controls, which fake output
 *   just as well (Trojan Source, CVE-2021-42574): line/paragraph separators U+2028/U+2029, the bidi
 *   embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, and the marks U+200E, U+200F
 *   and U+061C;
 * - lone UTF-16 surrogates (no UTF-8 form; written as the three octets of their code unit).
 * Everything else stays as it is: IDN U-labels and non-ASCII TXT remain readable.
 *
 * A backslash becomes `\\` where it could otherwise be read as part of an escape: before a digit,
 * another backslash or an escaped character. So the output reads back to exactly one text (two
 * texts never print the same), while a backslash before anything else (`\.`, `\t` in a name or
 * message that already shows an escape) stays single and readable.
 */

export interface EscapeControlsOptions {
  /** Keep tab characters (for source lines, whose indentation is tabs; a tab moves the cursor, it controls nothing). */
  readonly keepTabs?: boolean;
}

const BACKSLASH = 0x5c;

// Fast path: most text has none of these. Same set as `isEscaped`, plus the backslash.
// eslint-disable-next-line no-control-regex
const ANYTHING_TO_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\\]/;

function isEscaped(code: number, keepTabs: boolean): boolean {
  if (code < 0x20) return !(keepTabs && code === 0x09);
  if (code < 0x7f) return false;
  if (code <= 0x9f) return true;
  return (
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** `\DDD` for each octet of one UTF-16 code unit's UTF-8 form (a lone surrogate as its three octets). */
function octetEscapes(code: number): string {
  const octets =
    code < 0x80 ? [code] : code < 0x800 ? [0xc0 | (code >> 6), 0x80 | (code & 0x3f)] : [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return octets.map((octet) => `\\${String(octet).padStart(3, '0')}`).join('');
}

/** Whether the code unit at `at` will print as an escape: a control, a bidi character or a lone surrogate. */
function escapedAt(text: string, at: number, keepTabs: boolean): boolean {
  const code = text.charCodeAt(at);
  if (isHighSurrogate(code)) return !isLowSurrogate(text.charCodeAt(at + 1));
  if (isLowSurrogate(code)) return !isHighSurrogate(text.charCodeAt(at - 1));
  return isEscaped(code, keepTabs);
}

/** `text` with control and bidi characters as `\DDD` escapes (see the module comment); the same string when there are none. */
export function escapeControls(text: string, options: EscapeControlsOptions = {}): string {
  if (!ANYTHING_TO_ESCAPE.test(text)) return text;
  const keepTabs = options.keepTabs === true;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) {
      const next = text.charCodeAt(i + 1); // NaN at the end
      const ambiguous = next === BACKSLASH || (next >= 0x30 && next <= 0x39) || (i + 1 < text.length && escapedAt(text, i + 1, keepTabs));
      out += ambiguous ? '\\\\' : '\\';
    } else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2); // a character outside the BMP: none of them is escaped
      i++;
    } else if (escapedAt(text, i, keepTabs)) {
      out += octetEscapes(code);
    } else {
      out += text[i];
    }
  }
  return out;
}
