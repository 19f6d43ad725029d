/**
 * `tlsrpt-invalid` (warning): `_smtp._tls.<domain>` holds more than one `v=TLSRPTv1` record, or
 * one without a usable `rua` (RFC 8460 §3: `mailto:` or `https:` URIs). Senders then send no TLS
 * reports, so failed deliveries under MTA-STS or DANE stay invisible.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail } from '../dnssec/dnssec-state.js';
import { txtTexts } from '../mta-sts/mta-sts-record-invalid.js';
import { readTlsRptRecord } from './tlsrpt-record.js';

export function tlsrptInvalid(snapshot: MailDnsSnapshot): Finding[] {
  const lookup = snapshot.policy?.tlsRpt;
  const texts = lookup === undefined ? undefined : txtTexts(lookup);
  if (texts === undefined || acceptsNoMail(snapshot)) return [];
  const record = readTlsRptRecord(texts);
  if (record.kind !== 'invalid') return [];
  const name = `_smtp._tls.${snapshot.domain}`;
  return [
    finding(tlsrptInvalidCheck, {
      message: `The TLS-RPT record at ${name} is not valid (${record.problems.join('; ')}), so senders send no TLS reports for ${snapshot.domain}.`,
      subject: name,
      evidence: record.texts.map((text) => `TXT ${name}: ${JSON.stringify(text)}`).join('; '),
      fix: `Publish exactly one record: \`${name}. TXT "v=TLSRPTv1; rua=mailto:tls-reports@${snapshot.domain}"\`.`,
    }),
  ];
}

export const tlsrptInvalidCheck = defineCheck({
  id: 'tlsrpt-invalid',
  severity: 'warning',
  scope: 'live',
  title: 'TLS-RPT record invalid',
  rfc: 'RFC 8460 §3',
  live: [{ on: 'snapshot', run: tlsrptInvalid }],
});
