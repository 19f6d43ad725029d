/**
 * `ns-single`: the zone has one name server, or all of its servers' IPv4 addresses lie in one /24
 * (RFC 2182 §5: secondaries should be on networks apart from the primary). One outage, or one
 * network's, and nobody can look up where to deliver the domain's mail; senders queue, then bounce.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { AuthorityFacts } from '../../facts/authority.js';
import { parseIpv4 } from '../address/ip-ranges.js';
import { defineCheck } from '../check.js';

/** The zone's NS names: the parent's delegation where known, with those only the zone lists. */
function nsNames(authority: AuthorityFacts): string[] {
  const names = new Set<string>(authority.delegation.kind === 'found' ? authority.delegation.ns : []);
  for (const server of authority.servers) names.add(server.name);
  return [...names].sort();
}

export function nsSingle(authority: AuthorityFacts): Finding[] {
  const { zone } = authority;
  const names = nsNames(authority);
  if (names.length === 0) return [];
  if (names.length === 1) {
    return [
      finding(nsSingleCheck, {
        message: `${zone} has a single name server, ${names[0]}: while it is down, nobody can look up where to deliver mail for ${authority.domain}.`,
        subject: zone,
        evidence: `NS ${zone}: ${names[0]}`,
        fix: `Add a second name server on another network (most DNS hosts give at least two), and list both at the registrar and in the zone.`,
      }),
    ];
  }
  const v4 = authority.servers.flatMap((server) => {
    const value = server.address === undefined ? undefined : parseIpv4(server.address);
    return value === undefined ? [] : [{ server, net: value >>> 8 }];
  });
  // Only when every server's address is known and IPv4: an unknown one may be elsewhere.
  if (v4.length < 2 || v4.length !== authority.servers.length || v4.some((item) => item.net !== v4[0]!.net)) return [];
  const net = v4[0]!.net;
  const prefix = `${net >>> 16}.${(net >>> 8) & 255}.${net & 255}.0/24`;
  return [
    finding(nsSingleCheck, {
      message: `All name servers of ${zone} are on one network (${prefix}): one outage there and nobody can look up where to deliver mail for ${authority.domain}.`,
      subject: zone,
      evidence: v4.map(({ server }) => `${server.name} ${server.address}`).join(', '),
      fix: `Put at least one name server on another network (another /24, ideally another provider or site), and list it at the registrar and in the zone.`,
    }),
  ];
}

export const nsSingleCheck = defineCheck({
  id: 'ns-single',
  severity: 'warning',
  scope: 'authority',
  title: 'One name server, or all on one network',
  rfc: 'RFC 2182 §5',
  live: [{ on: 'authority', run: nsSingle }],
});
