/**
 * Fingerprints that name one finding across runs: SARIF's `partialFingerprints` (code scanning
 * matches alerts by them) and GitLab Code Quality's `fingerprint` (the merge request widget
 * compares branches by them).
 *
 * A fingerprint is the SHA-256 (first 32 hex digits) of the finding id, the file's path as the
 * report gives it (relative to the source root, see report-paths.ts), the finding's subject, and
 * the text of the source lines its range covers with each run of white space made one space:
 * the record as written (owner, TTL, class, type, data). Never a line or column number: lines
 * added or removed elsewhere in the file, or a run on another machine or from another directory,
 * leave the fingerprint as it was; editing the record itself (the fix) gives a new one. Findings
 * alike in all of that (the same record written twice) are told apart by their order, the first
 * being occurrence 1, as code scanning's own line hashes do.
 *
 * Where a file's text cannot be had (an `$INCLUDE`d file, which lint reads on its own) the
 * finding's evidence stands in for the lines; a finding with no range (a live `check`) has its
 * id and subject only.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '@mx-doctor/core';

export interface FingerprintSources {
  /** The file's path as the report gives it. */
  pathOf(file: string): string;
  /** The file's text, where it can be had. */
  textOf(file: string): string | undefined;
}

const NO_SOURCES: FingerprintSources = { pathOf: (file) => file, textOf: () => undefined };

/** One fingerprint per finding, in the findings' order. */
export function findingFingerprints(findings: readonly Finding[], sources: FingerprintSources = NO_SOURCES): string[] {
  const linesByFile = new Map<string, readonly string[] | undefined>();
  const linesOf = (file: string): readonly string[] | undefined => {
    if (!linesByFile.has(file)) linesByFile.set(file, sources.textOf(file)?.split(/\r\n|\r|\n/));
    return linesByFile.get(file);
  };
  const seen = new Map<string, number>();
  return findings.map((found) => {
    const key = identityOf(found, sources, linesOf);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}

/** What makes the finding this finding: the fields listed in the module comment, NUL-separated. */
function identityOf(found: Finding, sources: FingerprintSources, linesOf: (file: string) => readonly string[] | undefined): string {
  const { range } = found;
  if (range === undefined) return [found.id, found.subject].join('\0');
  const lines = linesOf(range.file);
  const recordText = lines ? lines.slice(range.start.line, range.end.line + 1).join('\n') : (found.evidence ?? '');
  return [found.id, sources.pathOf(range.file), found.subject, recordText.replace(/\s+/g, ' ').trim()].join('\0');
}
