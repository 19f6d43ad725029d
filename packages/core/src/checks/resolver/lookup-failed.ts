/**
 * `lookup-failed`: rule zero of `shared/checks.md` — a timeout, SERVFAIL, REFUSED, HTTP error or
 * malformed answer is not an empty answer. Each failed query of the snapshot is reported once, so
 * a person sees which checks could not run and why.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { LookupResult } from '../../dns/types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { MAX_CNAME_HOPS } from '../../dns/answer-chain.js';
import { CATALOGUE } from '../../findings/catalogue.js';
import type { Check } from '../check.js';
import { checkSpfLookupFailed } from '../spf/spf-lookup-failed.js';

/** Every lookup the snapshot holds, in a stable order (domain first, then targets, then PTRs). */
export function snapshotLookups(snapshot: MailDnsSnapshot): LookupResult[] {
  const results: LookupResult[] = [snapshot.mx, snapshot.a, snapshot.aaaa, snapshot.txt, snapshot.dmarc];
  results.push(...snapshot.mxByResolver.map((item) => item.result));
  for (const target of snapshot.targets) {
    results.push(target.a, target.aaaa);
    for (const address of target.addresses) {
      results.push(address.ptr, ...address.forward.map((item) => item.result));
    }
  }
  return results;
}

/**
 * What to do depends on who failed: SERVFAIL/REFUSED/odd RCODEs usually mean the domain's own name
 * servers are broken (or DNSSEC fails); a timeout, an unreachable resolver or a bad HTTP answer
 * means the resolver (or the network to it) is the problem, not the domain.
 */
export function lookupFailedFix(result: Extract<LookupResult, { kind: 'failed' }>): string {
  const { name, type } = result.question;
  switch (result.reason) {
    case 'servfail':
    case 'refused':
    case 'rcode':
      return `Test the name servers of ${name} directly (e.g. \`dig +trace ${name} ${type}\`) and fix the one that fails; a SERVFAIL can also mean broken DNSSEC.`;
    case 'aborted':
      return 'The check was cancelled; run it again.';
    case 'alias-loop':
      return `Correct the CNAME records of the loop named in the evidence so that the chain from ${name} ends at a name with ${type} records (RFC 1034 §3.6.2); senders cannot resolve it either.`;
    case 'chain-too-long':
      return `Point ${name} (or the first alias of its chain) straight at the final name: senders give up on chains this long.`;
    default:
      return 'The resolver could not be used (network, timeout or a bad HTTP answer): check the connection, or choose another DNS-over-HTTPS resolver (`--resolver`, or the resolver setting), then run the check again.';
  }
}

/** What went wrong, in words, where the reason code alone would not say it. */
function failureWords(result: Extract<LookupResult, { kind: 'failed' }>): string | undefined {
  switch (result.reason) {
    case 'alias-loop':
      return 'alias loop (the CNAME chain comes back to a name it passed)';
    case 'chain-too-long':
      return `its CNAME chain is longer than ${MAX_CNAME_HOPS} aliases`;
    default:
      return undefined;
  }
}

/** `failed (timeout) via R`, or `via R failed: alias loop (…)` when there are words for it. */
function failureClause(result: Extract<LookupResult, { kind: 'failed' }>, via: string): string {
  const words = failureWords(result);
  return words === undefined ? ` failed (${result.reason})${via}` : `${via} failed: ${words}`;
}

export function lookupFailedFinding(result: Extract<LookupResult, { kind: 'failed' }>): Finding {
  const { name, type } = result.question;
  const via = result.resolver !== undefined ? ` via ${result.resolver}` : '';
  return finding('lookup-failed', {
    message: `The ${type} lookup for ${name}${failureClause(result, via)}; the checks that need it were skipped.`,
    subject: name,
    evidence: `${type} ${name}: ${result.detail}`,
    fix: lookupFailedFix(result),
  });
}

export function lookupFailed(snapshot: MailDnsSnapshot): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const result of snapshotLookups(snapshot)) {
    if (result.kind !== 'failed') continue;
    const key = `${result.question.name}|${result.question.type}|${result.resolver ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(lookupFailedFinding(result));
  }
  return findings;
}

export const lookupFailedCheck: Check<'lookup-failed'> = {
  id: 'lookup-failed',
  entry: CATALOGUE['lookup-failed'],
  live: [{ on: 'snapshot', run: lookupFailed }, { on: 'spf', run: checkSpfLookupFailed }],
};
