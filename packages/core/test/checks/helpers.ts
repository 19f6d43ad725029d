/**
 * Builders for DNS answers and snapshots in tests: `answer(...)`, `nxdomain(...)`, `failed(...)`,
 * and a `snapshot(...)` whose defaults are a healthy domain, so each test states only what differs.
 */
import type { DnsRecord, FailureReason, LookupResult, RecordType } from '../../src/dns/types.js';
import type { Finding, SourceRange } from '../../src/findings/finding.js';
import type { AddressFacts, MailDnsSnapshot, TargetFacts } from '../../src/facts/snapshot.js';
import type { MxEntry } from '../../src/checks/mx/mx-entry.js';

export const TTL = 3600;

export const rec = {
  a: (name: string, data: string, ttl = TTL): DnsRecord => ({ type: 'A', name, ttl, data }),
  aaaa: (name: string, data: string, ttl = TTL): DnsRecord => ({ type: 'AAAA', name, ttl, data }),
  cname: (name: string, data: string, ttl = TTL): DnsRecord => ({ type: 'CNAME', name, ttl, data }),
  ptr: (name: string, data: string, ttl = TTL): DnsRecord => ({ type: 'PTR', name, ttl, data }),
  txt: (name: string, ...data: string[]): DnsRecord => ({ type: 'TXT', name, ttl: TTL, data }),
  mx: (name: string, preference: number, exchange: string, ttl = TTL): DnsRecord => ({
    type: 'MX',
    name,
    ttl,
    data: { preference, exchange },
  }),
};

export function answer(name: string, type: RecordType, records: readonly DnsRecord[] = [], resolver?: string): LookupResult {
  return { kind: 'answer', question: { name, type }, records, ...(resolver !== undefined && { resolver }) };
}

export function nxdomain(name: string, type: RecordType, records: readonly DnsRecord[] = [], resolver?: string): LookupResult {
  return { kind: 'nxdomain', question: { name, type }, records, ...(resolver !== undefined && { resolver }) };
}

export function failed(name: string, type: RecordType, reason: FailureReason = 'servfail', resolver?: string): LookupResult {
  return {
    kind: 'failed',
    question: { name, type },
    reason,
    detail: `${reason.toUpperCase()} from https://resolver.test/dns-query`,
    ...(resolver !== undefined && { resolver }),
  };
}

/** Parses `"10 mx.example.com"` / `"0 ."` lines. */
function parseLine(line: string): { preference: number; exchange: string } {
  const [pref, host = ''] = line.trim().split(/\s+/);
  const exchange = host === '.' ? '' : host.replace(/\.$/, '').toLowerCase();
  return { preference: Number(pref), exchange };
}

/** An MX answer for `domain` from zone-style lines. */
export function mxAnswer(domain: string, lines: readonly string[], ttl = TTL, resolver?: string): LookupResult {
  return answer(
    domain,
    'MX',
    lines.map((line) => {
      const { preference, exchange } = parseLine(line);
      return rec.mx(domain, preference, exchange, ttl);
    }),
    resolver,
  );
}

/** `MxEntry[]` from zone-style lines; with `file`, each entry gets a range on its own line. */
export function entries(lines: readonly string[], options: { ttl?: number; file?: string } = {}): MxEntry[] {
  return lines.map((line, index) => {
    const { preference, exchange } = parseLine(line);
    const range: SourceRange | undefined =
      options.file !== undefined
        ? { file: options.file, start: { line: index, character: 0 }, end: { line: index, character: line.length } }
        : undefined;
    return { preference, exchange, ttl: options.ttl ?? TTL, ...(range !== undefined && { range }) };
  });
}

/** A stable public IPv4 address per name (20.0.0.0/8 is ordinary global unicast). */
export function publicV4(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) % 65_000;
  return `20.${(hash >> 8) % 256}.${hash % 256}.${(name.length % 250) + 1}`;
}

function reverse4(address: string): string {
  return `${address.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** Address facts; by default the PTR names `ptrTo` and that name's forward lookup confirms it. */
export function addressFacts(
  address: string,
  ptrTo: string,
  options: { ptr?: LookupResult; forward?: AddressFacts['forward'] } = {},
): AddressFacts {
  const family = address.includes(':') ? 6 : 4;
  const reverseName = family === 4 ? reverse4(address) : `${address}.ip6.arpa`;
  const ptr = options.ptr ?? answer(reverseName, 'PTR', [rec.ptr(reverseName, ptrTo)]);
  const type = family === 4 ? 'A' : 'AAAA';
  const forward =
    options.forward ??
    [{ ptrName: ptrTo, result: answer(ptrTo, type, [family === 4 ? rec.a(ptrTo, address) : rec.aaaa(ptrTo, address)]) }];
  return { address, family, ptr, forward };
}

export interface TargetOptions {
  v4?: readonly string[];
  v6?: readonly string[];
  a?: LookupResult;
  aaaa?: LookupResult;
  chain?: readonly string[];
  addresses?: readonly AddressFacts[];
}

/** Target facts; by default one public IPv4 address, no IPv6, PTR and FCrDNS fine. */
export function target(name: string, options: TargetOptions = {}): TargetFacts {
  const chain = options.chain ?? [name];
  const end = chain[chain.length - 1] ?? name;
  const cnames = chain.slice(1).map((next, index) => rec.cname(chain[index] ?? name, next));
  const v4 = options.v4 ?? (options.a === undefined ? [publicV4(name)] : []);
  const v6 = options.v6 ?? [];
  const a = options.a ?? answer(name, 'A', [...cnames, ...v4.map((address) => rec.a(end, address))]);
  const aaaa = options.aaaa ?? answer(name, 'AAAA', [...cnames, ...v6.map((address) => rec.aaaa(end, address))]);
  const addresses =
    options.addresses ??
    [...(a.kind === 'failed' ? [] : v4), ...(aaaa.kind === 'failed' ? [] : v6)].map((address) => addressFacts(address, end));
  return { name, a, aaaa, cnameChain: chain, addresses };
}

/**
 * A snapshot of `domain` with the given MX (lines or a result). Defaults: no own A/AAAA, SPF and
 * DMARC answers present, one healthy target per plausible MX exchange, a single resolver.
 */
export function snapshot(
  domain: string,
  mx: readonly string[] | LookupResult,
  overrides: Partial<MailDnsSnapshot> = {},
): MailDnsSnapshot {
  const mxResult = Array.isArray(mx) ? mxAnswer(domain, mx as readonly string[]) : (mx as LookupResult);
  const names =
    mxResult.kind === 'failed'
      ? []
      : [
          ...new Set(
            mxResult.records.flatMap((record) =>
              record.type === 'MX' && record.data.exchange !== '' && !/^[\d.]+$/.test(record.data.exchange) ? [record.data.exchange] : [],
            ),
          ),
        ];
  return {
    domain,
    mx: mxResult,
    mxByResolver: [],
    a: answer(domain, 'A'),
    aaaa: answer(domain, 'AAAA'),
    txt: answer(domain, 'TXT', [rec.txt(domain, 'v=spf1 -all')]),
    dmarc: answer(`_dmarc.${domain}`, 'TXT', [rec.txt(`_dmarc.${domain}`, 'v=DMARC1; p=reject')]),
    targets: names.map((name) => target(name)),
    ...overrides,
  };
}

/** Replaces one target of a snapshot. */
export function withTarget(snap: MailDnsSnapshot, facts: TargetFacts): MailDnsSnapshot {
  return { ...snap, targets: [...snap.targets.filter((t) => t.name !== facts.name), facts] };
}

export function ids(findings: readonly Finding[]): string[] {
  return findings.map((item) => item.id);
}

export function only(findings: readonly Finding[], id: string): Finding[] {
  return findings.filter((item) => item.id === id);
}
