/**
 * The live zone behind a file: for a zone file's origin (or a Terraform zone), the zone's servers
 * (the authority step) and, at each owner the file writes mail records for, what every serving
 * server answers for MX and TXT, asked directly. `file-differs-from-live` reads one server's
 * answers; an editor's hover says on how many servers a record is already published.
 * Bounded: at most MAX_LIVE_OWNERS owners are asked (the first ones in the file).
 */
import { normalizeName, recordsOf, type LookupOptions, type Resolver } from '../dns/types.js';
import type { AuthorityFacts, DirectAnswer, LiveRRsets, NameServerFacts } from '../facts/authority.js';
import { formatMx } from '../checks/mx/mx-entry.js';
import { lameReason, serverLabel } from '../checks/authority/served.js';
import { gatherAuthority, type AuthoritativeQuerier } from './gather-authority.js';

export const MAX_LIVE_OWNERS = 64;

export interface OwnerAnswers {
  readonly server: NameServerFacts;
  readonly mx: DirectAnswer;
  readonly txt: DirectAnswer;
}

export interface LiveZone {
  readonly authority: AuthorityFacts;
  /** Each asked owner's answers from every serving server, in the servers' order. */
  readonly owners: ReadonlyMap<string, readonly OwnerAnswers[]>;
}

/** The live zone `zone` for the owners a file writes, or `undefined` when the zone's servers could not be found. */
export async function gatherLiveZone(resolver: Resolver, querier: AuthoritativeQuerier, zone: string, owners: readonly string[], options: LookupOptions = {}): Promise<LiveZone | undefined> {
  const step = await gatherAuthority(resolver, querier, zone, options);
  const authority = step.facts;
  // Only a file's own zone: a zone cut elsewhere means the file's origin is not a zone apex.
  if (authority === undefined || authority.zone !== normalizeName(zone)) return undefined;
  const serving = authority.servers.filter((server) => lameReason(server) === undefined && server.address !== undefined);
  const asked = owners.slice(0, MAX_LIVE_OWNERS);
  const answers = await Promise.all(
    asked.map(async (owner) => {
      const perServer = await Promise.all(
        serving.map(async (server): Promise<OwnerAnswers> => {
          const ask = (type: 'MX' | 'TXT') => querier.ask(server.address!, { name: owner, type }, options).then(({ result, authoritative }) => ({ result, authoritative }));
          const [mx, txt] = await Promise.all([ask('MX'), ask('TXT')]);
          return { server, mx, txt };
        }),
      );
      return [owner, perServer] as const;
    }),
  );
  return { authority, owners: new Map(answers) };
}

/** For `checkFile`'s `liveZone`: each owner as the first serving server answers it. */
export function liveRRsetsOf(live: LiveZone): Map<string, LiveRRsets> {
  const out = new Map<string, LiveRRsets>();
  live.owners.forEach((answers, owner) => {
    const first = answers[0];
    if (first) out.set(owner, { server: serverLabel(first.server), mx: first.mx, txt: first.txt });
  });
  return out;
}

/** On which serving servers an MX record (`preference exchange`) of `owner` is published now. */
export function mxPublishedOn(live: LiveZone, owner: string, entry: { readonly preference: number; readonly exchange: string }): { readonly on: readonly string[]; readonly missing: readonly string[] } | undefined {
  const answers = live.owners.get(owner);
  if (answers === undefined || answers.length === 0) return undefined;
  const wanted = formatMx(entry);
  const on: string[] = [];
  const missing: string[] = [];
  for (const { server, mx } of answers) {
    if (!mx.authoritative || mx.result.kind === 'failed') continue;
    const served = recordsOf(mx.result, 'MX').some((record) => formatMx(record.data) === wanted);
    (served ? on : missing).push(server.name);
  }
  return on.length + missing.length === 0 ? undefined : { on, missing };
}
