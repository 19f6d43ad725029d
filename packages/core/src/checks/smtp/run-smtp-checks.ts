/**
 * Runs the registry's transport checks over the probe's results for one domain. The probe is
 * opt-in (`--smtp`, `mxDoctor.smtpProbe`); see "Transport checks" in `shared/checks.md`.
 */
import type { Finding } from '../../findings/finding.js';
import { appendAll } from '../../util/append.js';
import { liveVariants } from '../catalogue.js';
import type { SmtpProbeResult } from './types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';

const SMTP_CHECKS = liveVariants('smtp');

/** All transport findings for `domain` from the probe's per-address results. Never throws. */
export function runSmtpChecks(domain: string, results: readonly SmtpProbeResult[], snapshot?: MailDnsSnapshot): Finding[] {
  const findings: Finding[] = [];
  for (const { variant } of SMTP_CHECKS) appendAll(findings, variant.run(domain, results, snapshot));
  return findings;
}
