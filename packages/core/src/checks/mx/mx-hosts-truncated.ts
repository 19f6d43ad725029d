/**
 * `mx-hosts-truncated`: one check looks up at most `MAX_MX_HOSTS` MX hosts, the most preferred
 * first (RFC 5321 §5.1: senders try them in preference order, so these are the ones mail goes
 * to). A domain that publishes thousands of MX records would otherwise cost tens of thousands
 * of queries per check; the cap keeps one check's work bounded and this finding says what was
 * left out, so a clean report is never read as "every host was checked".
 */
import { finding, type Finding } from '../../findings/finding.js';
import { hasUsableTarget } from './host-name.js';
import type { MxEntry } from './mx-entry.js';
import { defineCheck } from '../check.js';

/** Distinct MX hosts looked up per check. */
export const MAX_MX_HOSTS = 32;
/** Hosts not looked up that the evidence names; the rest are counted. */
const NAMED_IN_EVIDENCE = 5;

/**
 * The distinct usable hosts of an MX set in the order a sender tries them (lowest preference
 * first, then by name), cut to `MAX_MX_HOSTS`: exactly the hosts the plan looks up.
 */
export function mxHostsToExamine(entries: readonly MxEntry[]): string[] {
  return distinctHostsByPreference(entries).slice(0, MAX_MX_HOSTS);
}

function distinctHostsByPreference(entries: readonly MxEntry[]): string[] {
  // Each host at its lowest preference: a host listed twice is tried at its better place.
  const best = new Map<string, number>();
  for (const entry of entries) {
    if (!hasUsableTarget(entry)) continue;
    const seen = best.get(entry.exchange);
    if (seen === undefined || entry.preference < seen) best.set(entry.exchange, entry.preference);
  }
  return [...best]
    .sort(([nameA, prefA], [nameB, prefB]) => prefA - prefB || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .map(([name]) => name);
}

/** The finding when `entries` holds more distinct hosts than the `examined` that were looked up. */
export function mxHostsTruncated(owner: string, entries: readonly MxEntry[], examined: number): Finding[] {
  const hosts = distinctHostsByPreference(entries);
  if (hosts.length <= examined) return [];
  const left = hosts.slice(examined);
  const named = left.slice(0, NAMED_IN_EVIDENCE).join(', ');
  const more = left.length > NAMED_IN_EVIDENCE ? `, and ${left.length - NAMED_IN_EVIDENCE} more` : '';
  return [
    finding(mxHostsTruncatedCheck, {
      message: `${owner} has ${hosts.length} MX hosts; only the ${examined} most preferred were looked up (the cap that bounds one check's work), so the other ${left.length} were not checked.`,
      subject: owner,
      evidence: `examined ${examined} of ${hosts.length} hosts; not looked up: ${named}${more}`,
      fix: `Check that all ${hosts.length} MX hosts are meant to be there: senders try them in preference order and give up after a few, so hosts far down the list rarely receive mail.`,
    }),
  ];
}

export const mxHostsTruncatedCheck = defineCheck({
  id: 'mx-hosts-truncated',
  severity: 'info',
  scope: 'live',
  title: 'More MX hosts than are examined',
  live: [{ on: 'mx-set', run: (owner, entries) => mxHostsTruncated(owner, entries, MAX_MX_HOSTS) }],
});
