/**
 * `mx-missing`: the domain exists (NOERROR) but publishes no MX. RFC 5321 §5.1: senders then use
 * the domain's own A/AAAA as an implicit MX at preference 0; without those, mail cannot be
 * delivered. Only a real NODATA answer counts: a failed MX lookup never reaches here (rule zero).
 */
import { finding, type Finding } from '../../findings/finding.js';
import { recordsOf, type LookupResult } from '../../dns/types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { mxEntriesFrom } from './mx-entry.js';
import { defineCheck } from '../check.js';

function addressesOf(result: LookupResult, type: 'A' | 'AAAA'): string[] | undefined {
  if (result.kind === 'failed') return undefined;
  return recordsOf(result, type).map((record) => record.data);
}

export function mxMissing(snapshot: Pick<MailDnsSnapshot, 'domain' | 'mx' | 'a' | 'aaaa'>): Finding[] {
  const { domain, mx } = snapshot;
  if (mx.kind !== 'answer' || mxEntriesFrom(mx, domain).length > 0) return [];
  const v4 = addressesOf(snapshot.a, 'A');
  const v6 = addressesOf(snapshot.aaaa, 'AAAA');
  const found = [...(v4 ?? []), ...(v6 ?? [])];
  let evidence: string;
  let message: string;
  if (found.length > 0) {
    evidence = `no MX; ${domain} has ${found.join(', ')}: senders fall back to these addresses (implicit MX, RFC 5321 §5.1)`;
    message = `${domain} has no MX records; senders fall back to its web address ${found[0]}, which is rarely a mail server.`;
  } else if (v4 === undefined || v6 === undefined) {
    evidence = `no MX; the A/AAAA lookup failed, so the implicit MX (RFC 5321 §5.1) is unknown`;
    message = `${domain} has no MX records.`;
  } else {
    evidence = `no MX, no A, no AAAA: there is no implicit MX (RFC 5321 §5.1) either`;
    message = `${domain} has no MX records and no addresses: mail to it cannot be delivered.`;
  }
  return [
    finding(mxMissingCheck, {
      message,
      subject: domain,
      evidence,
      fix: `Publish the MX records of your mail host, e.g. \`${domain}. MX 10 mx.${domain}.\`; if ${domain} sends and receives no mail, publish the null MX \`${domain}. MX 0 .\` (RFC 7505).`,
    }),
  ];
}

export const mxMissingCheck = defineCheck({
  id: 'mx-missing',
  severity: 'error',
  scope: 'live',
  title: 'No MX records',
  rfc: 'RFC 5321 §5.1',
  live: [{ on: 'snapshot', run: mxMissing }],
});
