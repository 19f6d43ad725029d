/**
 * `mx-target-nxdomain`: the MX names a host that does not exist (NXDOMAIN, RFC 1035 §4.1.1),
 * typically a typo such as `msmx.l.google.com`. Senders skip it; if it is the only one, mail
 * bounces. Needs both A and AAAA answered: a failed lookup is no evidence (rule zero).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { targetAddressState } from '../address/target-addresses.js';
import { formatChain } from '../domain/cname-chain.js';
import { defineCheck } from '../check.js';

export function mxTargetNxdomain(target: TargetFacts, range?: SourceRange): Finding[] {
  if (!targetAddressState(target).nxdomain) return [];
  const alias = target.cnameChain.length > 1;
  const end = target.cnameChain[target.cnameChain.length - 1] ?? target.name;
  return [
    finding(mxTargetNxdomainCheck, {
      message: alias
        ? `The MX target ${target.name} is an alias for ${end}, which does not exist.`
        : `The MX target ${target.name} does not exist (NXDOMAIN).`,
      subject: target.name,
      evidence: alias ? `${formatChain(target.cnameChain)}: NXDOMAIN` : `A/AAAA ${target.name}: NXDOMAIN`,
      fix: `Correct the MX target (check its spelling against your provider's instructions), or create ${end} with A/AAAA records.`,
      range,
    }),
  ];
}

export const mxTargetNxdomainCheck = defineCheck({
  id: 'mx-target-nxdomain',
  severity: 'error',
  scope: 'live',
  title: 'MX target does not exist',
  rfc: 'RFC 5321 §5.1',
  live: [{ on: 'target', run: mxTargetNxdomain }],
});
