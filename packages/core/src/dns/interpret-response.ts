/**
 * Judges one DNS response message against the question it should answer, for every transport:
 * DoH (RFC 8484) and direct UDP/TCP to a server (the authority step, `dns://` resolvers). The
 * message must decode strictly, be a response to a standard query with the expected ID, echo the
 * question, not be truncated, and answer that question (`answer-chain.ts`); anything else is a
 * `failed` result with its reason (rule zero), never an empty answer. Beside the result it says
 * what direct questions need: the AA bit and, for a referral, the NS names it hands over to.
 */
import type { DnssecFacts, FailureReason, LookupResult, Question } from './types.js';
import { describeQuestion } from './question-text.js';
import { CLASS_IN, TYPE_CODES, rcodeName } from './record-types.js';
import { MalformedMessageError, decodeResponse, type ResponseMessage } from './response-message.js';
import { soaNegativeTtl, type NegativeTtlHint } from './negative-ttl.js';
import { judgeAnswer } from './answer-chain.js';

export interface InterpretOptions {
  /** Who answered, for `resolver` and the details (`https://…/dns-query`, `127.0.0.1:53`). */
  readonly source: string;
  /** The message ID the query carried (0 over DoH, RFC 8484 §4.1; random over UDP/TCP). */
  readonly id: number;
}

export interface Interpreted {
  readonly result: LookupResult & NegativeTtlHint;
  /** The AA bit (RFC 1035 §4.1.1): the server answered as an authority for the name. */
  readonly authoritative: boolean;
  /**
   * A referral (NOERROR, no answer, no SOA, NS records in the authority section at a name that is
   * the question's name or above it): the NS names it delegates to, lower case. Empty otherwise.
   */
  readonly referral: readonly string[];
  /** The zone a referral hands over (the owner of its NS records). */
  readonly referralZone?: string;
  /** Glue: the addresses the referral's additional section gives for its NS names, by name. */
  readonly glue: ReadonlyMap<string, readonly string[]>;
  /** The TC bit was set (the caller may ask again over TCP, RFC 7766). */
  readonly truncated: boolean;
}

function isAtOrAbove(zone: string, name: string): boolean {
  return zone === '' || name === zone || name.endsWith(`.${zone}`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Addresses in the additional section for the referral's names (A first, then AAAA). */
function glueOf(message: ResponseMessage, names: readonly string[]): Map<string, readonly string[]> {
  const glue = new Map<string, string[]>();
  if (names.length === 0) return glue;
  for (const family of ['A', 'AAAA'] as const) {
    for (const entry of message.additionals) {
      const record = entry.record;
      if (record?.type !== family || !names.includes(entry.name)) continue;
      const list = glue.get(entry.name) ?? [];
      if (!list.includes(record.data)) list.push(record.data);
      glue.set(entry.name, list);
    }
  }
  return glue;
}

export function interpretResponse(question: Question, body: Uint8Array, options: InterpretOptions): Interpreted {
  const { source } = options;
  const asked = describeQuestion(question);
  const none = { authoritative: false, referral: [], glue: new Map<string, readonly string[]>(), truncated: false };
  const failed = (reason: FailureReason, detail: string): Interpreted => ({ ...none, result: { kind: 'failed', question, reason, detail, resolver: source } });
  let message: ResponseMessage;
  try {
    message = decodeResponse(body);
  } catch (error) {
    const why = error instanceof MalformedMessageError ? error.message : errorText(error);
    return failed('malformed', `malformed DNS message from ${source} for ${asked}: ${why}`);
  }

  const mismatch = (why: string) => failed('mismatch', `response from ${source} does not answer ${asked}: ${why}`);
  if (!message.isResponse) return mismatch('the message is a query, not a response');
  if (message.opcode !== 0) return mismatch(`opcode ${message.opcode} instead of QUERY`);
  if (message.id !== options.id) return mismatch(`message ID ${message.id} instead of ${options.id}`);
  // Some servers leave the question out of an error response; let its RCODE speak then.
  const errorWithoutQuestion = message.questions.length === 0 && message.rcode !== 0 && message.rcode !== 3;
  if (!errorWithoutQuestion) {
    if (message.questions.length !== 1) return mismatch(`${message.questions.length} questions instead of 1`);
    const echoed = message.questions[0]!;
    if (echoed.name !== question.name || echoed.type !== TYPE_CODES[question.type] || echoed.klass !== CLASS_IN) {
      return mismatch(`it answers ${echoed.name === '' ? '.' : echoed.name} type ${echoed.type} class ${echoed.klass}`);
    }
  }
  if (message.truncated) return { ...failed('truncated', `truncated response (TC bit) from ${source} for ${asked}`), truncated: true };

  const flags = { authoritative: message.authoritative, truncated: false, glue: new Map<string, readonly string[]>() };
  // Absent when there is nothing to say (no AD, no CD, no RRSIG, no EDE), as from any non-validating server.
  const dnssec = (last?: string): DnssecFacts | undefined => {
    const signatures = last === undefined ? [] : message.answers.flatMap((entry) => (entry.signature !== undefined && entry.name === last && entry.signature.typeCovered === TYPE_CODES[question.type] ? [entry.signature] : []));
    if (!message.authenticData && !message.checkingDisabled && signatures.length === 0 && message.extendedErrors.length === 0) return undefined;
    // RRSIGs over the answer's RRset: at the chain's last name, covering the question's type.
    return { authenticated: message.authenticData, checkingDisabled: message.checkingDisabled, signatures, extendedErrors: message.extendedErrors };
  };
  const failedWithFlags = (reason: FailureReason, detail: string): Interpreted => {
    const base = failed(reason, detail);
    const facts = dnssec();
    return { ...base, ...flags, result: facts === undefined ? base.result : { ...base.result, dnssec: facts } };
  };
  switch (message.rcode) {
    case 0:
    case 3: {
      // Only the question's CNAME chain and the records at its end answer it (RFC 1034 §4.3.2);
      // an answer that holds none of that answers another question (answer-chain.ts).
      const judged = judgeAnswer(question, message.answers, message.rcode === 3);
      if (!judged.ok) {
        return judged.reason === 'mismatch' ? mismatch(judged.why) : failed(judged.reason, `response from ${source} for ${asked}: ${judged.why}`);
      }
      const records = judged.records;
      const last = records.findLast((record) => record.type === question.type)?.name;
      const soa = message.authorities.find((entry) => entry.record?.type === 'SOA')?.record;
      const kind = message.rcode === 0 ? 'answer' : 'nxdomain';
      const referral =
        kind === 'answer' && records.length === 0 && soa === undefined
          ? [...new Set(message.authorities.flatMap((entry) => (entry.record?.type === 'NS' && isAtOrAbove(entry.name, question.name) ? [entry.record.data] : [])))]
          : [];
      const facts = dnssec(last);
      const result: LookupResult & NegativeTtlHint = {
        kind,
        question,
        records,
        resolver: source,
        ...(soa?.type === 'SOA' && { negativeTtl: soaNegativeTtl(soa) }),
        ...(facts !== undefined && { dnssec: facts }),
      };
      const referralZone = referral.length > 0 ? message.authorities.find((entry) => entry.record?.type === 'NS' && isAtOrAbove(entry.name, question.name))?.name : undefined;
      return { ...flags, result, referral, glue: glueOf(message, referral), ...(referralZone !== undefined && { referralZone }) };
    }
    case 2:
      return failedWithFlags('servfail', `SERVFAIL from ${source} for ${asked}${extendedErrorText(message.extendedErrors)}`);
    case 5:
      return failedWithFlags('refused', `REFUSED from ${source} for ${asked}${extendedErrorText(message.extendedErrors)}`);
    default:
      return failedWithFlags('rcode', `${rcodeName(message.rcode)} from ${source} for ${asked}${extendedErrorText(message.extendedErrors)}`);
  }
}

/** ` (EDE 7: Signature Expired: text)` for the details of a failure; empty without EDE. */
function extendedErrorText(errors: readonly { readonly code: number; readonly text: string }[]): string {
  if (errors.length === 0) return '';
  return ` (${errors.map((error) => `EDE ${error.code}${EDE_NAMES[error.code] === undefined ? '' : ` ${EDE_NAMES[error.code]}`}${error.text === '' ? '' : `: ${error.text}`}`).join('; ')})`;
}

/** The INFO-CODE registry of RFC 8914 §5.2 (and the later IANA entries up to 30). */
export const EDE_NAMES: Readonly<Record<number, string>> = {
  0: 'Other Error',
  1: 'Unsupported DNSKEY Algorithm',
  2: 'Unsupported DS Digest Type',
  3: 'Stale Answer',
  4: 'Forged Answer',
  5: 'DNSSEC Indeterminate',
  6: 'DNSSEC Bogus',
  7: 'Signature Expired',
  8: 'Signature Not Yet Valid',
  9: 'DNSKEY Missing',
  10: 'RRSIGs Missing',
  11: 'No Zone Key Bit Set',
  12: 'NSEC Missing',
  13: 'Cached Error',
  14: 'Not Ready',
  15: 'Blocked',
  16: 'Censored',
  17: 'Filtered',
  18: 'Prohibited',
  19: 'Stale NXDomain Answer',
  20: 'Not Authoritative',
  21: 'Not Supported',
  22: 'No Reachable Authority',
  23: 'Network Error',
  24: 'Invalid Data',
  25: 'Signature Expired before Valid',
  26: 'Too Early',
  27: 'Unsupported NSEC3 Iterations Value',
  28: 'Unable to conform to policy',
  29: 'Synthesized',
  30: 'Invalid Query Type',
};
