/** One line about a domain's DMARC for display: "DMARC: p=reject, reports to mailto:…". */
import type { LookupResult } from '../../dns/types.js';
import { appliedDmarc, type OrganisationalDmarc } from './applied-dmarc.js';
import { dmarcName } from './dmarc-records.js';

/**
 * `result`: the TXT answer at `_dmarc.<domain>`; `organisational`: the one at the organisational
 * domain, for a subdomain. Says the policy that applies (own `p=`; inherited `sp=`, else `p=`).
 */
export function describeDmarc(result: LookupResult, organisational?: OrganisationalDmarc): string {
  if (result.kind === 'failed') return `DMARC: lookup failed (${result.detail})`;
  const domain = result.question.name.replace(/^_dmarc\./i, '');
  const applied = appliedDmarc(domain, result, organisational);
  switch (applied.kind) {
    case 'failed':
      return `DMARC: none at ${dmarcName(domain)}; the lookup of ${applied.lookup.question.name} failed (${applied.lookup.detail})`;
    case 'none':
      return organisational !== undefined && organisational.domain !== domain ? `DMARC: none (nor at ${organisational.domain})` : 'DMARC: none';
  }
  const from = applied.kind === 'inherited' ? `inherited from ${applied.orgDomain ?? applied.name}: ` : '';
  if (applied.texts.length > 1) return `DMARC: ${from}${applied.texts.length} records (no policy applies)`;
  const parsed = applied.parsed;
  if (parsed === undefined || applied.policy === undefined) return `DMARC: ${from}invalid (no valid p=)`;
  const parts = [`${applied.policyTag ?? 'p'}=${applied.policy}`];
  if (applied.kind === 'own' && parsed.subdomainPolicy !== undefined && parsed.subdomainPolicy !== parsed.policy) parts.push(`sp=${parsed.subdomainPolicy}`);
  if (parsed.pct !== undefined && parsed.pct !== 100) parts.push(`pct=${parsed.pct}`);
  parts.push(parsed.rua.length > 0 ? `reports to ${parsed.rua.map((uri) => uri.replace(/!.*$/, '')).join(', ')}` : 'no reports');
  if (parsed.errors.length > 0) parts.push(`${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}`);
  return `DMARC: ${from}${parts.join(', ')}`;
}
