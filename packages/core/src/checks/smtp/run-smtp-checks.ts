/**
 * Runs every transport check over the probe's results for one domain. The probe is opt-in
 * (`--smtp`, `mxDoctor.smtpProbe`); see "Transport checks" in `shared/checks.md`.
 */

import type { Finding } from '../../findings/finding.js';
import { checkSmtpBadGreeting } from './smtp-bad-greeting.js';
import { checkSmtpHostUnreachable } from './smtp-host-unreachable.js';
import { checkSmtpNoStarttls } from './smtp-no-starttls.js';
import { checkSmtpUnreachable } from './smtp-unreachable.js';
import type { SmtpProbeResult } from './types.js';

/** All transport findings for `domain` from the probe's per-address results. Never throws. */
export function runSmtpChecks(domain: string, results: readonly SmtpProbeResult[]): Finding[] {
  return [
    ...checkSmtpUnreachable(domain, results),
    ...checkSmtpHostUnreachable(results),
    ...checkSmtpBadGreeting(results),
    ...checkSmtpNoStarttls(results),
  ];
}
