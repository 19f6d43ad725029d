/**
 * Suppression comments, as linters write them: `; mx-doctor-disable-next-line <id>…` (zone files)
 * or `# …` / `// …` (Terraform) hides those findings on the next line that is not blank or a
 * comment; `mx-doctor-disable <id>…` anywhere hides them in the whole file. Ids are separated by
 * commas or blanks; none means every id; ` -- ` starts a free-text reason (as ESLint's). The
 * directive must open the comment, so prose that mentions it is not one. Only lines that contain
 * the word are examined, so a large zone without suppressions costs one string search.
 */
import type { Position, SourceRange } from '../findings/finding.js';

/** The comment syntax of a file: `;` for zone files (RFC 1035 §5.1), `#` and `//` for Terraform (HCL). */
export type CommentSyntax = 'zone' | 'terraform';

/** One id a suppression names, with where it is written (an unused one is reported there). */
export interface SuppressedId {
  readonly id: string;
  readonly range: SourceRange;
}

export interface Suppression {
  /** `next-line`: the findings on `line`; `file`: every finding of the file. */
  readonly scope: 'next-line' | 'file';
  /** The ids it hides; empty: every id. */
  readonly ids: readonly SuppressedId[];
  /** The directive, from its first letter to the end of its ids. */
  readonly range: SourceRange;
  /** For `next-line`: the line it applies to (0-based); `undefined` when no line follows. */
  readonly line?: number;
}

export const DISABLE_DIRECTIVE = 'mx-doctor-disable';
export const DISABLE_NEXT_LINE_DIRECTIVE = 'mx-doctor-disable-next-line';

/** The directive at the start of a comment's text: its words, the ids' part, and where that part starts. */
const DIRECTIVE = /^(mx-doctor-disable(?:-next-line)?)(?=$|[\s,])([^\n]*)$/;

/** Every suppression comment of `text`, in file order. */
export function findSuppressions(text: string, file: string, syntax: CommentSyntax): Suppression[] {
  if (!text.includes(DISABLE_DIRECTIVE)) return [];
  const lines = text.split(/\r?\n|\r/);
  const comments = syntax === 'zone' ? zoneComments(lines) : terraformComments(lines);
  const found: Suppression[] = [];
  for (const comment of comments) {
    const body = lines[comment.line]!.slice(comment.start, comment.end);
    const leading = body.length - body.trimStart().length;
    const match = DIRECTIVE.exec(body.slice(leading));
    if (!match) continue;
    const directive = match[1]!;
    const at = comment.start + leading;
    let rest = match[2]!;
    const reason = rest.search(/\s--(\s|$)/);
    if (reason >= 0) rest = rest.slice(0, reason);
    const idsStart = at + directive.length;
    const ids: SuppressedId[] = [];
    for (const token of rest.matchAll(/[^\s,]+/g)) {
      const start = idsStart + token.index;
      ids.push({ id: token[0], range: rangeOf(file, comment.line, start, start + token[0].length) });
    }
    const end = ids.length > 0 ? ids[ids.length - 1]!.range.end.character : idsStart;
    const range = rangeOf(file, comment.line, at, end);
    if (directive === DISABLE_NEXT_LINE_DIRECTIVE) {
      const line = nextCodeLine(lines, comment.line, syntax);
      found.push({ scope: 'next-line', ids, range, ...(line !== undefined && { line }) });
    } else found.push({ scope: 'file', ids, range });
  }
  return found;
}

/** A comment's text on one line: from after its marker to its end (columns). */
interface CommentSpan {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

function rangeOf(file: string, line: number, start: number, end: number): SourceRange {
  const from: Position = { line, character: start };
  return { file, start: from, end: { line, character: end } };
}

/**
 * Zone comments: `;` outside a quoted string, to the line end. `\X` quotes a character, so `\;`
 * and `\"` are data (RFC 1035 §5.1). Only lines that mention the directive are scanned.
 */
function zoneComments(lines: readonly string[]): CommentSpan[] {
  const spans: CommentSpan[] = [];
  lines.forEach((text, line) => {
    if (!text.includes(DISABLE_DIRECTIVE)) return;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '"') quoted = !quoted;
      else if (ch === ';' && !quoted) {
        spans.push({ line, start: i + 1, end: text.length });
        return;
      }
    }
  });
  return spans;
}

/**
 * Terraform comments: `#` or `//` to the line end, or a `/* … *\/` that opens and closes on one
 * line, outside strings and heredocs (`<<EOF` … `EOF`, `<<-EOF` with an indented end).
 */
function terraformComments(lines: readonly string[]): CommentSpan[] {
  const spans: CommentSpan[] = [];
  let heredocEnd: string | undefined;
  let inBlockComment = false;
  lines.forEach((text, line) => {
    if (heredocEnd !== undefined) {
      if (text.trim() === heredocEnd) heredocEnd = undefined;
      return;
    }
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inBlockComment) {
        if (ch === '*' && text[i + 1] === '/') {
          inBlockComment = false;
          i++;
        }
        continue;
      }
      if (quoted) {
        if (ch === '\\') i++;
        else if (ch === '"') quoted = false;
        continue;
      }
      if (ch === '"') quoted = true;
      else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
        spans.push({ line, start: i + (ch === '#' ? 1 : 2), end: text.length });
        return;
      } else if (ch === '/' && text[i + 1] === '*') {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) {
          inBlockComment = true;
          return;
        }
        spans.push({ line, start: i + 2, end: close });
        i = close + 1;
      } else if (ch === '<' && text[i + 1] === '<') {
        const heredoc = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\s*$/.exec(text.slice(i));
        if (heredoc) {
          heredocEnd = heredoc[1];
          return;
        }
      }
    }
  });
  return spans;
}

/** Whether a line holds nothing but blanks and a comment. */
export function isBlankOrComment(text: string, syntax: CommentSyntax): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return true;
  return syntax === 'zone' ? trimmed.startsWith(';') : trimmed.startsWith('#') || trimmed.startsWith('//');
}

/** The first line after `line` with something other than blanks and a comment (so directives may stack). */
function nextCodeLine(lines: readonly string[], line: number, syntax: CommentSyntax): number | undefined {
  for (let next = line + 1; next < lines.length; next++) if (!isBlankOrComment(lines[next]!, syntax)) return next;
  return undefined;
}
