/**
 * `smtp-unreachable` (error): no MX host of the domain accepts a connection on port 25 within
 * the timeout, so no sender can deliver (RFC 5321 §3.1, §5.1). One finding for the domain.
 */

import { finding, type Finding } from '../../findings/finding.js';
import { describeConnection, groupByHost, isHostReachable, joinEvidence } from './hosts.js';
import type { SmtpProbeResult } from './types.js';
import { defineCheck } from '../check.js';

export function checkSmtpUnreachable(domain: string, results: readonly SmtpProbeResult[]): Finding[] {
  const hosts = groupByHost(results);
  if (hosts.length === 0 || hosts.some(isHostReachable)) return [];
  const names = hosts.map((group) => group.host).join(', ');
  return [
    finding(smtpUnreachableCheck, {
      subject: domain,
      message:
        hosts.length === 1
          ? `The only MX host of ${domain} (${names}) accepts no SMTP connection on port 25: mail to ${domain} cannot be delivered.`
          : `None of the ${hosts.length} MX hosts of ${domain} (${names}) accepts an SMTP connection on port 25: mail to ${domain} cannot be delivered.`,
      evidence: joinEvidence(hosts.flatMap((group) => group.results.map((result) => `${group.host} ${describeConnection(result)}`))),
      fix:
        'Run an SMTP server on port 25 of each MX host and allow inbound TCP port 25 from the Internet in its firewall; ' +
        'if every domain you probe shows this, the network you probe from probably blocks outbound port 25, so probe from elsewhere.',
    }),
  ];
}

export const smtpUnreachableCheck = defineCheck({
  id: 'smtp-unreachable',
  severity: 'error',
  scope: 'transport',
  title: 'No MX host accepts SMTP connections',
  rfc: 'RFC 5321 §3.1',
  live: [{ on: 'smtp', run: checkSmtpUnreachable }],
});
