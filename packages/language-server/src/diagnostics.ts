/**
 * Findings → LSP diagnostics: code = finding id, source = `mx-doctor`, severity mapped, a link to
 * the catalogue, message + fix, and related information where a finding points at another record
 * (the CNAME an MX target hits, the first of a duplicate). Grouped per file, since a Terraform
 * module's findings may sit in any of its files and a zone's in an `$INCLUDE`d one.
 */
import { FINDINGS_DOCS_URL, severityRank, tableOf, type Finding, type FileCheck, type ReadResult, type Severity, type SourceRange } from '@mx-doctor/core';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Location } from 'vscode-languageserver';
import { uriOfFile } from './documents.js';
import { DIAGNOSTIC_SOURCE } from './protocol.js';

/** Where the catalogue lives; each id is an anchor there. */
export const CHECKS_DOCS_URL = FINDINGS_DOCS_URL;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const sameRange = (a: SourceRange, b: SourceRange) =>
  a.file === b.file && a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export const toLspRange = (range: SourceRange) => ({ start: { ...range.start }, end: { ...range.end } });

const location = (range: SourceRange): Location => ({ uri: uriOfFile(range.file), range: toLspRange(range) });

/**
 * Diagnostics published per document at most: an editor slows to a crawl on more, and a file with
 * more has one fault repeated (`mx-doctor lint` lists them all). The most severe are kept.
 */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;

/** Diagnostics by document URI. Every URI in `uris` gets an entry, empty when clean (to clear old ones). */
export function diagnosticsByUri(findings: readonly Finding[], read: ReadResult, check: FileCheck, uris: readonly string[]): Map<string, Diagnostic[]> {
  const found = new Map<string, Finding[]>(uris.map((uri) => [uri, []]));
  for (const item of findings) {
    if (!item.range) continue;
    const uri = uriOfFile(item.range.file);
    const list = found.get(uri);
    if (list) list.push(item);
    else found.set(uri, [item]);
  }
  const byUri = new Map<string, Diagnostic[]>();
  for (const [uri, list] of found) {
    // Stable: in reading order within one severity.
    const kept = list.length > MAX_DIAGNOSTICS_PER_DOCUMENT ? [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)).slice(0, MAX_DIAGNOSTICS_PER_DOCUMENT) : list;
    const diagnostics = kept.map((item) => toDiagnostic(item, relatedInformation(item, read, check)));
    if (list.length > kept.length) diagnostics.push(moreNotShown(list.length - kept.length));
    byUri.set(uri, diagnostics);
  }
  return byUri;
}

/** The note that stands for the diagnostics left out, at the top of the file. */
function moreNotShown(count: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `${count.toLocaleString('en-US')} more findings in this file are not shown (at most ${MAX_DIAGNOSTICS_PER_DOCUMENT.toLocaleString('en-US')} per file); \`mx-doctor lint\` lists them all.`,
  };
}

export function toDiagnostic(found: Finding, related: DiagnosticRelatedInformation[] = []): Diagnostic {
  const message = found.fix ? `${found.message}\nFix: ${found.fix}` : found.message;
  return {
    range: toLspRange(found.range!),
    severity: SEVERITY[found.severity],
    code: found.id,
    codeDescription: { href: `${CHECKS_DOCS_URL}#${found.id}` },
    source: DIAGNOSTIC_SOURCE,
    message,
    ...(related.length > 0 && { relatedInformation: related }),
    data: { id: found.id, subject: found.subject },
  };
}

function relatedInformation(found: Finding, read: ReadResult, check: FileCheck): DiagnosticRelatedInformation[] {
  if (found.id === 'mx-target-cname') {
    const table = tableOf(read);
    for (let i = 0; i < table.size; i++) {
      if (table.type(i) === 'CNAME' && table.owner(i) === found.subject) {
        return [{ location: location(table.range(i)), message: `${found.subject} is an alias (CNAME) here` }];
      }
    }
  }
  if (found.id === 'mx-duplicate' && found.range) {
    for (const set of check.mxSets.values()) {
      const dup = set.find((mx) => sameRange(mx.table.fieldRange(mx.index, 1), found.range!));
      if (!dup) continue;
      const first = set.find((mx) => mx.entry.exchange === dup.entry.exchange);
      if (first && first !== dup) return [{ location: location(first.record.range), message: `${dup.entry.exchange} is first listed here` }];
    }
  }
  return [];
}
