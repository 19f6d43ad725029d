/**
 * The suppression filter: findings and the files' suppression comments in, the findings they do
 * not hide out, with a `suppression-unused` finding for each id (or id-less comment) that hid
 * nothing, so a fixed fault's comment or a misspelt id does not linger. Pure, and run after the
 * checks, so checks never see comments and every front end filters alike.
 */
import { checkOf, FINDING_IDS } from '../checks/catalogue.js';
import { suppressionUnusedCheck } from '../checks/suppression/suppression-unused.js';
import { closestId } from '../findings/closest-id.js';
import { finding, type Finding, type SourceRange } from '../findings/finding.js';
import { DISABLE_DIRECTIVE, DISABLE_NEXT_LINE_DIRECTIVE, type SuppressedId, type Suppression } from './suppression-comments.js';

export interface ApplySuppressionsOptions {
  /**
   * Whether live checks ran over the files (`lint --live`, the editor's live checks). When they did
   * not, a comment that names an id only live checks find (`mx-target-nxdomain`), or names no id,
   * is not called unused: the finding it hides may just not have been looked for. Default false.
   */
  readonly liveChecksRan?: boolean;
}

export interface SuppressionOutcome {
  /** The findings no comment hides, in their order. */
  readonly kept: Finding[];
  /** `suppression-unused` findings, in the comments' order. */
  readonly unused: Finding[];
}

/** A file's suppressions, by the line they apply to, and the file-wide ones. */
interface FileSuppressions {
  readonly byLine: Map<number, Suppression[]>;
  readonly wholeFile: Suppression[];
}

export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], options: ApplySuppressionsOptions = {}): SuppressionOutcome {
  if (suppressions.length === 0) return { kept: [...findings], unused: [] };
  const byFile = new Map<string, FileSuppressions>();
  for (const suppression of suppressions) {
    const file = suppression.range.file;
    let entry = byFile.get(file);
    if (!entry) byFile.set(file, (entry = { byLine: new Map(), wholeFile: [] }));
    if (suppression.scope === 'file') entry.wholeFile.push(suppression);
    else if (suppression.line !== undefined) {
      const list = entry.byLine.get(suppression.line);
      if (list) list.push(suppression);
      else entry.byLine.set(suppression.line, [suppression]);
    }
  }
  // What hid something: an id of a comment, or a comment without ids (every id).
  const used = new Set<SuppressedId | Suppression>();
  const kept: Finding[] = [];
  for (const found of findings) {
    const entry = found.range && byFile.get(found.range.file);
    if (!entry) {
      kept.push(found);
      continue;
    }
    const candidates = [...(entry.byLine.get(found.range!.start.line) ?? []), ...entry.wholeFile];
    let hidden = false;
    for (const suppression of candidates) {
      if (suppression.ids.length === 0) {
        used.add(suppression);
        hidden = true;
        continue;
      }
      for (const named of suppression.ids) {
        if (named.id !== found.id) continue;
        used.add(named);
        hidden = true;
      }
    }
    if (!hidden) kept.push(found);
  }
  const liveChecksRan = options.liveChecksRan === true;
  const unused: Finding[] = [];
  for (const suppression of suppressions) {
    // A next-line comment at the end of the file applies to nothing, whatever checks ran.
    const appliesNowhere = suppression.scope === 'next-line' && suppression.line === undefined;
    if (suppression.ids.length === 0) {
      if (!used.has(suppression) && (liveChecksRan || appliesNowhere)) unused.push(unusedComment(suppression));
      continue;
    }
    for (const named of suppression.ids) {
      if (used.has(named)) continue;
      const known = checkOf(named.id) !== undefined;
      if (known && !liveChecksRan && !appliesNowhere && !foundOffline(named.id)) continue;
      unused.push(known ? unusedId(suppression, named) : unknownId(named));
    }
  }
  return { kept, unused };
}

/** Whether files show the id without live data (its file variants are not all live comparisons). */
function foundOffline(id: string): boolean {
  return (checkOf(id)?.file ?? []).some((variant) => variant.on !== 'live-rrsets' && variant.on !== 'live-policy');
}

const directiveOf = (suppression: Suppression) => (suppression.scope === 'file' ? DISABLE_DIRECTIVE : DISABLE_NEXT_LINE_DIRECTIVE);

/** Where the comment's effect was looked for, in words (lines 1-based, as editors number them). */
function whereText(suppression: Suppression): string {
  if (suppression.scope === 'file') return 'in this file';
  return suppression.line === undefined ? 'after it (no line follows)' : `on line ${suppression.line + 1}`;
}

function unused(range: SourceRange, subject: string, message: string, fix: string): Finding {
  return finding(suppressionUnusedCheck, { message, subject, fix, range });
}

function unusedComment(suppression: Suppression): Finding {
  const directive = directiveOf(suppression);
  return unused(suppression.range, directive, `\`${directive}\` suppresses nothing: there is no finding ${whereText(suppression)}.`, 'Remove the comment.');
}

function unusedId(suppression: Suppression, named: SuppressedId): Finding {
  const directive = directiveOf(suppression);
  const only = suppression.ids.length === 1;
  return unused(
    named.range,
    named.id,
    `\`${directive} ${named.id}\` suppresses nothing: there is no ${named.id} finding ${whereText(suppression)}.`,
    only ? 'Remove the comment.' : `Remove ${named.id} from the comment.`,
  );
}

function unknownId(named: SuppressedId): Finding {
  const guess = closestId(named.id, FINDING_IDS);
  return unused(
    named.range,
    named.id,
    `\`${named.id}\` is not an MX Doctor finding id, so this comment suppresses nothing${guess ? ` (did you mean ${guess}?)` : ''}.`,
    guess ? `Write ${guess}.` : 'Use an id from docs/findings.md.',
  );
}
