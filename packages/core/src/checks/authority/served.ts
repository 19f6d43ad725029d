/**
 * Shared readings of what the authoritative servers said: which servers serve the zone (answer
 * with AA), and each server's answer to one question as a comparable text, for the `ns-*` checks.
 */
import { recordsOf, txtText, type LookupResult } from '../../dns/types.js';
import type { DirectAnswer, NameServerFacts } from '../../facts/authority.js';
import { formatMx, sortEntries } from '../mx/mx-entry.js';
import { isSpfRecord } from '../spf/parse-spf.js';
import { isDmarcRecord } from '../dmarc/parse-dmarc.js';

/** Why a server does not serve the zone, or `undefined` when it does (its SOA answer has AA). */
export function lameReason(server: NameServerFacts): string | undefined {
  if (server.address === undefined) {
    const lookup = server.addressLookup;
    return lookup?.kind === 'failed' ? `its address could not be looked up (${lookup.reason})` : 'it has no address (no A or AAAA record)';
  }
  const soa = server.soa;
  if (soa === undefined) return 'it was not asked';
  if (soa.result.kind === 'failed') return soa.result.reason === 'timeout' ? 'it does not answer (timeout)' : `it answers ${failureWord(soa.result)}`;
  if (!soa.authoritative) return 'it answers without authority (no AA bit): it does not serve the zone';
  return undefined;
}

function failureWord(result: Extract<LookupResult, { kind: 'failed' }>): string {
  switch (result.reason) {
    case 'refused':
      return 'REFUSED';
    case 'servfail':
      return 'SERVFAIL';
    default:
      return `with an error (${result.reason}: ${result.detail})`;
  }
}

/** `ns1.example.net (127.0.1.1)`. */
export function serverLabel(server: NameServerFacts): string {
  return server.address === undefined ? server.name : `${server.name} (${server.address})`;
}

/** The servers that serve the zone (answer its SOA with AA). */
export function servingServers(servers: readonly NameServerFacts[]): NameServerFacts[] {
  return servers.filter((server) => lameReason(server) === undefined);
}

/** One server's authoritative answer as comparable text; `undefined` when it gave none to compare. */
export type Rendering = (answer: DirectAnswer) => string | undefined;

function usable(answer: DirectAnswer | undefined): answer is DirectAnswer {
  return answer !== undefined && answer.authoritative && answer.result.kind !== 'failed';
}

/** The MX set, sorted: `10 mx1.example.net., 20 mx2.example.net.`, `no MX records`, `NXDOMAIN`. */
export const renderMx: Rendering = (answer) => {
  const { result } = answer;
  if (result.kind === 'failed') return undefined;
  if (result.kind === 'nxdomain') return 'NXDOMAIN';
  const entries = recordsOf(result, 'MX').map((record) => record.data);
  return entries.length === 0 ? 'no MX records' : sortEntries(entries).map(formatMx).join(', ');
};

function renderTexts(wanted: (text: string) => boolean, none: string): Rendering {
  return (answer) => {
    const { result } = answer;
    if (result.kind === 'failed') return undefined;
    if (result.kind === 'nxdomain') return 'NXDOMAIN';
    const texts = recordsOf(result, 'TXT').map(txtText).filter(wanted).sort();
    return texts.length === 0 ? none : texts.map((text) => `"${text.length > 120 ? `${text.slice(0, 119)}…` : text}"`).join(', ');
  };
}

export const renderSpf: Rendering = renderTexts(isSpfRecord, 'no SPF record');
export const renderDmarc: Rendering = renderTexts(isDmarcRecord, 'no DMARC record');

/**
 * Each serving server's answer to one question, rendered; only servers that answered it with
 * authority (a server that failed the question is not evidence of a difference).
 */
export function servedAnswers(servers: readonly NameServerFacts[], pick: (server: NameServerFacts) => DirectAnswer | undefined, render: Rendering): { server: NameServerFacts; text: string }[] {
  const out: { server: NameServerFacts; text: string }[] = [];
  for (const server of servingServers(servers)) {
    const answer = pick(server);
    if (!usable(answer)) continue;
    const text = render(answer);
    if (text !== undefined) out.push({ server, text });
  }
  return out;
}

/** `ns1.example.net (127.0.1.1): …; ns2.example.net (127.0.2.1): …`. */
export function answersEvidence(answers: readonly { server: NameServerFacts; text: string }[]): string {
  return answers.map(({ server, text }) => `${serverLabel(server)}: ${text}`).join('; ');
}

/** True when the answers are not all the same. */
export function differ(answers: readonly { text: string }[]): boolean {
  return answers.some((answer) => answer.text !== answers[0]!.text);
}
