/**
 * `mx-null-incomplete`: a domain that publishes a null MX (RFC 7505) says it receives no mail; it
 * should also say it sends none, or forgers will use it: SPF `v=spf1 -all` (RFC 7208) and DMARC
 * `p=reject` (RFC 7489), as RFC 7505 §4 recommends. The DMARC policy is the one that applies: the
 * domain's own `p=`, else its organisational domain's `sp=`, else `p=` (RFC 7489 §6.6.3). Rule
 * zero: a failed TXT or `_dmarc` lookup (of the organisational domain too, when needed) leaves its
 * half unjudged.
 */
import type { LookupResult } from '../../dns/types.js';
import { finding, type Finding } from '../../findings/finding.js';
import { appliedDmarc, type OrganisationalDmarc } from '../dmarc/applied-dmarc.js';
import type { SpfFacts } from './spf-facts.js';
import { defineCheck } from '../check.js';

export function checkMxNullIncomplete(domain: string, hasNullMx: boolean, spf: SpfFacts, dmarc: LookupResult, organisational?: OrganisationalDmarc): Finding[] {
  if (!hasNullMx) return [];
  const missing: string[] = [];
  const seen: string[] = [];
  const fixes: string[] = [];
  if (spf.root.status !== 'failed') {
    if (!isSpfNoMail(spf)) {
      missing.push('an SPF record "v=spf1 -all"');
      seen.push(spf.root.record !== undefined ? `SPF "${spf.root.record}"` : spf.root.records.length > 1 ? `${spf.root.records.length} SPF records` : 'no SPF record');
      fixes.push(`\`${domain}. TXT "v=spf1 -all"\``);
    }
  }
  const applied = appliedDmarc(domain, dmarc, organisational);
  if (applied.kind !== 'failed') {
    const texts = applied.kind === 'none' ? [] : applied.texts;
    const policy = applied.kind === 'none' ? undefined : applied.policy;
    if (policy !== 'reject') {
      const [text] = texts;
      const where = applied.kind === 'inherited' ? ` (inherited from ${applied.name}, ${applied.policyTag ?? 'p'}=${policy ?? '?'})` : '';
      missing.push('a DMARC policy "p=reject"');
      seen.push(texts.length === 0 ? 'no DMARC record' : texts.length > 1 ? `${texts.length} DMARC records` : `DMARC "${text ?? ''}"${where}`);
      fixes.push(`\`_dmarc.${domain}. TXT "v=DMARC1; p=reject"\``);
    }
  }
  if (missing.length === 0) return [];
  return [
    finding(mxNullIncompleteCheck, {
      message: `${domain} publishes a null MX (it receives no mail) but lacks ${missing.join(' and ')}, so mail forged in its name is not refused everywhere.`,
      subject: domain,
      evidence: `MX 0 . ; ${seen.join('; ')}`,
      fix: `Publish ${fixes.join(' and ')}.`,
    }),
  ];
}

/** The one SPF record authorises nobody: its only mechanism is `-all`. */
function isSpfNoMail(spf: SpfFacts): boolean {
  const { root } = spf;
  if (root.status !== 'ok' || root.parsed === undefined || root.parsed.errors.length > 0) return false;
  const mechanisms = root.parsed.terms.filter((term) => term.kind === 'mechanism');
  const redirect = root.parsed.terms.some((term) => term.kind === 'modifier' && term.name === 'redirect');
  const [only] = mechanisms;
  return mechanisms.length === 1 && only?.name === 'all' && only.qualifier === '-' && !redirect;
}

export const mxNullIncompleteCheck = defineCheck({
  id: 'mx-null-incomplete',
  severity: 'warning',
  scope: 'live',
  title: 'Null MX domain does not say "no mail" everywhere',
  rfc: 'RFC 7505 §4',
  live: [{ on: 'policies', run: (facts) => checkMxNullIncomplete(facts.domain, facts.onlyNullMx, facts.spf, facts.dmarc, facts.organisational) }],
});
