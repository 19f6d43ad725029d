/**
 * The registry's DMARC checks for one domain, from the TXT answer at `_dmarc.<domain>` and, for a
 * subdomain, the one at `_dmarc.<organisational domain>` (RFC 7489 §6.6.3). Rule zero: a failed
 * lookup of the domain's own name yields nothing here (the snapshot's aggregator reports
 * `lookup-failed`); a failed organisational lookup that was needed is reported here, as `lookup-failed`.
 */
import type { LookupResult } from '../../dns/types.js';
import type { Finding } from '../../findings/finding.js';
import { appendAll } from '../../util/append.js';
import { liveVariants } from '../catalogue.js';
import { lookupFailedFinding } from '../resolver/lookup-failed.js';
import { appliedDmarc, type OrganisationalDmarc } from './applied-dmarc.js';

const DMARC_CHECKS = liveVariants('dmarc');

export function runDmarcChecks(domain: string, dmarc: LookupResult, organisational?: OrganisationalDmarc): Finding[] {
  const findings: Finding[] = [];
  if (dmarc.kind === 'failed') return findings;
  const applied = appliedDmarc(domain, dmarc, organisational);
  if (applied.kind === 'failed') return [lookupFailedFinding(applied.lookup)];
  for (const { variant } of DMARC_CHECKS) appendAll(findings, variant.run(domain, applied, organisational?.domain));
  return findings;
}
