/**
 * Control entries (RFC 1035 §5.1, RFC 2308 §4, BIND): `$ORIGIN name` (a relative name is put
 * under the current origin), `$TTL ttl`, `$INCLUDE file [origin]` (read through the caller's
 * callback, since core does no I/O; the origin and last owner come back afterwards, as in BIND;
 * loops and nesting deeper than 10 are refused) and BIND's `$GENERATE range lhs [ttl] [class]
 * type rhs`, expanded here with every record ranged on the `$GENERATE` line. As in BIND 9.18 the
 * right-hand side is one token, and a quoted one is read again as rdata text (`"10 mx$"`).
 */
import { decodeCharacterString, MAX_CHARACTER_STRING } from './character-strings.js';
import type { Entry } from './entries.js';
import { compileTemplate, expandTemplate, parseGenerateRange, rangeSize, type Template } from './generate.js';
import { lexZone, QUOTED, tokenText, WORD } from './lexer.js';
import { tokenRange } from './ranges.js';
import { isTextType, noteRelativeNames, tooLongString } from './rdata.js';
import { recordType } from './record-types.js';
import { addRecordAt, readHead } from './records.js';
import { MAX_GENERATE, MAX_GENERATE_TOTAL, MAX_INCLUDES_TOTAL, type FileContext, type IncludeResult, type ZoneState } from './state.js';
import { parseTtl } from './ttl.js';
import { LineIndex } from './zone-record.js';
import { FIELD_KEPT, type ZoneTableBuilder } from './zone-table.js';
import { quoteToken } from './quote.js';

/** BIND refuses deeper nesting; so do we. */
export const MAX_INCLUDE_DEPTH = 10;

/** Reads a file's tokens with the same state (the reader's entry point, passed in). */
export type ReadFile = (st: ZoneState, fx: FileContext) => void;

/** Whether an entry is a control entry: `$` at column 0. */
export function isDirective(fx: FileContext, entry: Entry): boolean {
  const t = entry.words[0]!;
  const tk = fx.tokens;
  return !entry.blankStart && tk.kind[t] === WORD && tk.text.charCodeAt(tk.start[t]!) === 36;
}

export function readDirective(st: ZoneState, fx: FileContext, entry: Entry, readFile: ReadFile): void {
  const tk = fx.tokens;
  const t0 = entry.words[0]!;
  const raw = tokenText(tk, t0);
  switch (raw.toUpperCase()) {
    case '$ORIGIN':
      return originDirective(st, fx, entry);
    case '$TTL':
      return ttlDirective(st, fx, entry);
    case '$INCLUDE':
      return includeDirective(st, fx, entry, readFile);
    case '$GENERATE':
      return generateDirective(st, fx, entry);
    default:
      st.syntax(tokenRange(tk, fx.file, t0), `Unknown directive \`${quoteToken(raw)}\`: expected $ORIGIN, $TTL, $INCLUDE or $GENERATE.`);
  }
}

/** Reports the first token past `allowed` arguments; true when there is none. */
function noExtra(st: ZoneState, fx: FileContext, entry: Entry, allowed: number, directive: string): boolean {
  if (entry.count <= allowed + 1) return true;
  const t = entry.words[allowed + 1]!;
  st.syntax(tokenRange(fx.tokens, fx.file, t), `Unexpected \`${quoteToken(tokenText(fx.tokens, t))}\` after ${directive}: expected the end of the line.`);
  return false;
}

/** The argument at `index`, or a report that it is missing. */
function argument(st: ZoneState, fx: FileContext, entry: Entry, index: number, expected: string): number | undefined {
  if (index < entry.count) return entry.words[index]!;
  const last = entry.words[entry.count - 1]!;
  st.syntax(tokenRange(fx.tokens, fx.file, last), `Expected ${expected} after \`${quoteToken(tokenText(fx.tokens, last))}\`, found the end of the line.`);
  return undefined;
}

function originDirective(st: ZoneState, fx: FileContext, entry: Entry): void {
  const tk = fx.tokens;
  const t = argument(st, fx, entry, 1, 'a domain name');
  if (t === undefined) return;
  const raw = tokenText(tk, t);
  if (raw === '@' && st.origin === undefined) {
    // `$ORIGIN @` keeps the origin, and none is known.
    st.originNeeded();
    return;
  }
  const name = tk.kind[t] === QUOTED ? { error: 'is a quoted string' } : st.resolveName(raw);
  if ('error' in name) {
    st.syntax(tokenRange(tk, fx.file, t), `Expected a domain name after $ORIGIN; \`${quoteToken(raw)}\` ${name.error}.`);
    return;
  }
  noExtra(st, fx, entry, 1, '$ORIGIN');
  st.origin = { text: name.text, absolute: true, wireLength: name.wireLength };
}

function ttlDirective(st: ZoneState, fx: FileContext, entry: Entry): void {
  const tk = fx.tokens;
  const t = argument(st, fx, entry, 1, 'a TTL');
  if (t === undefined) return;
  const parsed = parseTtl(tokenText(tk, t));
  if ('error' in parsed) {
    st.syntax(tokenRange(tk, fx.file, t), parsed.error);
    return;
  }
  noExtra(st, fx, entry, 1, '$TTL');
  st.defaultTtl = parsed.value;
}

function includeDirective(st: ZoneState, fx: FileContext, entry: Entry, readFile: ReadFile): void {
  const tk = fx.tokens;
  const pathToken = argument(st, fx, entry, 1, 'a file name');
  if (pathToken === undefined) return;
  const pathRange = tokenRange(tk, fx.file, pathToken);
  let path = tokenText(tk, pathToken);
  if (tk.kind[pathToken] === QUOTED) {
    const decoded = decodeCharacterString(tk.text, tk.start[pathToken]! + 1, tk.end[pathToken]! - 1);
    if ('error' in decoded) {
      st.syntax(pathRange, `This file name ${decoded.error}.`);
      return;
    }
    path = decoded.value;
  }
  let origin = st.origin;
  if (entry.count > 2) {
    const t = entry.words[2]!;
    const raw = tokenText(tk, t);
    const name = tk.kind[t] === QUOTED ? { error: 'is a quoted string' } : raw === '@' && origin === undefined ? undefined : st.resolveName(raw);
    if (name !== undefined && 'error' in name) {
      st.syntax(tokenRange(tk, fx.file, t), `Expected the origin of the included file; \`${quoteToken(raw)}\` ${name.error}.`);
      return;
    }
    if (name !== undefined) origin = { text: name.text, absolute: true, wireLength: name.wireLength };
  }
  if (!noExtra(st, fx, entry, 2, '$INCLUDE')) return;
  if (fx.depth + 1 > MAX_INCLUDE_DEPTH) {
    // Said once per zone: files that include each other many times would repeat it endlessly.
    if (!st.depthReported) st.syntax(pathRange, `$INCLUDE nests more than ${MAX_INCLUDE_DEPTH} files deep; \`${quoteToken(path)}\` is not read.`);
    st.depthReported = true;
    return;
  }
  if (st.includeBudget <= 0) {
    // Said once; the rest are skipped quietly.
    if (st.includeBudget === 0) st.syntax(pathRange, `More than ${MAX_INCLUDES_TOTAL} $INCLUDEs in this zone; this one and later ones are not read.`);
    st.includeBudget = -1;
    return;
  }
  const read = st.options.readInclude;
  if (read === undefined) {
    st.syntax(pathRange, `Cannot read the $INCLUDE file \`${quoteToken(path)}\`: no file access here.`);
    return;
  }
  let result: IncludeResult;
  try {
    result = read(path, fx.file);
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  if (result === null || typeof result !== 'object' || !('text' in result) || typeof result.text !== 'string' || typeof result.file !== 'string') {
    const why = result !== null && typeof result === 'object' && 'error' in result ? String(result.error) : 'no text came back';
    st.syntax(pathRange, `Cannot read the $INCLUDE file \`${quoteToken(path)}\`: ${quoteToken(why)}.`);
    return;
  }
  st.includeBudget--;
  if (fx.chain.includes(result.file)) {
    st.syntax(pathRange, `$INCLUDE loop: ${[...fx.chain, result.file].map(quoteToken).join(' → ')}; \`${quoteToken(path)}\` is not read again.`);
    return;
  }
  // BIND keeps the including file's origin and owner aside and restores them afterwards.
  const savedOrigin = st.origin;
  const savedOwner = st.lastOwner;
  const savedBroken = st.lastOwnerBroken;
  st.origin = origin;
  st.lastOwner = undefined;
  st.lastOwnerBroken = false;
  const tokens = lexZone(result.text);
  const lines = new LineIndex(result.file, tokens.lineStarts, tokens.lineCount);
  readFile(st, { file: result.file, tokens, lines, depth: fx.depth + 1, chain: [...fx.chain, result.file] });
  st.origin = savedOrigin;
  st.lastOwner = savedOwner;
  st.lastOwnerBroken = savedBroken;
}

interface RhsPart {
  readonly template: Template;
  readonly quoted: boolean;
  /** The token's offsets: every field made from it is ranged on it. */
  readonly start: number;
  readonly end: number;
}

/** Where generated fields go, and where they are ranged (their right-hand side token). */
interface FieldSink {
  readonly lines: LineIndex;
  readonly table: ZoneTableBuilder;
  readonly start: number;
  readonly end: number;
}

function generateDirective(st: ZoneState, fx: FileContext, entry: Entry): void {
  const tk = fx.tokens;
  const file = fx.file;
  const words = entry.words;
  const count = entry.count;
  const rangeToken = argument(st, fx, entry, 1, 'a range (start-stop[/step])');
  if (rangeToken === undefined) return;
  const range = parseGenerateRange(tokenText(tk, rangeToken));
  if ('error' in range) {
    st.syntax(tokenRange(tk, file, rangeToken), range.error);
    return;
  }
  const lhsToken = argument(st, fx, entry, 2, 'the owner template');
  if (lhsToken === undefined) return;
  const lhs = tk.kind[lhsToken] === QUOTED ? { error: 'is a quoted string' } : compileTemplate(tokenText(tk, lhsToken));
  if ('error' in lhs) {
    st.syntax(tokenRange(tk, file, lhsToken), `The $GENERATE owner template ${lhs.error}.`);
    return;
  }
  const head = readHead(st, fx, words, 3, count);
  if (head === undefined) return;
  const typeToken = words[head.typeIndex]!;
  const typeRange = tokenRange(tk, file, typeToken);
  const typed = tk.kind[typeToken] === QUOTED ? { error: 'Expected a record type, found a quoted string.' } : recordType(tokenText(tk, typeToken));
  if ('error' in typed) {
    st.syntax(typeRange, typed.error);
    return;
  }
  const type = typed.type;
  if (head.typeIndex + 1 >= count) {
    st.syntax(typeRange, `Expected the right-hand side template after \`${quoteToken(tokenText(tk, typeToken))}\`, found the end of the line.`);
    return;
  }
  if (head.typeIndex + 2 < count) {
    // BIND: "extra input text". The right-hand side is one token; quoting it gives several fields.
    const t = words[head.typeIndex + 2]!;
    st.syntax(
      tokenRange(tk, file, t),
      `Unexpected \`${quoteToken(tokenText(tk, t))}\`: $GENERATE takes one right-hand side token; quote it to give several fields (\`"10 mx$"\`).`,
    );
    return;
  }
  const rhs: RhsPart[] = [];
  for (let k = head.typeIndex + 1; k < count; k++) {
    const t = words[k]!;
    const quoted = tk.kind[t] === QUOTED;
    const partRange = tokenRange(tk, file, t);
    const template = compileTemplate(quoted ? tk.text.slice(tk.start[t]! + 1, tk.end[t]! - 1) : tokenText(tk, t));
    if ('error' in template) {
      st.syntax(partRange, `The $GENERATE template ${template.error}.`);
      return;
    }
    rhs.push({ template, quoted, start: tk.start[t]!, end: tk.end[t]! });
  }

  let limit = rangeSize(range);
  if (limit > MAX_GENERATE) {
    st.syntax(
      tokenRange(tk, file, rangeToken),
      `This $GENERATE range makes ${limit} records; only the first ${MAX_GENERATE} are read.`,
    );
    limit = MAX_GENERATE;
  }
  if (limit > st.generateBudget) {
    if (!st.generateCutReported) {
      st.syntax(
        tokenRange(tk, file, rangeToken),
        `$GENERATE makes more than ${MAX_GENERATE_TOTAL} records in this zone; ${st.generateBudget === 0 ? 'this one and later ones are' : `only ${st.generateBudget} more are read, the rest of this one and later ones`} not expanded.`,
      );
      st.generateCutReported = true;
    }
    limit = st.generateBudget;
  }
  st.generateBudget -= limit;

  const ttl = st.ttlFor(head.ttl);
  const text = isTextType(type);
  const ttlToken = head.ttlToken;
  for (let k = 0; k < limit; k++) {
    const value = range.start + k * range.step;
    const ownerText = expandTemplate(lhs, value);
    const owner = st.resolveName(ownerText);
    if ('error' in owner) {
      st.syntax(tokenRange(tk, file, lhsToken), `The owner name \`${quoteToken(ownerText)}\` that $GENERATE makes for ${value} ${owner.error}.`);
      return;
    }
    const table = st.table;
    const firstField = table.fieldMark;
    let read = true;
    for (const part of rhs) {
      const expanded = expandTemplate(part.template, value);
      const sink: FieldSink = { lines: fx.lines, table, start: part.start, end: part.end };
      // BIND reads a quoted right-hand side as rdata text again: `"10 mx$"` is two fields.
      read = part.quoted ? splitFields(st, expanded, text, sink) : pushField(st, expanded, 0, expanded.length, text, sink);
      if (!read) break;
    }
    if (!read) {
      table.dropFieldsFrom(firstField);
      return;
    }
    const fieldCount = table.fieldMark - firstField;
    noteRelativeNames(st, type, fieldCount, (k) => table.pendingFieldText(tk.text, firstField, k));
    addRecordAt(st, fx, owner.text, type, ttl, firstField, entry, lhsToken, typeToken, ttlToken);
  }
}

/** Lexes an expanded quoted right-hand side into fields, all ranged on its token. */
function splitFields(st: ZoneState, expanded: string, text: boolean, sink: FieldSink): boolean {
  const tk = lexZone(expanded);
  for (let t = 0; t < tk.count; t++) {
    const kind = tk.kind[t]!;
    if (kind !== WORD && kind !== QUOTED) continue;
    const quoted = kind === QUOTED;
    if (!text) {
      sink.table.addField(sink.start, sink.end, FIELD_KEPT, tokenText(tk, t));
      continue;
    }
    if (!pushField(st, expanded, tk.start[t]! + (quoted ? 1 : 0), tk.end[t]! - (quoted ? 1 : 0), true, sink)) return false;
  }
  return true;
}

function pushField(st: ZoneState, source: string, from: number, to: number, text: boolean, sink: FieldSink): boolean {
  if (!text) {
    sink.table.addField(sink.start, sink.end, FIELD_KEPT, source.slice(from, to));
    return true;
  }
  const decoded = decodeCharacterString(source, from, to);
  if ('error' in decoded) {
    st.syntax(sink.lines.range(sink.start, sink.end), `The character-string $GENERATE makes ${decoded.error}.`);
    return false;
  }
  if (decoded.octets > MAX_CHARACTER_STRING) {
    st.syntax(sink.lines.range(sink.start, sink.end), tooLongString(decoded.octets));
    return false;
  }
  sink.table.addField(sink.start, sink.end, FIELD_KEPT, decoded.value);
  return true;
}
