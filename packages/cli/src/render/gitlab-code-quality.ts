/**
 * GitLab Code Quality report (`mx-doctor lint --format gitlab`): the JSON array that a job's
 * `artifacts: reports: codequality:` file holds, GitLab's subset of the Code Climate issue format.
 * Each issue has `description`, `check_name` (the finding id), `fingerprint` (stable across runs
 * and unrelated edits, see finding-fingerprints.ts), `severity` and `location` (`path` relative to
 * the repository, see report-paths.ts; `lines.begin` 1-based).
 *
 * Severities: GitLab has info, minor, major, critical and blocker. An error (mail is or will be
 * lost) is critical, a warning (fragile) minor, an info finding info; blocker is left to tools that
 * mean "cannot build".
 */
import { resolve } from 'node:path';
import type { Finding, Severity } from '@mx-doctor/core';
import { findingFingerprints } from './finding-fingerprints.js';
import type { ReportPaths } from './report-paths.js';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const CODE_QUALITY_SEVERITY: Readonly<Record<Severity, CodeQualitySeverity>> = { error: 'critical', warning: 'minor', info: 'info' };

/** One issue of the report. */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: CodeQualitySeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end?: number } };
}

export interface CodeQualityOptions {
  readonly paths: ReportPaths;
  readonly textOf: (file: string) => string | undefined;
}

export function codeQualityIssues(findings: readonly Finding[], options: CodeQualityOptions): CodeQualityIssue[] {
  const pathOf = (file: string) => options.paths.relativeOf(file) ?? resolve(file);
  const fingerprints = findingFingerprints(findings, { pathOf, textOf: options.textOf });
  return findings.map((found, index) => {
    const { range } = found;
    const begin = (range?.start.line ?? 0) + 1;
    const end = (range?.end.line ?? 0) + 1;
    return {
      description: found.message,
      check_name: found.id,
      fingerprint: fingerprints[index]!,
      severity: CODE_QUALITY_SEVERITY[found.severity],
      // Every lint finding has a range; without one the subject is all there is to point at.
      location: { path: range ? pathOf(range.file) : found.subject, lines: end > begin ? { begin, end } : { begin } },
    };
  });
}

export function renderCodeQuality(findings: readonly Finding[], options: CodeQualityOptions): string {
  return JSON.stringify(codeQualityIssues(findings, options), null, 2);
}
