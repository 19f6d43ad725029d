/** Runs the registry's checks across a domain's mail policy records together (MX, SPF, DMARC). */
import type { Finding } from '../findings/finding.js';
import { appendAll } from '../util/append.js';
import type { PolicyFacts } from './check.js';
import { liveVariants } from './catalogue.js';

const POLICY_CHECKS = liveVariants('policies');

export function runPolicyChecks(facts: PolicyFacts): Finding[] {
  const findings: Finding[] = [];
  for (const { variant } of POLICY_CHECKS) appendAll(findings, variant.run(facts));
  return findings;
}
