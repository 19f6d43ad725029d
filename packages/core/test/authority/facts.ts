/** Authority facts for the `ns-*` unit tests, written as the gatherer records them. */
import type { DnsRecord, LookupResult, Question, RecordType } from '../../src/dns/types.js';
import type { AuthorityFacts, DirectAnswer, NameServerFacts } from '../../src/facts/authority.js';
import type { MailDnsSnapshot } from '../../src/facts/snapshot.js';

export const DOMAIN = 'example.test';
export const CHECKED_AT = Date.UTC(2026, 11, 3, 13, 0, 0);

const q = (name: string, type: RecordType): Question => ({ name, type });

export function answer(name: string, type: RecordType, records: DnsRecord[], authoritative = true): DirectAnswer {
  return { result: { kind: 'answer', question: q(name, type), records }, authoritative };
}

export function failed(name: string, type: RecordType, reason: 'timeout' | 'refused' | 'servfail', server = '127.0.1.1'): DirectAnswer {
  return { result: { kind: 'failed', question: q(name, type), reason, detail: `${reason} from ${server}` }, authoritative: false };
}

export const soa = (serial: number, zone = DOMAIN, authoritative = true) =>
  answer(zone, 'SOA', [{ name: zone, ttl: 3600, type: 'SOA', data: { mname: `ns1.${zone}`, serial, minimum: 300 } }], authoritative);
export const mx = (...hosts: string[]) =>
  answer(DOMAIN, 'MX', hosts.map((host, k) => ({ name: DOMAIN, ttl: 3600, type: 'MX', data: { preference: 10 * (k + 1), exchange: host } })));
export const txt = (name: string, ...texts: string[]) => answer(name, 'TXT', texts.map((text) => ({ name, ttl: 3600, type: 'TXT', data: [text] })));
export const ns = (zone: string, ...names: string[]) => answer(zone, 'NS', names.map((data) => ({ name: zone, ttl: 3600, type: 'NS', data })));

/** A server that serves the zone: AA answers for everything, the same data unless told otherwise. */
export function serving(name: string, address: string, overrides: Partial<NameServerFacts> = {}): NameServerFacts {
  return {
    name,
    address,
    soa: soa(2026120301),
    ns: ns(DOMAIN, 'ns1.example.test', 'ns2.example.test'),
    mx: mx('mx1.example.test', 'mx2.example.test'),
    txt: txt(DOMAIN, 'v=spf1 mx -all'),
    dmarc: txt(`_dmarc.${DOMAIN}`, 'v=DMARC1; p=reject'),
    ...overrides,
  };
}

export function authority(servers: NameServerFacts[], delegationNs: string[] | null = servers.map((s) => s.name)): AuthorityFacts {
  return {
    domain: DOMAIN,
    zone: DOMAIN,
    delegation: delegationNs === null ? { kind: 'unknown', parent: 'test', lookups: [] } : { kind: 'found', parent: 'test', server: 'ns.test (127.0.0.10)', ns: delegationNs },
    servers,
    checkedAt: CHECKED_AT,
  };
}

/** A snapshot whose resolvers served `cached` MX answers (the parts the authority checks read). */
export function snapshotWith(cached: { resolver: string; result: LookupResult }[]): MailDnsSnapshot {
  const empty = (type: RecordType): LookupResult => ({ kind: 'answer', question: q(DOMAIN, type), records: [] });
  return {
    domain: DOMAIN,
    mx: cached[0]!.result,
    mxByResolver: cached.length > 1 ? cached : [],
    a: empty('A'),
    aaaa: empty('AAAA'),
    txt: empty('TXT'),
    dmarc: { kind: 'answer', question: q(`_dmarc.${DOMAIN}`, 'TXT'), records: [] },
    targets: [],
  };
}

export function cachedMx(resolver: string, ttl: number, ...hosts: string[]): { resolver: string; result: LookupResult } {
  return {
    resolver,
    result: { kind: 'answer', question: q(DOMAIN, 'MX'), resolver, records: hosts.map((host, k) => ({ name: DOMAIN, ttl, type: 'MX' as const, data: { preference: 10 * (k + 1), exchange: host } })) },
  };
}

export const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id);
