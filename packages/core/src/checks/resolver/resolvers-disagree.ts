/**
 * `resolvers-disagree`: the configured resolvers return different MX sets for the domain. Some
 * senders see one, some the other: a change still propagating (within the old TTL, RFC 1035
 * §3.2.1), a lame or stale name server, or split-horizon DNS. Sets are compared as sets of
 * preference + exchange; a resolver whose lookup failed is left out (rule zero: no answer is not a
 * different answer).
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { formatMx, mxEntriesFrom, sortEntries } from '../mx/mx-entry.js';
import { defineCheck } from '../check.js';

function describe(result: MailDnsSnapshot['mx'], domain: string): string {
  if (result.kind === 'nxdomain') return 'NXDOMAIN';
  const entries = sortEntries(mxEntriesFrom(result, domain));
  const unique = [...new Set(entries.map(formatMx))];
  return unique.length === 0 ? 'no MX' : unique.join(', ');
}

export function resolversDisagree(snapshot: Pick<MailDnsSnapshot, 'domain' | 'mxByResolver'>): Finding[] {
  const answered = snapshot.mxByResolver
    .filter((item) => item.result.kind !== 'failed')
    .map((item) => ({ resolver: item.resolver, set: describe(item.result, snapshot.domain) }));
  const distinct = new Set(answered.map((item) => item.set));
  if (answered.length < 2 || distinct.size < 2) return [];
  return [
    finding(resolversDisagreeCheck, {
      message: `Resolvers return different MX records for ${snapshot.domain}: senders may deliver to different hosts.`,
      subject: snapshot.domain,
      evidence: answered.map((item) => `${item.resolver}: ${item.set}`).join(' | '),
      fix: `Check that every authoritative name server of ${snapshot.domain} serves the same zone (compare their SOA serials); after a recent change, wait out the old MX TTL and check again.`,
    }),
  ];
}

export const resolversDisagreeCheck = defineCheck({
  id: 'resolvers-disagree',
  severity: 'warning',
  scope: 'live',
  title: 'Resolvers return different MX sets',
  live: [{ on: 'snapshot', run: resolversDisagree }],
});
