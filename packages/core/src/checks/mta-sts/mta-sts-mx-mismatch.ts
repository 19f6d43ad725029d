/**
 * `mta-sts-mx-mismatch` (error in `enforce`, warning in `testing`): an MX host matches no `mx:`
 * pattern of the MTA-STS policy (RFC 8461 §4.1, `mx-pattern.ts`). In `enforce` mode senders that
 * apply MTA-STS (Gmail, Microsoft 365, Postfix with a policy daemon) refuse to deliver to that host
 * (§5); if no host matches, mail stops. This is the check that catches "changed MX, forgot the
 * policy". Nothing in `none` mode, or when the policy does not parse to a mode. In files (live
 * checks on): the file's MX set against the policy its domain publishes now, on each MX record
 * whose host no pattern covers, so the mismatch shows before the change is applied.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot, PolicyFetch } from '../../facts/snapshot.js';
import type { MxEntry } from '../mx/mx-entry.js';
import { defineCheck } from '../check.js';
import { acceptsNoMail, listWords } from '../dnssec/dnssec-state.js';
import { isNullMx, mxEntriesFrom } from '../mx/mx-entry.js';
import { matchingPattern } from './mx-pattern.js';
import { parseStsPolicy, type StsPolicy } from './sts-policy.js';

/** The MX hosts the fetched policy (testing or enforce mode) covers with no `mx:` pattern, with the policy; also what the MX table marks. */
export function mtaStsUnmatchedHosts(snapshot: MailDnsSnapshot): { readonly hosts: readonly string[]; readonly unmatched: readonly string[]; readonly policy: StsPolicy; readonly fetched: PolicyFetch & { kind: 'fetched' } } | undefined {
  const fetched = snapshot.policy?.mtaStsPolicy;
  if (fetched?.kind !== 'fetched' || acceptsNoMail(snapshot)) return undefined;
  const { policy } = parseStsPolicy(fetched.body, fetched.contentType);
  if (policy === undefined || policy.mode === 'none') return undefined;
  const hosts = [...new Set(mxEntriesFrom(snapshot.mx, snapshot.domain).filter((entry) => !isNullMx(entry)).map((entry) => entry.exchange))];
  const unmatched = hosts.filter((host) => matchingPattern(host, policy.mx) === undefined);
  return { hosts, unmatched, policy, fetched };
}

export function mtaStsMxMismatch(snapshot: MailDnsSnapshot): Finding[] {
  const coverage = mtaStsUnmatchedHosts(snapshot);
  if (coverage === undefined || coverage.unmatched.length === 0) return [];
  const { hosts, unmatched, policy, fetched } = coverage;
  const enforce = policy.mode === 'enforce';
  const all = unmatched.length === hosts.length;
  const consequence = enforce
    ? all
      ? 'senders that apply MTA-STS deliver to none of them: mail from Gmail, Microsoft 365 and others stops'
      : `senders that apply MTA-STS refuse to deliver to ${unmatched.length === 1 ? 'it' : 'them'}`
    : 'in testing mode senders still deliver but report the failure; in enforce mode they would refuse';
  return [
    finding(mtaStsMxMismatchCheck, {
      severity: enforce ? 'error' : 'warning',
      message: `The MX host${unmatched.length === 1 ? '' : 's'} ${listWords(unmatched)} ${unmatched.length === 1 ? 'matches' : 'match'} no mx pattern of the MTA-STS policy (mode ${policy.mode}): ${consequence}.`,
      subject: snapshot.domain,
      evidence: `MX: ${hosts.join(', ')}; ${fetched.url}: ${policy.mx.length === 0 ? 'no mx lines' : policy.mx.map((pattern) => `mx: ${pattern}`).join(', ')}`,
      fix: `Add ${unmatched.map((host) => `\`mx: ${host}\``).join(', ')} to the policy at ${fetched.url} (a \`*.\` pattern covers one left-most label only), then change the id of the _mta-sts record so senders fetch it again.`,
    }),
  ];
}

/** Files: each MX record of `owner` whose host the live policy does not cover, on its range. */
export function mtaStsMxMismatchInFile(owner: string, mx: readonly MxEntry[], fetched: PolicyFetch): Finding[] {
  if (fetched.kind !== 'fetched') return [];
  const { policy } = parseStsPolicy(fetched.body, fetched.contentType);
  if (policy === undefined || policy.mode === 'none') return [];
  const enforce = policy.mode === 'enforce';
  return mx
    .filter((entry) => !isNullMx(entry) && matchingPattern(entry.exchange, policy.mx) === undefined)
    .map((entry) =>
      finding(mtaStsMxMismatchCheck, {
        severity: enforce ? 'error' : 'warning',
        message: `${entry.exchange} matches no mx pattern of the MTA-STS policy ${owner} publishes now (mode ${policy.mode}): once this record is live, ${enforce ? 'senders that apply MTA-STS refuse to deliver to it' : 'senders report failures for it (and would refuse in enforce mode)'}.`,
        subject: owner,
        evidence: `${fetched.url}: ${policy.mx.map((pattern) => `mx: ${pattern}`).join(', ') || 'no mx lines'}`,
        fix: `Add \`mx: ${entry.exchange}\` to the policy at ${fetched.url} and change the id of the _mta-sts record before this MX record goes live.`,
        ...(entry.range !== undefined && { range: entry.range }),
      }),
    );
}

export const mtaStsMxMismatchCheck = defineCheck({
  id: 'mta-sts-mx-mismatch',
  severity: 'error',
  scope: 'live+file',
  title: 'MX host not covered by the MTA-STS policy',
  rfc: 'RFC 8461 §4.1',
  live: [{ on: 'snapshot', run: mtaStsMxMismatch }],
  file: [{ on: 'live-policy', run: mtaStsMxMismatchInFile }],
});
