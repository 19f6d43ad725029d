/**
 * The DMARC checks for one domain, from the TXT answer at `_dmarc.<domain>` and, for a subdomain,
 * the one at `_dmarc.<organisational domain>` (RFC 7489 §6.6.3). Rule zero: a failed lookup of the
 * domain's own name yields nothing here (the snapshot's aggregator reports `lookup-failed`); a
 * failed organisational lookup that was needed is reported here, as `lookup-failed`.
 */
import type { LookupResult } from '../../dns/types.js';
import type { Finding } from '../../findings/finding.js';
import { lookupFailedFinding } from '../resolver/lookup-failed.js';
import { appliedDmarc, checkDmarcInherited, type OrganisationalDmarc } from './dmarc-inherited.js';
import { checkDmarcInvalid } from './dmarc-invalid.js';
import { checkDmarcMissing } from './dmarc-missing.js';
import { checkDmarcNotEnforced } from './dmarc-not-enforced.js';

export function runDmarcChecks(domain: string, dmarc: LookupResult, organisational?: OrganisationalDmarc): Finding[] {
  if (dmarc.kind === 'failed') return [];
  const applied = appliedDmarc(domain, dmarc, organisational);
  if (applied.kind === 'failed') return [lookupFailedFinding(applied.lookup)];
  return [
    ...checkDmarcMissing(domain, applied, organisational?.domain),
    ...checkDmarcInvalid(domain, applied),
    ...checkDmarcInherited(domain, applied),
    ...checkDmarcNotEnforced(domain, applied),
  ];
}
