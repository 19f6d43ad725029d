/**
 * `spf-too-many-void-lookups`: more than 2 of the policy's lookups return NXDOMAIN or an empty
 * answer (RFC 7208 §4.6.4: receivers SHOULD return permerror past 2). Failed lookups are not void
 * (rule zero); the void count is a floor, so "more than 2" is certain when seen.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { SPF_VOID_LOOKUP_LIMIT, type SpfFacts } from './spf-facts.js';
import { defineCheck } from '../check.js';

export function checkSpfTooManyVoidLookups(facts: SpfFacts): Finding[] {
  const voids = facts.voidLookups;
  if (voids.length <= SPF_VOID_LOOKUP_LIMIT) return [];
  return [
    finding(spfTooManyVoidLookupsCheck, {
      message: `${voids.length} lookups of the SPF policy of ${facts.domain} find nothing; past ${SPF_VOID_LOOKUP_LIMIT} receivers return permerror.`,
      subject: facts.domain,
      evidence: voids
        .map((item) => `${item.term}${item.from === facts.domain ? '' : ` (in ${item.from})`}: ${item.type} ${item.name} → ${item.outcome === 'nxdomain' ? 'NXDOMAIN' : 'no records'}`)
        .join('; '),
      fix: `Remove the terms that point at names with no records (${voids.map((item) => item.term).join(', ')}).`,
    }),
  ];
}

export const spfTooManyVoidLookupsCheck = defineCheck({
  id: 'spf-too-many-void-lookups',
  severity: 'warning',
  scope: 'live',
  title: 'SPF has more than 2 void lookups',
  rfc: 'RFC 7208 §4.6.4',
  live: [{ on: 'spf', run: checkSpfTooManyVoidLookups }],
});
