/**
 * The edit behind the editor's "Disable <id> for this line": a `mx-doctor-disable-next-line <id>`
 * comment on a new line above the finding's line, indented like it (`;` in zone files, `#` in
 * Terraform), or the id added to such a comment already there, as ESLint's quick fix does.
 */
import type { TextEdit } from '../checks/check.js';
import { DISABLE_NEXT_LINE_DIRECTIVE, findSuppressions, isBlankOrComment, type CommentSyntax } from './suppression-comments.js';

const MARKER: Record<CommentSyntax, string> = { zone: ';', terraform: '#' };

export interface DisableLineRequest {
  readonly id: string;
  readonly syntax: CommentSyntax;
  /** The finding's line (0-based) and its text. */
  readonly line: number;
  readonly lineText: string;
  /** The text of the line above, if there is one. */
  readonly previousLineText?: string;
  /** The document's line ending (default `\n`). */
  readonly eol?: string;
}

export function disableNextLineEdit(request: DisableLineRequest): TextEdit {
  const { id, syntax, line, lineText, previousLineText } = request;
  if (previousLineText !== undefined && line > 0 && isBlankOrComment(previousLineText, syntax)) {
    const [above] = findSuppressions(previousLineText, '', syntax);
    if (above?.scope === 'next-line' && above.ids.length > 0) {
      const end = { line: line - 1, character: above.ids[above.ids.length - 1]!.range.end.character };
      return { range: { start: end, end }, newText: `, ${id}` };
    }
  }
  const indent = /^[ \t]*/.exec(lineText)![0];
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indent}${MARKER[syntax]} ${DISABLE_NEXT_LINE_DIRECTIVE} ${id}${request.eol ?? '\n'}` };
}
