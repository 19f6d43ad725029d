/**
 * `tlsrpt-missing` (info): the domain uses MTA-STS (a valid `_mta-sts` record) or DANE (validated,
 * usable TLSA records on an MX host) but publishes no TLS-RPT record (RFC 8460 §3), so when a
 * sender cannot deliver under the policy nobody is told (Google's MTA-STS guide asks for both).
 * Not when the TLS-RPT lookup failed: that is no evidence of absence.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail } from '../dnssec/dnssec-state.js';
import { txtTexts } from '../mta-sts/mta-sts-record-invalid.js';
import { readStsRecord } from '../mta-sts/sts-record.js';
import { tlsaState } from '../dane/tlsa-state.js';
import { readTlsRptRecord } from './tlsrpt-record.js';

export function tlsrptMissing(snapshot: MailDnsSnapshot): Finding[] {
  const { policy, domain } = snapshot;
  if (policy === undefined || acceptsNoMail(snapshot)) return [];
  const reports = txtTexts(policy.tlsRpt);
  if (reports === undefined || readTlsRptRecord(reports).kind !== 'none') return [];
  const sts = txtTexts(policy.mtaSts);
  const usesSts = sts !== undefined && readStsRecord(sts).kind === 'valid';
  const daneHosts = snapshot.targets.filter((target) => {
    const state = tlsaState(target);
    return state !== undefined && state.secure && state.usable.length > 0;
  });
  if (!usesSts && daneHosts.length === 0) return [];
  const uses = [usesSts ? 'MTA-STS' : undefined, daneHosts.length > 0 ? 'DANE' : undefined].filter((item) => item !== undefined).join(' and ');
  return [
    finding(tlsrptMissingCheck, {
      message: `${domain} uses ${uses} but publishes no TLS-RPT record, so senders that fail to deliver under ${usesSts && daneHosts.length > 0 ? 'these policies' : 'the policy'} tell nobody.`,
      subject: `_smtp._tls.${domain}`,
      evidence: `TXT _smtp._tls.${domain}: no "v=TLSRPTv1" record${usesSts ? `; TXT _mta-sts.${domain}: v=STSv1` : ''}${daneHosts.length > 0 ? `; TLSA at ${daneHosts.map((target) => target.name).join(', ')}` : ''}`,
      fix: `Publish \`_smtp._tls.${domain}. TXT "v=TLSRPTv1; rua=mailto:tls-reports@${domain}"\` and read the reports.`,
    }),
  ];
}

export const tlsrptMissingCheck = defineCheck({
  id: 'tlsrpt-missing',
  severity: 'info',
  scope: 'live',
  title: 'No TLS-RPT record for MTA-STS or DANE',
  rfc: 'RFC 8460 §3',
  live: [{ on: 'snapshot', run: tlsrptMissing }],
});
