/**
 * `mx-target-dnssec-bogus` (error): an MX host's A/AAAA fail DNSSEC validation (RFC 4035 §5.5):
 * senders that validate cannot find its address and skip it; if it is the only host, mail waits
 * and bounces. From the lookups the plan marked `bogus` (plan/detect-bogus.ts).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { isBogus } from './dnssec-state.js';
import { bogusFix } from './bogus-words.js';

export function mxTargetDnssecBogus(target: TargetFacts, range?: SourceRange): Finding[] {
  const bogus = [target.a, target.aaaa].filter(isBogus);
  if (bogus.length === 0) return [];
  return [
    finding(mxTargetDnssecBogusCheck, {
      message: `DNSSEC validation fails for the MX host ${target.name}: validating resolvers answer SERVFAIL for its address, so senders that validate skip it.`,
      subject: target.name,
      evidence: bogus.map((result) => `${result.question.type} ${result.question.name}: ${result.detail}`).join(' | '),
      fix: bogusFix(bogus, target.name),
      range,
    }),
  ];
}

export const mxTargetDnssecBogusCheck = defineCheck({
  id: 'mx-target-dnssec-bogus',
  severity: 'error',
  scope: 'live',
  title: "An MX host's address fails DNSSEC validation",
  rfc: 'RFC 4035 §5.5',
  live: [{ on: 'target', run: mxTargetDnssecBogus }],
});
