/**
 * `mx-single`: one MX host is one point of failure. RFC 5321 §5.1 lets senders fall back through
 * the MX list; with one host there is nothing to fall back to while it is down (senders queue, then
 * bounce). Providers that are redundant behind one name (see the provider table) are exempt.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { isSingleMxRedundant } from '../../providers/match-provider.js';
import { hasUsableTarget } from './host-name.js';
import { formatMx, isNullMx, type MxEntry } from './mx-entry.js';
import { defineCheck } from '../check.js';

/**
 * Also when the other targets are not host names (IP literals, invalid names: they receive no
 * mail), so the one usable host is alone; the message names it.
 */
export function mxSingle(owner: string, entries: readonly MxEntry[]): Finding[] {
  // The first usable host, unless another usable host (or a null MX) stands beside it.
  let only: MxEntry | undefined;
  let unusable = 0;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k]!;
    if (isNullMx(entry)) return [];
    if (!hasUsableTarget(entry)) {
      unusable++;
      continue;
    }
    if (only === undefined) only = entry;
    else if (entry.exchange !== only.exchange) return [];
  }
  if (only === undefined || isSingleMxRedundant(only.exchange)) return [];
  const range = entries[0]?.range;
  return [
    finding(mxSingleCheck, {
      message:
        unusable === 0
          ? `${owner} has a single MX host, ${only.exchange}: while it is down, mail waits in senders' queues and may bounce.`
          : `${only.exchange} is the only usable MX host of ${owner} (the other ${unusable === 1 ? 'target is' : `${unusable} targets are`} not a host name): while it is down, mail waits in senders' queues and may bounce.`,
      subject: owner,
      evidence: `MX ${formatMx(only)}`,
      fix: `Add a backup host at a higher preference, e.g. \`${owner}. MX ${Math.min(only.preference + 10, 65535)} mx2.${owner}.\`, or use your provider's full documented MX set.`,
      ...(range === undefined ? {} : { range }),
    }),
  ];
}

export const mxSingleCheck = defineCheck({
  id: 'mx-single',
  severity: 'warning',
  scope: 'live+file',
  title: 'Only one MX host',
  live: [{ on: 'mx-set', run: mxSingle }],
  file: [{ on: 'mx-set', place: 'record', wholeSet: true }],
});
