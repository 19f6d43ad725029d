/**
 * `spf-too-many-lookups`: evaluating the policy needs more than 10 DNS-querying terms (include,
 * a, mx, ptr, exists, redirect; includes and redirects followed), or an `mx` term's host has more
 * than 10 MX records (RFC 7208 §4.6.4: each costs an address lookup). Both are permerror. The count is certain even when part of
 * the tree could not be read: unread parts only add lookups.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { recordsOf } from '../../dns/types.js';
import {
  countLookups,
  evaluatedTerms,
  isLookupTerm,
  SPF_LOOKUP_LIMIT,
  SPF_MX_NAME_LIMIT,
  spfNodes,
  type SpfFacts,
} from './spf-facts.js';
import { defineCheck } from '../check.js';

export function checkSpfTooManyLookups(facts: SpfFacts): Finding[] {
  const findings: Finding[] = [];
  const { root, domain } = facts;
  if (facts.lookupCount > SPF_LOOKUP_LIMIT && root.parsed !== undefined) {
    const parts = evaluatedTerms(root.parsed)
      .filter(isLookupTerm)
      .map((term) => {
        const child = root.children.find((node) => node.term === term);
        const cost = 1 + (child === undefined ? 0 : countLookups(child));
        return `${term.text} (${cost})`;
      });
    const floor = facts.lookupCountComplete ? '' : ' at least';
    findings.push(
      finding(spfTooManyLookupsCheck, {
        message: `Evaluating the SPF record of ${domain} needs${floor} ${facts.lookupCount} DNS lookups; the limit is ${SPF_LOOKUP_LIMIT}, so receivers return permerror.`,
        subject: domain,
        evidence: `${facts.lookupCount}${facts.lookupCountComplete ? '' : '+'} lookups: ${parts.join(', ')}`,
        fix: `Remove terms that are no longer needed, or replace some include:/a/mx terms with the ip4:/ip6: ranges they stand for, until at most ${SPF_LOOKUP_LIMIT} lookups remain.`,
      }),
    );
  }
  for (const node of spfNodes(root)) {
    for (const target of node.targets) {
      if (target.type !== 'MX' || target.result === undefined) continue;
      // §4.6.4: each MX record costs an address lookup, so records count, not distinct names (the
      // suite's mx-limit: ten records for one host and one more, 11 in all, is permerror).
      const records = recordsOf(target.result, 'MX');
      if (records.length <= SPF_MX_NAME_LIMIT) continue;
      findings.push(
        finding(spfTooManyLookupsCheck, {
          message: `The "${target.term.text}" term in the SPF record of ${node.domain} points at ${target.name}, which has ${records.length} MX records; more than ${SPF_MX_NAME_LIMIT} is a permerror.`,
          subject: node.domain,
          evidence: `${target.term.text} → MX ${target.name}: ${records.length} records (${countedNames(records.map((record) => record.data.exchange))})`,
          fix: `Replace "${target.term.text}" with the ip4:/ip6: ranges of the hosts that really send mail for ${node.domain}.`,
        }),
      );
    }
  }
  return findings;
}

/** `a.example ×10, b.example`: each name once, with its count when repeated; at most 12 names. */
function countedNames(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const shown = [...counts].slice(0, 12).map(([name, count]) => (count > 1 ? `${name} ×${count}` : name || '.'));
  return `${shown.join(', ')}${counts.size > 12 ? ', …' : ''}`;
}

export const spfTooManyLookupsCheck = defineCheck({
  id: 'spf-too-many-lookups',
  severity: 'error',
  scope: 'live',
  title: 'SPF needs more than 10 DNS lookups',
  rfc: 'RFC 7208 §4.6.4',
  live: [{ on: 'spf', run: checkSpfTooManyLookups }],
});
