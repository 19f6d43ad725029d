/**
 * `mx-same-priority`: all MX hosts at one preference. RFC 5321 §5.1: senders pick among equal
 * preferences at random, so the hosts share load but there is no primary/backup order. Often
 * intended; worth knowing. Not on a set that `mx-split-delivery` reports: when the hosts sharing the
 * preference belong to different operators, the split already says it (the contract's answer).
 */
import { finding, type Finding } from '../../findings/finding.js';
import { hasUsableTarget } from './host-name.js';
import { formatMxSet, isNullMx, type MxEntry } from './mx-entry.js';
import { splitAtLowestPreference } from './provider-groups.js';
import { defineCheck } from '../check.js';

export function mxSamePriority(owner: string, entries: readonly MxEntry[]): Finding[] {
  if (entries.length < 2 || entries.some(isNullMx)) return [];
  const names = new Set(entries.filter((entry) => hasUsableTarget(entry)).map((entry) => entry.exchange));
  const preferences = new Set(entries.map((entry) => entry.preference));
  const [preference] = preferences;
  if (names.size < 2 || preferences.size !== 1 || preference === undefined) return [];
  if (splitAtLowestPreference(entries) !== undefined) return [];
  return [
    finding(mxSamePriorityCheck, {
      message: `All ${names.size} MX hosts of ${owner} share preference ${preference}: senders spread mail across them at random, with no failover order.`,
      subject: owner,
      evidence: `MX ${formatMxSet(entries)}`,
      fix: `Nothing to do if load-sharing is intended; for a primary and a backup, give the backup a higher number, e.g. \`MX ${Math.min(preference + 10, 65535)} <backup host>.\`.`,
      range: entries[0]?.range,
    }),
  ];
}

export const mxSamePriorityCheck = defineCheck({
  id: 'mx-same-priority',
  severity: 'info',
  scope: 'live+file',
  title: 'All MX hosts share one priority',
  rfc: 'RFC 5321 §5.1',
  live: [{ on: 'mx-set', run: mxSamePriority }],
  file: [{ on: 'mx-set', place: 'record', wholeSet: true }],
});
