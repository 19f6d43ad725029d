/**
 * `mta-sts-record-invalid` (warning): `_mta-sts.<domain>` holds more than one `v=STSv1` record, or
 * one that breaks RFC 8461 §3.1 (no or a bad `id`, a malformed field). Senders then assume the
 * domain has no MTA-STS policy: whatever the policy file says is not applied. Other TXT records
 * there are discarded by senders and are no fault (policies.md §10.3).
 */
import { finding, type Finding } from '../../findings/finding.js';
import { txtText } from '../../dns/types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail } from '../dnssec/dnssec-state.js';
import { readStsRecord } from './sts-record.js';

/** The joined TXT texts at a name, or `undefined` when the lookup failed. */
export function txtTexts(result: MailDnsSnapshot['txt']): string[] | undefined {
  if (result.kind === 'failed') return undefined;
  return result.kind === 'answer' ? result.records.flatMap((record) => (record.type === 'TXT' ? [txtText(record)] : [])) : [];
}

export function mtaStsRecordInvalid(snapshot: MailDnsSnapshot): Finding[] {
  const lookup = snapshot.policy?.mtaSts;
  const texts = lookup === undefined ? undefined : txtTexts(lookup);
  if (texts === undefined || acceptsNoMail(snapshot)) return [];
  const record = readStsRecord(texts);
  if (record.kind !== 'invalid') return [];
  const name = `_mta-sts.${snapshot.domain}`;
  return [
    finding(mtaStsRecordInvalidCheck, {
      message: `The MTA-STS record at ${name} is not valid (${record.problems.join('; ')}), so senders ignore ${snapshot.domain}'s MTA-STS policy.`,
      subject: name,
      evidence: record.texts.map((text) => `TXT ${name}: ${JSON.stringify(text)}`).join('; '),
      fix: `Publish exactly one record: \`${name}. TXT "v=STSv1; id=${new Date(snapshot.policy!.checkedAt).toISOString().slice(0, 10).replace(/-/g, '')}01"\` (change the id whenever the policy file changes).`,
    }),
  ];
}

export const mtaStsRecordInvalidCheck = defineCheck({
  id: 'mta-sts-record-invalid',
  severity: 'warning',
  scope: 'live',
  title: 'MTA-STS record invalid',
  rfc: 'RFC 8461 §3.1',
  live: [{ on: 'snapshot', run: mtaStsRecordInvalid }],
});
