/**
 * The authority world as data: which server (loopback address) serves which zone, what each zone
 * holds, and which fault each test domain plants. Rendered to zone files and configs by
 * fixture.ts at start time, because every address depends on the world's address block.
 *
 * Addresses: one world owns the block 127.B.0.0/16 (B picked free at start, so parallel test files
 * and parallel checkouts each get their own). Every server answers on port 53 of its own address,
 * so Unbound follows real referrals (glue addresses carry no port). The /24 of each address is
 * the third octet: healthy zones have their servers on different /24s, `one-net.test` on one.
 *
 * MX targets have public addresses (185.102.x.y, as the main fixture's zones do): nobody connects
 * to them, and loopback targets would add `mx-target-private-address` to every domain.
 */

/** Finding ids of the authority checks (shared/checks.md, "Authority checks"), plus the live id a dead zone yields. */
export type AuthorityFindingId =
  | 'ns-lame'
  | 'ns-delegation-mismatch'
  | 'ns-mx-inconsistent'
  | 'ns-spf-inconsistent'
  | 'ns-dmarc-inconsistent'
  | 'ns-serial-mismatch'
  | 'ns-single'
  | 'mx-propagation-pending'
  | 'lookup-failed';

/** The servers of the world. `last` is the address's last two octets: 127.B.<last>. */
export const SERVERS = {
  /** The fake root: serves `.` and delegates `test.`. */
  root: { last: '100.1', kind: 'bind' },
  /** The parent zone `test.`: two servers with the same data. */
  tldA: { last: '10.1', kind: 'bind' },
  tldB: { last: '11.1', kind: 'bind' },
  /** Child servers, each its own named. */
  s1: { last: '1.1', kind: 'bind' },
  s2: { last: '2.1', kind: 'bind' },
  s3: { last: '3.1', kind: 'bind' },
  s4: { last: '3.2', kind: 'bind' },
  /** A named that serves no zone at all: REFUSED for everything (recursion off). */
  refuser: { last: '4.1', kind: 'bind' },
  /** Bound (UDP and TCP, by dnsdist) but never answers: a timeout. */
  silent: { last: '5.1', kind: 'silent' },
} as const;

export type ServerKey = keyof typeof SERVERS;

export const TLD = 'test';
export const ROOT_NS = 'root-ns.';

/** The zone files served, each by the listed servers. A `variant` gives one server different data. */
export interface ZoneRecord {
  owner: string;
  type: 'NS' | 'A' | 'MX' | 'TXT' | 'SOA';
  data: string;
  ttl?: number;
}

/** Name server name → server key (its address is the server's). */
type NsMap = Record<string, ServerKey>;

export interface DomainSpec {
  /** The zone (= mail domain), fully qualified without the trailing dot. */
  name: string;
  /** What is wrong, in one sentence (README and test names). */
  fault: string;
  /** The authority finding ids a correct checker reports for this domain (nothing else of that table). */
  expectedIds: readonly AuthorityFindingId[];
  /** The NS set at the parent (`test.`), with glue when in-bailiwick. */
  parentNs: NsMap;
  /** The NS set the zone itself serves; `null` when no server serves the zone. */
  zoneNs: NsMap | null;
  /** Servers that load the zone; a server may get its own variant of the data. */
  servedBy: readonly ServerKey[];
  /** Data per server when they differ (key: server). Otherwise `data` for all. */
  data: DomainData;
  variants?: Partial<Record<ServerKey, Partial<DomainData>>>;
  /** How the zone is kept on its servers: all primaries (default), or s1 primary + the others secondaries (NOTIFY + IXFR) with dynamic update by TSIG. */
  replication?: 'independent' | 'primary-secondary';
}

export interface DomainData {
  serial: number;
  /** MX records as `pref target.` */
  mx: readonly string[];
  spf: string | null;
  dmarc: string | null;
  mxTtl?: number;
  /** Extra records (MX target addresses etc.). */
  extra?: readonly ZoneRecord[];
}

const mxHosts = (domain: string, net: number, hosts: readonly string[]): ZoneRecord[] =>
  hosts.map((h, i) => ({ owner: `${h}.${domain}.`, type: 'A', data: `185.102.${net}.${10 * (i + 1)}` }));

const base = (domain: string, net: number, serial = 2026120301): DomainData => ({
  serial,
  mx: [`10 mx1.${domain}.`, `20 mx2.${domain}.`],
  spf: `v=spf1 ip4:185.102.${net}.0/24 -all`,
  dmarc: 'v=DMARC1; p=reject',
  extra: mxHosts(domain, net, ['mx1', 'mx2']),
});

export const DOMAINS = {
  healthy: {
    name: 'healthy.test',
    fault: 'none: two name servers on different /24s, parent and zone agree, same data on both',
    expectedIds: [],
    parentNs: { 'ns1.healthy.test': 's1', 'ns2.healthy.test': 's2' },
    zoneNs: { 'ns1.healthy.test': 's1', 'ns2.healthy.test': 's2' },
    servedBy: ['s1', 's2'],
    data: base('healthy.test', 1),
  },
  dnsHost: {
    name: 'dns-host.test',
    fault: 'none: the DNS host whose name servers serve hosted.test',
    expectedIds: [],
    parentNs: { 'ns1.dns-host.test': 's1', 'ns2.dns-host.test': 's2' },
    zoneNs: { 'ns1.dns-host.test': 's1', 'ns2.dns-host.test': 's2' },
    servedBy: ['s1', 's2'],
    data: base('dns-host.test', 2),
  },
  hosted: {
    name: 'hosted.test',
    fault: 'none: out-of-bailiwick name servers (ns1/ns2.dns-host.test, no glue), their addresses need a lookup',
    expectedIds: [],
    parentNs: { 'ns1.dns-host.test': 's1', 'ns2.dns-host.test': 's2' },
    zoneNs: { 'ns1.dns-host.test': 's1', 'ns2.dns-host.test': 's2' },
    servedBy: ['s1', 's2'],
    data: base('hosted.test', 3),
  },
  single: {
    name: 'single.test',
    fault: 'one name server (RFC 2182 §5)',
    expectedIds: ['ns-single'],
    parentNs: { 'ns.single.test': 's3' },
    zoneNs: { 'ns.single.test': 's3' },
    servedBy: ['s3'],
    data: base('single.test', 4),
  },
  oneNet: {
    name: 'one-net.test',
    fault: 'two name servers, both in one /24 (127.B.3.1 and 127.B.3.2)',
    expectedIds: ['ns-single'],
    parentNs: { 'ns1.one-net.test': 's3', 'ns2.one-net.test': 's4' },
    zoneNs: { 'ns1.one-net.test': 's3', 'ns2.one-net.test': 's4' },
    servedBy: ['s3', 's4'],
    data: base('one-net.test', 5),
  },
  lame: {
    name: 'lame.test',
    fault:
      'four delegated servers: ns1 answers AA; ns2 REFUSES (serves no zone); ns3 never answers (timeout); ns4 is a parent server (answers with a referral, no AA)',
    expectedIds: ['ns-lame'],
    parentNs: { 'ns1.lame.test': 's1', 'ns2.lame.test': 'refuser', 'ns3.lame.test': 'silent', 'ns4.lame.test': 'tldA' },
    zoneNs: { 'ns1.lame.test': 's1', 'ns2.lame.test': 'refuser', 'ns3.lame.test': 'silent', 'ns4.lame.test': 'tldA' },
    servedBy: ['s1'],
    data: base('lame.test', 6),
  },
  allLame: {
    name: 'all-lame.test',
    fault: 'every delegated server is lame: ns1 REFUSES, ns2 never answers; recursive resolvers SERVFAIL',
    expectedIds: ['ns-lame', 'lookup-failed'],
    parentNs: { 'ns1.all-lame.test': 'refuser', 'ns2.all-lame.test': 'silent' },
    zoneNs: null,
    servedBy: [],
    data: base('all-lame.test', 7),
  },
  mismatch: {
    name: 'mismatch.test',
    fault: 'parent NS {ns1, ns2}, the zone says {ns1, ns3} (registrar not updated); all three serve the zone',
    expectedIds: ['ns-delegation-mismatch'],
    parentNs: { 'ns1.mismatch.test': 's1', 'ns2.mismatch.test': 's2' },
    zoneNs: { 'ns1.mismatch.test': 's1', 'ns3.mismatch.test': 's3' },
    servedBy: ['s1', 's2', 's3'],
    data: base('mismatch.test', 8),
  },
  disjoint: {
    name: 'disjoint.test',
    fault: 'parent NS {ns1, ns2}, the zone says {dns-a, dns-b}: no name in common (same two servers behind them)',
    expectedIds: ['ns-delegation-mismatch'],
    parentNs: { 'ns1.disjoint.test': 's1', 'ns2.disjoint.test': 's2' },
    zoneNs: { 'dns-a.disjoint.test': 's1', 'dns-b.disjoint.test': 's2' },
    servedBy: ['s1', 's2'],
    data: base('disjoint.test', 9),
  },
  split: {
    name: 'split.test',
    fault: 'ns1 and ns2 serve different data: SOA serial, MX set, SPF and _dmarc TXT all differ',
    expectedIds: ['ns-mx-inconsistent', 'ns-spf-inconsistent', 'ns-dmarc-inconsistent', 'ns-serial-mismatch'],
    parentNs: { 'ns1.split.test': 's1', 'ns2.split.test': 's2' },
    zoneNs: { 'ns1.split.test': 's1', 'ns2.split.test': 's2' },
    servedBy: ['s1', 's2'],
    data: { ...base('split.test', 10, 2026120302) },
    variants: {
      s2: {
        serial: 2026110101,
        mx: ['10 mx1.split.test.', '20 mx-old.split.test.'],
        spf: 'v=spf1 ip4:185.102.10.0/24 ip4:185.102.99.0/24 ~all',
        dmarc: 'v=DMARC1; p=none',
        extra: mxHosts('split.test', 10, ['mx1', 'mx2', 'mx-old']),
      },
    },
  },
  halfMx: {
    name: 'half-mx.test',
    fault: 'same serial on both servers, but ns2 has no MX RRset (NODATA)',
    expectedIds: ['ns-mx-inconsistent'],
    parentNs: { 'ns1.half-mx.test': 's1', 'ns2.half-mx.test': 's2' },
    zoneNs: { 'ns1.half-mx.test': 's1', 'ns2.half-mx.test': 's2' },
    servedBy: ['s1', 's2'],
    data: base('half-mx.test', 11),
    variants: { s2: { mx: [] } },
  },
  moving: {
    name: 'moving.test',
    fault:
      'healthy until changeMx(): MX TTL 3600; ns1 is the primary (dynamic update by TSIG), ns2 its secondary (NOTIFY + IXFR). After the change the authoritative servers serve the new MX while Unbound still serves the cached old one',
    expectedIds: [],
    parentNs: { 'ns1.moving.test': 's1', 'ns2.moving.test': 's2' },
    zoneNs: { 'ns1.moving.test': 's1', 'ns2.moving.test': 's2' },
    servedBy: ['s1', 's2'],
    replication: 'primary-secondary',
    data: {
      ...base('moving.test', 12),
      mx: ['10 mx-old.moving.test.'],
      mxTtl: 3600,
      extra: mxHosts('moving.test', 12, ['mx-old', 'mx-new', 'mx-new2']),
    },
  },
} as const satisfies Record<string, DomainSpec>;

export type DomainKey = keyof typeof DOMAINS;

/** Expected ids of `moving.test` once changeMx() ran and a resolver still caches the old MX. */
export const MOVING_AFTER_CHANGE: readonly AuthorityFindingId[] = ['mx-propagation-pending'];

// ---------------------------------------------------------------------------------------------
// Rendering

export function address(block: number, server: ServerKey): string {
  return `127.${block}.${SERVERS[server].last}`;
}

function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

function inBailiwick(name: string, zone: string): boolean {
  const n = fqdn(name).toLowerCase();
  const z = fqdn(zone).toLowerCase();
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

function txt(value: string): string {
  // One string per 255 octets is enough here (short test records); escape quotes and backslashes.
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function render(origin: string, serial: number, records: readonly ZoneRecord[], comment: string): string {
  const primary = records.find((r) => r.type === 'NS' && fqdn(r.owner) === fqdn(origin))?.data ?? ROOT_NS;
  const contact = origin === '.' ? `hostmaster.${ROOT_NS}` : `hostmaster.${fqdn(origin)}`;
  const lines = [
    `; ${comment}`,
    '; Generated by test/dns/authority/world.ts at fixture start.',
    '$TTL 3600',
    `$ORIGIN ${fqdn(origin)}`,
    `@ 3600 IN SOA ${primary} ${contact} ${serial} 3600 600 604800 300`,
  ];
  for (const r of records) lines.push(`${fqdn(r.owner)} ${r.ttl ?? 3600} IN ${r.type} ${r.data}`);
  return `${lines.join('\n')}\n`;
}

/** The root zone: `.` NS root-ns., `test.` delegated to a.nic.test / b.nic.test with glue. */
function rootZone(block: number): string {
  return render(
    '.',
    2026120301,
    [
      { owner: '.', type: 'NS', data: ROOT_NS },
      { owner: ROOT_NS, type: 'A', data: address(block, 'root') },
      { owner: `${TLD}.`, type: 'NS', data: `a.nic.${TLD}.` },
      { owner: `${TLD}.`, type: 'NS', data: `b.nic.${TLD}.` },
      { owner: `a.nic.${TLD}.`, type: 'A', data: address(block, 'tldA') },
      { owner: `b.nic.${TLD}.`, type: 'A', data: address(block, 'tldB') },
    ],
    'zone . (the world root)',
  );
}

/** The parent zone `test.`: each domain's parent NS set, with glue for in-bailiwick names. */
function tldZone(block: number): string {
  const records: ZoneRecord[] = [
    { owner: `${TLD}.`, type: 'NS', data: `a.nic.${TLD}.` },
    { owner: `${TLD}.`, type: 'NS', data: `b.nic.${TLD}.` },
    { owner: `a.nic.${TLD}.`, type: 'A', data: address(block, 'tldA') },
    { owner: `b.nic.${TLD}.`, type: 'A', data: address(block, 'tldB') },
  ];
  for (const domain of Object.values(DOMAINS) as DomainSpec[]) {
    for (const [ns, server] of Object.entries(domain.parentNs)) {
      records.push({ owner: domain.name, type: 'NS', data: fqdn(ns) });
      if (inBailiwick(ns, domain.name)) records.push({ owner: ns, type: 'A', data: address(block, server) });
    }
  }
  return render(TLD, 2026120301, records, `zone ${TLD}. (the parent of every test domain)`);
}

/** One child zone as one server loads it. */
export function childZone(block: number, domain: DomainSpec, server: ServerKey): string {
  const data: DomainData = { ...domain.data, ...(domain.variants?.[server] ?? {}) };
  const records: ZoneRecord[] = [];
  for (const [ns, nsServer] of Object.entries(domain.zoneNs ?? {})) {
    records.push({ owner: domain.name, type: 'NS', data: fqdn(ns) });
    if (inBailiwick(ns, domain.name)) records.push({ owner: ns, type: 'A', data: address(block, nsServer) });
  }
  for (const mx of data.mx) records.push({ owner: domain.name, type: 'MX', data: mx, ttl: data.mxTtl ?? 3600 });
  if (data.spf) records.push({ owner: domain.name, type: 'TXT', data: txt(data.spf) });
  if (data.dmarc) records.push({ owner: `_dmarc.${domain.name}`, type: 'TXT', data: txt(data.dmarc) });
  records.push(...(data.extra ?? []));
  return render(domain.name, data.serial, records, `zone ${domain.name}. as served by ${server}`);
}

export interface ZoneOnServer {
  zone: string;
  file: string;
  text: string;
  /** How named loads it. */
  mode: 'primary' | 'updatable-primary' | 'secondary';
}

/** Every zone each BIND server loads (the refuser loads none). */
export function zonesByServer(block: number): Map<ServerKey, ZoneOnServer[]> {
  const byServer = new Map<ServerKey, ZoneOnServer[]>();
  for (const key of Object.keys(SERVERS) as ServerKey[]) if (SERVERS[key].kind === 'bind') byServer.set(key, []);
  const add = (server: ServerKey, zone: ZoneOnServer) => byServer.get(server)?.push(zone);
  add('root', { zone: '.', file: 'root.zone', text: rootZone(block), mode: 'primary' });
  const tld = tldZone(block);
  add('tldA', { zone: TLD, file: `${TLD}.zone`, text: tld, mode: 'primary' });
  add('tldB', { zone: TLD, file: `${TLD}.zone`, text: tld, mode: 'primary' });
  for (const domain of Object.values(DOMAINS) as DomainSpec[]) {
    domain.servedBy.forEach((server, index) => {
      const replicated = domain.replication === 'primary-secondary';
      const mode = !replicated ? 'primary' : index === 0 ? 'updatable-primary' : 'secondary';
      add(server, { zone: domain.name, file: `${domain.name}.zone`, text: childZone(block, domain, server), mode });
    });
  }
  return byServer;
}
