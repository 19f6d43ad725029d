/**
 * The zone-file lexer: RFC 1035 §5.1 master-file tokens, with their places.
 *
 * MX Doctor reads zone files by hand because no zone-file library keeps the position of each
 * field, and the language server must put its squiggle exactly on the faulty field. This is one
 * pass over char codes into flat typed arrays (no per-character regex, no string building), so
 * a 100,000-record zone lexes in a few milliseconds.
 *
 * Rules (as BIND's and Knot's lexers apply them):
 * - blanks (space, tab, form feed, vertical tab) separate tokens; `;` starts a comment to the end
 *   of the line, outside quotes;
 * - `(` and `)` are tokens of their own (the reader joins lines inside them, RFC 1035 §5.1);
 * - `"…"` is one token; a quoted string ends at the end of its line (BIND: "unbalanced quotes"),
 *   which is flagged, so every line lexes the same whatever came before it;
 * - `\X` makes any character (blank, `;`, `(`, `"`) part of the token; `\DDD` is left to the
 *   consumers (names, character-strings), which know what the octet means;
 * - line ends are `\n`, `\r\n` and a lone `\r`, as LSP counts lines; columns count UTF-16 code
 *   units, as LSP does by default, which is what `charCodeAt` offsets are.
 */

/** An unquoted token. */
export const WORD = 0;
/** A `"…"` token (its range includes the quotes). */
export const QUOTED = 1;
export const OPEN = 2;
export const CLOSE = 3;

/** The token holds a backslash escape. */
export const FLAG_ESCAPE = 1;
/** A quoted token whose closing quote is missing on its line. */
export const FLAG_UNTERMINATED = 2;
/** The token holds a character outside ASCII. */
export const FLAG_NON_ASCII = 4;

/** The tokens of one file, as parallel arrays (index = token number). */
export interface ZoneTokens {
  readonly text: string;
  readonly count: number;
  /** WORD, QUOTED, OPEN or CLOSE. */
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  /** Offsets in `text`: start inclusive, end exclusive. A token never spans lines. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 0-based line of each token. */
  readonly line: Int32Array;
  /** Offset where each line starts; `lineCount` entries are valid. */
  readonly lineStarts: Int32Array;
  readonly lineCount: number;
  /** 1 when the text starts with a byte-order mark (then line 0's content starts at column 1). */
  readonly bom: number;
  /** Token indices of the `(` and `)` tokens, in order; `parenCount` are valid. */
  readonly parens: Int32Array;
  readonly parenCount: number;
}

/**
 * Token arrays kept from one read to the next. An editor re-reads a large zone on every edit; new
 * arrays of many megabytes each time leave the C heap fragmented (glibc keeps freed blocks of
 * varied sizes resident), which is most of a language server's resident memory.
 */
export class LexScratch {
  kind = new Uint8Array(0);
  flags = new Uint8Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  line = new Int32Array(0);
  lineStarts = new Int32Array(0);

  /** Lets go of the arrays (an editor that went idle). */
  release(): void {
    this.kind = this.flags = new Uint8Array(0);
    this.start = this.end = this.line = this.lineStarts = new Int32Array(0);
  }
}

/**
 * The tokens of `text`. With `scratch`, its arrays are used (and grown) instead of new ones: the
 * tokens are then valid only until the next `lexZone` with the same scratch.
 */
export function lexZone(text: string, scratch?: LexScratch): ZoneTokens {
  const n = text.length;
  let cap = (n >> 3) + 64;
  let lineCap = (n >> 5) + 64;
  if (scratch && scratch.kind.length < cap) {
    scratch.kind = new Uint8Array(cap);
    scratch.flags = new Uint8Array(cap);
    scratch.start = new Int32Array(cap);
    scratch.end = new Int32Array(cap);
    scratch.line = new Int32Array(cap);
  }
  if (scratch && scratch.lineStarts.length < lineCap) scratch.lineStarts = new Int32Array(lineCap);
  if (scratch) {
    cap = scratch.kind.length;
    lineCap = scratch.lineStarts.length;
  }
  let kind = scratch ? scratch.kind : new Uint8Array(cap);
  let flags = scratch ? scratch.flags : new Uint8Array(cap);
  let start = scratch ? scratch.start : new Int32Array(cap);
  let end = scratch ? scratch.end : new Int32Array(cap);
  let line = scratch ? scratch.line : new Int32Array(cap);
  let lineStarts = scratch ? scratch.lineStarts : new Int32Array(lineCap);
  let parens = new Int32Array(16);
  let parenCount = 0;
  let count = 0;
  let lineNo = 0;
  let lineCount = 1;
  const bom = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = bom;

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 11 || c === 12) {
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      i += c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      lineNo++;
      if (lineCount === lineCap) {
        lineCap *= 2;
        const grown = new Int32Array(lineCap);
        grown.set(lineStarts);
        lineStarts = grown;
        if (scratch) scratch.lineStarts = grown;
      }
      lineStarts[lineCount++] = i;
      continue;
    }
    if (c === 59) {
      // `;` comment: skip to the line end (left for the loop above to count).
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10 || d === 13) break;
        i++;
      }
      continue;
    }
    if (count === cap) {
      cap *= 2;
      kind = grow8(kind, cap);
      flags = grow8(flags, cap);
      start = grow32(start, cap);
      end = grow32(end, cap);
      line = grow32(line, cap);
      if (scratch) Object.assign(scratch, { kind, flags, start, end, line });
    }
    start[count] = i;
    line[count] = lineNo;
    if (c === 40 || c === 41) {
      kind[count] = c === 40 ? OPEN : CLOSE;
      flags[count] = 0;
      end[count] = i + 1;
      if (parenCount === parens.length) parens = grow32(parens, parens.length * 2);
      parens[parenCount++] = count;
      count++;
      i++;
      continue;
    }
    let f = 0;
    let j: number;
    if (c === 34) {
      j = i + 1;
      for (;;) {
        if (j >= n) {
          f |= FLAG_UNTERMINATED;
          break;
        }
        const d = text.charCodeAt(j);
        if (d === 34) {
          j++;
          break;
        }
        if (d === 10 || d === 13) {
          f |= FLAG_UNTERMINATED;
          break;
        }
        if (d === 92) {
          f |= FLAG_ESCAPE;
          j++;
          if (j < n) {
            const e = text.charCodeAt(j);
            if (e !== 10 && e !== 13) {
              if (e > 127) f |= FLAG_NON_ASCII;
              j++;
            }
          }
          continue;
        }
        if (d > 127) f |= FLAG_NON_ASCII;
        j++;
      }
      kind[count] = QUOTED;
    } else {
      j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d <= 59) {
          if (d === 32 || d === 9 || d === 10 || d === 13 || d === 59 || d === 40 || d === 41 || d === 34 || d === 11 || d === 12) {
            break;
          }
        } else if (d === 92) {
          f |= FLAG_ESCAPE;
          j++;
          if (j < n) {
            const e = text.charCodeAt(j);
            if (e !== 10 && e !== 13) {
              if (e > 127) f |= FLAG_NON_ASCII;
              j++;
            }
          }
          continue;
        } else if (d > 127) {
          f |= FLAG_NON_ASCII;
        }
        j++;
      }
      kind[count] = WORD;
    }
    flags[count] = f;
    end[count] = j;
    count++;
    i = j;
  }

  return { text, count, kind, flags, start, end, line, lineStarts, lineCount, bom, parens, parenCount };
}

function grow8(a: Uint8Array<ArrayBuffer>, cap: number): Uint8Array<ArrayBuffer> {
  const grown = new Uint8Array(cap);
  grown.set(a);
  return grown;
}

function grow32(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(cap);
  grown.set(a);
  return grown;
}

/** The token as written. */
export function tokenText(tk: ZoneTokens, t: number): string {
  return tk.text.slice(tk.start[t]!, tk.end[t]!);
}

/** Column (UTF-16 code units) of an offset on a known line. */
export function column(tk: ZoneTokens, line: number, offset: number): number {
  return offset - tk.lineStarts[line]!;
}
