/**
 * `mx-split-delivery`: hosts of different operators share the lowest preference. RFC 5321 §5.1:
 * senders choose at random among equal preferences, so part of the mail lands at each, and mailboxes
 * at one never see the rest. Typical after a half-finished migration.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { formatMxSet, type MxEntry } from './mx-entry.js';
import { listLabels, splitAtLowestPreference } from './provider-groups.js';
import { defineCheck } from '../check.js';

export function mxSplitDelivery(owner: string, entries: readonly MxEntry[]): Finding[] {
  const split = splitAtLowestPreference(entries);
  if (split === undefined) return [];
  const labels = split.operators.map((operator) => operator.label);
  return [
    finding(mxSplitDeliveryCheck, {
      message: `Mail for ${owner} is split between ${listLabels(labels)}: their hosts share the lowest preference (${split.preference}), so each receives only part of the mail.`,
      subject: owner,
      evidence: `MX ${formatMxSet(entries)}`,
      fix: `Keep only the MX records of the provider that holds the mailboxes (delete the others), or give the backup a higher preference number than ${split.preference}.`,
      range: entries[0]?.range,
    }),
  ];
}

export const mxSplitDeliveryCheck = defineCheck({
  id: 'mx-split-delivery',
  severity: 'error',
  scope: 'live+file',
  title: 'Mail is split between providers',
  live: [{ on: 'mx-set', run: mxSplitDelivery }],
  file: [{ on: 'mx-set', place: 'record', wholeSet: true }],
});
