/**
 * `mx-target-cname`: RFC 2181 §10.3 — an MX target must not be an alias; RFC 5321 §5.1 asks for a
 * name with address records. Many senders follow the alias anyway, some refuse or misbehave
 * (and the CNAME's name does not match the server's HELO/certificate).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import type { ReadResult } from '../../facts/read-result.js';
import { formatChain } from '../domain/cname-chain.js';
import { defineCheck, type QuickFix, type QuickFixContext } from '../check.js';
import { fileAliasChain } from '../file/alias-chain.js';

/** The finding for a known chain; files call this with the chain they read. */
export function mxTargetCnameFinding(name: string, chain: readonly string[], range?: SourceRange): Finding {
  const end = chain[chain.length - 1] ?? name;
  return finding(mxTargetCnameCheck, {
    message: `The MX target ${name} is an alias (CNAME) for ${end}; an MX must name the host itself.`,
    subject: name,
    evidence: formatChain(chain),
    fix: `Point the MX record at ${end}. directly, or replace the CNAME at ${name} with A/AAAA records.`,
    range,
  });
}

export function mxTargetCname(target: Pick<TargetFacts, 'name' | 'cnameChain'>, range?: SourceRange): Finding[] {
  return target.cnameChain.length > 1 ? [mxTargetCnameFinding(target.name, target.cnameChain, range)] : [];
}

/** Quick fix: point the MX at the chain's end (the file's own CNAMEs, else the live answer), with a trailing dot in zone files. */
function pointAtCanonicalName({ mx, read, liveTargets, written }: QuickFixContext): QuickFix | undefined {
  const end = canonicalName(mx.entry.exchange, read, liveTargets);
  if (end === undefined) return undefined;
  const dotted = mx.record.source === 'zone' || written.endsWith('.') || mx.record.terraform?.targetNeedsTrailingDot === true;
  const newText = dotted ? `${end}.` : end;
  const { start, end: stop } = mx.targetField.range;
  return { title: `Point the MX at ${newText} (the CNAME's target)`, edits: [{ range: { start: { ...start }, end: { ...stop } }, newText }], isPreferred: true };
}

/** The end of the target's CNAME chain: the file's own CNAMEs first, else the live answer; none for a loop. */
function canonicalName(target: string, read: ReadResult, liveTargets: ReadonlyMap<string, TargetFacts> | undefined): string | undefined {
  const chain = fileAliasChain(read, target);
  const end = chain[chain.length - 1]!;
  if (chain.indexOf(end) !== chain.length - 1) return undefined;
  if (chain.length > 1) return end;
  const live = liveTargets?.get(target)?.cnameChain;
  return live && live.length > 1 ? live[live.length - 1] : undefined;
}

export const mxTargetCnameCheck = defineCheck({
  id: 'mx-target-cname',
  severity: 'error',
  scope: 'live+file',
  title: 'MX target is a CNAME',
  rfc: 'RFC 2181 §10.3',
  live: [{ on: 'target', run: mxTargetCname }],
  file: [{ on: 'file-target', run: (target) => (target.where === 'alias' ? [mxTargetCnameFinding(target.name, target.chain, target.range)] : []) }],
  quickFix: pointAtCanonicalName,
});
