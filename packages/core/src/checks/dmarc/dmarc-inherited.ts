/**
 * `dmarc-inherited` (info): the domain has no DMARC record of its own and the organisational
 * domain's one sound record applies to it (RFC 7489 §6.6.3), with its `sp=` (else `p=`) policy.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { AppliedDmarc } from './applied-dmarc.js';
import { dmarcName } from './dmarc-records.js';
import { defineCheck } from '../check.js';

/** `dmarc-inherited`: the organisational domain's one sound record applies to `domain`. */
export function checkDmarcInherited(domain: string, applied: AppliedDmarc): Finding[] {
  if (applied.kind !== 'inherited' || applied.parsed === undefined || applied.parsed.errors.length > 0 || applied.policy === undefined) return [];
  const org = applied.orgDomain ?? applied.name;
  return [
    finding(dmarcInheritedCheck, {
      message: `${domain} has no DMARC record of its own; the record of its organisational domain ${org} applies, with ${applied.policyTag}=${applied.policy}.`,
      subject: domain,
      evidence: applied.evidence,
      fix: `Nothing to do if ${applied.policyTag}=${applied.policy} at ${applied.name} is meant for ${domain}; publish ${dmarcName(domain)} only to give it a policy of its own.`,
    }),
  ];
}

export const dmarcInheritedCheck = defineCheck({
  id: 'dmarc-inherited',
  severity: 'info',
  scope: 'live',
  title: "The organisational domain's DMARC record applies",
  rfc: 'RFC 7489 §6.6.3',
  live: [{ on: 'dmarc', run: checkDmarcInherited }],
});
