/**
 * Groups tokens into entries: one record or directive each (RFC 1035 §5.1). A line end ends an
 * entry unless it lies inside `( … )`. An entry that cannot be read becomes one error and reading
 * goes on with the next entry:
 * - a `)` with no `(`, or a quoted string not closed on its line: the entry is dropped, the next
 *   line not inside parentheses starts the next one;
 * - a `(` never closed: reported on the `(`; reading resumes at the next line that starts at
 *   column 0 (an owner or a directive), since everything after it would otherwise be swallowed.
 *
 * Whether a `(` is ever closed is answered in O(1) from paren-depth prefix sums and their suffix
 * minima (over the paren tokens only), so a file full of unclosed parentheses still reads in linear time.
 */
import { CLOSE, FLAG_UNTERMINATED, OPEN, type ZoneTokens } from './lexer.js';

/** One entry; the object is reused between callbacks, so copy what you keep. */
export interface Entry {
  /** Indices of the entry's WORD and QUOTED tokens (parentheses left out); `count` are valid. */
  readonly words: number[];
  count: number;
  /** First and last token of the entry (parentheses included): the record's range. */
  first: number;
  last: number;
  /** The entry's line starts with white space: the owner is the previous record's. */
  blankStart: boolean;
}

export interface EntryHandlers {
  /** Return `false` to stop reading. */
  entry(entry: Entry): boolean | void;
  error(token: number, message: string): void;
}

export function forEachEntry(tk: ZoneTokens, handlers: EntryHandlers): void {
  const n = tk.count;
  const { kind, flags, line, start, lineStarts } = tk;
  const entry: Entry = { words: [], count: 0, first: 0, last: 0, blankStart: false };
  let closes: Uint8Array | undefined;
  // Tokens are visited in increasing order, so a cursor finds each `(` in the paren list.
  let parenCursor = 0;
  let t = 0;
  while (t < n) {
    const firstLine = line[t]!;
    entry.count = 0;
    entry.first = t;
    entry.blankStart = start[t]! > lineStarts[firstLine]! + (firstLine === 0 ? tk.bom : 0);
    let depth = 0;
    let broken = false;
    let abandoned = false;
    for (;;) {
      const k = kind[t]!;
      if (k === OPEN) {
        if (depth === 0) {
          closes ??= closedParens(tk);
          while (tk.parens[parenCursor]! < t) parenCursor++;
          if (closes[parenCursor] === 0) {
            handlers.error(t, 'This `(` is never closed: expected a `)` before the end of the file.');
            t = nextLineAtColumnZero(tk, t);
            abandoned = true;
            break;
          }
        }
        depth++;
      } else if (k === CLOSE) {
        if (depth === 0) {
          if (!broken) handlers.error(t, 'Found a `)` with no `(` before it.');
          broken = true;
        } else {
          depth--;
        }
      } else {
        if ((flags[t]! & FLAG_UNTERMINATED) !== 0 && !broken) {
          handlers.error(t, 'This quoted string is not closed: expected a `"` before the end of the line.');
          broken = true;
        }
        entry.words[entry.count++] = t;
      }
      entry.last = t;
      t++;
      if (t >= n || (depth === 0 && line[t] !== line[t - 1])) break;
    }
    if (abandoned || broken || entry.count === 0) continue;
    if (handlers.entry(entry) === false) return;
  }
}

/** For each paren (by its place in `tk.parens`): 1 for a `(` that a later `)` closes. */
function closedParens(tk: ZoneTokens): Uint8Array {
  const n = tk.parenCount;
  const { kind, parens } = tk;
  const depthAfter = new Int32Array(n);
  let depth = 0;
  for (let p = 0; p < n; p++) {
    depth += kind[parens[p]!] === OPEN ? 1 : -1;
    depthAfter[p] = depth;
  }
  // A `(` leaving depth d is closed when some later paren brings the depth down to d − 1.
  const closes = new Uint8Array(n);
  let laterMin = Number.POSITIVE_INFINITY;
  for (let p = n - 1; p >= 0; p--) {
    const d = depthAfter[p]!;
    if (kind[parens[p]!] === OPEN && laterMin <= d - 1) closes[p] = 1;
    if (d < laterMin) laterMin = d;
  }
  return closes;
}

/** The first token after token `t`'s line that sits at column 0, or the token count. */
function nextLineAtColumnZero(tk: ZoneTokens, t: number): number {
  const n = tk.count;
  const from = tk.line[t]!;
  let s = t + 1;
  while (s < n && (tk.line[s] === from || tk.start[s] !== tk.lineStarts[tk.line[s]!])) s++;
  return s;
}
