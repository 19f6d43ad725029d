/** Snapshots with DNSSEC and policy facts, written as the plan records them, for the policy checks' unit tests. */
import type { DnsRecord, DnssecFacts, LookupResult, RecordType, SignatureData } from '../../src/dns/types.js';
import type { MailDnsSnapshot, PolicyDnsFacts, TargetFacts } from '../../src/facts/snapshot.js';

export const DOMAIN = 'example.test';
export const CHECKED_AT = Date.UTC(2026, 11, 3, 13, 0, 0);
export const RESOLVER = 'https://resolver.test/dns-query';

export const AD: DnssecFacts = { authenticated: true, checkingDisabled: false, signatures: [], extendedErrors: [] };

export function answer(name: string, type: RecordType, records: DnsRecord[], dnssec?: DnssecFacts): LookupResult {
  return { kind: 'answer', question: { name, type }, records, resolver: RESOLVER, ...(dnssec && { dnssec }) };
}
export const secure = (name: string, type: RecordType, records: DnsRecord[] = []) => answer(name, type, records, AD);
export function failed(name: string, type: RecordType, reason: 'servfail' | 'bogus' | 'timeout', detail = `${reason} for ${name}`): LookupResult {
  return { kind: 'failed', question: { name, type }, reason, detail, resolver: RESOLVER };
}
export const txt = (name: string, texts: string[], dnssec?: DnssecFacts) => answer(name, 'TXT', texts.map((text) => ({ name, ttl: 300, type: 'TXT' as const, data: [text] })), dnssec);
export const tlsa = (host: string, ...specs: [number, number, number][]) =>
  specs.map(([usage, selector, matchingType], k) => ({ name: `_25._tcp.${host}`, ttl: 300, type: 'TLSA' as const, data: { usage, selector, matchingType, certificateData: String(k).repeat(64) } }));

export function signature(typeCovered: number, expiresAt: number): SignatureData {
  return { typeCovered, algorithm: 13, expiration: Math.floor(expiresAt / 1000) % 2 ** 32, inception: Math.floor(expiresAt / 1000) - 14 * 86400, keyTag: 1, signerName: DOMAIN };
}

export interface HostSpec {
  readonly name: string;
  readonly secure?: boolean;
  readonly tlsa?: LookupResult;
  readonly a?: LookupResult;
}

export function target(spec: HostSpec): TargetFacts {
  const dnssec = spec.secure === false ? undefined : AD;
  const a = spec.a ?? answer(spec.name, 'A', [{ name: spec.name, ttl: 300, type: 'A', data: '192.0.2.10' }], dnssec);
  return { name: spec.name, a, aaaa: answer(spec.name, 'AAAA', [], dnssec), cnameChain: [spec.name], addresses: [], ...(spec.tlsa && { tlsa: spec.tlsa }) };
}

export interface SnapshotSpec {
  readonly signed?: boolean;
  /** The resolver validates (the root's SOA comes back with AD). Default true. */
  readonly validating?: boolean;
  readonly hosts?: readonly HostSpec[];
  readonly mx?: LookupResult;
  readonly policy?: Partial<PolicyDnsFacts>;
  readonly nullMx?: boolean;
}

export function snapshot(spec: SnapshotSpec = {}): MailDnsSnapshot {
  const hosts = spec.hosts ?? [{ name: `mx1.${DOMAIN}` }, { name: `mx2.${DOMAIN}` }];
  const dnssec = spec.signed === false ? undefined : AD;
  const mxRecords: DnsRecord[] = spec.nullMx ? [{ name: DOMAIN, ttl: 300, type: 'MX', data: { preference: 0, exchange: '' } }] : hosts.map((host, k) => ({ name: DOMAIN, ttl: 300, type: 'MX' as const, data: { preference: 10 * (k + 1), exchange: host.name } }));
  const policy: PolicyDnsFacts = {
    checkedAt: CHECKED_AT,
    validatorProbe: answer('', 'SOA', [], spec.validating === false ? undefined : AD),
    soa: answer(DOMAIN, 'SOA', [], dnssec),
    dnskey: answer(DOMAIN, 'DNSKEY', [], dnssec),
    mtaSts: answer(`_mta-sts.${DOMAIN}`, 'TXT', [], dnssec),
    tlsRpt: answer(`_smtp._tls.${DOMAIN}`, 'TXT', [], dnssec),
    ...spec.policy,
  };
  return {
    domain: DOMAIN,
    mx: spec.mx ?? answer(DOMAIN, 'MX', mxRecords, dnssec),
    mxByResolver: [],
    a: answer(DOMAIN, 'A', [], dnssec),
    aaaa: answer(DOMAIN, 'AAAA', [], dnssec),
    txt: txt(DOMAIN, ['v=spf1 mx -all'], dnssec),
    dmarc: txt(`_dmarc.${DOMAIN}`, ['v=DMARC1; p=reject'], dnssec),
    targets: spec.nullMx ? [] : hosts.map(target),
    policy,
  };
}

export const ids = (findings: readonly { id: string }[]) => findings.map((f) => f.id);
