/**
 * `domain-cname`: the mail domain itself is an alias. Its MX, SPF and DMARC then come from the
 * alias target, and no other record may stand beside a CNAME (RFC 1034 §3.6.2, RFC 2181 §10.1),
 * so the domain cannot have mail records of its own.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { SourceRange } from '../../findings/finding.js';
import type { LookupResult } from '../../dns/types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { cnameChain, formatChain } from './cname-chain.js';
import { defineCheck } from '../check.js';

/** The finding for a known chain; files call this with the chain they read and the CNAME's range. */
export function domainCnameFinding(domain: string, chain: readonly string[], range?: SourceRange): Finding {
  const target = chain[chain.length - 1] ?? domain;
  return finding(domainCnameCheck, {
    message: `${domain} is a CNAME for ${target}: its MX, SPF and DMARC records are those of ${target}, and it can have no records of its own.`,
    subject: domain,
    evidence: formatChain(chain),
    fix: `Replace the CNAME at ${domain} with the records it needs (A/AAAA, MX, TXT), e.g. \`${domain}. MX 10 <mail host>.\`.`,
    range,
  });
}

export function domainCname(snapshot: Pick<MailDnsSnapshot, 'domain' | 'mx' | 'a' | 'aaaa' | 'txt'>): Finding[] {
  // The chain is the same whichever question revealed it; take the first answer that shows one.
  const results: LookupResult[] = [snapshot.mx, snapshot.a, snapshot.aaaa, snapshot.txt];
  for (const result of results) {
    if (result.kind === 'failed') continue;
    const chain = cnameChain(result.records, snapshot.domain);
    if (chain.length > 1) return [domainCnameFinding(snapshot.domain, chain)];
  }
  return [];
}

export const domainCnameCheck = defineCheck({
  id: 'domain-cname',
  severity: 'warning',
  scope: 'live+file',
  title: 'The mail domain is a CNAME',
  rfc: 'RFC 1034 §3.6.2',
  live: [{ on: 'snapshot', run: domainCname }],
  file: [{ on: 'owner', run: (owner, alias) => (alias === undefined ? [] : [domainCnameFinding(owner, alias.chain, alias.range)]) }],
});
