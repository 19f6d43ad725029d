/**
 * Quick fixes attached to diagnostics, only where the fix is mechanical:
 * - `mx-target-relative`: add the trailing dot at the end of the target field;
 * - `mx-target-cname`: point the MX at the chain's end (the file's own CNAMEs, or the live answer),
 *   written with a trailing dot in zone files;
 * - `mx-duplicate` with the same preference and target: delete the repeated record's line(s)
 *   (zone files only; in Terraform the record may share a block or list with others).
 * Anything that needs judgement (which of two SPF records to keep) gets no quick fix.
 * Every edit is checked against the document's text first, so a stale diagnostic never edits blindly.
 */
import { fileAliasChain, type FileCheck, type FileMxRecord, type FileRecord, type ReadResult, type TargetFacts } from '@mx-doctor/core';

interface Checked {
  readonly read: ReadResult;
  readonly check: FileCheck;
}
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toLspRange } from './diagnostics.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';

export function codeActionsFor(
  document: TextDocument,
  file: string,
  diagnostics: readonly Diagnostic[],
  analysis: Checked,
  liveTargets: ReadonlyMap<string, TargetFacts> | undefined,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const mx = mxAtTarget(analysis, file, diagnostic);
    if (!mx) continue;
    const fix = quickFix(document, diagnostic, mx, analysis, liveTargets);
    if (fix) actions.push({ ...fix, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: fix.edits } } });
  }
  return actions;
}

function quickFix(
  document: TextDocument,
  diagnostic: Diagnostic,
  mx: { mx: FileMxRecord; set: readonly FileMxRecord[] },
  analysis: Checked,
  liveTargets: ReadonlyMap<string, TargetFacts> | undefined,
): { title: string; edits: TextEdit[]; isPreferred?: boolean } | undefined {
  const field = mx.mx.targetField;
  const written = document.getText(field.range);
  // The field as the reader saw it must still be what the document says there.
  if (field.unresolved || written !== field.text) return undefined;
  switch (diagnostic.code) {
    case 'mx-target-relative':
      if (written.endsWith('.')) return undefined;
      return { title: `Add the trailing dot: ${written}.`, edits: [{ range: { start: { ...field.range.end }, end: { ...field.range.end } }, newText: '.' }], isPreferred: true };
    case 'mx-target-cname': {
      const end = canonicalName(mx.mx.entry.exchange, analysis.read, liveTargets);
      if (end === undefined) return undefined;
      const dotted = mx.mx.record.source === 'zone' || written.endsWith('.') || mx.mx.record.terraform?.targetNeedsTrailingDot === true;
      const newText = dotted ? `${end}.` : end;
      return { title: `Point the MX at ${newText} (the CNAME's target)`, edits: [{ range: toLspRange(field.range), newText }], isPreferred: true };
    }
    case 'mx-duplicate': {
      if (mx.mx.record.source !== 'zone') return undefined;
      const first = mx.set.find((item) => item.entry.exchange === mx.mx.entry.exchange);
      if (!first || first === mx.mx || first.entry.preference !== mx.mx.entry.preference) return undefined;
      const range = wholeLines(document, mx.mx.record);
      if (!range) return undefined;
      return { title: `Remove the duplicate MX ${mx.mx.entry.preference} ${written}`, edits: [{ range, newText: '' }], isPreferred: true };
    }
    default:
      return undefined;
  }
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

/** The end of the target's CNAME chain: the file's own CNAMEs first, else the live answer. */
function canonicalName(target: string, read: ReadResult, liveTargets: ReadonlyMap<string, TargetFacts> | undefined): string | undefined {
  const chain = fileAliasChain(read, target);
  const end = chain[chain.length - 1]!;
  if (chain.indexOf(end) !== chain.length - 1) return undefined; // a loop: nothing to point at
  if (chain.length > 1) return end;
  const live = liveTargets?.get(target)?.cnameChain;
  return live && live.length > 1 ? live[live.length - 1] : undefined;
}

/** The lines a record occupies, when nothing else (but blanks and a comment) shares them. */
function wholeLines(document: TextDocument, record: FileRecord) {
  const { start, end } = record.range;
  const before = document.getText({ start: { line: start.line, character: 0 }, end: start });
  const after = document.getText({ start: end, end: { line: end.line + 1, character: 0 } });
  if (before.trim() !== '' || !/^\s*(;.*)?\s*$/.test(after)) return undefined;
  return { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } };
}
