/**
 * `spf-multiple`: more than one `v=spf1` record at one name. RFC 7208 §3.2, §4.5: check_host()
 * returns permerror, so none of them applies. Applies to the domain itself and to any name it
 * includes or redirects to (that name is then the subject). `spfMultiple` is the text-level core,
 * shared with the file checks.
 */
import type { SourceRange } from '../../findings/finding.js';
import { finding, type Finding } from '../../findings/finding.js';
import { parseSpf } from './parse-spf.js';
import { spfNodes, type SpfFacts } from './spf-facts.js';
import { clip } from './spf-records.js';
import type { SpfQualifier } from './spf-term.js';
import { defineCheck } from '../check.js';

export function checkSpfMultiple(facts: SpfFacts): Finding[] {
  return spfNodes(facts.root)
    .filter((node) => node.status === 'multiple')
    .flatMap((node) => spfMultiple(node.domain, node.records, node.via === 'root' ? undefined : node.path));
}

/** The finding for several SPF records at `owner` (none when there are fewer than two). */
export function spfMultiple(owner: string, records: readonly string[], path?: readonly string[], range?: SourceRange): Finding[] {
  if (records.length < 2) return [];
  const reached = path === undefined ? '' : ` (reached from ${path[0]} via ${path.slice(1).join(' → ')})`;
  return [
    finding(spfMultipleCheck, {
      message: `${owner} publishes ${records.length} SPF records${reached}: receivers return permerror and apply none of them.`,
      subject: owner,
      evidence: records.map((text) => `"${clip(text, 100)}"`).join(' | '),
      fix: `Merge them into one TXT record: \`${owner}. TXT "${mergeSpf(records)}"\`.`,
      ...(range !== undefined && { range }),
    }),
  ];
}

const STRICTNESS: readonly SpfQualifier[] = ['-', '~', '?', '+'];

/** One record holding every mechanism of the given records once, ending in the strictest `all`. */
export function mergeSpf(records: readonly string[]): string {
  const seen = new Set<string>();
  const terms: string[] = [];
  let strictest: SpfQualifier | undefined;
  for (const text of records) {
    for (const term of parseSpf(text).terms) {
      if (term.kind === 'mechanism' && term.name === 'all') {
        if (strictest === undefined || STRICTNESS.indexOf(term.qualifier) < STRICTNESS.indexOf(strictest)) strictest = term.qualifier;
        continue;
      }
      if (term.kind === 'modifier') continue;
      const key = term.text.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        terms.push(term.text);
      }
    }
  }
  return ['v=spf1', ...terms, `${strictest ?? '~'}all`].join(' ');
}

export const spfMultipleCheck = defineCheck({
  id: 'spf-multiple',
  severity: 'error',
  scope: 'live+file',
  title: 'More than one SPF record',
  rfc: 'RFC 7208 §3.2',
  live: [{ on: 'spf', run: checkSpfMultiple }],
  file: [{ on: 'spf-records', run: (owner, records) => spfMultiple(owner, records.map((record) => record.text), undefined, records[1]?.range) }],
});
