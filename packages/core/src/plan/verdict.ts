import type { Finding } from '../findings/finding.js';
import type { LookupResult } from '../dns/types.js';
import { targetAddressState } from '../checks/address/target-addresses.js';
import type { TargetFacts } from '../facts/snapshot.js';
import type { Verdict } from './report.js';

/** No address was found for the target and a lookup that could have found one failed. */
function addressUnknown(target: Pick<TargetFacts, 'a' | 'aaaa'>): boolean {
  const state = targetAddressState(target);
  return !state.known && state.v4.length === 0 && state.v6.length === 0;
}

/**
 * Could not check: the MX question itself failed, or every MX target's address lookups failed
 * (rule zero: we do not know where mail would go, so we do not guess). No mail: a clean null MX
 * (RFC 7505). Problems: any error. Otherwise the domain receives mail.
 */
export function verdictOf(mx: LookupResult, findings: readonly Finding[], targets: readonly Pick<TargetFacts, 'a' | 'aaaa'>[] = []): Verdict {
  if (mx.kind === 'failed') return 'could-not-check';
  if (targets.length > 0 && targets.every(addressUnknown)) return 'could-not-check';
  return verdictOfFindings(findings);
}

/** The verdict of a domain whose lookups answered, from its findings alone (also after a project's rule settings). */
export function verdictOfFindings(findings: readonly Finding[]): Exclude<Verdict, 'could-not-check'> {
  if (findings.some((f) => f.severity === 'error')) return 'problems';
  if (findings.some((f) => f.id === 'mx-null')) return 'no-mail';
  return 'receives-mail';
}
