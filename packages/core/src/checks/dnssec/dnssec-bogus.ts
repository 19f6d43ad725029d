/**
 * `dnssec-bogus` (error): DNSSEC validation fails for the domain (RFC 4035 §5.5). Every validating
 * resolver (Google, Cloudflare, Quad9, most ISPs) answers SERVFAIL, so senders behind them cannot
 * find the MX at all and defer, then bounce, the mail. Raised from the lookups the plan marked
 * `bogus` (plan/detect-bogus.ts: SERVFAIL, then a DNSSEC EDE or an answer with CD=1).
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { LookupResult } from '../../dns/types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { isBogus } from './dnssec-state.js';
import { bogusFix } from './bogus-words.js';

/** The domain's own lookups (not its MX hosts': `mx-target-dnssec-bogus`). */
function domainLookups(snapshot: MailDnsSnapshot): LookupResult[] {
  const { policy } = snapshot;
  return [snapshot.mx, snapshot.a, snapshot.aaaa, snapshot.txt, snapshot.dmarc, ...(policy ? [policy.soa, policy.dnskey, policy.mtaSts, policy.tlsRpt] : [])];
}

export function dnssecBogus(snapshot: MailDnsSnapshot): Finding[] {
  const bogus = domainLookups(snapshot).filter(isBogus);
  if (bogus.length === 0) return [];
  const { domain } = snapshot;
  const questions = bogus.map((result) => `${result.question.type} ${result.question.name}`);
  return [
    finding(dnssecBogusCheck, {
      message: `DNSSEC validation fails for ${domain}: validating resolvers answer SERVFAIL (${questions.slice(0, 4).join(', ')}${questions.length > 4 ? ', …' : ''}), so senders that validate cannot find its MX and defer, then bounce, its mail.`,
      subject: domain,
      evidence: bogus.slice(0, 3).map((result) => `${result.question.type} ${result.question.name}: ${result.detail}`).join(' | '),
      fix: bogusFix(bogus, domain),
    }),
  ];
}

export const dnssecBogusCheck = defineCheck({
  id: 'dnssec-bogus',
  severity: 'error',
  scope: 'live',
  title: 'DNSSEC validation fails',
  rfc: 'RFC 4035 §5.5; RFC 8914 §4',
  live: [{ on: 'snapshot', run: dnssecBogus }],
});
