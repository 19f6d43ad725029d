/**
 * `lookup-failed`: rule zero of `shared/checks.md` — a timeout, SERVFAIL, REFUSED, HTTP error or
 * malformed answer is not an empty answer. Each failed query of the snapshot is reported once, so
 * a person sees which checks could not run and why: the query plan's (the snapshot) and those
 * made while following the SPF tree.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { LookupResult } from '../../dns/types.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { MAX_CNAME_HOPS } from '../../dns/answer-chain.js';
import { defineCheck } from '../check.js';
import { spfNodes, type SpfFacts } from '../spf/spf-facts.js';

/** Every lookup the snapshot holds, in a stable order (domain first, then targets, then PTRs). */
export function snapshotLookups(snapshot: MailDnsSnapshot): LookupResult[] {
  const results: LookupResult[] = [snapshot.mx, snapshot.a, snapshot.aaaa, snapshot.txt, snapshot.dmarc];
  // The transport-policy records (their checks skip a failed lookup); the DNSSEC probes are not reported.
  if (snapshot.policy) results.push(snapshot.policy.mtaSts, snapshot.policy.tlsRpt);
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
  return finding(lookupFailedCheck, {
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
    // A bogus answer is `dnssec-bogus` / `mx-target-dnssec-bogus`: the same failure, said with its cause.
    if (result.kind !== 'failed' || result.reason === 'bogus') continue;
    const key = `${result.question.name}|${result.question.type}|${result.resolver ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(lookupFailedFinding(result));
  }
  return findings;
}

/**
 * Inside the SPF tree: a TXT lookup for an included or redirected-to name, or a lookup for an
 * `a`/`mx`/`exists` target, failed. Those queries are gathered with SPF, not by the query plan, so
 * they are reported here; the checks that needed the answer stay silent. The domain's own TXT
 * failure belongs to the snapshot's lookups and is not repeated.
 */
export function checkSpfLookupFailed(facts: SpfFacts): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const failed = (result: Extract<LookupResult, { kind: 'failed' }>, message: string): void => {
    const key = `${result.question.type} ${result.question.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(spfLookupFailed(result, message));
  };
  for (const node of spfNodes(facts.root)) {
    if (node.via !== 'root' && node.status === 'failed' && node.lookup?.kind === 'failed' && node.term !== undefined) {
      failed(node.lookup, `The TXT lookup for ${node.domain} (${node.term.text} in the SPF record of ${node.path[node.path.length - 2] ?? facts.domain}) failed, so that part of the SPF policy could not be checked.`);
    }
    for (const target of node.targets) {
      if (target.result?.kind !== 'failed') continue;
      failed(target.result, `The ${target.type} lookup for ${target.name} ("${target.term.text}" in the SPF record of ${node.domain}) failed, so its void-lookup and MX counts could not be checked.`);
    }
  }
  return findings;
}

function spfLookupFailed(result: Extract<LookupResult, { kind: 'failed' }>, message: string): Finding {
  return finding(lookupFailedCheck, {
    message,
    subject: result.question.name,
    evidence: `${result.question.type} ${result.question.name}: ${result.reason} (${result.detail})`,
    fix: `Retry later; if it keeps failing, check the name servers of ${result.question.name}.`,
  });
}

export const lookupFailedCheck = defineCheck({
  id: 'lookup-failed',
  severity: 'warning',
  scope: 'live',
  title: 'A DNS query failed',
  live: [{ on: 'snapshot', run: lookupFailed }, { on: 'spf', run: checkSpfLookupFailed }],
});
