/**
 * `ns-spf-inconsistent`: the authoritative servers of the zone give different SPF records for the
 * domain (or one has none). Which record a receiver sees depends on which server its resolver
 * asked: the same message passes SPF at one receiver and fails at another. Usually a secondary
 * that stopped transferring the zone, or a change made on one server only.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { AuthorityFacts } from '../../facts/authority.js';
import { defineCheck } from '../check.js';
import { answersEvidence, differ, renderSpf, servedAnswers } from './served.js';

export function nsSpfInconsistent(authority: AuthorityFacts): Finding[] {
  const answers = servedAnswers(authority.servers, (server) => server.txt, renderSpf);
  if (answers.length < 2 || !differ(answers)) return [];
  return [
    finding(nsSpfInconsistentCheck, {
      message: `The name servers of ${authority.zone} give different SPF records for ${authority.domain}: whether its mail passes SPF depends on the server a receiver's resolver asked.`,
      subject: authority.domain,
      evidence: `TXT (SPF) ${authority.domain}: ${answersEvidence(answers)}`,
      fix: `Make every name server serve the same zone: check that the secondaries transfer it from the primary (SOA serials, NOTIFY, allow-transfer), or make the same change on each server.`,
    }),
  ];
}

export const nsSpfInconsistentCheck = defineCheck({
  id: 'ns-spf-inconsistent',
  severity: 'warning',
  scope: 'authority',
  title: 'Name servers give different SPF records',
  live: [{ on: 'authority', run: nsSpfInconsistent }],
});
