/**
 * `ns-delegation-mismatch`: the NS names the parent zone delegates to (what the registrar holds)
 * differ from the NS set the zone itself serves (RFC 1034 §4.2.2, RFC 2181 §5.4.1: the zone's own
 * set is the authoritative one, but resolvers start from the parent's). A server in only one set
 * is used by some resolvers and not others. Warning; error when the sets share no server.
 */
import { recordsOf } from '../../dns/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import type { AuthorityFacts } from '../../facts/authority.js';
import { defineCheck } from '../check.js';
import { servingServers } from './served.js';

/** The NS set the zone serves: the first serving server's authoritative NS answer. */
function zoneNsSet(authority: AuthorityFacts): string[] | undefined {
  for (const server of servingServers(authority.servers)) {
    const ns = server.ns;
    if (ns === undefined || !ns.authoritative || ns.result.kind !== 'answer') continue;
    const names = recordsOf(ns.result, 'NS').map((record) => record.data);
    if (names.length > 0) return [...new Set(names)].sort();
  }
  return undefined;
}

export function nsDelegationMismatch(authority: AuthorityFacts): Finding[] {
  const { delegation, zone } = authority;
  if (delegation.kind !== 'found') return [];
  const served = zoneNsSet(authority);
  if (served === undefined) return [];
  const parent = [...new Set(delegation.ns)].sort();
  const onlyParent = parent.filter((name) => !served.includes(name));
  const onlyZone = served.filter((name) => !parent.includes(name));
  if (onlyParent.length === 0 && onlyZone.length === 0) return [];
  const disjoint = onlyParent.length === parent.length;
  const parentZone = delegation.parent === '' ? 'the root zone' : delegation.parent;
  return [
    finding(nsDelegationMismatchCheck, {
      severity: disjoint ? 'error' : 'warning',
      message: disjoint
        ? `The parent zone (${parentZone}) delegates ${zone} to name servers the zone itself does not list: resolvers and the zone disagree completely on who serves it.`
        : `The parent zone (${parentZone}) and ${zone} itself list different name servers: ${[...onlyParent.map((n) => `${n} only at the parent`), ...onlyZone.map((n) => `${n} only in the zone`)].join(', ')}.`,
      subject: zone,
      evidence: `NS ${zone} at the parent (${delegation.server}): ${parent.join(', ')}; NS ${zone} in the zone: ${served.join(', ')}`,
      fix: `Make the name servers at the registrar and the zone's NS records the same set, e.g. \`${zone}. NS ${served[0]}.\` for each server that serves the zone, and the same list at the registrar.`,
    }),
  ];
}

export const nsDelegationMismatchCheck = defineCheck({
  id: 'ns-delegation-mismatch',
  severity: 'warning',
  scope: 'authority',
  title: 'The parent and the zone list different name servers',
  rfc: 'RFC 2181 §5.4.1',
  live: [{ on: 'authority', run: nsDelegationMismatch }],
});
