/**
 * `smtp-bad-greeting` (warning): a host accepts the connection but does not greet with `220`
 * (RFC 5321 §3.1, §4.3.1: the opening reply is 220; 554 means "no SMTP service here", 421 "not
 * available now"), or closes the connection before the conversation could start. One finding
 * per host, naming each address that misbehaved.
 */

import { finding, type Finding } from '../../findings/finding.js';
import { groupByHost, joinEvidence, shortText } from './hosts.js';
import type { SmtpProbeResult } from './types.js';
import { defineCheck } from '../check.js';

/** What was wrong with the greeting at one address, or `undefined` when it was fine (or never came). */
function greetingProblem(result: SmtpProbeResult): string | undefined {
  if (result.outcome !== 'connected') return undefined;
  const detail = result.detail !== undefined ? ` (${shortText(result.detail)})` : '';
  if (result.greeting === undefined) {
    return result.closedEarly === true
      ? `${result.address}: closed the connection without a greeting${detail}`
      : `${result.address}: no valid greeting${detail}`;
  }
  const said = shortText(`${result.greeting.code} ${result.greeting.text}`);
  if (result.greeting.code !== 220) return `${result.address}: greeted "${said}"`;
  if (result.closedEarly === true && result.ehlo === undefined) {
    return `${result.address}: greeted "${said}" then closed the connection before answering EHLO${detail}`;
  }
  return undefined;
}

export function checkSmtpBadGreeting(results: readonly SmtpProbeResult[]): Finding[] {
  const findings: Finding[] = [];
  for (const group of groupByHost(results)) {
    const problems = group.results.map(greetingProblem).filter((problem) => problem !== undefined);
    if (problems.length === 0) continue;
    const some = problems.length < group.results.filter((result) => result.outcome === 'connected').length;
    findings.push(
      finding(smtpBadGreetingCheck, {
        subject: group.host,
        message: `MX host ${group.host} ${some ? 'at some of its addresses ' : ''}does not greet with 220 or closes the connection at once: senders cannot start an SMTP session there.`,
        evidence: joinEvidence(problems),
        fix:
          `Make ${group.host} greet every client with a 220 reply (RFC 5321 §4.3.1), or remove its MX record if it is not meant to receive mail; ` +
          "a 421 or 554 greeting can also mean the probe's own address is rate-limited or blocklisted, so confirm from another network.",
      }),
    );
  }
  return findings;
}

export const smtpBadGreetingCheck = defineCheck({
  id: 'smtp-bad-greeting',
  severity: 'warning',
  scope: 'transport',
  title: 'An MX host does not greet with 220',
  rfc: 'RFC 5321 §4.2',
  live: [{ on: 'smtp', run: (_domain, results) => checkSmtpBadGreeting(results) }],
});
