/**
 * Quick fixes attached to diagnostics: each comes from the check of the diagnostic's id (its
 * `quickFix`, in the core), only where the fix is mechanical. Anything that needs judgement (which
 * of two SPF records to keep) gets none. Every edit is checked against the document's text first:
 * the target field as the reader saw it must still be what the document says there, so a stale
 * diagnostic never edits blindly. Every finding but `suppression-unused` also gets "Disable <id>
 * for this line" (a suppression comment above its line, from the core), as linters offer.
 */
import { checkOf, disableNextLineEdit, type CommentSyntax, type FileCheck, type FileMxRecord, type ReadResult, type TargetFacts } from '@mx-doctor/core';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from './protocol.js';

interface Checked {
  readonly read: ReadResult;
  readonly check: FileCheck;
}

export function codeActionsFor(
  document: TextDocument,
  file: string,
  diagnostics: readonly Diagnostic[],
  analysis: Checked,
  liveTargets: ReadonlyMap<string, TargetFacts> | undefined,
  syntax: CommentSyntax,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const quickFix = checkOf(diagnostic.code)?.quickFix;
    if (quickFix === undefined) continue;
    const at = mxAtTarget(analysis, file, diagnostic);
    if (!at) continue;
    const field = at.mx.targetField;
    const written = document.getText(field.range);
    if (field.unresolved || written !== field.text) continue;
    const fix = quickFix({ ...at, read: analysis.read, ...(liveTargets && { liveTargets }), textAt: (range) => document.getText(range), written });
    if (!fix) continue;
    const edits = fix.edits.map((edit) => ({ range: { start: { ...edit.range.start }, end: { ...edit.range.end } }, newText: edit.newText }));
    actions.push({
      title: fix.title,
      ...(fix.isPreferred !== undefined && { isPreferred: fix.isPreferred }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: edits } },
    });
  }
  // After the fixes: suppressing is the fallback, never the preferred action.
  for (const diagnostic of diagnostics) {
    const action = disableForLine(document, diagnostic, syntax);
    if (action) actions.push(action);
  }
  return actions;
}

/** The id a suppression comment cannot hide (it is about such a comment). */
const UNSUPPRESSIBLE = 'suppression-unused';

function disableForLine(document: TextDocument, diagnostic: Diagnostic, syntax: CommentSyntax): CodeAction | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string' || diagnostic.code === UNSUPPRESSIBLE || checkOf(diagnostic.code) === undefined) return undefined;
  const line = diagnostic.range.start.line;
  if (line >= document.lineCount) return undefined;
  const lineOf = (n: number) => document.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$/, '');
  const edit = disableNextLineEdit({
    id: diagnostic.code,
    syntax,
    line,
    lineText: lineOf(line),
    ...(line > 0 && { previousLineText: lineOf(line - 1) }),
    // The document's own line ending, as its first line has it.
    eol: document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).endsWith('\r\n') ? '\r\n' : '\n',
  });
  return {
    title: `Disable ${diagnostic.code} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: { ...edit.range.start }, end: { ...edit.range.end } }, newText: edit.newText }] } },
  };
}

/** The MX record whose target field the diagnostic sits on, with its RRset. */
function mxAtTarget(analysis: Checked, file: string, diagnostic: Diagnostic): { mx: FileMxRecord; set: readonly FileMxRecord[] } | undefined {
  const { start, end } = diagnostic.range;
  for (const set of analysis.check.mxSets.values()) {
    for (const mx of set) {
      const r = mx.table.fieldRange(mx.index, 1); // from the table: no record objects for the whole file
      if (r.file === file && r.start.line === start.line && r.start.character === start.character && r.end.line === end.line && r.end.character === end.character) return { mx, set };
    }
  }
  return undefined;
}
