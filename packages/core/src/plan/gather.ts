/**
 * The query plan: ask every question as soon as the answer it depends on is in, and no sooner.
 *
 *   wave 1 (at once):   MX (with DO), A, AAAA, TXT at the domain; TXT at _dmarc (and at the
 *                       organisational domain's _dmarc, for a subdomain); MX at every resolver to
 *                       compare; the policy questions: SOA and DNSKEY at the domain (with DO),
 *                       TXT at _mta-sts and _smtp._tls, and the root's SOA (does the resolver validate?)
 *   per MX target:      A and AAAA (CNAME chain comes with them), TLSA at _25._tcp  ← needs MX
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
import type { AddressFacts, MailDnsSnapshot, PolicyDnsFacts, PolicyFetch, PolicyFetcher, TargetFacts } from '../facts/snapshot.js';
import { readStsRecord } from '../checks/mta-sts/sts-record.js';
import { txtTexts } from '../checks/mta-sts/mta-sts-record-invalid.js';
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
  /** Fetches the MTA-STS policy file when `_mta-sts` announces one (Node front ends). */
  readonly policyFetcher?: PolicyFetcher;
  /** When the whole check must be done (for the policy fetch). */
  readonly deadline?: number;
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
    // With DO: the MX RRset's RRSIG (dnssec-signature-expiring); AD comes either way.
    mx: lookupFollowingChain(resolver, domain, 'MX', { dnssecOk: true }),
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
    policy: startPolicyQueries(resolver, normalizeName(domain), options),
    mxByResolver:
      compare.length < 2
        ? Promise.resolve([])
        : Promise.all(
            compare.map(async ({ url, resolver: single }) => ({ resolver: url, result: await lookupFollowingChain(single, domain, 'MX') })),
          ),
  };
}

export type ApexQueries = ReturnType<typeof startApexQueries>;

/** The DNSSEC and transport-policy questions of wave 1 (none depends on another answer). */
async function startPolicyQueries(resolver: Resolver, domain: string, options: GatherOptions): Promise<PolicyDnsFacts> {
  const mtaStsPromise = lookupFollowingChain(resolver, `_mta-sts.${domain}`, 'TXT');
  // The policy file as soon as the record says there is one (RFC 8461 §3.3), beside everything else.
  const fetcher = options.policyFetcher;
  const policyPromise = fetcher === undefined ? Promise.resolve(undefined) : mtaStsPromise.then((record) => fetchPolicyIfAnnounced(resolver, domain, record, fetcher, options.deadline));
  const [validatorProbe, soa, dnskey, mtaSts, tlsRpt, mtaStsPolicy] = await Promise.all([
    // With DO, as the authority step asks it (one cached answer for both).
    resolver.lookup('', 'SOA', { dnssecOk: true }),
    lookupFollowingChain(resolver, domain, 'SOA', { dnssecOk: true }),
    lookupFollowingChain(resolver, domain, 'DNSKEY', { dnssecOk: true }),
    mtaStsPromise,
    lookupFollowingChain(resolver, `_smtp._tls.${domain}`, 'TXT'),
    policyPromise,
  ]);
  return { checkedAt: Date.now(), validatorProbe, soa, dnskey, mtaSts, tlsRpt, ...(mtaStsPolicy !== undefined && { mtaStsPolicy }) };
}

/** At most this many addresses of the policy host are tried. */
const MAX_POLICY_ADDRESSES = 4;

/**
 * The policy file, when `_mta-sts` holds one valid record: its host resolved through the check's
 * own resolver (never the system's), then fetched. No host address is a `no-host` failure.
 */
async function fetchPolicyIfAnnounced(resolver: Resolver, domain: string, record: LookupResult, fetcher: PolicyFetcher, deadline?: number): Promise<PolicyFetch | undefined> {
  const texts = txtTexts(record);
  if (texts === undefined || readStsRecord(texts).kind !== 'valid') return undefined;
  const host = `mta-sts.${domain}`;
  const url = `https://${host}/.well-known/mta-sts.txt`;
  const [a, aaaa] = await Promise.all([lookupFollowingChain(resolver, host, 'A'), lookupFollowingChain(resolver, host, 'AAAA')]);
  const end = (result: LookupResult) => cnameChain(result.kind === 'failed' ? [] : result.records, host).at(-1) ?? host;
  const addresses = [...recordsOf(a, 'A', end(a)), ...recordsOf(aaaa, 'AAAA', end(aaaa))].map((item) => item.data).slice(0, MAX_POLICY_ADDRESSES);
  if (addresses.length === 0) {
    const failedLookup = [a, aaaa].find((result) => result.kind === 'failed');
    const detail =
      failedLookup?.kind === 'failed'
        ? `the address lookup for ${host} failed: ${failedLookup.detail}`
        : a.kind === 'nxdomain'
          ? `${host} does not exist (NXDOMAIN)`
          : `${host} has no A or AAAA record`;
    return { kind: 'failed', url, reason: 'no-host', detail };
  }
  return fetcher({ url, host, addresses, ...(deadline !== undefined && { deadline }) });
}

/** Runs the plan to the end and returns what was learned. Never throws for DNS trouble. */
export async function gatherSnapshot(resolver: Resolver, domain: string, apex: ApexQueries): Promise<MailDnsSnapshot> {
  const name = normalizeName(domain);
  const targetsPromise = apex.mx.then((mx) => Promise.all(mxTargetNames(mx, name).map((target) => gatherTarget(resolver, target, { tlsa: true }))));
  const [mx, a, aaaa, txt, dmarc, mxByResolver, targets, orgDmarc, policy] = await Promise.all([
    apex.mx,
    apex.a,
    apex.aaaa,
    apex.txt,
    apex.dmarc,
    apex.mxByResolver,
    targetsPromise,
    apex.orgDmarc,
    apex.policy,
  ]);
  return { domain: name, mx, a, aaaa, txt, dmarc, ...(orgDmarc !== undefined && { orgDmarc }), mxByResolver, targets, policy };
}

/**
 * Distinct MX targets worth resolving (not the null MX, not an IP literal or a malformed name),
 * the most preferred first, at most `MAX_MX_HOSTS` of them (see `mx-hosts-truncated`).
 */
export function mxTargetNames(mx: LookupResult, domain: string): string[] {
  return mxHostsToExamine(mxEntriesFrom(mx, normalizeName(domain)));
}

/** A target's addresses, their PTR names and the forward confirmation: one branch of the plan. */
export async function gatherTarget(resolver: Resolver, name: string, options: { readonly tlsa?: boolean } = {}): Promise<TargetFacts> {
  // TLSA beside the addresses (RFC 7672 §2.2: the MX host's own name), not after them.
  const tlsaPromise = options.tlsa === true ? lookupFollowingChain(resolver, `_25._tcp.${name}`, 'TLSA') : undefined;
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
  const [addressFacts, tlsa] = await Promise.all([Promise.all(unique.map((entry) => gatherAddress(resolver, entry.address, entry.family))), tlsaPromise]);
  return { name, a, aaaa, cnameChain: cnameChainNames, addresses: addressFacts, ...(tlsa !== undefined && { tlsa }) };
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

/**
 * The MTA-STS policy `domain` publishes now, for a file's MX owner (lint --live, the editor with
 * live checks on): its `_mta-sts` record, then the policy file when the record is valid.
 * `undefined` when it announces none (or the record lookup failed: nothing to compare against).
 */
export async function gatherLivePolicy(resolver: Resolver, domain: string, fetcher: PolicyFetcher): Promise<PolicyFetch | undefined> {
  const name = normalizeName(domain);
  const record = await lookupFollowingChain(resolver, `_mta-sts.${name}`, 'TXT');
  return fetchPolicyIfAnnounced(resolver, name, record, fetcher);
}
