/**
 * The zone's origin when the file starts (RFC 1035 §5.1 leaves it to the loader). In order:
 * a `$ORIGIN` before any record; else the SOA's owner when written absolute; else the origin the
 * user gave (their word beats a guess); else the file name (`db.example.com`,
 * `example.com.zone`, `example.com.db`, `example.com`); else none, and relative names stay
 * relative.
 */
import { forEachEntry } from './entries.js';
import { QUOTED, tokenText, WORD, type ZoneTokens } from './lexer.js';
import { endsWithDot, joinName, parseName, type ParsedName } from './names.js';
import { isClassName } from './record-types.js';
import { fileStart } from './ranges.js';
import type { ZoneState } from './state.js';

export interface SettledOrigin {
  /** The origin in force at the top of the file. */
  readonly initial: ParsedName | undefined;
  /** The zone's origin (`ReadResult.origin`). */
  readonly zone: ParsedName | undefined;
}

export function settleOrigin(st: ZoneState, tk: ZoneTokens): SettledOrigin {
  const fallback = givenOrigin(st) ?? guessFromFileName(st.options.file);
  const found = scanForOrigin(tk);
  if (found !== undefined) {
    const name = parseName(found.raw);
    if (!('error' in name)) {
      if (name.absolute) {
        return found.from === 'soa' ? { initial: name, zone: name } : { initial: fallback, zone: name };
      }
      if (found.from === '$ORIGIN' && fallback !== undefined) {
        return { initial: fallback, zone: joinName(name, fallback) };
      }
    }
  }
  return { initial: fallback, zone: fallback };
}

function givenOrigin(st: ZoneState): ParsedName | undefined {
  const given = st.options.origin;
  if (given === undefined || given === '') return undefined;
  const name = parseName(given === '.' || given.endsWith('.') ? given : `${given}.`);
  if ('error' in name) {
    st.syntax(fileStart(st.options.file), `The origin given, \`${given}\`, is not a domain name: it ${name.error}.`, given);
    return undefined;
  }
  return name;
}

function guessFromFileName(file: string): ParsedName | undefined {
  const guess = originFromFileName(file);
  if (guess === undefined) return undefined;
  const name = parseName(guess === '' ? '.' : `${guess}.`);
  return 'error' in name ? undefined : name;
}

/** Files that hold the root zone or its hints. */
const ROOT_FILES = new Set(['named.root', 'named.ca', 'root.hints', 'root.zone', 'db.root', 'named.cache']);

/** Last labels that are file extensions, not top-level domains, in names like `zone.txt`. */
const NOT_TLDS = new Set([
  'txt', 'conf', 'cfg', 'bak', 'tmp', 'orig', 'old', 'new', 'tf', 'json', 'yaml', 'yml', 'log', 'hcl',
  'ts', 'js', 'jnl', 'ini', 'toml', 'xml', 'csv', 'zone', 'db', 'rev', 'hosts', 'signed', 'dns', 'local', 'arpa0',
]);

const DOMAIN = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const REVERSE = /^(?:[0-9a-f]{1,3}\.)*(?:in-addr|ip6)\.arpa$/;

/**
 * The zone name a file name suggests (`db.example.com`, `example.com.zone`, `example.com.db`,
 * `example.com`, `.signed` and `.hosts` variants), `''` for the root zone's files, or
 * `undefined`. Directories are stripped.
 */
export function originFromFileName(file: string): string | undefined {
  let base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).toLowerCase();
  if (ROOT_FILES.has(base)) return '';
  for (const suffix of ['.signed', '.zone', '.db', '.hosts', '.dns']) {
    if (base.endsWith(suffix)) {
      base = base.slice(0, -suffix.length);
      if (suffix !== '.signed') break;
    }
  }
  if (base.startsWith('db.')) base = base.slice(3);
  if (base.endsWith('.')) base = base.slice(0, -1);
  if (REVERSE.test(base)) return base;
  if (!DOMAIN.test(base)) return undefined;
  const tld = base.slice(base.lastIndexOf('.') + 1);
  return NOT_TLDS.has(tld) ? undefined : base;
}

/** The first `$ORIGIN` before any record, or the first SOA's owner, as written. */
function scanForOrigin(tk: ZoneTokens): { from: '$ORIGIN' | 'soa'; raw: string } | undefined {
  let found: { from: '$ORIGIN' | 'soa'; raw: string } | undefined;
  let recordSeen = false;
  forEachEntry(tk, {
    error: () => {},
    entry: (entry) => {
      const first = entry.words[0]!;
      const firstText = tokenText(tk, first);
      if (!entry.blankStart && tk.kind[first] === WORD && firstText.startsWith('$')) {
        const directive = firstText.toUpperCase();
        if (directive === '$ORIGIN' && !recordSeen && entry.count > 1) {
          found = { from: '$ORIGIN', raw: tokenText(tk, entry.words[1]!) };
          return false;
        }
        if (directive === '$GENERATE') recordSeen = true;
        return true;
      }
      recordSeen = true;
      let index = entry.blankStart ? 0 : 1;
      for (let k = 0; k < 2 && index < entry.count; k++) {
        const t = entry.words[index]!;
        if (tk.kind[t] === QUOTED) break;
        const c0 = tk.text.charCodeAt(tk.start[t]!);
        if ((c0 >= 48 && c0 <= 57) || isClassName(tokenText(tk, t))) index++;
        else break;
      }
      const typeToken = entry.words[index];
      if (typeToken === undefined || tokenText(tk, typeToken).toUpperCase() !== 'SOA') return true;
      if (!entry.blankStart && endsWithDot(firstText)) found = { from: 'soa', raw: firstText };
      return false;
    },
  });
  return found;
}
