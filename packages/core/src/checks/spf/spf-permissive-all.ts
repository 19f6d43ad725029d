/**
 * `spf-permissive-all`: the policy lets anyone send. RFC 7208 §5.1: `+all` (or a bare `all`)
 * passes every sender; `?all` is neutral, no better than no SPF; a record with neither `all` nor
 * `redirect=` ends in neutral too (§4.7). A `redirect=` hands the verdict to its target, so the
 * target's `all` is judged. An included record with `+all` makes its `include:` match everyone
 * (§5.2), so it is reported too. A record that does not parse is `spf-syntax`'s business: its
 * missing `all` is not reported again.
 */
import type { SourceRange } from '../../findings/finding.js';
import { finding, type Finding } from '../../findings/finding.js';
import { spfNodes, type SpfFacts, type SpfNode } from './spf-facts.js';
import { clip } from './spf-records.js';
import type { ParsedSpf, SpfMechanism } from './spf-term.js';
import { defineCheck } from '../check.js';

export function checkSpfPermissiveAll(facts: SpfFacts): Finding[] {
  const findings: Finding[] = [];
  // Follow redirects to the record whose `all` decides (§6.1).
  let node: SpfNode | undefined = facts.root;
  const seen = new Set<SpfNode>();
  while (node !== undefined && node.status === 'ok' && node.parsed !== undefined && node.record !== undefined && !seen.has(node)) {
    seen.add(node);
    const redirect: SpfNode | undefined = allOf(node.parsed) === undefined ? node.children.find((child) => child.via === 'redirect') : undefined;
    if (redirect === undefined) {
      const via = node === facts.root ? undefined : node.domain;
      findings.push(...spfPermissiveAll(facts.domain, node.record, node.parsed, undefined, via));
      break;
    }
    node = redirect;
  }
  // Included records that pass everyone.
  for (const parent of spfNodes(facts.root)) {
    for (const child of parent.children) {
      if (child.via !== 'include' || child.parsed === undefined || child.status !== 'ok') continue;
      const all = allOf(child.parsed);
      if (all?.qualifier !== '+') continue;
      findings.push(
        finding(spfPermissiveAllCheck, {
          message: `The SPF record of ${parent.domain} includes ${child.domain}, whose record ends in "${all.text}": the include matches every sender, so anyone passes.`,
          subject: parent.domain,
          evidence: `${child.term?.text ?? child.domain}: "${clip(child.record ?? '')}"`,
          fix: `Remove \`${child.term?.text ?? `include:${child.domain}`}\` from the SPF record of ${parent.domain}, or ask the operator of ${child.domain} to end its record in "-all" or "~all".`,
        }),
      );
    }
  }
  return findings;
}

/**
 * The text-level core: judges one record at `owner` (shared with the file checks). `decidedBy`
 * names the redirect target whose record is judged, when it is not the owner's own.
 */
export function spfPermissiveAll(owner: string, record: string, parsed: ParsedSpf, range?: SourceRange, decidedBy?: string): Finding[] {
  const all = allOf(parsed);
  if (all === undefined ? parsed.errors.length > 0 || parsed.terms.some(isRedirect) : all.qualifier !== '+' && all.qualifier !== '?') return [];
  const where = decidedBy === undefined ? `The SPF record of ${owner}` : `The SPF record of ${decidedBy}, which ${owner} redirects to,`;
  const extra = range === undefined ? {} : { range };
  if (all === undefined) {
    return [
      finding(spfPermissiveAllCheck, {
        message: `${where} has neither "all" nor "redirect=": mail from servers it does not list gets "neutral", so anyone may send as ${owner}.`,
        subject: owner,
        evidence: `"${clip(record)}"`,
        fix: `End the record with "-all" (or "~all" while testing): \`${owner}. TXT "${record.trimEnd()} -all"\`.`,
        ...extra,
      }),
    ];
  }
  const fixed = `${record.slice(0, all.offset)}-all${record.slice(all.offset + all.text.length)}`;
  const why = all.qualifier === '+' ? 'every server on the internet passes SPF' : '"neutral" tells receivers nothing, so anyone may send';
  return [
    finding(spfPermissiveAllCheck, {
      message: `${where} ends in "${all.text}": ${why} as ${owner}.`,
      subject: owner,
      evidence: `"${clip(record)}"`,
      fix: decidedBy === undefined ? `Replace "${all.text}" with "-all" (or "~all" while testing): \`${owner}. TXT "${fixed}"\`.` : `Replace "${all.text}" with "-all" in the record of ${decidedBy}, or stop redirecting to it.`,
      ...extra,
    }),
  ];
}

/** The first `all` mechanism (later ones are never reached, §5.1). */
function allOf(parsed: ParsedSpf): SpfMechanism | undefined {
  const terms = parsed.terms;
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k]!;
    if (term.kind === 'mechanism' && term.name === 'all') return term;
  }
  return undefined;
}

function isRedirect(term: ParsedSpf['terms'][number]): boolean {
  return term.kind === 'modifier' && term.name === 'redirect';
}

export const spfPermissiveAllCheck = defineCheck({
  id: 'spf-permissive-all',
  severity: 'warning',
  scope: 'live+file',
  title: 'SPF lets anyone send',
  rfc: 'RFC 7208 §5.1',
  live: [{ on: 'spf', run: checkSpfPermissiveAll }],
  file: [{ on: 'spf-records', run: (owner, records) => (records.length === 1 ? spfPermissiveAll(owner, records[0]!.text, records[0]!.parsed, records[0]!.range) : []) }],
});
