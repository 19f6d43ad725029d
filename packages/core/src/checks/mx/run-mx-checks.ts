/**
 * Runs the registry's MX-side live checks (domain, MX set, targets, resolvers) over one domain's
 * snapshot. Rule zero is kept here: a failed or NXDOMAIN MX lookup runs no MX set or target check
 * (`lookup-failed` and `domain-nxdomain` say what happened). SPF, DMARC and SMTP run elsewhere.
 */
import type { Finding, SourceRange } from '../../findings/finding.js';
import type { MailDnsSnapshot, TargetFacts } from '../../facts/snapshot.js';
import { appendAll } from '../../util/append.js';
import { fileVariants, liveVariants } from '../catalogue.js';
import { hasUsableTarget } from './host-name.js';
import { mxEntriesFrom, type MxEntry } from './mx-entry.js';

const SNAPSHOT_CHECKS = liveVariants('snapshot');
const SET_CHECKS = liveVariants('mx-set');
const TARGET_CHECKS = liveVariants('target');
const TARGETS_CHECKS = liveVariants('targets');
const FILE_SET_IDS: ReadonlySet<string> = new Set(fileVariants('mx-set').map(({ id }) => id));
/** The set checks files run too; the others (`mx-null`, `mx-hosts-truncated`) judge live answers only. */
const FILE_SET_CHECKS = SET_CHECKS.filter(({ id }) => FILE_SET_IDS.has(id));

function runSet(checks: typeof SET_CHECKS, owner: string, entries: readonly MxEntry[]): Finding[] {
  const findings: Finding[] = [];
  if (entries.length === 0) return findings;
  for (let k = 0; k < checks.length; k++) {
    const found = checks[k]!.variant.run(owner, entries);
    if (found.length > 0) appendAll(findings, found);
  }
  return findings;
}

/**
 * The set-level and target-name checks that files share with live answers, over a plain list of
 * MX records. Findings carry the entries' ranges.
 */
export function runMxSetChecks(owner: string, entries: readonly MxEntry[]): Finding[] {
  return runSet(FILE_SET_CHECKS, owner, entries);
}

/**
 * The checks that need the targets' lookups, each target once, then those over all of them. A
 * target missing from `targets` is not judged (it was not looked up). Each finding carries the
 * range of the first entry naming the target.
 */
export function runLiveTargetChecks(owner: string, entries: readonly MxEntry[], targets: readonly TargetFacts[]): Finding[] {
  const findings: Finding[] = [];
  const done = new Set<string>();
  for (const entry of entries) {
    if (done.has(entry.exchange) || !hasUsableTarget(entry)) continue;
    done.add(entry.exchange);
    const target = targets.find((facts) => facts.name === entry.exchange);
    if (target !== undefined) appendAll(findings, runTargetChecks(target, entry.range));
  }
  for (const { variant } of TARGETS_CHECKS) appendAll(findings, variant.run(owner, entries, targets));
  return findings;
}

function runTargetChecks(target: TargetFacts, range: SourceRange | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const { variant } of TARGET_CHECKS) appendAll(findings, variant.run(target, range));
  return findings;
}

/** Every MX-side live check for one domain's snapshot. */
export function runLiveMxChecks(snapshot: MailDnsSnapshot): Finding[] {
  const findings: Finding[] = [];
  for (const { variant } of SNAPSHOT_CHECKS) appendAll(findings, variant.run(snapshot));
  const { domain, mx } = snapshot;
  if (mx.kind !== 'answer') return findings;
  const entries = mxEntriesFrom(mx, domain);
  if (entries.length === 0) return findings;
  appendAll(findings, runSet(SET_CHECKS, domain, entries));
  appendAll(findings, runLiveTargetChecks(domain, entries, snapshot.targets));
  return findings;
}
