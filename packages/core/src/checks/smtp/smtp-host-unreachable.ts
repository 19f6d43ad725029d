/**
 * `smtp-host-unreachable` (warning): an MX host none of whose addresses accepts a connection on
 * port 25, while another MX host of the domain does. Mail still arrives, but senders that try
 * the dead host first wait for it to time out, and there is no failover left (RFC 5321 §5.1).
 * When no host is reachable, `smtp-unreachable` reports the domain instead.
 */

import { finding, type Finding } from '../../findings/finding.js';
import { describeConnection, groupByHost, isHostReachable, joinEvidence } from './hosts.js';
import type { SmtpProbeResult } from './types.js';
import { defineCheck } from '../check.js';

export function checkSmtpHostUnreachable(results: readonly SmtpProbeResult[]): Finding[] {
  const hosts = groupByHost(results);
  if (!hosts.some(isHostReachable)) return [];
  return hosts
    .filter((group) => !isHostReachable(group))
    .map((group) =>
      finding(smtpHostUnreachableCheck, {
        subject: group.host,
        message: `MX host ${group.host} accepts no SMTP connection on port 25, while the domain's other MX hosts do: it gives no failover and delays senders that try it first.`,
        evidence: joinEvidence(group.results.map(describeConnection)),
        fix: `Run an SMTP server on port 25 of ${group.host} and allow inbound TCP port 25 to it, or remove its MX record if it no longer receives mail.`,
      }),
    );
}

export const smtpHostUnreachableCheck = defineCheck({
  id: 'smtp-host-unreachable',
  severity: 'warning',
  scope: 'transport',
  title: 'An MX host does not accept SMTP connections',
  rfc: 'RFC 5321 §3.1',
  live: [{ on: 'smtp', run: (_domain, results) => checkSmtpHostUnreachable(results) }],
});
