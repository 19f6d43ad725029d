/** Runs the registry's authority checks over what the zone's servers said, beside the snapshot. */
import type { AuthorityFacts } from '../facts/authority.js';
import type { MailDnsSnapshot } from '../facts/snapshot.js';
import type { Finding } from '../findings/finding.js';
import { appendAll } from '../util/append.js';
import { liveVariants } from './catalogue.js';

const AUTHORITY_CHECKS = liveVariants('authority');

export function runAuthorityChecks(authority: AuthorityFacts, snapshot: MailDnsSnapshot): Finding[] {
  const findings: Finding[] = [];
  for (const { variant } of AUTHORITY_CHECKS) appendAll(findings, variant.run(authority, snapshot));
  return findings;
}
