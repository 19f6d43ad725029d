/**
 * `mx-null-mixed`: RFC 7505 §3 — a domain that advertises the null MX must publish no other MX.
 * Beside real MX records the null MX contradicts them; senders may bounce or deliver at random.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { formatMxSet, isNullMx, type MxEntry } from './mx-entry.js';
import { defineCheck } from '../check.js';

export function mxNullMixed(owner: string, entries: readonly MxEntry[]): Finding[] {
  const nullEntry = entries.find(isNullMx);
  if (nullEntry === undefined) return [];
  const others = entries.filter((entry) => !isNullMx(entry));
  if (others.length === 0) return [];
  return [
    finding(mxNullMixedCheck, {
      message: `${owner} publishes a null MX ("no mail here") beside ${others.length} other MX record${others.length === 1 ? '' : 's'}; senders may bounce its mail.`,
      subject: owner,
      evidence: `MX ${formatMxSet(entries)}`,
      fix: `If ${owner} receives mail, delete the record \`${owner}. MX ${nullEntry.preference} .\`; if it does not, delete the other MX records instead.`,
      range: nullEntry.range,
    }),
  ];
}

export const mxNullMixedCheck = defineCheck({
  id: 'mx-null-mixed',
  severity: 'error',
  scope: 'live+file',
  title: 'Null MX beside other MX records',
  rfc: 'RFC 7505 §3',
  live: [{ on: 'mx-set', run: mxNullMixed }],
  file: [{ on: 'mx-set', place: 'target' }],
});
