/**
 * `mta-sts-policy-invalid` (warning): the policy file breaks RFC 8461 §3.2–3.3: the version, the
 * mode, `max_age` out of range, no `mx` line when the mode is not `none`, keys senders do not
 * know (usually misspelt ones, whose values then do not count), a Content-Type other than
 * `text/plain`. Senders reject a policy they cannot parse and apply none.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail } from '../dnssec/dnssec-state.js';
import { parseStsPolicy } from './sts-policy.js';

/** The policy body as evidence: its lines joined with ` | `, cut at 300 characters. */
function bodyEvidence(body: string): string {
  const joined = body.split(/\r?\n/).filter((line) => line.trim() !== '').join(' | ');
  return joined.length > 300 ? `${joined.slice(0, 300)}…` : joined;
}

export function mtaStsPolicyInvalid(snapshot: MailDnsSnapshot): Finding[] {
  const fetched = snapshot.policy?.mtaStsPolicy;
  if (fetched?.kind !== 'fetched' || acceptsNoMail(snapshot)) return [];
  const { problems } = parseStsPolicy(fetched.body, fetched.contentType);
  if (problems.length === 0) return [];
  const mxLines = snapshot.targets.map((target) => `mx: ${target.name}`).join(', ');
  return [
    finding(mtaStsPolicyInvalidCheck, {
      message: `The MTA-STS policy at ${fetched.url} is not valid: ${problems.join('; ')}.`,
      subject: `mta-sts.${snapshot.domain}`,
      evidence: `${fetched.contentType ?? 'no Content-Type'}: ${bodyEvidence(fetched.body)}`,
      fix: `Serve it as text/plain, one "key: value" per line: version: STSv1, mode: testing (then enforce), ${mxLines === '' ? 'one mx line per MX host' : mxLines}, max_age: 604800; then change the id of the _mta-sts record.`,
    }),
  ];
}

export const mtaStsPolicyInvalidCheck = defineCheck({
  id: 'mta-sts-policy-invalid',
  severity: 'warning',
  scope: 'live',
  title: 'MTA-STS policy invalid',
  rfc: 'RFC 8461 §3.2',
  live: [{ on: 'snapshot', run: mtaStsPolicyInvalid }],
});
