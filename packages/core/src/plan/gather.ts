/**
 * The query plan: ask every question as soon as the answer it depends on is in, and no sooner.
 *
 *   wave 1 (at once):   MX, A, AAAA, TXT at the domain; TXT at _dmarc (and at the organisational
 *                       domain's _dmarc, for a subdomain); MX at every resolver to compare
 *   per MX target:      A and AAAA (CNAME chain comes with them)      ← needs MX
 *   per address:        PTR                                           ← needs A/AAAA
 *   per PTR name:       A or AAAA, to confirm it points back          ← needs PTR
 *
 * Each target's branch runs on its own, so for any number of MX hosts the critical path is four
 * round trips (MX → A/AAAA → PTR → forward), where a person running `dig` one query at a time
 * needs one round trip per question. SPF includes are gathered beside this, from the TXT answer.
 *
 * The work is bounded whatever the answers hold: at most `MAX_MX_HOSTS` (32) MX hosts, the most
 * preferred first (the rest are reported by `mx-hosts-truncated`), at most
 * `MAX_ADDRESSES_PER_TARGET` addresses per host asked for their PTR, and at most
 * `MAX_PTR_NAMES` PTR names per address confirmed.
 */
import { normalizeName, recordsOf, type LookupResult, type Resolver } from '../dns/types.js';
import { cnameChain, lookupFollowingChain } from './follow-chain.js';
import { reverseName } from '../checks/ptr/reverse-name.js';
import type { AddressFacts, MailDnsSnapshot, TargetFacts } from '../facts/snapshot.js';
import { mxHostsToExamine } from '../checks/mx/mx-hosts-truncated.js';
import { mxEntriesFrom } from '../checks/mx/mx-entry.js';
import { organisationalDomain } from '../providers/registrable-domain.js';

/** A PTR may list several names; following a handful is enough to confirm one (RFC 8601 §3). */
const MAX_PTR_NAMES = 4;
/**
 * Addresses per MX host whose reverse DNS is checked. An A/AAAA RRset can hold thousands of
 * addresses; the address checks still see all of them (they read the A/AAAA answers).
 */
export const MAX_ADDRESSES_PER_TARGET = 8;

export interface GatherOptions {
  /** Resolvers to ask the MX question separately, for `resolvers-disagree`; ignored when fewer than 2. */
  readonly compareResolvers?: readonly { readonly url: string; readonly resolver: Resolver }[];
}

export interface GatherResult {
  readonly snapshot: MailDnsSnapshot;
}

/** Starts wave 1 and returns its promises, so the caller can start SPF as soon as TXT is in. */
export function startApexQueries(resolver: Resolver, domain: string, options: GatherOptions = {}) {
  const compare = options.compareResolvers ?? [];
  const org = organisationalDomain(normalizeName(domain));
  return {
    mx: lookupFollowingChain(resolver, domain, 'MX'),
    a: lookupFollowingChain(resolver, domain, 'A'),
    aaaa: lookupFollowingChain(resolver, domain, 'AAAA'),
    txt: lookupFollowingChain(resolver, domain, 'TXT'),
    dmarc: lookupFollowingChain(resolver, `_dmarc.${domain}`, 'TXT'),
    // RFC 7489 §6.6.3: needed only when the subdomain has no record, but asked now, beside it, so
    // the answer costs no round trip of its own.
    orgDmarc:
      org === undefined || org === normalizeName(domain)
        ? Promise.resolve(undefined)
        : lookupFollowingChain(resolver, `_dmarc.${org}`, 'TXT').then((result) => ({ domain: org, result })),
    mxByResolver:
      compare.length < 2
        ? Promise.resolve([])
        : Promise.all(
            compare.map(async ({ url, resolver: single }) => ({ resolver: url, result: await lookupFollowingChain(single, domain, 'MX') })),
          ),
  };
}

export type ApexQueries = ReturnType<typeof startApexQueries>;

/** Runs the plan to the end and returns what was learned. Never throws for DNS trouble. */
export async function gatherSnapshot(resolver: Resolver, domain: string, apex: ApexQueries): Promise<MailDnsSnapshot> {
  const name = normalizeName(domain);
  const targetsPromise = apex.mx.then((mx) => Promise.all(mxTargetNames(mx, name).map((target) => gatherTarget(resolver, target))));
  const [mx, a, aaaa, txt, dmarc, mxByResolver, targets, orgDmarc] = await Promise.all([
    apex.mx,
    apex.a,
    apex.aaaa,
    apex.txt,
    apex.dmarc,
    apex.mxByResolver,
    targetsPromise,
    apex.orgDmarc,
  ]);
  return { domain: name, mx, a, aaaa, txt, dmarc, ...(orgDmarc !== undefined && { orgDmarc }), mxByResolver, targets };
}

/**
 * Distinct MX targets worth resolving (not the null MX, not an IP literal or a malformed name),
 * the most preferred first, at most `MAX_MX_HOSTS` of them (see `mx-hosts-truncated`).
 */
export function mxTargetNames(mx: LookupResult, domain: string): string[] {
  return mxHostsToExamine(mxEntriesFrom(mx, normalizeName(domain)));
}

/** A target's addresses, their PTR names and the forward confirmation: one branch of the plan. */
export async function gatherTarget(resolver: Resolver, name: string): Promise<TargetFacts> {
  const [a, aaaa] = await Promise.all([lookupFollowingChain(resolver, name, 'A'), lookupFollowingChain(resolver, name, 'AAAA')]);
  const chainSource = a.kind !== 'failed' ? a : aaaa;
  const cnameChainNames = cnameChain(chainSource.kind === 'failed' ? [] : chainSource.records, name);
  const end = cnameChainNames.at(-1) ?? name;
  const addresses = [
    ...recordsOf(a, 'A', end).map((record) => ({ address: record.data, family: 4 as const })),
    ...recordsOf(aaaa, 'AAAA', end).map((record) => ({ address: record.data, family: 6 as const })),
  ];
  const seen = new Set<string>();
  const unique = addresses.filter((entry) => !seen.has(entry.address) && seen.add(entry.address)).slice(0, MAX_ADDRESSES_PER_TARGET);
  const addressFacts = await Promise.all(unique.map((entry) => gatherAddress(resolver, entry.address, entry.family)));
  return { name, a, aaaa, cnameChain: cnameChainNames, addresses: addressFacts };
}

async function gatherAddress(resolver: Resolver, address: string, family: 4 | 6): Promise<AddressFacts> {
  const reverse = reverseName(address);
  if (reverse === undefined) {
    const question = { name: address, type: 'PTR' as const };
    return { address, family, ptr: { kind: 'failed', question, reason: 'malformed', detail: `${address} is not an IP address` }, forward: [] };
  }
  const ptr = await lookupFollowingChain(resolver, reverse, 'PTR');
  const ptrNames = [...new Set(recordsOf(ptr, 'PTR').map((record) => record.data))].slice(0, MAX_PTR_NAMES);
  const forward = await Promise.all(
    ptrNames.map(async (ptrName) => ({
      ptrName,
      result: await lookupFollowingChain(resolver, ptrName, family === 4 ? 'A' : 'AAAA'),
    })),
  );
  return { address, family, ptr, forward };
}
