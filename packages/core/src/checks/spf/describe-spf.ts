/** One line about a domain's SPF for display: "SPF: -all, 4 of 10 lookups, includes _spf.google.com". */
import { SPF_LOOKUP_LIMIT, type SpfFacts } from './spf-facts.js';

export function describeSpf(facts: SpfFacts): string {
  const { root } = facts;
  switch (root.status) {
    case 'failed':
      return root.lookup?.kind === 'failed' ? `SPF: lookup failed (${root.lookup.detail})` : 'SPF: lookup failed';
    case 'nxdomain':
      return 'SPF: none (the domain does not exist)';
    case 'no-spf':
      return 'SPF: none';
    case 'multiple':
      return `SPF: ${root.records.length} records (permerror)`;
    default:
      break;
  }
  const parsed = root.parsed;
  if (parsed === undefined) return 'SPF: not read';
  const parts: string[] = [];
  const all = parsed.terms.find((term) => term.kind === 'mechanism' && term.name === 'all');
  const redirect = parsed.terms.find((term) => term.kind === 'modifier' && term.name === 'redirect');
  parts.push(all !== undefined ? (all.text.startsWith('+') || all.text.toLowerCase() === 'all' ? '+all' : all.text.toLowerCase()) : redirect !== undefined ? `redirect=${redirect.kind === 'modifier' ? redirect.value : ''}` : 'no all');
  parts.push(`${facts.lookupCount}${facts.lookupCountComplete ? '' : '+'} of ${SPF_LOOKUP_LIMIT} lookups`);
  const includes = root.children.filter((child) => child.via === 'include').map((child) => child.domain);
  if (includes.length > 0) parts.push(`includes ${includes.join(', ')}`);
  if (parsed.errors.length > 0) parts.push(`${parsed.errors.length} syntax error${parsed.errors.length === 1 ? '' : 's'}`);
  return `SPF: ${parts.join(', ')}`;
}
