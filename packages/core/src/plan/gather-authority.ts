/**
 * The authority step: past the resolvers' caches, to the servers that hold the zone.
 *
 *   zone cuts:       SOA at the domain and at each of its parents, all at once: the deepest
 *                    owner of an SOA is the zone, the next one up its parent
 *   the zone's NS:   NS at the zone (recursive), their addresses            ← needs the zone
 *   each server:     SOA, NS, MX, TXT, _dmarc TXT, asked directly (RD=0)    ← needs its address
 *   the delegation:  the parent's NS and their addresses, then the zone's NS asked directly
 *                    of a parent server: its referral (NS and glue)         ← beside the servers
 *   a check below:   when the zone found lies above the domain, one of its servers is asked for
 *                    the domain's SOA directly: a referral means the real zone is deeper (a
 *                    resolver that met only lame servers answered for the parent)
 *
 * So the step costs four round trips when all is well, beside the MX branch. A server the parent
 * names that the zone does not is looked up and asked when the referral is in. Direct questions go through an
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

function parentOf(zone: string): string {
  const dot = zone.indexOf('.');
  return dot < 0 ? '' : zone.slice(dot + 1);
}

/** `name`, its parents up to MAX_ZONE_CUT_STEPS of them, and the root. */
function ancestors(name: string): string[] {
  const names: string[] = [];
  for (let at = name; names.length < MAX_ZONE_CUT_STEPS && at !== ''; at = parentOf(at)) names.push(at);
  names.push('');
  return names;
}

/** SOA at the name and each parent at once: the zone cuts, deepest first, and the deepest failure above none of them. */
async function zoneCuts(resolver: Resolver, name: string, options: LookupOptions): Promise<{ cuts: string[]; failed?: { result: LookupResult; at: string } }> {
  const names = ancestors(name);
  // With DO, as the plan's policy questions ask the domain's and the root's SOA: one cached answer serves both.
  const results = await Promise.all(names.map((at) => lookupFollowingChain(resolver, at, 'SOA', { ...options, dnssecOk: true })));
  const cuts: string[] = [];
  let failed: { result: LookupResult; at: string } | undefined;
  names.forEach((at, k) => {
    const result = results[k]!;
    if (result.kind === 'failed') {
      if (cuts.length === 0) failed ??= { result, at };
    } else if (recordsOf(result, 'SOA', at).length > 0) cuts.push(at);
  });
  return { cuts, ...(failed && { failed }) };
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

type Referral = { readonly delegation: Delegation; readonly glue: ReadonlyMap<string, readonly string[]>; readonly zone?: string };

const NO_GLUE: ReadonlyMap<string, readonly string[]> = new Map();

/**
 * Asks the servers of `zone` (at most MAX_PARENT_TRIES, one after another until one replies) one
 * question directly: the NS set it hands `name`'s zone to, by referral or, when it serves that
 * zone itself, by an authoritative answer.
 */
async function referralFrom(resolver: Resolver, querier: AuthoritativeQuerier, zone: string, question: Question, options: LookupOptions): Promise<Referral> {
  const lookups: LookupResult[] = [];
  const unknown = (): Referral => ({ delegation: { kind: 'unknown', parent: zone, lookups }, glue: NO_GLUE });
  const nsAnswer = await lookupFollowingChain(resolver, zone, 'NS', options);
  if (nsAnswer.kind === 'failed') return { delegation: { kind: 'unknown', parent: zone, lookups: [nsAnswer] }, glue: NO_GLUE };
  const names = [...new Set(recordsOf(nsAnswer, 'NS').map((record) => record.data))].sort().slice(0, MAX_PARENT_TRIES);
  for (const name of names) {
    const found = await addressOf(resolver, name, options);
    if (found.address === undefined) {
      if (found.lookup) lookups.push(found.lookup);
      continue;
    }
    const reply = await querier.ask(found.address, question, options);
    if (reply.result.kind === 'failed') {
      lookups.push(reply.result);
      continue;
    }
    const server = `${name} (${found.address})`;
    if (reply.referral.length > 0) {
      const delegation: Delegation = { kind: 'found', parent: zone, server, ns: [...new Set(reply.referral.map(normalizeName))].sort() };
      return { delegation, glue: reply.glue ?? NO_GLUE, ...(reply.referralZone !== undefined && { zone: reply.referralZone }) };
    }
    // A parent that also serves the child answers with authority instead of a referral.
    const ns = question.type === 'NS' ? recordsOf(reply.result, 'NS').map((record) => record.data) : [];
    if (ns.length > 0) return { delegation: { kind: 'found', parent: zone, server, ns: [...new Set(ns.map(normalizeName))].sort() }, glue: NO_GLUE, zone: question.name };
    return unknown();
  }
  return unknown();
}

export interface AuthorityStep {
  readonly facts?: AuthorityFacts;
  /** Why the step could not start (the zone cut or the zone's NS could not be looked up). */
  readonly failed?: LookupResult;
}

const isBelow = (name: string, zone: string) => zone === '' ? name !== '' : name.endsWith(`.${zone}`);

/** The authority facts of `domain`'s zone, or the lookup that stopped the step. */
export async function gatherAuthority(resolver: Resolver, querier: AuthoritativeQuerier, domain: string, options: LookupOptions = {}): Promise<AuthorityStep> {
  const name = normalizeName(domain);
  const { cuts, failed } = await zoneCuts(resolver, name, options);
  if (cuts.length === 0) return { failed: failed?.result ?? { kind: 'failed', question: { name, type: 'SOA' }, reason: 'malformed', detail: `no zone holds ${name}` } };
  const zone = cuts[0]!;
  if (failed !== undefined) {
    // The resolver cannot answer below `zone` (every server of the child lame: SERVFAIL): ask
    // `zone`'s own servers where the name that failed is delegated.
    const found = await referralFrom(resolver, querier, zone, { name: failed.at, type: 'NS' }, options);
    if (found.delegation.kind !== 'found' || found.zone === undefined || !isBelow(found.zone, zone)) return { failed: failed.result };
    return { facts: await serversOf(resolver, querier, name, found.zone, Promise.resolve(found), options) };
  }
  const parent = cuts[1];
  const referral = parent === undefined ? Promise.resolve<Referral>({ delegation: { kind: 'unknown', parent: '', lookups: [] }, glue: NO_GLUE }) : referralFrom(resolver, querier, parent, { name: zone, type: 'NS' }, options);
  // The check below runs beside the zone's servers: does a server of `zone` refer the domain deeper?
  const below = zone === name ? Promise.resolve(undefined) : referralFrom(resolver, querier, zone, { name, type: 'SOA' }, options);
  const [facts, deeper] = await Promise.all([serversOf(resolver, querier, name, zone, referral, options), below]);
  if (deeper?.delegation.kind === 'found' && deeper.zone !== undefined && isBelow(deeper.zone, zone) && (name === deeper.zone || isBelow(name, deeper.zone))) {
    return { facts: await serversOf(resolver, querier, name, deeper.zone, Promise.resolve(deeper), options) };
  }
  return { facts };
}

/** Every server of `zone` (its own NS set and the delegation's), each asked directly. */
async function serversOf(resolver: Resolver, querier: AuthoritativeQuerier, name: string, zone: string, referral: Promise<Referral>, options: LookupOptions): Promise<AuthorityFacts> {
  const asked = new Map<string, Promise<NameServerFacts>>();
  const glue = referral.then((found) => found.glue);
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
  const { delegation } = await referral;
  if (delegation.kind === 'found') askAll(delegation.ns);
  const servers = (await Promise.all(asked.values())).sort((a, b) => a.name.localeCompare(b.name));
  return { domain: name, zone, delegation, servers, checkedAt: Date.now() };
}
