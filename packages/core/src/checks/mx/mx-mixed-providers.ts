/**
 * `mx-mixed-providers`: hosts of different operators at different preferences. Senders use the
 * backup whenever the primary is slow, so mail reaches a provider that may no longer hold the
 * mailboxes (an old provider left behind), or bypasses a security gateway. A gateway alone in front
 * (Mimecast, Proofpoint, Barracuda, Cisco) with the mailbox provider behind it is normal: the
 * mailbox provider is then not in the MX set at all. Equal lowest preference is `mx-split-delivery`.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { formatMxSet, type MxEntry } from './mx-entry.js';
import { distinctOperators, listLabels, mayMixOperators, operatedEntries, splitAtLowestPreference } from './provider-groups.js';
import { smallestOf } from '../../util/append.js';
import { defineCheck } from '../check.js';

export function mxMixedProviders(owner: string, entries: readonly MxEntry[]): Finding[] {
  if (!mayMixOperators(entries)) return [];
  const items = operatedEntries(entries);
  const operators = distinctOperators(items);
  if (operators.length < 2 || !operators.some((operator) => operator.provider !== undefined)) return [];
  if (splitAtLowestPreference(entries) !== undefined) return [];
  const lowest = smallestOf(items, (item) => item.entry.preference);
  const primary = items.find((item) => item.entry.preference === lowest)?.operator;
  const others = operators.filter((operator) => operator.key !== primary?.key);
  const gatewayFirst = primary?.provider?.kind === 'gateway';
  return [
    finding(mxMixedProvidersCheck, {
      message: gatewayFirst
        ? `${owner} lists ${primary?.label} first and ${listLabels(others.map((o) => o.label))} as backup: mail sent to the backup bypasses the gateway.`
        : `${owner} has MX hosts of ${listLabels(operators.map((o) => o.label))}: mail reaches the backup whenever the primary is slow. An old provider left behind?`,
      subject: owner,
      evidence: `MX ${formatMxSet(entries)}`,
      fix: `Keep only the MX records of ${primary?.label ?? 'the provider that holds the mailboxes'} and delete those of ${listLabels(others.map((o) => o.label))}, unless that backup is deliberate.`,
      range: entries[0]?.range,
    }),
  ];
}

export const mxMixedProvidersCheck = defineCheck({
  id: 'mx-mixed-providers',
  severity: 'warning',
  scope: 'live+file',
  title: 'MX hosts of different providers',
  live: [{ on: 'mx-set', run: mxMixedProviders }],
  file: [{ on: 'mx-set', place: 'record', wholeSet: true }],
});
