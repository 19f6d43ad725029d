/**
 * `mx-propagation-pending` (info): the authoritative servers already serve a new MX set, but a
 * configured resolver still serves the old one from its cache. Senders using that resolver deliver
 * to the old hosts until the cached copy expires; its remaining TTL says when, told here as a time
 * so a person knows how long to wait. A resolver serving a different set at exactly the servers'
 * TTL did not count it down in a cache: it got it fresh from elsewhere (a split view, another
 * server), which is `resolvers-disagree` or `ns-mx-inconsistent`, not propagation.
 */
import type { LookupResult } from '../../dns/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import type { AuthorityFacts } from '../../facts/authority.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { negativeTtlOf } from '../../dns/negative-ttl.js';
import { defineCheck } from '../check.js';
import { differ, renderMx, servedAnswers } from './served.js';

/** The cached MX answer of each configured resolver (one answer when only one was asked). */
function cachedAnswers(snapshot: MailDnsSnapshot): { resolver: string; result: LookupResult }[] {
  if (snapshot.mxByResolver.length > 0) return [...snapshot.mxByResolver];
  return [{ resolver: snapshot.mx.resolver ?? 'the resolver', result: snapshot.mx }];
}

/**
 * Seconds the cached copy has left: the largest TTL among its records (the whole answer lives as
 * long as its longest part), or for "no records" the negative TTL its SOA gave (RFC 2308 §5).
 */
function remainingTtl(result: LookupResult): number | undefined {
  if (result.kind === 'failed') return undefined;
  if (result.records.length === 0) return negativeTtlOf(result);
  return Math.max(...result.records.map((record) => record.ttl));
}

/** `14:05 UTC` (with the date when it is not the day of the check). */
function clockTime(at: number, from: number): string {
  const iso = new Date(at).toISOString();
  const sameDay = iso.slice(0, 10) === new Date(from).toISOString().slice(0, 10);
  return `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 16)} UTC`;
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}

export function mxPropagationPending(authority: AuthorityFacts, snapshot: MailDnsSnapshot): Finding[] {
  const served = servedAnswers(authority.servers, (server) => server.mx, renderMx);
  // Only when the authoritative servers agree: otherwise there is no one "new" set (ns-mx-inconsistent).
  if (served.length === 0 || differ(served)) return [];
  const current = served[0]!.text;
  const authoritativeMx = served[0]!.server.mx?.result;
  const fullTtl = authoritativeMx === undefined ? undefined : remainingTtl(authoritativeMx);
  const stale = cachedAnswers(snapshot).flatMap(({ resolver, result }) => {
    const text = renderMx({ result, authoritative: true });
    if (text === undefined || text === current) return [];
    const ttl = remainingTtl(result);
    // No TTL: not a cache we can time (a lame server's empty answer is ns-lame's). At exactly the
    // servers' TTL it was not counted down in a cache: fetched fresh elsewhere.
    if (ttl === undefined || ttl === fullTtl) return [];
    return [{ resolver, text, ttl }];
  });
  if (stale.length === 0) return [];
  const last = Math.max(...stale.map((item) => item.ttl));
  const until = clockTime(authority.checkedAt + last * 1000, authority.checkedAt);
  const domain = authority.domain;
  const they = stale.length === 1 ? 'it' : 'them';
  return [
    finding(mxPropagationPendingCheck, {
      message: `The name servers of ${domain} serve a new MX set, but ${stale.map((s) => s.resolver).join(', ')} still ${stale.length === 1 ? 'serves' : 'serve'} the old one from cache until about ${until} (${duration(last)} from now): until then senders using ${they} deliver to the old hosts.`,
      subject: domain,
      evidence: `MX ${domain} at the name servers: ${current}; ${stale.map((s) => `cached at ${s.resolver}: ${s.text} (TTL ${s.ttl} s left)`).join('; ')}`,
      fix: `Keep the old mail hosts accepting mail until ${until}; next time, lower the MX TTL a day before a change.`,
    }),
  ];
}

export const mxPropagationPendingCheck = defineCheck({
  id: 'mx-propagation-pending',
  severity: 'info',
  scope: 'authority',
  title: 'Resolvers still serve the old MX set from cache',
  live: [{ on: 'authority', run: mxPropagationPending }],
});
