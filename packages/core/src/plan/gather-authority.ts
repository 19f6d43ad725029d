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
  /** The referral's glue: addresses for its NS names, by name. */
  readonly glue?: ReadonlyMap<string, readonly string[]>;
  /** The zone the referral hands over. */
  readonly referralZone?: string;
}

/** Sends one question straight to one server address, RD=0. Never throws: failures are `failed`. */
export interface AuthoritativeQuerier {
  ask(address: string, question: Question, options?: LookupOptions): Promise<DirectReply>;
}

export const MAX_ZONE_CUT_STEPS = 8;
export const MAX_NAME_SERVERS = 8;
export const MAX_PARENT_TRIES = 3;
export const MAX_REFERRAL_HOPS = 3;

/** The zone `name` lies in: the first of it and its parents whose SOA question is answered by an SOA it owns. */
async function zoneCut(resolver: Resolver, name: string, options: LookupOptions): Promise<{ zone: string } | { failed: LookupResult; at: string }> {
  let at = normalizeName(name);
  for (let step = 0; step < MAX_ZONE_CUT_STEPS; step++) {
    const result = await lookupFollowingChain(resolver, at, 'SOA', options);
    if (result.kind === 'failed') return { failed: result, at };
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
async function askServer(resolver: Resolver, querier: AuthoritativeQuerier, name: string, glue: Promise<ReadonlyMap<string, readonly string[]>>, zone: string, domain: string, options: LookupOptions): Promise<NameServerFacts> {
  let found = await addressOf(resolver, name, options);
  // A server with no address of its own may still have one at the parent: its glue.
  if (found.address === undefined) {
    const address = (await glue).get(name)?.[0];
    if (address !== undefined) found = { address };
  }
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

type Referral = { readonly delegation: Delegation; readonly glue: ReadonlyMap<string, readonly string[]> };

const NO_GLUE: ReadonlyMap<string, readonly string[]> = new Map();

/** The parent's referral for `zone`: its NS names (and glue) as a parent server gives them. */
async function delegationOf(resolver: Resolver, querier: AuthoritativeQuerier, zone: string, options: LookupOptions): Promise<Referral> {
  const lookups: LookupResult[] = [];
  const unknown = (parent: string, more: readonly LookupResult[] = []): Referral => ({ delegation: { kind: 'unknown', parent, lookups: [...lookups, ...more] }, glue: NO_GLUE });
  if (zone === '') return unknown('');
  const cut = await zoneCut(resolver, parentOf(zone), options);
  if ('failed' in cut) return unknown(parentOf(zone), [cut.failed]);
  const parent = cut.zone;
  const nsAnswer = await lookupFollowingChain(resolver, parent, 'NS', options);
  if (nsAnswer.kind === 'failed') return unknown(parent, [nsAnswer]);
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
    if (ns.length > 0) {
      return { delegation: { kind: 'found', parent, server: `${name} (${found.address})`, ns: [...new Set(ns.map(normalizeName))].sort() }, glue: reply.glue ?? NO_GLUE };
    }
    lookups.push(reply.result);
  }
  return unknown(parent);
}

/**
 * The resolver's SOA answers may stop above the real zone cut (a resolver that met only lame
 * servers of the child answers for the parent). So when the cut found lies above the domain, a
 * server of that zone is asked for the domain's SOA directly: a referral names the child zone and
 * its servers (at most MAX_REFERRAL_HOPS levels down).
 */
async function referralBelow(resolver: Resolver, querier: AuthoritativeQuerier, zone: string, name: string, options: LookupOptions): Promise<{ zone: string; referral: Referral } | undefined> {
  let found: { zone: string; referral: Referral } | undefined;
  let parent = zone;
  for (let hop = 0; hop < MAX_REFERRAL_HOPS; hop++) {
    const ns = await lookupFollowingChain(resolver, parent, 'NS', options);
    const servers = [...new Set(recordsOf(ns, 'NS').map((record) => record.data))].sort().slice(0, MAX_PARENT_TRIES);
    let next: { zone: string; referral: Referral } | undefined;
    for (const server of servers) {
      const address = found?.referral.glue.get(server)?.[0] ?? (await addressOf(resolver, server, options)).address;
      if (address === undefined) continue;
      const reply = await querier.ask(address, { name, type: 'SOA' }, options);
      const child = reply.referralZone;
      if (reply.referral.length === 0 || child === undefined || child === parent || !(name === child || name.endsWith(`.${child}`))) break;
      const delegation: Delegation = { kind: 'found', parent, server: `${server} (${address})`, ns: [...new Set(reply.referral.map(normalizeName))].sort() };
      next = { zone: child, referral: { delegation, glue: reply.glue ?? NO_GLUE } };
      break;
    }
    if (next === undefined) break;
    found = next;
    parent = next.zone;
    if (parent === name) break;
  }
  return found;
}

/**
 * When the resolver cannot say where the zone is (every server of it lame: SERVFAIL), the parents
 * are asked directly, from the name that failed upwards, until one refers a name to servers.
 */
async function delegationAbove(resolver: Resolver, querier: AuthoritativeQuerier, from: string, options: LookupOptions): Promise<{ zone: string; referral: Referral } | undefined> {
  let at = from;
  for (let step = 0; step < MAX_ZONE_CUT_STEPS && at !== ''; step++) {
    const referral = await delegationOf(resolver, querier, at, options);
    if (referral.delegation.kind === 'found') return { zone: at, referral };
    at = parentOf(at);
  }
  return undefined;
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
  let zone: string;
  let referralPromise: Promise<Referral>;
  if ('failed' in cut) {
    const above = await delegationAbove(resolver, querier, cut.at, options);
    if (above === undefined) return { failed: cut.failed };
    zone = above.zone;
    referralPromise = Promise.resolve(above.referral);
  } else {
    zone = cut.zone;
    const below = zone === name ? undefined : await referralBelow(resolver, querier, zone, name, options);
    if (below !== undefined) {
      zone = below.zone;
      referralPromise = Promise.resolve(below.referral);
    } else referralPromise = delegationOf(resolver, querier, zone, options);
  }
  const asked = new Map<string, Promise<NameServerFacts>>();
  const glue = referralPromise.then((referral) => referral.glue);
  const askAll = (names: readonly string[]) => {
    for (const server of names) {
      if (asked.size >= MAX_NAME_SERVERS) break;
      if (!asked.has(server)) asked.set(server, askServer(resolver, querier, server, glue, zone, name, options));
    }
  };
  // The zone's own NS set through the resolver (it may fail when every server is lame: then the
  // parent's delegation alone names the servers).
  const zoneNs = await lookupFollowingChain(resolver, zone, 'NS', options);
  askAll([...new Set(recordsOf(zoneNs, 'NS').map((record) => record.data))].sort());
  const referral = await referralPromise;
  const { delegation } = referral;
  if (delegation.kind === 'found') askAll([...delegation.ns].sort());
  if (asked.size === 0) return { failed: zoneNs.kind !== 'failed' && 'failed' in cut ? cut.failed : zoneNs };
  const servers = (await Promise.all(asked.values())).sort((a, b) => a.name.localeCompare(b.name));
  return { facts: { domain: name, zone, delegation, servers, checkedAt: Date.now() } };
}
