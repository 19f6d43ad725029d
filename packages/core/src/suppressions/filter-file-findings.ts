/**
 * The one post-check step both file front ends (`mx-doctor lint`, the language server) run: read
 * the suppression comments of every file the findings sit in, drop what they hide, add the
 * `suppression-unused` findings, then apply the project's rule settings (so a project may also
 * turn `suppression-unused` off or up). The texts are the caller's: from disk or the editor.
 */
import type { Finding } from '../findings/finding.js';
import { applySuppressions } from './apply-suppressions.js';
import { applyRuleSettings, type RuleSetting } from './rule-settings.js';
import { findSuppressions, type CommentSyntax, type Suppression } from './suppression-comments.js';

export interface FileFindingsFilter {
  /** A file's current text; undefined when it is not known (its comments are then not read). */
  readonly textOf: (file: string) => string | undefined;
  /** The files whose comments are read even where no finding sits (so unused ones are reported). */
  readonly files: Iterable<string>;
  /** A file's comment syntax; default {@link commentSyntaxOf} (by its name). */
  readonly syntaxOf?: (file: string) => CommentSyntax;
  /** The rule settings for findings in `file` (undefined: a finding without a range). */
  readonly rulesOf?: (file: string | undefined) => ReadonlyMap<string, RuleSetting>;
  /** See `ApplySuppressionsOptions.liveChecksRan`. */
  readonly liveChecksRan?: boolean;
}

/** Terraform files are `*.tf`; every other file a reader reads is a zone file (or one it `$INCLUDE`s). */
export function commentSyntaxOf(file: string): CommentSyntax {
  return /\.tf$/i.test(file) ? 'terraform' : 'zone';
}

export function filterFileFindings(findings: readonly Finding[], filter: FileFindingsFilter): Finding[] {
  const files = new Set(filter.files);
  for (const found of findings) if (found.range) files.add(found.range.file);
  const suppressions: Suppression[] = [];
  const syntaxOf = filter.syntaxOf ?? commentSyntaxOf;
  for (const file of files) {
    const text = filter.textOf(file);
    if (text !== undefined) for (const suppression of findSuppressions(text, file, syntaxOf(file))) suppressions.push(suppression);
  }
  const { kept, unused } = applySuppressions(findings, suppressions, { liveChecksRan: filter.liveChecksRan === true });
  const all = unused.length > 0 ? [...kept, ...unused] : kept;
  const rulesOf = filter.rulesOf;
  if (rulesOf === undefined) return all;
  const byFile = new Map<string | undefined, Finding[]>();
  for (const found of all) {
    const file = found.range?.file;
    const list = byFile.get(file);
    if (list) list.push(found);
    else byFile.set(file, [found]);
  }
  if (byFile.size === 1) return applyRuleSettings(all, rulesOf(all[0]?.range?.file));
  const out: Finding[] = [];
  for (const [file, list] of byFile) for (const found of applyRuleSettings(list, rulesOf(file))) out.push(found);
  return out;
}
