/** The mode of the domain's MTA-STS policy as senders apply it, when one was fetched and parses. */
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { parseStsPolicy, type StsMode } from './sts-policy.js';

export function mtaStsMode(snapshot: MailDnsSnapshot | undefined): StsMode | undefined {
  const fetched = snapshot?.policy?.mtaStsPolicy;
  return fetched?.kind === 'fetched' ? parseStsPolicy(fetched.body, fetched.contentType).policy?.mode : undefined;
}
