/**
 * Which records of a response answer the question. A resolver answers `name TYPE` with the CNAME
 * chain from `name` and the TYPE records at the chain's last name (RFC 1034 §4.3.2 step 3a,
 * RFC 2181 §10.1); NXDOMAIN after a chain is about its last name (RFC 6604 §2.1). Anything else
 * in the answer section — records of another owner or another type — answers some other question
 * and is dropped, never used: an answer carrying `evil.example MX mx.attacker.example` must not
 * make the attacker's host the domain's MX.
 *
 * An answer that is non-empty yet holds nothing for the question (no TYPE record at the name, no
 * CNAME from it) does not answer it: that is a failure, never "no records" (rule zero). So are a
 * CNAME loop, a chain longer than `MAX_CNAME_HOPS`, two different CNAMEs at one name, TYPE records
 * beside a CNAME, and an NXDOMAIN that carries the very records it denies.
 */
import type { DnsRecord, FailureReason, Question } from './types.js';
import { normalizeName } from './types.js';

/**
 * The most aliases followed from a name. RFC 1034 §3.6.2 allows chains and sets no limit;
 * resolvers stop between 8 and 16 hops, so 16 covers every chain a sender would follow.
 */
export const MAX_CNAME_HOPS = 16;

/** A record of the answer section as the decoder gives it: `record` only for class IN types we read. */
export interface AnswerEntry {
  readonly name: string;
  readonly type: number;
  readonly record?: DnsRecord;
}

export type AnswerJudgement =
  /** The chain's CNAME records in order, then the question's type at the chain's end. */
  | { readonly ok: true; readonly records: DnsRecord[] }
  | { readonly ok: false; readonly reason: FailureReason; readonly why: string };

/** `a. → CNAME → b.`, for evidence. */
export function formatAliasChain(chain: readonly string[]): string {
  return chain.map((name) => `${name}.`).join(' → CNAME → ');
}

/** A chain too long to show whole: its first hops and its last name, with the count of aliases. */
export function formatLongChain(chain: readonly string[]): string {
  const aliases = chain.length - 1;
  if (chain.length <= 4) return `${formatAliasChain(chain)} (${aliases} aliases)`;
  return `${formatAliasChain(chain.slice(0, 3))} → … → ${chain[chain.length - 1]}. (${aliases} aliases)`;
}

/** Why a chain fails, or `undefined` while it is fine: a name seen twice, or too many hops. */
export function chainProblem(chain: readonly string[]): { reason: FailureReason; why: string } | undefined {
  const last = chain[chain.length - 1];
  if (chain.length > 1 && chain.indexOf(last!) !== chain.length - 1) {
    return { reason: 'alias-loop', why: `alias loop: ${formatAliasChain(chain)}` };
  }
  if (chain.length - 1 > MAX_CNAME_HOPS) {
    return { reason: 'chain-too-long', why: `CNAME chain longer than ${MAX_CNAME_HOPS} aliases: ${formatLongChain(chain)}` };
  }
  return undefined;
}

/** Up to three answer records as `name TYPE`, for a detail saying what the answer held instead. */
function describeEntries(answers: readonly AnswerEntry[]): string {
  const shown = answers.slice(0, 3).map((entry) => `${entry.name === '' ? '.' : entry.name} ${entry.record?.type ?? `TYPE${entry.type}`}`);
  return answers.length > 3 ? `${shown.join(', ')} and ${answers.length - 3} more` : shown.join(', ');
}

/**
 * Judges the answer section of a NOERROR (`nxdomain` false) or NXDOMAIN response to `question`.
 * Work is linear in the number of records; the chain walk stops after `MAX_CNAME_HOPS`.
 */
export function judgeAnswer(question: Question, answers: readonly AnswerEntry[], nxdomain: boolean): AnswerJudgement {
  const fail = (reason: FailureReason, why: string): AnswerJudgement => ({ ok: false, reason, why });
  const start = normalizeName(question.name);

  // One CNAME per owner (RFC 2181 §10.1); the same record twice is one RRset member, not two.
  const aliases = new Map<string, { readonly record: DnsRecord; readonly target: string }>();
  for (const { record } of answers) {
    if (record?.type !== 'CNAME') continue;
    const owner = normalizeName(record.name);
    const target = normalizeName(record.data);
    const known = aliases.get(owner);
    if (known === undefined) aliases.set(owner, { record, target });
    else if (known.target !== target) {
      return fail('malformed', `two different CNAME records at ${owner} (${known.target}, ${target}); a name has at most one (RFC 2181 §10.1)`);
    }
  }

  // A CNAME question is answered by the CNAME itself: no chain to follow (RFC 1034 §3.6.2).
  const chain = [start];
  const chainRecords: DnsRecord[] = [];
  if (question.type !== 'CNAME') {
    for (let alias = aliases.get(start); alias !== undefined; alias = aliases.get(chain[chain.length - 1]!)) {
      chainRecords.push(alias.record);
      chain.push(alias.target);
      const problem = chainProblem(chain);
      if (problem !== undefined) return fail(problem.reason, problem.why);
    }
  }
  const end = chain[chain.length - 1]!;
  const onChain = new Set(chain.slice(0, -1));
  const data: DnsRecord[] = [];
  for (const { record } of answers) {
    if (record === undefined || record.type !== question.type) continue;
    const owner = normalizeName(record.name);
    if (owner === end) data.push(record);
    else if (onChain.has(owner)) {
      return fail('malformed', `${question.type} records at ${owner} beside its CNAME to ${aliases.get(owner)?.target ?? '?'}; an alias has no other data (RFC 1034 §3.6.2)`);
    }
  }

  if (nxdomain && data.length > 0) {
    return fail('malformed', `NXDOMAIN, yet the answer holds ${question.type} records for ${end}: the response contradicts itself`);
  }
  if (answers.length > 0 && chainRecords.length === 0 && data.length === 0) {
    return fail('mismatch', `its answer section holds no ${question.type} record for ${start} and no CNAME from it, only ${describeEntries(answers)}`);
  }
  return { ok: true, records: [...chainRecords, ...data] };
}
