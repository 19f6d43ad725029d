/**
 * One domain, end to end: run the query plan, gather SPF beside it, optionally probe SMTP, then
 * hand the facts to the pure checks and assemble the report every front end shows.
 */
import type { Resolver } from '../dns/types.js';
import type { Finding } from '../findings/finding.js';
import { sortFindings } from '../checks/catalogue.js';
import { runLiveMxChecks } from '../checks/mx/run-mx-checks.js';
import { buildMxTable } from '../checks/mx/mx-table.js';
import { isNullMx, mxEntriesFrom } from '../checks/mx/mx-entry.js';
import { describeSpf, runSpfChecks } from '../checks/spf/index.js';
import { runPolicyChecks } from '../checks/run-policy-checks.js';
import { gatherSpf } from './gather-spf.js';
import { describeDmarc, runDmarcChecks, type OrganisationalDmarc } from '../checks/dmarc/index.js';
import { runSmtpChecks } from '../checks/smtp/run-smtp-checks.js';
import type { SmtpProbeResult } from '../checks/smtp/types.js';
import { gatherSnapshot, startApexQueries } from './gather.js';
import type { DomainReport } from './report.js';
import type { MailDnsSnapshot, PolicyFetcher } from '../facts/snapshot.js';
import { verdictOf } from './verdict.js';
import { describeDnssec } from '../checks/dnssec/describe-dnssec.js';
import { describeMtaSts } from '../checks/mta-sts/describe-mta-sts.js';
import { BudgetedResolver, DEFAULT_CHECK_BUDGET_MS } from './check-budget.js';
import { BogusDetectingResolver } from './detect-bogus.js';
import { gatherAuthority, type AuthoritativeQuerier } from './gather-authority.js';
import { runAuthorityChecks } from '../checks/run-authority-checks.js';
import { buildAuthorityTable } from '../checks/authority/authority-table.js';
import { lookupFailedFinding } from '../checks/resolver/lookup-failed.js';
import type { LookupResult } from '../dns/types.js';

export interface CheckDomainOptions {
  /** Answers every question of the plan (usually the cached failover DoH stack). */
  readonly resolver: Resolver;
  /** Each configured resolver on its own, to compare MX answers (`resolvers-disagree`). */
  readonly compareResolvers?: readonly { readonly url: string; readonly resolver: Resolver }[];
  /** Opt-in SMTP probe (Node only): given each MX host's addresses, returns what port 25 said. */
  readonly transportProbe?: (targets: readonly { host: string; address: string }[]) => Promise<SmtpProbeResult[]>;
  /**
   * Asks the zone's authoritative servers directly (Node only: the authority step, `ns-*` checks,
   * `mx-propagation-pending`); the step runs beside the MX branch.
   */
  readonly authoritative?: AuthoritativeQuerier;
  /** Fetches the MTA-STS policy file when the domain announces one (Node: `fetchMtaStsPolicy`). */
  readonly policyFetcher?: PolicyFetcher;
  /** Time for all DNS questions of the check together, ms (default `DEFAULT_CHECK_BUDGET_MS`). */
  readonly budgetMs?: number;
}

export interface DomainCheck {
  readonly report: DomainReport;
  /** The raw facts, for front ends that show more (hover, debugging). */
  readonly snapshot: MailDnsSnapshot;
}

export async function checkDomain(domain: string, options: CheckDomainOptions): Promise<DomainReport> {
  return (await checkDomainWithFacts(domain, options)).report;
}

export async function checkDomainWithFacts(domain: string, options: CheckDomainOptions): Promise<DomainCheck> {
  const budgetMs = options.budgetMs ?? DEFAULT_CHECK_BUDGET_MS;
  // Bogus detection inside the budget: its CD=1 question counts against the check's time too.
  const resolver = new BudgetedResolver(new BogusDetectingResolver(options.resolver), budgetMs);
  const compareResolvers = options.compareResolvers?.map((entry) => ({ url: entry.url, resolver: new BudgetedResolver(entry.resolver, budgetMs) }));
  const apex = startApexQueries(resolver, domain, {
    ...(compareResolvers && { compareResolvers }),
    ...(options.policyFetcher && { policyFetcher: options.policyFetcher, deadline: resolver.deadline }),
  });
  // SPF starts as soon as the TXT answer is in, beside the MX branch, not after it.
  const spfPromise = apex.txt.then((txt) => gatherSpf(resolver, domain, txt));
  const authorityPromise = options.authoritative ? gatherAuthority(resolver, options.authoritative, domain, { deadline: resolver.deadline }) : undefined;
  const [snapshot, spf, authority] = await Promise.all([gatherSnapshot(resolver, domain, apex), spfPromise, authorityPromise]).finally(() => {
    resolver.close();
    for (const entry of compareResolvers ?? []) entry.resolver.close();
  });

  const findings: Finding[] = [...runLiveMxChecks(snapshot)];
  const domainMissing = snapshot.mx.kind === 'nxdomain';
  if (!domainMissing) {
    findings.push(...runSpfChecks(spf), ...runDmarcChecks(snapshot.domain, snapshot.dmarc, organisationalDmarc(snapshot)));
    const entries = mxEntriesFrom(snapshot.mx, snapshot.domain);
    const onlyNullMx = entries.length > 0 && entries.every(isNullMx);
    const organisational = organisationalDmarc(snapshot);
    findings.push(...runPolicyChecks({ domain: snapshot.domain, onlyNullMx, spf, dmarc: snapshot.dmarc, ...(organisational && { organisational }) }));
  }
  if (authority?.facts) findings.push(...runAuthorityChecks(authority.facts, snapshot));
  else if (authority?.failed?.kind === 'failed') findings.push(lookupFailedFinding(authority.failed));
  if (options.transportProbe && snapshot.targets.length > 0) {
    const targets = snapshot.targets.flatMap((target) => target.addresses.map((a) => ({ host: target.name, address: a.address })));
    if (targets.length > 0) findings.push(...runSmtpChecks(snapshot.domain, await options.transportProbe(targets), snapshot));
  }

  const sorted = sortFindings(dedupe(findings));
  const dnssecLine = domainMissing ? undefined : describeDnssec(snapshot);
  const mtaSts = domainMissing ? undefined : describeMtaSts(snapshot);
  return {
    snapshot,
    report: {
      domain: snapshot.domain,
      verdict: verdictOf(snapshot.mx, sorted, snapshot.targets),
      mx: buildMxTable(snapshot, sorted),
      spf: domainMissing ? 'SPF: not checked (the domain does not exist)' : describeSpf(spf),
      dmarc: domainMissing ? 'DMARC: not checked (the domain does not exist)' : describeDmarc(snapshot.dmarc, organisationalDmarc(snapshot)),
      ...(dnssecLine !== undefined && { dnssec: dnssecLine }),
      ...(mtaSts !== undefined && { mtaSts: mtaSts.line, ...(mtaSts.notFetched !== undefined && { mtaStsNotFetched: mtaSts.notFetched }) }),
      findings: sorted,
      ...(authority && { authority: authority.facts ? buildAuthorityTable(authority.facts) : { notChecked: authorityStopped(authority.failed) } }),
    },
  };
}

function organisationalDmarc(snapshot: MailDnsSnapshot): OrganisationalDmarc | undefined {
  return snapshot.orgDmarc && { domain: snapshot.orgDmarc.domain, dmarc: snapshot.orgDmarc.result };
}

/**
 * The same failed query can surface from two gatherers (the domain's MX, asked by the plan and by
 * an SPF `mx` term); report it once. Evidence of `lookup-failed` starts with "TYPE name:".
 */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const what = f.id === 'lookup-failed' ? (f.evidence ?? '').split(':', 1)[0] : `${f.evidence ?? ''}\u0000${f.message}`;
    const key = `${f.id}\u0000${f.subject}\u0000${what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Why the authority step stopped, in words. */
function authorityStopped(failed: LookupResult | undefined): string {
  if (failed?.kind !== 'failed') return 'the zone could not be found';
  return `the ${failed.question.type} lookup for ${failed.question.name} failed (${failed.reason})`;
}
