/**
 * `domain-nxdomain`: the resolver says the mail domain does not exist (RCODE 3, RFC 1035 §4.1.1;
 * RFC 8020: nothing exists below it either). Mail to it bounces at once. Only an NXDOMAIN answer
 * counts: a failed lookup is `lookup-failed` (rule zero).
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { cnameChain, formatChain } from './cname-chain.js';
import { defineCheck } from '../check.js';

export function domainNxdomain(snapshot: Pick<MailDnsSnapshot, 'domain' | 'mx'>): Finding[] {
  const { domain, mx } = snapshot;
  if (mx.kind !== 'nxdomain') return [];
  const chain = cnameChain(mx.records, domain);
  const alias = chain.length > 1;
  return [
    finding(domainNxdomainCheck, {
      message: alias
        ? `${domain} is an alias for ${chain[chain.length - 1]}, which does not exist: mail to ${domain} bounces.`
        : `${domain} does not exist (NXDOMAIN): mail to it bounces.`,
      subject: domain,
      evidence: alias ? `${formatChain(chain)}: NXDOMAIN` : `MX ${domain}: NXDOMAIN`,
      fix: alias
        ? `Fix or remove the CNAME at ${domain}, or create ${chain[chain.length - 1]}.`
        : `Check the spelling; if the domain is yours, check that it is registered and delegated to name servers that serve it.`,
    }),
  ];
}

export const domainNxdomainCheck = defineCheck({
  id: 'domain-nxdomain',
  severity: 'error',
  scope: 'live',
  title: 'The domain does not exist',
  rfc: 'RFC 1035 §4.1.1',
  live: [{ on: 'snapshot', run: domainNxdomain }],
});
