/**
 * Quick fixes attached to diagnostics: each comes from the check of the diagnostic's id (its
 * `quickFix`, in the core), only where the fix is mechanical. Anything that needs judgement (which
 * of two SPF records to keep) gets none. Every edit is checked against the document's text first:
 * the target field as the reader saw it must still be what the document says there, so a stale
 * diagnostic never edits blindly.
 */
import { checkOf, type FileCheck, type FileMxRecord, type ReadResult, type TargetFacts } from '@mx-doctor/core';
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
  return actions;
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
