/**
 * Hover on an MX record (its rank in the RRset, provider, TTL in words, and — when live facts
 * exist — the target's addresses, PTR names, CNAME chain and findings) and on a TXT SPF or DMARC
 * record (what it says, in words). Markdown with all DNS data escaped.
 */
import {
  DMARC_POLICY_WORDS,
  isDmarcRecord,
  isSpfRecord,
  matchProvider,
  mxRankText,
  mxPublishedOn,
  severityLabel,
  SPF_QUALIFIER_WORDS,
  parseDmarc,
  parseSpf,
  recordsOf,
  joinedText,
  tableOf,
  type RecordTable,
  type FileCheck,
  type FileMxRecord,
  type FileRecord,
  type LiveZone,
  type Finding,
  type ReadResult,
  type TargetFacts,
} from '@mx-doctor/core';
import type { Hover, Position } from 'vscode-languageserver';
import { sameRange, toLspRange } from './diagnostics.js';
import { durationInWords, escapeMarkdown, markdownCodeSpan } from './markdown.js';

type SpfTerm = ReturnType<typeof parseSpf>['terms'][number];

/** What the last check of a unit left behind (see `UnitView` in checker.ts). */
export interface HoverContext {
  readonly read: ReadResult;
  readonly check: FileCheck;
  /** Findings last published (offline + live). */
  readonly findings: readonly Finding[];
  readonly liveTargets?: ReadonlyMap<string, TargetFacts> | undefined;
  readonly liveZone?: LiveZone | undefined;
}

const contains = (range: { start: Position; end: Position }, at: Position) =>
  (at.line > range.start.line || (at.line === range.start.line && at.character >= range.start.character)) &&
  (at.line < range.end.line || (at.line === range.end.line && at.character <= range.end.character));

export function hoverAt(context: HoverContext, file: string, at: Position): Hover | null {
  for (const set of context.check.mxSets.values()) {
    // Asked of the table: the MX records are not objects until one is hovered.
    const mx = set.find((item) => item.table.file(item.index) === file && contains(item.table.range(item.index), at));
    if (mx) return { contents: { kind: 'markdown', value: mxHover(mx, set, context) }, range: toLspRange(mx.record.range) };
  }
  const table = tableOf(context.read);
  const index = textRecordAt(table, file, at);
  if (index !== undefined) {
    const txt = table.record(index);
    const text = joinedText(table, index);
    const value = isSpfRecord(text) ? spfHover(txt, text) : isDmarcRecord(text) && txt.owner.startsWith('_dmarc.') ? dmarcHover(txt, text) : undefined;
    if (value) return { contents: { kind: 'markdown', value }, range: toLspRange(txt.range) };
  }
  return null;
}

/** The TXT (or SPF-type) record under the cursor, by its index in the table. */
function textRecordAt(table: RecordTable, file: string, at: Position): number | undefined {
  for (let i = 0; i < table.size; i++) {
    const type = table.type(i);
    if ((type === 'TXT' || type === 'SPF') && table.file(i) === file && contains(table.range(i), at)) return i;
  }
  return undefined;
}

/** "primary", "backup 1 of 2", "load-balanced among 2 at preference 10": the core's rank words, over the records that were read. */
export function rankInSet(mx: FileMxRecord, set: readonly FileMxRecord[]): string {
  return mxRankText(mx.entry, set.filter((item) => !item.unresolved).map((item) => item.entry));
}

function mxHover(mx: FileMxRecord, set: readonly FileMxRecord[], context: HoverContext): string {
  const target = mx.entry.exchange;
  const lines = [`**MX** ${markdownCodeSpan(`${mx.record.owner}.`)} → ${markdownCodeSpan(target === '' ? '.' : `${target}.`)} (preference ${mx.entry.preference})`, ''];
  lines.push(`- Rank: ${rankInSet(mx, set)}`);
  if (target !== '' && !mx.unresolved) {
    const provider = matchProvider(target);
    lines.push(`- Provider: ${provider ? escapeMarkdown(provider.name) : 'not a recognised provider'}`);
  }
  if (mx.record.ttl !== undefined) lines.push(`- TTL: ${durationInWords(mx.record.ttl)} (${mx.record.ttl} s)`);
  const published = context.liveZone && mxPublishedOn(context.liveZone, mx.record.owner, mx.entry);
  if (published) lines.push(`- Name servers: ${publishedText(published)}`);
  const facts = context.liveTargets?.get(target);
  if (facts) lines.push(...liveLines(facts));
  const targetRange = mx.targetField.range;
  const recordRange = mx.record.range;
  const onTarget = context.findings.filter((found) => found.range && (sameRange(found.range, targetRange) || sameRange(found.range, recordRange)));
  if (onTarget.length > 0) {
    lines.push('', '**Findings**');
    for (const found of onTarget) lines.push(`- ${markdownCodeSpan(found.id)} (${severityLabel(found.severity)}): ${escapeMarkdown(found.message)}`);
  }
  return lines.join('\n');
}

/** "live on 2 of 2 name servers" / "not yet published on ns2.example.net (live on 1 of 2)". */
export function publishedText({ on, missing }: { readonly on: readonly string[]; readonly missing: readonly string[] }): string {
  const total = on.length + missing.length;
  if (missing.length === 0) return `live on ${on.length} of ${total} name server${total === 1 ? '' : 's'}`;
  const names = missing.map((name) => markdownCodeSpan(name)).join(', ');
  return on.length === 0 ? `not yet published on any name server (${names})` : `not yet published on ${names} (live on ${on.length} of ${total})`;
}

function liveLines(facts: TargetFacts): string[] {
  const lines = ['', `**Live DNS** for ${markdownCodeSpan(`${facts.name}.`)}`];
  if (facts.cnameChain.length > 1) lines.push(`- CNAME chain: ${facts.cnameChain.map((name) => markdownCodeSpan(`${name}.`)).join(' → ')}`);
  if (facts.a.kind === 'failed' || facts.aaaa.kind === 'failed') {
    const failure = facts.a.kind === 'failed' ? facts.a : facts.aaaa;
    if (failure.kind === 'failed') lines.push(`- Lookup failed: ${escapeMarkdown(failure.detail)}`);
  } else if (facts.a.kind === 'nxdomain') {
    lines.push('- The name does not exist (NXDOMAIN).');
  }
  if (facts.addresses.length === 0 && facts.a.kind === 'answer') lines.push('- No addresses (neither A nor AAAA).');
  for (const address of facts.addresses) {
    const ptrs = recordsOf(address.ptr, 'PTR').map((record) => markdownCodeSpan(`${record.data}.`));
    const ptrText = address.ptr.kind === 'failed' ? 'PTR lookup failed' : ptrs.length > 0 ? `PTR ${ptrs.join(', ')}` : 'no PTR';
    lines.push(`- ${markdownCodeSpan(address.address)} — ${ptrText}`);
  }
  return lines;
}

function termInWords(term: SpfTerm, owner: string): string {
  if (term.kind === 'modifier') {
    if (term.name === 'redirect') return `otherwise use the SPF record of ${markdownCodeSpan(term.value)}`;
    if (term.name === 'exp') return `explanation for failures from the TXT at ${markdownCodeSpan(term.value)}`;
    return `unknown modifier ${markdownCodeSpan(term.text)} (ignored)`;
  }
  const result = SPF_QUALIFIER_WORDS[term.qualifier] ?? term.qualifier;
  const domain = markdownCodeSpan(term.domainSpec ?? owner);
  const cidr = `${term.cidr4 !== undefined ? `/${term.cidr4}` : ''}${term.cidr6 !== undefined ? `//${term.cidr6}` : ''}`;
  switch (term.name) {
    case 'all':
      return `everything else: **${result}**`;
    case 'include':
      return `mail that the SPF record of ${domain} passes: **${result}**`;
    case 'a':
      return `the addresses of ${domain}${cidr ? ` (networks ${markdownCodeSpan(cidr)})` : ''}: **${result}**`;
    case 'mx':
      return `the MX hosts of ${domain}${cidr ? ` (networks ${markdownCodeSpan(cidr)})` : ''}: **${result}**`;
    case 'ip4':
    case 'ip6':
      return `${term.name === 'ip4' ? 'IPv4' : 'IPv6'} ${markdownCodeSpan(`${term.network ?? ''}${term.name === 'ip4' ? (term.cidr4 !== undefined ? `/${term.cidr4}` : '') : term.cidr6 !== undefined ? `/${term.cidr6}` : ''}`)}: **${result}**`;
    case 'ptr':
      return `hosts whose reverse name ends in ${domain} (slow, discouraged by RFC 7208 §5.5): **${result}**`;
    case 'exists':
      return `if ${domain} has an A record: **${result}**`;
  }
}

function spfHover(record: FileRecord, text: string): string {
  const parsed = parseSpf(text);
  const lines = [`**SPF** for ${markdownCodeSpan(`${record.owner}.`)}`, '', markdownCodeSpan(text), '', 'Senders are checked in this order:'];
  for (const term of parsed.terms) if (term.kind === 'mechanism') lines.push(`1. ${termInWords(term, record.owner)}`);
  const modifiers = parsed.terms.filter((term) => term.kind === 'modifier');
  for (const term of modifiers) lines.push(`- ${termInWords(term, record.owner)}`);
  if (!parsed.terms.some((term) => term.kind === 'mechanism' && term.name === 'all') && !modifiers.some((term) => term.name === 'redirect')) {
    lines.push('- no `all` and no `redirect`: anything not matched is **neutral**');
  }
  if (parsed.errors.length > 0) {
    lines.push('', '**Syntax errors**');
    for (const error of parsed.errors) lines.push(`- ${escapeMarkdown(error.message)}`);
  }
  return lines.join('\n');
}

function dmarcHover(record: FileRecord, text: string): string {
  const parsed = parseDmarc(text);
  const domain = record.owner.replace(/^_dmarc\./, '');
  const lines = [`**DMARC** for ${markdownCodeSpan(`${domain}.`)}`, '', markdownCodeSpan(text), ''];
  if (parsed.policy) lines.push(`- Policy: **${parsed.policy}**: mail that fails DMARC — ${DMARC_POLICY_WORDS[parsed.policy]}`);
  else lines.push('- Policy: none valid (`p=` missing or unknown): receivers ignore this record');
  if (parsed.subdomainPolicy && parsed.subdomainPolicy !== parsed.policy) lines.push(`- Subdomains: **${parsed.subdomainPolicy}** — ${DMARC_POLICY_WORDS[parsed.subdomainPolicy]}`);
  if (parsed.pct !== undefined && parsed.pct !== 100) lines.push(`- Applied to ${parsed.pct}% of failing mail`);
  const tag = (name: string) => parsed.tags.find((t) => t.name === name)?.value;
  const alignment = (value: string | undefined) => (value === 's' ? 'strict' : 'relaxed');
  lines.push(`- Alignment: DKIM ${alignment(tag('adkim'))}, SPF ${alignment(tag('aspf'))}`);
  lines.push(parsed.rua.length > 0 ? `- Aggregate reports to: ${parsed.rua.map((uri) => markdownCodeSpan(uri)).join(', ')}` : '- No aggregate reports (`rua=`)');
  if (parsed.ruf.length > 0) lines.push(`- Failure reports to: ${parsed.ruf.map((uri) => markdownCodeSpan(uri)).join(', ')}`);
  if (parsed.errors.length > 0) {
    lines.push('', '**Errors**');
    for (const error of parsed.errors) lines.push(`- ${escapeMarkdown(error.message)}`);
  }
  return lines.join('\n');
}
