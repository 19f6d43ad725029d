/**
 * Runs the MX, domain, address, PTR and resolver checks in reading order: the domain, its MX set,
 * each target, the summary, then what the resolvers said. SPF, DMARC and SMTP checks live
 * elsewhere. Rule zero is kept here too: a failed MX lookup runs no MX check, only `lookup-failed`.
 */
import type { Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot, TargetFacts } from '../../facts/snapshot.js';
import { mxTargetIpv6Only } from '../address/mx-target-ipv6-only.js';
import { mxTargetPrivateAddress } from '../address/mx-target-private-address.js';
import { domainCname } from '../domain/domain-cname.js';
import { domainNxdomain } from '../domain/domain-nxdomain.js';
import { mxTargetPtrMismatch } from '../ptr/mx-target-ptr-mismatch.js';
import { mxTargetPtrMissing } from '../ptr/mx-target-ptr-missing.js';
import { lookupFailed } from '../resolver/lookup-failed.js';
import { resolversDisagree } from '../resolver/resolvers-disagree.js';
import { hasUsableTarget } from './host-name.js';
import { mxAllTargetsBroken } from './mx-all-targets-broken.js';
import { mxDuplicate } from './mx-duplicate.js';
import { mxEntriesFrom, type MxEntry } from './mx-entry.js';
import { MAX_MX_HOSTS, mxHostsTruncated } from './mx-hosts-truncated.js';
import { mxMissing } from './mx-missing.js';
import { mxMixedProviders } from './mx-mixed-providers.js';
import { mxNull } from './mx-null.js';
import { mxNullMixed } from './mx-null-mixed.js';
import { mxNullNonzeroPreference } from './mx-null-nonzero-preference.js';
import { mxProviderIncomplete } from './mx-provider-incomplete.js';
import { mxSamePriority } from './mx-same-priority.js';
import { mxSingle } from './mx-single.js';
import { mxSplitDelivery } from './mx-split-delivery.js';
import { mxTargetCname } from './mx-target-cname.js';
import { mxTargetInvalidName } from './mx-target-invalid-name.js';
import { mxTargetIpLiteral } from './mx-target-ip-literal.js';
import { mxTargetNoAddress } from './mx-target-no-address.js';
import { mxTargetNxdomain } from './mx-target-nxdomain.js';
import { mxTtlHigh } from './mx-ttl-high.js';
import { appendAll } from '../../util/append.js';

type SetCheck = (owner: string, entries: readonly MxEntry[]) => Finding[];

/** The checks that need only the MX records themselves, in the order they are run. */
export const MX_SET_CHECKS: readonly SetCheck[] = [
  mxNullMixed,
  mxNullNonzeroPreference,
  mxTargetIpLiteral,
  mxTargetInvalidName,
  mxDuplicate,
  mxSingle,
  mxSamePriority,
  mxSplitDelivery,
  mxMixedProviders,
  mxProviderIncomplete,
  mxTtlHigh,
];

/**
 * The set-level and target-name checks on a plain list of MX records, for live answers and files
 * alike. Findings carry the entries' ranges. `mx-null` is not among them (a live-only fact).
 */
export function runMxSetChecks(owner: string, entries: MxEntry[]): Finding[] {
  const findings: Finding[] = [];
  if (entries.length === 0) return findings;
  for (let k = 0; k < MX_SET_CHECKS.length; k++) {
    const found = MX_SET_CHECKS[k]!(owner, entries);
    if (found.length > 0) appendAll(findings, found);
  }
  return findings;
}

/**
 * The checks that need the targets' lookups: alias, existence, addresses, reverse DNS, then the
 * summary. A target missing from `targets` is not judged (it was not looked up). Each finding
 * carries the range of the first entry naming the target.
 */
export function runLiveTargetChecks(owner: string, entries: readonly MxEntry[], targets: readonly TargetFacts[]): Finding[] {
  const findings: Finding[] = [];
  const done = new Set<string>();
  for (const entry of entries) {
    if (done.has(entry.exchange) || !hasUsableTarget(entry)) continue;
    done.add(entry.exchange);
    const target = targets.find((facts) => facts.name === entry.exchange);
    if (target === undefined) continue;
    findings.push(
      ...mxTargetCname(target, entry.range),
      ...mxTargetNxdomain(target, entry.range),
      ...mxTargetNoAddress(target, entry.range),
      ...mxTargetPrivateAddress(target, entry.range),
      ...mxTargetIpv6Only(target, entry.range),
      ...mxTargetPtrMissing(target, entry.range),
      ...mxTargetPtrMismatch(target, entry.range),
    );
  }
  findings.push(...mxAllTargetsBroken(owner, entries, targets));
  return findings;
}

/** Every MX-side live check for one domain's snapshot. */
export function runLiveMxChecks(snapshot: MailDnsSnapshot): Finding[] {
  const findings: Finding[] = [...domainCname(snapshot)];
  const { domain, mx } = snapshot;
  if (mx.kind === 'nxdomain') {
    findings.push(...domainNxdomain(snapshot));
  } else if (mx.kind === 'answer') {
    const entries = mxEntriesFrom(mx, domain);
    if (entries.length === 0) {
      findings.push(...mxMissing(snapshot));
    } else {
      appendAll(findings, mxNull(domain, entries));
      appendAll(findings, runMxSetChecks(domain, entries));
      // Live only: the plan looked up at most MAX_MX_HOSTS hosts (plan/gather.ts).
      appendAll(findings, mxHostsTruncated(domain, entries, MAX_MX_HOSTS));
      appendAll(findings, runLiveTargetChecks(domain, entries, snapshot.targets));
    }
  }
  findings.push(...resolversDisagree(snapshot), ...lookupFailed(snapshot));
  return findings;
}
