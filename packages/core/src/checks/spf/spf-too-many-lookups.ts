/**
 * `spf-too-many-lookups`: evaluating the policy needs more than 10 DNS-querying terms (include,
 * a, mx, ptr, exists, redirect; includes and redirects followed), or an `mx` term's host has more
 * than 10 MX names (RFC 7208 §4.6.4). Both are permerror. The count is certain even when part of
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
      finding('spf-too-many-lookups', {
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
      const names = new Set(recordsOf(target.result, 'MX').map((record) => record.data.exchange));
      if (names.size <= SPF_MX_NAME_LIMIT) continue;
      findings.push(
        finding('spf-too-many-lookups', {
          message: `The "${target.term.text}" term in the SPF record of ${node.domain} points at ${target.name}, which has ${names.size} MX names; more than ${SPF_MX_NAME_LIMIT} is a permerror.`,
          subject: node.domain,
          evidence: `MX ${target.name}: ${[...names].slice(0, 12).join(', ')}${names.size > 12 ? ', …' : ''}`,
          fix: `Replace "${target.term.text}" with the ip4:/ip6: ranges of the hosts that really send mail for ${node.domain}.`,
        }),
      );
    }
  }
  return findings;
}
