/**
 * `ns-mx-inconsistent`: the authoritative servers of the zone give different MX sets for the
 * domain (or one says there is none). Which set a sender sees depends on which server its resolver
 * asked: mail goes to different hosts, or bounces for some. Usually a secondary that stopped
 * transferring the zone, or a change made on one server only. Evidence lists each server's answer.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { AuthorityFacts } from '../../facts/authority.js';
import { defineCheck } from '../check.js';
import { answersEvidence, differ, renderMx, servedAnswers } from './served.js';

export function nsMxInconsistent(authority: AuthorityFacts): Finding[] {
  const answers = servedAnswers(authority.servers, (server) => server.mx, renderMx);
  if (answers.length < 2 || !differ(answers)) return [];
  return [
    finding(nsMxInconsistentCheck, {
      message: `The name servers of ${authority.zone} give different MX records for ${authority.domain}: senders deliver to different hosts depending on the server their resolver asked.`,
      subject: authority.domain,
      evidence: `MX ${authority.domain}: ${answersEvidence(answers)}`,
      fix: `Make every name server serve the same zone: check that the secondaries transfer it from the primary (SOA serials, NOTIFY, allow-transfer), or make the same change on each server.`,
    }),
  ];
}

export const nsMxInconsistentCheck = defineCheck({
  id: 'ns-mx-inconsistent',
  severity: 'warning',
  scope: 'authority',
  title: 'Name servers give different MX records',
  live: [{ on: 'authority', run: nsMxInconsistent }],
});
