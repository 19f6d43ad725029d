/**
 * `mx-null`: the domain publishes only the null MX `0 .` (RFC 7505 §3): it says it accepts no
 * mail, and senders fail at once (556 5.1.10) instead of queueing. Worth knowing, not a fault.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { formatMxSet, isNullMx, type MxEntry } from './mx-entry.js';
import { defineCheck } from '../check.js';

export function mxNull(owner: string, entries: readonly MxEntry[]): Finding[] {
  if (entries.length === 0 || !entries.every(isNullMx)) return [];
  return [
    finding(mxNullCheck, {
      message: `${owner} publishes a null MX: it accepts no mail, and senders bounce mail for it at once.`,
      subject: owner,
      evidence: `MX ${formatMxSet(entries)}`,
      fix: `If ${owner} should receive mail, replace the null MX with your mail host, e.g. \`${owner}. MX 10 mx.${owner}.\`; otherwise nothing to do (publish \`v=spf1 -all\` and DMARC \`p=reject\` too).`,
      range: entries[0]?.range,
    }),
  ];
}

export const mxNullCheck = defineCheck({
  id: 'mx-null',
  severity: 'info',
  scope: 'live',
  title: 'Null MX: the domain accepts no mail',
  rfc: 'RFC 7505',
  live: [{ on: 'mx-set', run: mxNull }],
});
