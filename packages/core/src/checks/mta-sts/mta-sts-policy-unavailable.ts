/**
 * `mta-sts-policy-unavailable` (warning): `_mta-sts` announces a policy but the policy file cannot
 * be had from `https://mta-sts.<domain>/.well-known/mta-sts.txt` (RFC 8461 §3.3): no such host, a
 * TLS or certificate error, a status other than 200, any redirect (never to be followed), more than
 * 64 KB, or no answer in time. A sender without a cached policy then has none; one with a cached
 * policy keeps it until `max_age` runs out, so a broken host hides a stale policy.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot, PolicyFetch } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail } from '../dnssec/dnssec-state.js';

function fixFor(failure: Extract<PolicyFetch, { kind: 'failed' }>, domain: string): string {
  const host = `mta-sts.${domain}`;
  switch (failure.reason) {
    case 'no-host':
      return `Create ${host} (an A/AAAA record, or a CNAME to your policy host) and serve the policy there over HTTPS.`;
    case 'tls':
      return `Give ${host} a certificate valid for that name from a public CA (senders check it as a browser would).`;
    case 'redirect':
      return `Serve the policy at ${failure.url} itself with status 200: senders do not follow redirects (RFC 8461 §3.3).`;
    case 'too-large':
      return 'Serve only the policy (a few lines of text); senders read at most 64 KB.';
    case 'status':
      return `Serve the policy at ${failure.url} with status 200 and Content-Type text/plain.`;
    default:
      return `Make ${host} answer HTTPS on port 443 (check its firewall and web server), then run the check again.`;
  }
}

export function mtaStsPolicyUnavailable(snapshot: MailDnsSnapshot): Finding[] {
  const fetched = snapshot.policy?.mtaStsPolicy;
  if (fetched?.kind !== 'failed' || acceptsNoMail(snapshot)) return [];
  return [
    finding(mtaStsPolicyUnavailableCheck, {
      message: `${snapshot.domain} announces an MTA-STS policy, but ${fetched.url} cannot be fetched (${fetched.reason}): senders without a cached copy apply no policy, and cached copies go stale.`,
      subject: `mta-sts.${snapshot.domain}`,
      evidence: `GET ${fetched.url}: ${fetched.detail}`,
      fix: fixFor(fetched, snapshot.domain),
    }),
  ];
}

export const mtaStsPolicyUnavailableCheck = defineCheck({
  id: 'mta-sts-policy-unavailable',
  severity: 'warning',
  scope: 'live',
  title: 'MTA-STS policy cannot be fetched',
  rfc: 'RFC 8461 §3.3',
  live: [{ on: 'snapshot', run: mtaStsPolicyUnavailable }],
});
