/**
 * The registry's SPF checks for one domain, over the gathered tree. Rule zero: when the domain's
 * own TXT lookup failed nothing is said (the snapshot's aggregator reports that `lookup-failed`);
 * failed lookups inside the tree are reported by `lookup-failed`'s SPF variant and silence only
 * the checks that needed them.
 */
import type { Finding } from '../../findings/finding.js';
import { appendAll } from '../../util/append.js';
import { liveVariants } from '../catalogue.js';
import type { SpfFacts } from './spf-facts.js';

const SPF_CHECKS = liveVariants('spf');

export function runSpfChecks(facts: SpfFacts): Finding[] {
  const findings: Finding[] = [];
  if (facts.root.status === 'failed') return findings;
  for (const { variant } of SPF_CHECKS) appendAll(findings, variant.run(facts));
  return findings;
}
