/**
 * `mx-target-ipv6-only`: the MX target has AAAA but no A. Many sending servers still have no IPv6
 * route and cannot deliver (RFC 5321 §5.2 leaves the family to the sender). Needs both lookups
 * answered (rule zero); a target whose addresses are all non-public is
 * `mx-target-private-address` instead.
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { nonPublicOnly, targetAddressState } from './target-addresses.js';
import { defineCheck } from '../check.js';

export function mxTargetIpv6Only(target: TargetFacts, range?: SourceRange): Finding[] {
  const state = targetAddressState(target);
  if (!state.known || state.v4.length > 0 || state.v6.length === 0 || nonPublicOnly(state) !== undefined) return [];
  return [
    finding(mxTargetIpv6OnlyCheck, {
      message: `The MX target ${target.name} has only IPv6 addresses: IPv4-only senders cannot deliver to it.`,
      subject: target.name,
      evidence: `A ${target.name}: no records; AAAA ${state.v6.join(', ')}`,
      fix: `Add an IPv4 address: \`${target.name}. A <IPv4 address>\`.`,
      range,
    }),
  ];
}

export const mxTargetIpv6OnlyCheck = defineCheck({
  id: 'mx-target-ipv6-only',
  severity: 'warning',
  scope: 'live',
  title: 'MX target has IPv6 addresses only',
  live: [{ on: 'target', run: mxTargetIpv6Only }],
});
