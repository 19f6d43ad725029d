/**
 * `spf-include-missing`: an `include:` or `redirect=` points at a name with no SPF record, at a
 * name that does not exist, or back at a record already being evaluated (a loop). RFC 7208 §5.2
 * and §6.1: each is a permerror. The subject is the domain whose record holds the term.
 * Rule zero: a failed lookup is `lookup-failed`, never this.
 */
import { finding, type Finding } from '../../findings/finding.js';
import { spfNodes, type SpfFacts, type SpfNode } from './spf-facts.js';
import { txtTexts } from './spf-records.js';
import { defineCheck } from '../check.js';

export function checkSpfIncludeMissing(facts: SpfFacts): Finding[] {
  const findings: Finding[] = [];
  for (const parent of spfNodes(facts.root)) {
    for (const child of parent.children) {
      const found = includeMissing(facts.domain, parent, child);
      if (found !== undefined) findings.push(found);
    }
  }
  return findings;
}

function includeMissing(domain: string, parent: SpfNode, child: SpfNode): Finding | undefined {
  if (child.term === undefined) return undefined;
  const term = child.term.text;
  const kind = child.via === 'redirect' ? 'redirects to' : 'includes';
  const rfc = child.via === 'redirect' ? 'RFC 7208 §6.1' : 'RFC 7208 §5.2';
  const reached = parent.via === 'root' ? '' : ` (reached from ${domain} via ${parent.path.slice(1).join(' → ')})`;
  const fix =
    parent.via === 'root'
      ? `Correct or remove \`${term}\` in the SPF record of ${parent.domain}.`
      : `The record of ${parent.domain} belongs to its operator: ask them to correct \`${term}\`, or stop including ${parent.path[1] ?? parent.domain}.`;
  let what: string;
  let evidence: string;
  switch (child.status) {
    case 'nxdomain':
      what = `${child.domain}, which does not exist`;
      evidence = `${term}: TXT ${child.domain} → NXDOMAIN`;
      break;
    case 'no-spf': {
      const others = child.lookup === undefined ? 0 : txtTexts(child.lookup).length;
      what = `${child.domain}, which publishes no SPF record`;
      evidence = `${term}: TXT ${child.domain} → ${others === 0 ? 'no TXT records' : `${others} TXT record${others === 1 ? '' : 's'}, none starting with "v=spf1"`}`;
      break;
    }
    case 'loop':
      what = `${child.domain}, which is already being evaluated: the records loop`;
      evidence = child.path.join(' → ');
      break;
    default:
      return undefined;
  }
  return finding(spfIncludeMissingCheck, {
    message: `The SPF record of ${parent.domain}${reached} ${kind} ${what}; receivers return permerror.`,
    subject: parent.domain,
    evidence,
    rfc,
    fix,
  });
}

export const spfIncludeMissingCheck = defineCheck({
  id: 'spf-include-missing',
  severity: 'error',
  scope: 'live',
  title: 'SPF include or redirect target has no SPF record',
  rfc: 'RFC 7208 §5.2',
  live: [{ on: 'spf', run: checkSpfIncludeMissing }],
});
