/**
 * `dmarc-not-enforced`: the policy that applies is `none` (RFC 7489 §6.3): receivers send reports
 * but still deliver mail that forges the domain. The policy that applies is the domain's own `p=`,
 * or, with no record of its own, its organisational domain's `sp=`, else `p=` (§6.6.3). Worth
 * knowing, often a deliberate first step. Not reported when the record is invalid (that is
 * `dmarc-invalid`).
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { AppliedDmarc } from './applied-dmarc.js';
import { clip, dmarcName } from './dmarc-records.js';
import { defineCheck } from '../check.js';

export function checkDmarcNotEnforced(domain: string, applied: AppliedDmarc): Finding[] {
  if (applied.kind !== 'own' && applied.kind !== 'inherited') return [];
  const [text] = applied.texts;
  if (text === undefined || applied.parsed === undefined || applied.parsed.errors.length > 0 || applied.policy !== 'none') return [];
  if (applied.kind === 'own') {
    const rest = text.replace(/;[ \t]*p[ \t]*=[ \t]*none/i, '; p=quarantine');
    return [
      finding(dmarcNotEnforcedCheck, {
        message: `The DMARC policy of ${domain} is p=none: receivers report on forged mail but still deliver it.`,
        subject: domain,
        evidence: `"${clip(text)}"`,
        fix: `Once the reports show all real senders pass, move to \`${dmarcName(domain)}. TXT "${rest}"\`, then to p=reject.`,
      }),
    ];
  }
  const tag = applied.policyTag ?? 'p';
  return [
    finding(dmarcNotEnforcedCheck, {
      message: `The DMARC policy that applies to ${domain} is ${tag}=none of its organisational domain's record at ${applied.name}: receivers report on forged mail but still deliver it.`,
      subject: domain,
      evidence: applied.evidence,
      fix: `Once the reports show all real senders pass, set ${tag === 'sp' ? 'sp=quarantine' : 'sp=quarantine (or p=quarantine)'} in the record at ${applied.name}, or publish \`${dmarcName(domain)}. TXT "v=DMARC1; p=quarantine"\` for ${domain} alone.`,
    }),
  ];
}

export const dmarcNotEnforcedCheck = defineCheck({
  id: 'dmarc-not-enforced',
  severity: 'info',
  scope: 'live',
  title: 'DMARC policy is none',
  rfc: 'RFC 7489 §6.3',
  live: [{ on: 'dmarc', run: checkDmarcNotEnforced }],
});
