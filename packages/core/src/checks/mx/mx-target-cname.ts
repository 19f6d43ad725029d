/**
 * `mx-target-cname`: RFC 2181 §10.3 — an MX target must not be an alias; RFC 5321 §5.1 asks for a
 * name with address records. Many senders follow the alias anyway, some refuse or misbehave
 * (and the CNAME's name does not match the server's HELO/certificate).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { formatChain } from '../domain/cname-chain.js';

/** The finding for a known chain; files call this with the chain they read. */
export function mxTargetCnameFinding(name: string, chain: readonly string[], range?: SourceRange): Finding {
  const end = chain[chain.length - 1] ?? name;
  return finding('mx-target-cname', {
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
