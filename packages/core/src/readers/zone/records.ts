/**
 * One resource record entry: `[owner] [ttl] [class] type rdata` with TTL and class in either
 * order or absent (RFC 1035 §5.1). A line starting with white space keeps the previous owner; an
 * omitted TTL is `$TTL`, else the last explicit TTL (RFC 2308 §4, BIND), else, for an SOA with
 * nothing before it, the SOA minimum, which then serves as `$TTL` (BIND 9.18 does exactly this:
 * "no TTL specified; using SOA MINTTL instead"). A record without rdata is still emitted (the
 * type's checks judge it, e.g. `mx-syntax`); a record without a type is a `syntax` finding.
 */
import type { Entry } from './entries.js';
import { QUOTED, WORD, tokenText } from './lexer.js';
import { plainNameUnder } from './names.js';
import { tokenRange } from './ranges.js';
import { noteRelativeNames, readFields } from './rdata.js';
import { isClassName, recordType } from './record-types.js';
import type { FileContext, ZoneState } from './state.js';
import { parseTtl } from './ttl.js';
import { quoteToken } from './quote.js';

/** What `readHead` read. */
export interface RecordHead {
  /** Index in `words` of the type token. */
  readonly typeIndex: number;
  readonly ttl: number | undefined;
  /** Token of the explicit TTL, or −1. */
  readonly ttlToken: number;
}

/**
 * Reads the optional TTL and class (either order) from `words[from]`, up to the type. Reports and
 * gives `undefined` for a malformed TTL or a missing type.
 */
export function readHead(
  st: ZoneState,
  fx: FileContext,
  words: readonly number[],
  from: number,
  count: number,
): RecordHead | undefined {
  const tk = fx.tokens;
  let index = from;
  let ttl: number | undefined;
  let ttlToken = -1;
  let classSeen = false;
  for (let k = 0; k < 2 && index < count; k++) {
    const t = words[index]!;
    if (tk.kind[t] !== WORD) break;
    const c0 = tk.text.charCodeAt(tk.start[t]!);
    if (ttlToken < 0 && c0 >= 48 && c0 <= 57) {
      const parsed = parseTtl(tokenText(tk, t));
      if ('error' in parsed) {
        st.syntax(tokenRange(tk, fx.file, t), parsed.error);
        return undefined;
      }
      ttl = parsed.value;
      ttlToken = t;
      index++;
      continue;
    }
    if (!classSeen && isClassName(tokenText(tk, t))) {
      classSeen = true;
      index++;
      continue;
    }
    break;
  }
  if (index >= count) {
    const last = words[count - 1]!;
    st.syntax(tokenRange(tk, fx.file, last), `Expected a record type after \`${quoteToken(tokenText(tk, last))}\`, found the end of the record.`);
    return undefined;
  }
  return { typeIndex: index, ttl, ttlToken };
}

/** Reads a record entry into `st.table`, or reports why it cannot. */
export function readRecord(st: ZoneState, fx: FileContext, entry: Entry): void {
  const tk = fx.tokens;
  const words = entry.words;
  const count = entry.count;
  const file = fx.file;
  let owner: string;
  let ownerToken = -1;
  let index: number;
  if (entry.blankStart) {
    if (st.lastOwner === undefined) {
      if (!st.lastOwnerBroken) {
        st.syntax(
          tokenRange(tk, file, words[0]!),
          'This line starts with white space, so it continues the previous owner name, but there is none: expected an owner name at column 0.',
        );
      }
      return;
    }
    owner = st.lastOwner;
    index = 0;
  } else {
    const t = words[0]!;
    const s0 = tk.start[t]!;
    const e0 = tk.end[t]!;
    const plain = st.origin !== undefined && tk.kind[t] !== QUOTED && !(e0 - s0 === 1 && tk.text.charCodeAt(s0) === 64) ? plainNameUnder(tk.text, s0, e0, st.origin) : undefined;
    if (plain !== undefined) {
      owner = plain;
    } else {
      const raw = tokenText(tk, t);
      const name = tk.kind[t] === QUOTED ? { error: 'is a quoted string' } : st.resolveName(raw);
      if ('error' in name) {
        st.syntax(tokenRange(tk, file, t), `Expected an owner name at the start of the line; \`${quoteToken(raw)}\` ${name.error}.`);
        st.lastOwner = undefined;
        st.lastOwnerBroken = true;
        return;
      }
      owner = name.text;
    }
    st.lastOwner = owner;
    st.lastOwnerBroken = false;
    ownerToken = t;
    index = 1;
  }

  const head = readHead(st, fx, words, index, count);
  if (head === undefined) return;
  const typeToken = words[head.typeIndex]!;
  const typed = tk.kind[typeToken] === QUOTED ? { error: 'Expected a record type, found a quoted string.' } : recordType(tokenText(tk, typeToken));
  if ('error' in typed) {
    st.syntax(tokenRange(tk, file, typeToken), typed.error, owner);
    return;
  }
  const type = typed.type;
  const table = st.table;
  const firstField = table.fieldMark;
  const fieldCount = readFields(st, fx, words, head.typeIndex + 1, count, type);
  if (fieldCount === undefined) return;
  if (st.origin === undefined) noteRelativeNames(st, type, fieldCount, (k) => table.pendingFieldText(tk.text, firstField, k));

  let ttl = st.ttlFor(head.ttl);
  if (ttl === undefined && type === 'SOA' && fieldCount > 6) {
    // BIND: with no TTL known at all, the SOA's MINIMUM field serves as `$TTL` would.
    const parsed = parseTtl(table.pendingFieldText(tk.text, firstField, 6));
    if ('value' in parsed) {
      ttl = parsed.value;
      st.defaultTtl = ttl;
    }
  }

  addRecordAt(st, fx, owner, type, ttl, firstField, entry, ownerToken, typeToken, head.ttlToken);
}

/**
 * Adds a record whose fields were just added, placed by its entry and tokens (−1 for a part not
 * written); offsets only: the table makes ranges when asked. Tokens as arguments, not an object:
 * this is the path of every record.
 */
export function addRecordAt(
  st: ZoneState,
  fx: FileContext,
  owner: string,
  type: string,
  ttl: number | undefined,
  firstField: number,
  entry: Entry,
  ownerToken: number,
  typeToken: number,
  ttlToken: number,
): void {
  const { start, end, text } = fx.tokens;
  const o = ownerToken;
  const t = ttlToken;
  st.table.addRecord(fx.lines, text, owner, type, ttl, st.originText(), firstField, start[entry.first]!, end[entry.last]!, o < 0 ? -1 : start[o]!, o < 0 ? -1 : end[o]!, start[typeToken]!, end[typeToken]!, t < 0 ? -1 : start[t]!, t < 0 ? -1 : end[t]!);
}
