/**
 * `ns-serial-mismatch` (info): the authoritative servers report different SOA serials for the
 * zone. Right after a change this is normal (secondaries catch up within the SOA refresh time);
 * if it stays, a secondary is not transferring the zone and serves old data (RFC 1996, RFC 1034 §4.3.5).
 */
import { recordsOf } from '../../dns/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import type { AuthorityFacts, DirectAnswer } from '../../facts/authority.js';
import { defineCheck } from '../check.js';
import { answersEvidence, differ, servedAnswers } from './served.js';

function serialOf(answer: DirectAnswer): string | undefined {
  if (answer.result.kind !== 'answer') return undefined;
  const soa = recordsOf(answer.result, 'SOA')[0];
  return soa === undefined ? undefined : `serial ${soa.data.serial}`;
}

export function nsSerialMismatch(authority: AuthorityFacts): Finding[] {
  const answers = servedAnswers(authority.servers, (server) => server.soa, serialOf);
  if (answers.length < 2 || !differ(answers)) return [];
  return [
    finding(nsSerialMismatchCheck, {
      message: `The name servers of ${authority.zone} serve different versions of the zone (SOA serials differ): some may still serve old records.`,
      subject: authority.zone,
      evidence: `SOA ${authority.zone}: ${answersEvidence(answers)}`,
      fix: `If the zone changed in the last hours, wait for the secondaries to refresh; otherwise check that they transfer it from the primary (NOTIFY, allow-transfer, the SOA serial increased).`,
    }),
  ];
}

export const nsSerialMismatchCheck = defineCheck({
  id: 'ns-serial-mismatch',
  severity: 'info',
  scope: 'authority',
  title: 'Name servers serve different zone serials',
  rfc: 'RFC 1996',
  live: [{ on: 'authority', run: nsSerialMismatch }],
});
