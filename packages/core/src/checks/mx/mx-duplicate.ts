/**
 * `mx-duplicate`: the same target listed twice. An RRset holds no identical records (RFC 2181 §5),
 * so in DNS this is the same host at two preferences; in a file it may be a copy-paste. Either way
 * the second record adds no redundancy and usually hides a missing host.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { formatMx, type MxEntry } from './mx-entry.js';

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
      finding('mx-duplicate', {
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
