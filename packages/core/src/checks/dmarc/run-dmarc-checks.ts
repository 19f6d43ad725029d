/**
 * The DMARC checks for one domain, from the TXT answer at `_dmarc.<domain>`. Rule zero: a failed
 * lookup yields nothing here (the snapshot's aggregator reports `lookup-failed`).
 */
import type { LookupResult } from '../../dns/types.js';
import type { Finding } from '../../findings/finding.js';
import { checkDmarcInvalid } from './dmarc-invalid.js';
import { checkDmarcMissing } from './dmarc-missing.js';
import { checkDmarcNotEnforced } from './dmarc-not-enforced.js';

export function runDmarcChecks(domain: string, dmarc: LookupResult): Finding[] {
  if (dmarc.kind === 'failed') return [];
  return [...checkDmarcMissing(domain, dmarc), ...checkDmarcInvalid(domain, dmarc), ...checkDmarcNotEnforced(domain, dmarc)];
}
