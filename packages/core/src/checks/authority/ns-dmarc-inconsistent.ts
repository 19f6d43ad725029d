/**
 * `ns-dmarc-inconsistent`: the authoritative servers of the zone give different DMARC records for
 * the domain (or one has none). Which policy a receiver applies depends on which server its
 * resolver asked: the same message is rejected by one receiver and delivered by another. Usually a
 * secondary that stopped transferring the zone, or a change made on one server only.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { AuthorityFacts } from '../../facts/authority.js';
import { defineCheck } from '../check.js';
import { answersEvidence, differ, renderDmarc, servedAnswers } from './served.js';

export function nsDmarcInconsistent(authority: AuthorityFacts): Finding[] {
  const answers = servedAnswers(authority.servers, (server) => server.dmarc, renderDmarc);
  if (answers.length < 2 || !differ(answers)) return [];
  return [
    finding(nsDmarcInconsistentCheck, {
      message: `The name servers of ${authority.zone} give different DMARC records for ${authority.domain}: the policy receivers apply depends on the server their resolver asked.`,
      subject: authority.domain,
      evidence: `TXT _dmarc.${authority.domain}: ${answersEvidence(answers)}`,
      fix: `Make every name server serve the same zone: check that the secondaries transfer it from the primary (SOA serials, NOTIFY, allow-transfer), or make the same change on each server.`,
    }),
  ];
}

export const nsDmarcInconsistentCheck = defineCheck({
  id: 'ns-dmarc-inconsistent',
  severity: 'warning',
  scope: 'authority',
  title: 'Name servers give different DMARC records',
  live: [{ on: 'authority', run: nsDmarcInconsistent }],
});
