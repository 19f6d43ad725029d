/**
 * `mx-duplicate`: the same target listed twice. An RRset holds no identical records (RFC 2181 §5),
 * so in DNS this is the same host at two preferences; in a file it may be a copy-paste. Either way
 * the second record adds no redundancy and usually hides a missing host.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { formatMx, type MxEntry } from './mx-entry.js';
import { defineCheck, type QuickFix, type QuickFixContext } from '../check.js';

export function mxDuplicate(owner: string, entries: readonly MxEntry[]): Finding[] {
  if (entries.length < 2) return [];
  const byExchange = new Map<string, MxEntry[]>();
  for (const entry of entries) {
    if (entry.exchange === '') continue;
    const list = byExchange.get(entry.exchange) ?? [];
    list.push(entry);
    byExchange.set(entry.exchange, list);
  }
  const findings: Finding[] = [];
  for (const [exchange, list] of byExchange) {
    const [first, second] = list;
    if (first === undefined || second === undefined) continue;
    const samePreference = list.every((entry) => entry.preference === first.preference);
    findings.push(
      finding(mxDuplicateCheck, {
        message: samePreference
          ? `${exchange} is listed ${list.length} times in the MX records of ${owner}.`
          : `${exchange} is listed at ${list.length} preferences in the MX records of ${owner}; the extra records add no fallback.`,
        subject: exchange,
        evidence: `MX ${list.map(formatMx).join(', ')}`,
        fix: `Keep one record, \`${owner}. MX ${first.preference} ${exchange}.\`, and delete the others (or point them at a different backup host).`,
        range: second.range,
      }),
    );
  }
  return findings;
}

/**
 * Quick fix, zone files only (in Terraform the record may share a block or list with others):
 * delete the repeated record's lines when it repeats an earlier one's preference and target.
 */
function removeRepeatedRecord({ mx, set, textAt, written }: QuickFixContext): QuickFix | undefined {
  if (mx.record.source !== 'zone') return undefined;
  const first = set.find((item) => item.entry.exchange === mx.entry.exchange);
  if (!first || first === mx || first.entry.preference !== mx.entry.preference) return undefined;
  const { start, end } = mx.record.range;
  // Only when nothing else (but blanks and a comment) shares the record's lines.
  const before = textAt({ start: { line: start.line, character: 0 }, end: start });
  const after = textAt({ start: end, end: { line: end.line + 1, character: 0 } });
  if (before.trim() !== '' || !/^\s*(;.*)?\s*$/.test(after)) return undefined;
  const range = { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } };
  return { title: `Remove the duplicate MX ${mx.entry.preference} ${written}`, edits: [{ range, newText: '' }], isPreferred: true };
}

export const mxDuplicateCheck = defineCheck({
  id: 'mx-duplicate',
  severity: 'warning',
  scope: 'live+file',
  title: 'The same MX target appears twice',
  rfc: 'RFC 2181 §5',
  live: [{ on: 'mx-set', run: mxDuplicate }],
  file: [{ on: 'mx-set', place: 'target', wholeSet: true }],
  quickFix: removeRepeatedRecord,
});
