/**
 * Which DMARC record applies to a domain (RFC 7489 §6.6.3): the one at `_dmarc.<domain>`; when
 * there is none, the organisational domain's, whose `sp=` (else `p=`) is the policy for its
 * subdomains. These are facts the DMARC checks read (`dmarc-inherited` says the second case holds).
 * Rule zero: when the domain has no record and the organisational lookup failed, nothing is known
 * (`lookup-failed`), never `dmarc-missing`.
 */
import { recordsOf, type LookupResult } from '../../dns/types.js';
import { clip, dmarcName, dmarcTexts } from './dmarc-records.js';
import { parseDmarc, type DmarcPolicy, type ParsedDmarc } from './parse-dmarc.js';

/** The TXT answer at `_dmarc.<organisational domain>`, asked beside the domain's own. */
export interface OrganisationalDmarc {
  /** The organisational domain (registrable domain, RFC 7489 §3.2), not the domain itself. */
  readonly domain: string;
  readonly dmarc: LookupResult;
}

type FailedLookup = Extract<LookupResult, { kind: 'failed' }>;

/** The DMARC records that apply, from the domain itself or its organisational domain. */
export interface DmarcSource {
  readonly kind: 'own' | 'inherited';
  /** Where the records live (`_dmarc.<domain>` or `_dmarc.<organisational domain>`). */
  readonly name: string;
  /** The `v=DMARC1` records there (at least one). */
  readonly texts: readonly string[];
  /** The organisational domain, for `inherited`. */
  readonly orgDomain?: string;
  /** The record parsed, when there is exactly one. */
  readonly parsed?: ParsedDmarc;
  /** The policy that applies (own: `p=`; inherited: `sp=`, else `p=`), when the one record gives a valid one. */
  readonly policy?: DmarcPolicy;
  /** The tag the policy came from. */
  readonly policyTag?: 'p' | 'sp';
  /** What the lookups showed, for evidence. */
  readonly evidence: string;
}

export type AppliedDmarc =
  | DmarcSource
  /** A lookup that was needed failed: `lookup` is it. */
  | { readonly kind: 'failed'; readonly lookup: FailedLookup }
  /** No record at either name. */
  | { readonly kind: 'none'; readonly evidence: string };

export function appliedDmarc(domain: string, dmarc: LookupResult, organisational?: OrganisationalDmarc): AppliedDmarc {
  if (dmarc.kind === 'failed') return { kind: 'failed', lookup: dmarc };
  const name = dmarcName(domain);
  const own = dmarcTexts(dmarc);
  if (own.length > 0) return source('own', name, own, answerEvidence(name, dmarc, own));
  const ownEvidence = answerEvidence(name, dmarc, own);
  if (organisational === undefined || organisational.domain === domain) return { kind: 'none', evidence: ownEvidence };
  const org = organisational.dmarc;
  if (org.kind === 'failed') return { kind: 'failed', lookup: org };
  const orgName = dmarcName(organisational.domain);
  const inherited = dmarcTexts(org);
  const evidence = `${ownEvidence}; ${answerEvidence(orgName, org, inherited)}`;
  if (inherited.length === 0) return { kind: 'none', evidence };
  return { ...source('inherited', orgName, inherited, evidence), orgDomain: organisational.domain };
}

function source(kind: 'own' | 'inherited', name: string, texts: string[], evidence: string): DmarcSource {
  const [text] = texts;
  if (texts.length !== 1 || text === undefined) return { kind, name, texts, evidence };
  const parsed = parseDmarc(text);
  // §6.6.3: a subdomain takes the organisational record's sp=, else its p=.
  const policyTag = kind === 'inherited' && parsed.subdomainPolicy !== undefined ? 'sp' : 'p';
  const policy = policyTag === 'sp' ? parsed.subdomainPolicy : parsed.policy;
  return { kind, name, texts, parsed, ...(policy !== undefined && { policy, policyTag }), evidence };
}

/** `TXT _dmarc.x → NXDOMAIN` / `→ no records` / `→ 2 records, none starting with "v=DMARC1"` / `→ "the record"`. */
function answerEvidence(name: string, result: Exclude<LookupResult, FailedLookup>, texts: readonly string[]): string {
  if (texts.length === 1) return `TXT ${name} → "${clip(texts[0]!)}"`;
  if (texts.length > 1) return `TXT ${name} → ${texts.length} DMARC records`;
  if (result.kind === 'nxdomain') return `TXT ${name} → NXDOMAIN`;
  const others = recordsOf(result, 'TXT').length;
  return others === 0 ? `TXT ${name} → no records` : `TXT ${name} → ${others} record${others === 1 ? '' : 's'}, none starting with "v=DMARC1"`;
}
