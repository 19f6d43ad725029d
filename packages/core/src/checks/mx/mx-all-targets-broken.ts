/**
 * `mx-all-targets-broken`: the summary a person needs first — no MX target of the domain can take
 * mail, so every message bounces or waits (RFC 5321 §5.1). A target counts as broken only when that
 * is known: an IP literal, an invalid name, NXDOMAIN, no address, or only non-public addresses. A
 * target whose lookups failed, or that was not looked up, is unknown, and then there is no summary
 * (rule zero).
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { nonPublicOnly, targetAddressState } from '../address/target-addresses.js';
import { hostNameProblem, isIpLiteral } from './host-name.js';
import { formatMxSet, type MxEntry } from './mx-entry.js';
import { defineCheck } from '../check.js';

/** Why a target cannot take mail, or `undefined` when it can or when that is unknown. */
export function brokenReason(exchange: string, targets: readonly TargetFacts[]): string | undefined {
  if (isIpLiteral(exchange)) return 'an IP address, not a host name';
  if (hostNameProblem(exchange) !== undefined) return 'not a valid host name';
  const target = targets.find((facts) => facts.name === exchange);
  if (target === undefined) return undefined;
  const state = targetAddressState(target);
  if (!state.known) return undefined;
  if (state.nxdomain) return 'does not exist';
  if (state.v4.length === 0 && state.v6.length === 0) return 'has no address';
  if (nonPublicOnly(state) !== undefined) return 'has only non-public addresses';
  return undefined;
}

export function mxAllTargetsBroken(owner: string, entries: readonly MxEntry[], targets: readonly TargetFacts[]): Finding[] {
  const names = [...new Set(entries.map((entry) => entry.exchange).filter((name) => name !== ''))];
  if (names.length === 0) return [];
  const reasons = names.map((name) => ({ name, reason: brokenReason(name, targets) }));
  if (reasons.some((item) => item.reason === undefined)) return [];
  return [
    finding(mxAllTargetsBrokenCheck, {
      message: `No MX host of ${owner} can receive mail: mail to ${owner} is not delivered.`,
      subject: owner,
      evidence: `MX ${formatMxSet(entries)}; ${reasons.map((item) => `${item.name}: ${item.reason}`).join('; ')}`,
      fix: `Point the MX at a working mail host, e.g. \`${owner}. MX 10 mx.${owner}.\` with \`mx.${owner}. A <public IPv4 address>\`; see the findings for each host.`,
      range: entries[0]?.range,
    }),
  ];
}

export const mxAllTargetsBrokenCheck = defineCheck({
  id: 'mx-all-targets-broken',
  severity: 'error',
  scope: 'live',
  title: 'No MX target can receive mail',
  rfc: 'RFC 5321 §5.1',
  live: [{ on: 'targets', run: mxAllTargetsBroken }],
});
