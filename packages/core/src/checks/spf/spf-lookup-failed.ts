/**
 * `lookup-failed` inside the SPF tree (rule zero): a TXT lookup for an included or redirected-to
 * name, or a lookup for an `a`/`mx`/`exists` target, failed. Those queries are gathered here, not
 * by the query plan, so they are reported here; the checks that needed the answer stay silent.
 * The domain's own TXT failure belongs to the snapshot's aggregator and is not repeated.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { LookupResult } from '../../dns/types.js';
import { spfNodes, type SpfFacts } from './spf-facts.js';

export function checkSpfLookupFailed(facts: SpfFacts): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const failed = (result: Extract<LookupResult, { kind: 'failed' }>, message: string): void => {
    const key = `${result.question.type} ${result.question.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(lookupFailed(result, message));
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

function lookupFailed(result: Extract<LookupResult, { kind: 'failed' }>, message: string): Finding {
  return finding('lookup-failed', {
    message,
    subject: result.question.name,
    evidence: `${result.question.type} ${result.question.name}: ${result.reason} (${result.detail})`,
    fix: `Retry later; if it keeps failing, check the name servers of ${result.question.name}.`,
  });
}
