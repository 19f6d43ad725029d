/**
 * The authority step: past the resolvers' caches, to the servers that hold the zone.
 *
 *   zone cut:        SOA at the domain, then at each parent name until one answers with an SOA
 *                    owned by the name asked (at most MAX_ZONE_CUT_STEPS names)
 *   the zone's NS:   NS at the zone (recursive), their addresses            ← needs the zone
 *   each server:     SOA, NS, MX, TXT, _dmarc TXT, asked directly (RD=0)    ← needs its address
 *   the delegation:  the parent's zone cut, its NS and their addresses, then
 *                    the zone's NS asked directly of a parent server: its referral
 *
 * The delegation branch runs beside the servers' branch; a server the parent names that the zone
 * does not is looked up and asked when the referral is in. Direct questions go through an
 * `AuthoritativeQuerier` (a Node transport: a browser cannot send plain DNS). Every list is
 * bounded: at most MAX_NAME_SERVERS servers asked, MAX_PARENT_TRIES parent servers tried.
 */
import { normalizeName, recordsOf, type LookupOptions, type LookupResult, type Question, type Resolver } from '../dns/types.js';
import type { AuthorityFacts, Delegation, DirectAnswer, NameServerFacts } from '../facts/authority.js';
import { lookupFollowingChain } from './follow-chain.js';

/** What a server said when asked directly: the answer, its AA bit, and the NS names of a referral. */
export interface DirectReply extends DirectAnswer {
  /** NS names in the authority section when the server refers the question to a child zone. */
  readonly referral: readonly string[];
}

/** Sends one question straight to one server address, RD=0. Never throws: failures are `failed`. */
export interface AuthoritativeQuerier {
  ask(address: string, question: Question, options?: LookupOptions): Promise<DirectReply>;
}

export const MAX_ZONE_CUT_STEPS = 8;
export const MAX_NAME_SERVERS = 8;
export const MAX_PARENT_TRIES = 3;

/** The zone `name` lies in: the first of it and its parents whose SOA question is answered by an SOA it owns. */
async function zoneCut(resolver: Resolver, name: string, options: LookupOptions): Promise<{ zone: string } | { failed: LookupResult }> {
  let at = normalizeName(name);
  for (let step = 0; step < MAX_ZONE_CUT_STEPS; step++) {
    const result = await lookupFollowingChain(resolver, at, 'SOA', options);
    if (result.kind === 'failed') return { failed: result };
    if (recordsOf(result, 'SOA', at).length > 0) return { zone: at };
    if (at === '') break;
    const dot = at.indexOf('.');
    at = dot < 0 ? '' : at.slice(dot + 1);
  }
  return { zone: at };
}

function parentOf(zone: string): string {
  const dot = zone.indexOf('.');
  return dot < 0 ? '' : zone.slice(dot + 1);
}

/** The first address of a server name (IPv4 first), or the lookup that found none. */
async function addressOf(resolver: Resolver, name: string, options: LookupOptions): Promise<{ address?: string; lookup?: LookupResult }> {
  const [a, aaaa] = await Promise.all([lookupFollowingChain(resolver, name, 'A', options), lookupFollowingChain(resolver, name, 'AAAA', options)]);
  const address = recordsOf(a, 'A')[0]?.data ?? recordsOf(aaaa, 'AAAA')[0]?.data;
  if (address !== undefined) return { address };
  return { lookup: a.kind === 'failed' ? a : aaaa.kind === 'failed' ? aaaa : a };
}

/** One name server asked everything the checks compare, all at once. */
async function askServer(resolver: Resolver, querier: AuthoritativeQuerier, name: string, zone: string, domain: string, options: LookupOptions): Promise<NameServerFacts> {
  const found = await addressOf(resolver, name, options);
  if (found.address === undefined) return { name, ...(found.lookup && { addressLookup: found.lookup }) };
  const address = found.address;
  const ask = (question: Question) => querier.ask(address, question, options).then(({ result, authoritative }) => ({ result, authoritative }));
  const [soa, ns, mx, txt, dmarc] = await Promise.all([
    ask({ name: zone, type: 'SOA' }),
    ask({ name: zone, type: 'NS' }),
    ask({ name: domain, type: 'MX' }),
    ask({ name: domain, type: 'TXT' }),
    ask({ name: `_dmarc.${domain}`, type: 'TXT' }),
  ]);
  return { name, address, soa, ns, mx, txt, dmarc };
}

/** The parent's referral for `zone`: its NS names as a parent server gives them. */
async function delegationOf(resolver: Resolver, querier: AuthoritativeQuerier, zone: string, options: LookupOptions): Promise<Delegation> {
  const lookups: LookupResult[] = [];
  if (zone === '') return { kind: 'unknown', parent: '', lookups };
  const cut = await zoneCut(resolver, parentOf(zone), options);
  if ('failed' in cut) return { kind: 'unknown', parent: parentOf(zone), lookups: [cut.failed] };
  const parent = cut.zone;
  const nsAnswer = await lookupFollowingChain(resolver, parent, 'NS', options);
  if (nsAnswer.kind === 'failed') return { kind: 'unknown', parent, lookups: [nsAnswer] };
  const names = [...new Set(recordsOf(nsAnswer, 'NS').map((record) => record.data))].slice(0, MAX_PARENT_TRIES);
  for (const name of names) {
    const found = await addressOf(resolver, name, options);
    if (found.address === undefined) {
      if (found.lookup) lookups.push(found.lookup);
      continue;
    }
    const reply = await querier.ask(found.address, { name: zone, type: 'NS' }, options);
    // A parent that also serves the child answers with authority instead of a referral.
    const ns = reply.referral.length > 0 ? reply.referral : reply.result.kind === 'answer' ? recordsOf(reply.result, 'NS').map((record) => record.data) : [];
    if (ns.length > 0) return { kind: 'found', parent, server: `${name} (${found.address})`, ns: [...new Set(ns.map(normalizeName))].sort() };
    lookups.push(reply.result);
  }
  return { kind: 'unknown', parent, lookups };
}

export interface AuthorityStep {
  readonly facts?: AuthorityFacts;
  /** Why the step could not start (the zone cut or the zone's NS could not be looked up). */
  readonly failed?: LookupResult;
}

/** The authority facts of `domain`'s zone, or the lookup that stopped the step. */
export async function gatherAuthority(resolver: Resolver, querier: AuthoritativeQuerier, domain: string, options: LookupOptions = {}): Promise<AuthorityStep> {
  const name = normalizeName(domain);
  const cut = await zoneCut(resolver, name, options);
  if ('failed' in cut) return { failed: cut.failed };
  const { zone } = cut;
  const delegationPromise = delegationOf(resolver, querier, zone, options);
  const zoneNs = await lookupFollowingChain(resolver, zone, 'NS', options);
  if (zoneNs.kind === 'failed') return { failed: zoneNs };
  const asked = new Map<string, Promise<NameServerFacts>>();
  const askAll = (names: readonly string[]) => {
    for (const server of names) {
      if (asked.size >= MAX_NAME_SERVERS) break;
      if (!asked.has(server)) asked.set(server, askServer(resolver, querier, server, zone, name, options));
    }
  };
  askAll([...new Set(recordsOf(zoneNs, 'NS').map((record) => record.data))].sort());
  const delegation = await delegationPromise;
  if (delegation.kind === 'found') askAll([...delegation.ns].sort());
  const servers = await Promise.all(asked.values());
  return { facts: { domain: name, zone, delegation, servers, checkedAt: Date.now() } };
}
