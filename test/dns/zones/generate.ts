/**
 * Source of the test zones. Writes the zone files in this directory (they are committed so humans
 * and `named-checkzone` can read them; a test checks that they are up to date):
 *
 *   pnpm tsx test/dns/zones/generate.ts
 *
 * Every address below is served only by the loopback BIND of the test fixture. Good hosts use
 * public (not special-purpose) blocks: 185.101.0.0/16 and 2a01:4f8:c0c::/48 for the fault domains,
 * 46.23.80.0/22 and 2a01:4f8:1c1c::/48 for the good domains, realistic Google / Microsoft
 * addresses for the provider names. Private addresses appear only on
 * `mx-target-private-address.broken.test` and (127.0.0.25–29) on the SMTP domains.
 *
 * Conventions for the fault domains (`<id>.broken.test`): the clean baseline is
 *   MX 10 mx1.<d>, MX 20 mx2.<d> (TTL 3600), each with A 185.101.N.{10,20} and AAAA
 *   2a01:4f8:c0c:N::{10,20}, PTRs that point back to the host name (forward-confirmed),
 *   TXT "v=spf1 ip4:185.101.N.0/24 -all", _dmarc TXT "v=DMARC1; p=reject".
 * A fault replaces one piece of that. The expected finding ids are in ../fixtures.ts.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Rec = { owner: string; type: string; data: string; ttl?: number };

const ZONE_NAMES = [
  '.',
  'broken.test',
  'good.test',
  'google.com',
  '1e100.net',
  'outlook.com',
  'in-addr.arpa',
  'ip6.arpa',
] as const;

/** Zones served only in one view: the file name per view. */
export const VIEW_ZONES = {
  'resolvers-disagree.broken.test': { main: 'resolvers-disagree.main.zone', alt: 'resolvers-disagree.alt.zone' },
} as const;

export function zoneFileName(zone: string): string {
  return zone === '.' ? 'root.zone' : `${zone}.zone`;
}

/** All zones shared by both views, with their file names. */
export const SHARED_ZONES: readonly { zone: string; file: string }[] = ZONE_NAMES.map((zone) => ({
  zone,
  file: zoneFileName(zone),
}));

// ---------------------------------------------------------------------------------------------
// Helpers

function expandV6(address: string): string[] {
  const [head = '', tail = ''] = address.includes('::') ? address.split('::') : [address, ''];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8) throw new Error(`bad IPv6 address ${address}`);
  return groups.map((g) => g.padStart(4, '0'));
}

export function reverseName(address: string): string {
  if (address.includes(':')) {
    return `${expandV6(address).join('').split('').reverse().join('.')}.ip6.arpa`;
  }
  return `${address.split('.').reverse().join('.')}.in-addr.arpa`;
}

function zoneOf(name: string): string {
  const n = name.toLowerCase();
  let best = '.';
  for (const z of [...ZONE_NAMES, ...Object.keys(VIEW_ZONES)]) {
    if (z === '.') continue;
    if ((n === z || n.endsWith(`.${z}`)) && z.length > best.length) best = z;
  }
  return best;
}

const records = new Map<string, Rec[]>();
/** Records of the view-specific zones: zone -> view -> records. */
const viewRecords = new Map<string, { main: Rec[]; alt: Rec[] }>();

function add(owner: string, type: string, data: string, ttl?: number): void {
  const zone = zoneOf(owner);
  if (zone in VIEW_ZONES) {
    let v = viewRecords.get(zone);
    if (!v) viewRecords.set(zone, (v = { main: [], alt: [] }));
    v.main.push({ owner, type, data, ttl });
    v.alt.push({ owner, type, data, ttl });
    return;
  }
  let list = records.get(zone);
  if (!list) records.set(zone, (list = []));
  list.push({ owner, type, data, ttl });
}

function addView(view: 'main' | 'alt', owner: string, type: string, data: string, ttl?: number): void {
  const zone = zoneOf(owner);
  let v = viewRecords.get(zone);
  if (!v) viewRecords.set(zone, (v = { main: [], alt: [] }));
  v[view].push({ owner, type, data, ttl });
}

function quoteTxt(...strings: string[]): string {
  return strings.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(' ');
}

const txt = (owner: string, ...strings: string[]) => add(owner, 'TXT', quoteTxt(...strings));
const mx = (owner: string, preference: number, target: string, ttl = 3600) =>
  add(owner, 'MX', `${preference} ${target === '.' ? '.' : `${target}.`}`, ttl);
const ptrSeen = new Map<string, string>();
const ptr = (address: string, name: string) => {
  const owner = reverseName(address);
  const before = ptrSeen.get(owner);
  if (before !== undefined) throw new Error(`${address} already has a PTR (${before}), not adding ${name}`);
  ptrSeen.set(owner, name);
  add(owner, 'PTR', `${name}.`);
};

type PtrMode = 'match' | 'none' | { to: string };

/** A host with addresses; PTRs point back to it unless told otherwise. */
function host(name: string, v4: string[], v6: string[] = [], ptrMode: PtrMode = 'match'): void {
  for (const a of v4) add(name, 'A', a);
  for (const a of v6) add(name, 'AAAA', a);
  for (const a of [...v4, ...v6]) {
    if (ptrMode === 'match') ptr(a, name);
    else if (ptrMode !== 'none') ptr(a, ptrMode.to);
  }
}

const v4 = (n: number, last: number) => `185.101.${n}.${last}`;
const v6 = (n: number, last: number) => `2a01:4f8:c0c:${n.toString(16)}::${last.toString(16)}`;

interface BaselineOptions {
  /** MX records; default 10 mx1, 20 mx2. */
  mx?: [number, string][];
  /** Create the default hosts mx1/mx2 (default true). */
  hosts?: ('mx1' | 'mx2')[];
  spf?: string | null;
  dmarc?: string | null;
  mxTtl?: number;
}

/** The clean baseline of a fault domain, with hooks to leave pieces out. */
function baseline(d: string, n: number, o: BaselineOptions = {}): void {
  const mxs = o.mx ?? [
    [10, `mx1.${d}`],
    [20, `mx2.${d}`],
  ];
  for (const [pref, target] of mxs) mx(d, pref, target, o.mxTtl ?? 3600);
  const hosts = o.hosts ?? ['mx1', 'mx2'];
  if (hosts.includes('mx1')) host(`mx1.${d}`, [v4(n, 10)], [v6(n, 0x10)]);
  if (hosts.includes('mx2')) host(`mx2.${d}`, [v4(n, 20)], [v6(n, 0x20)]);
  const spf = o.spf === undefined ? `v=spf1 ip4:185.101.${n}.0/24 -all` : o.spf;
  if (spf !== null) txt(d, spf);
  const dmarc = o.dmarc === undefined ? 'v=DMARC1; p=reject' : o.dmarc;
  if (dmarc !== null) txt(`_dmarc.${d}`, dmarc);
}

const B = (id: string) => `${id}.broken.test`;
const G = (name: string) => `${name}.good.test`;

// The root zone: makes every name outside the test zones NXDOMAIN (as on the real internet)
// instead of REFUSED. Its NS names need addresses inside it: the one BIND, on two loopback
// addresses in two /24s, so the authority step (tests set MXD_DNS_PORT to BIND's port) finds two
// name servers that serve every zone (dnsdist answers for BIND on the second address).
add('ns1.fixture.test', 'A', '127.0.0.1');
add('ns2.fixture.test', 'A', '127.0.1.1');
// An answer larger than an EDNS buffer of 1,232 octets: over UDP it comes truncated (TC), and the
// direct transport asks again over TCP (RFC 7766). Eight TXT records of 200 characters.
for (let k = 0; k < 8; k++) add('large-txt.fixture.test', 'TXT', `"${String(k).repeat(200)}"`);

// ---------------------------------------------------------------------------------------------
// Providers

// Google: current single MX and the legacy five-host set; PTRs in 1e100.net as in real life.
const googleHosts: [string, string, string, string, string][] = [
  // name, v4, v6, v4 ptr, v6 ptr
  ['smtp.google.com', '142.250.102.26', '2a00:1450:4025:c03::1a', 'wa-in-f26.1e100.net', 'wa-in-x1a.1e100.net'],
  ['aspmx.l.google.com', '142.251.9.26', '2a00:1450:4025:c05::1a', 'wb-in-f26.1e100.net', 'wb-in-x1a.1e100.net'],
  ['alt1.aspmx.l.google.com', '142.250.153.27', '2a00:1450:4013:c16::1b', 'ea-in-f27.1e100.net', 'ea-in-x1b.1e100.net'],
  ['alt2.aspmx.l.google.com', '64.233.184.26', '2a00:1450:400c:c0b::1a', 'wr-in-f26.1e100.net', 'wr-in-x1a.1e100.net'],
  ['alt3.aspmx.l.google.com', '142.250.150.26', '2a00:1450:4010:c1c::1a', 'ee-in-f26.1e100.net', 'ee-in-x1a.1e100.net'],
  ['alt4.aspmx.l.google.com', '142.251.9.27', '2a00:1450:4025:c05::1b', 'wb-in-f27.1e100.net', 'wb-in-x1b.1e100.net'],
];
for (const [name, a, aaaa, ptr4, ptr6] of googleHosts) {
  add(name, 'A', a, 300);
  add(name, 'AAAA', aaaa, 300);
  add(ptr4, 'A', a);
  add(ptr6, 'AAAA', aaaa);
  ptr(a, ptr4);
  ptr(aaaa, ptr6);
}
txt(
  '_spf.google.com',
  'v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all',
);
txt(
  '_netblocks.google.com',
  'v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ip4:66.102.0.0/20 ip4:66.249.80.0/20 ip4:72.14.192.0/18 ip4:74.125.0.0/16 ip4:108.177.8.0/21 ip4:173.194.0.0/16 ip4:209.85.128.0/17 ip4:216.58.192.0/19 ip4:216.239.32.0/19 ~all',
);
txt(
  '_netblocks2.google.com',
  'v=spf1 ip6:2001:4860:4000::/36 ip6:2404:6800:4000::/36 ip6:2607:f8b0:4000::/36 ip6:2800:3f0:4000::/36 ip6:2a00:1450:4000::/36 ip6:2c0f:fb50:4000::/36 ~all',
);
txt(
  '_netblocks3.google.com',
  'v=spf1 ip4:172.217.0.0/19 ip4:172.217.32.0/20 ip4:172.217.128.0/19 ip4:172.217.160.0/20 ip4:172.217.192.0/19 ip4:172.253.56.0/21 ip4:172.253.112.0/20 ip4:108.177.96.0/19 ip4:35.191.0.0/16 ip4:130.211.0.0/22 ~all',
);

// Microsoft 365: every tenant name under mail.protection.outlook.com answers (wildcard), IPv4 only
// as for real tenants; PTRs point to names that resolve back.
const msAddrs: [string, string][] = [
  ['52.101.68.5', 'mail-am0eur02on2005.inbound.protection.outlook.com'],
  ['52.101.68.6', 'mail-am0eur02on2006.inbound.protection.outlook.com'],
];
for (const [a, name] of msAddrs) {
  add('*.mail.protection.outlook.com', 'A', a, 10);
  add(name, 'A', a);
  ptr(a, name);
}
txt(
  'spf.protection.outlook.com',
  'v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:52.102.0.0/16 ip4:52.103.0.0/16 ip6:2a01:111:f400::/48 ip6:2a01:111:f403::/49 ip6:2a01:111:f403:8000::/50 ip6:2a01:111:f403:c000::/51 ip6:2a01:111:f403:f000::/52 -all',
);
const SPF_GOOGLE = 'v=spf1 include:_spf.google.com ~all';
const SPF_M365 = 'v=spf1 include:spf.protection.outlook.com -all';

// ---------------------------------------------------------------------------------------------
// Good domains (good.test)

{
  const d = G('google');
  mx(d, 1, 'smtp.google.com');
  txt(d, SPF_GOOGLE);
  txt(`_dmarc.${d}`, 'v=DMARC1; p=reject; rua=mailto:dmarc@google.good.test');
}
{
  const d = G('google-legacy');
  mx(d, 1, 'aspmx.l.google.com');
  mx(d, 5, 'alt1.aspmx.l.google.com');
  mx(d, 5, 'alt2.aspmx.l.google.com');
  mx(d, 10, 'alt3.aspmx.l.google.com');
  mx(d, 10, 'alt4.aspmx.l.google.com');
  txt(d, SPF_GOOGLE);
  txt(`_dmarc.${d}`, 'v=DMARC1; p=quarantine');
}
{
  const d = G('m365');
  mx(d, 0, 'm365-good-test.mail.protection.outlook.com');
  txt(d, SPF_M365);
  txt(d, 'MS=ms12345678');
  txt(`_dmarc.${d}`, 'v=DMARC1; p=reject');
}
{
  const d = G('selfhosted');
  mx(d, 10, `mx1.${d}`);
  mx(d, 20, `mx2.${d}`);
  host(`mx1.${d}`, ['46.23.80.10'], ['2a01:4f8:1c1c:80::10']);
  host(`mx2.${d}`, ['46.23.80.20'], ['2a01:4f8:1c1c:80::20']);
  add(d, 'A', '46.23.80.80');
  ptr('46.23.80.80', d);
  txt(d, 'v=spf1 ip4:46.23.80.0/24 ip6:2a01:4f8:1c1c:80::/64 -all');
  txt(d, 'google-site-verification=selfhosted-good-test');
  txt(`_dmarc.${d}`, 'v=DMARC1; p=reject; rua=mailto:dmarc@selfhosted.good.test');
}
{
  const d = G('nullmx');
  mx(d, 0, '.');
  txt(d, 'v=spf1 -all');
  txt(`_dmarc.${d}`, 'v=DMARC1; p=reject');
}
{
  // One TXT record in three strings; joined with nothing between them it is valid SPF. Joined
  // with spaces it would read "ip4:46.23.81.0/2 4 -all" (a syntax error): catches a wrong join.
  const d = G('spf-split');
  mx(d, 10, `mx1.${d}`);
  mx(d, 20, `mx2.${d}`);
  host(`mx1.${d}`, ['46.23.81.10'], ['2a01:4f8:1c1c:81::10']);
  host(`mx2.${d}`, ['46.23.81.20'], ['2a01:4f8:1c1c:81::20']);
  add(d, 'TXT', quoteTxt('v=spf1 ip4:46.23.81.0/2', '4 ip6:2a01:4f8:1c1c:81::/64', ' -all'));
  txt(`_dmarc.${d}`, 'v=DMARC1; p=reject');
}
{
  const d = G('bench5');
  for (let i = 1; i <= 5; i++) {
    mx(d, i * 10, `mx${i}.${d}`);
    host(`mx${i}.${d}`, [`46.23.82.${10 + i}`], [`2a01:4f8:1c1c:82::${(0x10 + i).toString(16)}`]);
  }
  txt(d, 'v=spf1 ip4:46.23.82.0/24 -all');
  txt(`_dmarc.${d}`, 'v=DMARC1; p=reject');
}

// ---------------------------------------------------------------------------------------------
// SMTP hosts: 127.0.0.25 good (STARTTLS), .26 no STARTTLS, .27 554 greeting, .28 closes at once,
// .29 nothing listening. PTRs forward-confirm, so the only DNS finding is the private address.

export const SMTP_ADDRESSES = {
  good: '127.0.0.25',
  noStarttls: '127.0.0.26',
  badGreeting: '127.0.0.27',
  closes: '127.0.0.28',
  unreachable: '127.0.0.29',
} as const;

const smtpPtrNames: Record<string, string> = {
  '127.0.0.25': 'starttls.smtp-hosts.broken.test',
  '127.0.0.26': 'no-starttls.smtp-hosts.broken.test',
  '127.0.0.27': 'bad-greeting.smtp-hosts.broken.test',
  '127.0.0.28': 'closes.smtp-hosts.broken.test',
  '127.0.0.29': 'unreachable.smtp-hosts.broken.test',
};
for (const [a, name] of Object.entries(smtpPtrNames)) {
  add(name, 'A', a);
  ptr(a, name);
}

function smtpDomain(d: string, mx1: string, mx2: string): void {
  mx(d, 10, `mx1.${d}`);
  mx(d, 20, `mx2.${d}`);
  add(`mx1.${d}`, 'A', mx1);
  add(`mx2.${d}`, 'A', mx2);
  txt(d, 'v=spf1 ip4:127.0.0.25 -all');
  txt(`_dmarc.${d}`, 'v=DMARC1; p=reject');
}
smtpDomain(B('smtp-ok'), SMTP_ADDRESSES.good, SMTP_ADDRESSES.good);
smtpDomain(B('smtp-no-starttls'), SMTP_ADDRESSES.noStarttls, SMTP_ADDRESSES.good);
smtpDomain(B('smtp-bad-greeting'), SMTP_ADDRESSES.badGreeting, SMTP_ADDRESSES.good);
smtpDomain(B('smtp-bad-greeting-close'), SMTP_ADDRESSES.closes, SMTP_ADDRESSES.good);
smtpDomain(B('smtp-host-unreachable'), SMTP_ADDRESSES.unreachable, SMTP_ADDRESSES.good);
smtpDomain(B('smtp-unreachable'), SMTP_ADDRESSES.unreachable, SMTP_ADDRESSES.unreachable);

// ---------------------------------------------------------------------------------------------
// Fault domains (broken.test). N (the third octet / fourth IPv6 group) is fixed per domain.

// domain-nxdomain.broken.test: deliberately absent (nothing at or below that name).

baseline(B('mx-missing'), 2, { mx: [], hosts: [] });
add(B('mx-missing'), 'A', v4(2, 80));
add(B('mx-missing'), 'AAAA', v6(2, 0x80));
ptr(v4(2, 80), B('mx-missing'));
ptr(v6(2, 0x80), B('mx-missing'));

baseline(B('mx-null'), 3, { mx: [[0, '.']], hosts: [], spf: 'v=spf1 -all' });

baseline(B('mx-null-mixed'), 4, {
  mx: [
    [0, '.'],
    [10, `mx1.${B('mx-null-mixed')}`],
    [20, `mx2.${B('mx-null-mixed')}`],
  ],
  spf: 'v=spf1 -all',
});

baseline(B('mx-null-nonzero-preference'), 5, { mx: [[10, '.']], hosts: [], spf: 'v=spf1 -all' });

baseline(B('mx-null-incomplete'), 6, { mx: [[0, '.']], hosts: [], spf: 'v=spf1 -all', dmarc: 'v=DMARC1; p=quarantine' });

// domain-cname: the mail domain is an alias of a clean baseline domain.
add(B('domain-cname'), 'CNAME', `${B('domain-cname-target')}.`);
txt(`_dmarc.${B('domain-cname')}`, 'v=DMARC1; p=reject');
baseline(B('domain-cname-target'), 7);

// mx-target-ip-literal: the exchange is the four labels 203.0.113.10 (absolute). The bad target
// comes IN ADDITION to the two good hosts: whether or not a checker counts a name that is not a
// host name as an "MX host", two valid hosts remain (so no mx-single either way).
{
  const d = B('mx-target-ip-literal');
  baseline(d, 8, { mx: [[5, '203.0.113.10'], [10, `mx1.${d}`], [20, `mx2.${d}`]] });
}

// mx-target-invalid-name: "_" is outside LDH; the host has a public, PTR-confirmed address. Added
// to the two good hosts, as above.
{
  const d = B('mx-target-invalid-name');
  baseline(d, 9, { mx: [[5, `mail_1.${d}`], [10, `mx1.${d}`], [20, `mx2.${d}`]] });
  host(`mail_1.${d}`, [v4(9, 5)], [v6(9, 0x5)]);
}

{
  const d = B('mx-target-cname');
  baseline(d, 10, { hosts: ['mx2'] });
  add(`mx1.${d}`, 'CNAME', `real-mx1.${d}.`);
  host(`real-mx1.${d}`, [v4(10, 10)], [v6(10, 0x10)]);
}

{
  const d = B('mx-target-nxdomain');
  baseline(d, 11, { mx: [[10, `mxl.${d}`], [20, `mx2.${d}`]], hosts: ['mx2'] });
}

{
  const d = B('mx-target-no-address');
  baseline(d, 12, { hosts: ['mx2'] });
  txt(`mx1.${d}`, 'this host has no address records');
}

{
  const d = B('mx-target-private-address');
  baseline(d, 13, { hosts: ['mx2'] });
  host(`mx1.${d}`, ['10.20.30.40', '192.168.20.25']);
}

{
  const d = B('mx-target-ipv6-only');
  baseline(d, 14, { hosts: ['mx2'] });
  host(`mx1.${d}`, [], [v6(14, 0x10)]);
}

{
  const d = B('mx-all-targets-broken');
  baseline(d, 15, { hosts: [] });
  // mx1 does not exist; mx2 exists without addresses.
  txt(`mx2.${d}`, 'this host has no address records');
}

{
  const d = B('mx-duplicate');
  baseline(d, 16, { mx: [[10, `mx1.${d}`], [20, `mx2.${d}`], [30, `mx1.${d}`]] });
}

{
  const d = B('mx-single');
  baseline(d, 17, { mx: [[10, `mx1.${d}`]], hosts: ['mx1'] });
}

{
  const d = B('mx-same-priority');
  baseline(d, 18, { mx: [[10, `mx1.${d}`], [10, `mx2.${d}`]] });
}

{
  const d = B('mx-split-delivery');
  baseline(d, 19, {
    mx: [
      [1, 'smtp.google.com'],
      [1, 'mx-split-delivery-broken-test.mail.protection.outlook.com'],
    ],
    hosts: [],
    spf: 'v=spf1 include:_spf.google.com include:spf.protection.outlook.com -all',
  });
}

{
  const d = B('mx-mixed-providers');
  baseline(d, 20, { mx: [[1, 'smtp.google.com'], [20, `mail.${d}`]], hosts: [], spf: 'v=spf1 include:_spf.google.com -all' });
  host(`mail.${d}`, [v4(20, 20)], [v6(20, 0x20)]);
}

{
  const d = B('mx-provider-incomplete');
  baseline(d, 21, {
    mx: [
      [1, 'aspmx.l.google.com'],
      [5, 'alt1.aspmx.l.google.com'],
    ],
    hosts: [],
    spf: SPF_GOOGLE,
  });
}

baseline(B('mx-ttl-high'), 22, { mxTtl: 172800 });

{
  const d = B('mx-target-ptr-missing');
  baseline(d, 23, { hosts: ['mx2'] });
  host(`mx1.${d}`, [v4(23, 10)], [], 'none');
}

{
  // The PTR of mx1's address names mx1-old, which resolves to another address.
  const d = B('mx-target-ptr-mismatch');
  baseline(d, 24, { hosts: ['mx2'] });
  host(`mx1.${d}`, [v4(24, 10)], [], { to: `mx1-old.${d}` });
  host(`mx1-old.${d}`, [v4(24, 99)]);
}

{
  // resolvers-disagree: its own zone, one file per view. main: mx1 + mx2; alt: mx1 + mx3.
  const d = B('resolvers-disagree');
  const n = 25;
  for (const view of ['main', 'alt'] as const) {
    addView(view, d, 'MX', `10 mx1.${d}.`, 3600);
    addView(view, d, 'MX', view === 'main' ? `20 mx2.${d}.` : `20 mx3.${d}.`, 3600);
  }
  host(`mx1.${d}`, [v4(n, 10)], [v6(n, 0x10)]);
  host(`mx2.${d}`, [v4(n, 20)], [v6(n, 0x20)]);
  host(`mx3.${d}`, [v4(n, 30)], [v6(n, 0x30)]);
  txt(d, `v=spf1 ip4:185.101.${n}.0/24 -all`);
  txt(`_dmarc.${d}`, 'v=DMARC1; p=reject');
}

{
  const d = B('spf-missing');
  baseline(d, 26, { spf: null });
  txt(d, 'google-site-verification=spf-missing-broken-test');
}

{
  const d = B('spf-multiple');
  baseline(d, 27);
  txt(d, SPF_GOOGLE);
}

baseline(B('spf-syntax'), 28, { spf: 'v=spf1 ip4:185.101.28.0/24 ipv4:185.101.28.10 -all' });

{
  // include: to a name that exists but has no SPF record
  const d = B('spf-include-missing');
  baseline(d, 29, { spf: `v=spf1 ip4:185.101.29.0/24 include:_spf.${d} -all` });
  txt(`_spf.${d}`, 'this name has TXT but no SPF');
}

baseline(B('spf-include-nxdomain'), 30, {
  spf: 'v=spf1 ip4:185.101.30.0/24 include:_spf.mail-provider-gone.broken.test -all',
});

{
  const d = B('spf-include-loop');
  baseline(d, 31, { spf: `v=spf1 ip4:185.101.31.0/24 include:loop._spf.${d} -all` });
  txt(`loop._spf.${d}`, `v=spf1 include:${d} -all`);
}

baseline(B('spf-redirect-missing'), 32, { spf: 'v=spf1 redirect=_spf.mail-provider-gone.broken.test' });

{
  // 3 includes at the top, each with 3 more: 12 DNS-querying terms.
  const d = B('spf-too-many-lookups');
  baseline(d, 33, { spf: `v=spf1 include:a._spf.${d} include:b._spf.${d} include:c._spf.${d} -all` });
  let leaf = 1;
  for (const branch of ['a', 'b', 'c']) {
    txt(
      `${branch}._spf.${d}`,
      `v=spf1 include:${branch}1._spf.${d} include:${branch}2._spf.${d} include:${branch}3._spf.${d} -all`,
    );
    for (const i of [1, 2, 3]) {
      txt(`${branch}${i}._spf.${d}`, `v=spf1 ip4:185.101.33.${leaf++} -all`);
    }
  }
}

baseline(B('spf-permissive-all'), 34, { spf: 'v=spf1 ip4:185.101.34.0/24 +all' });
baseline(B('spf-permissive-all-neutral'), 35, { spf: 'v=spf1 ip4:185.101.35.0/24 ?all' });
baseline(B('spf-permissive-all-missing'), 36, { spf: 'v=spf1 ip4:185.101.36.0/24' });

{
  // Three void lookups: two NXDOMAIN names and one name without an A record.
  const d = B('spf-too-many-void-lookups');
  baseline(d, 37, { spf: `v=spf1 ip4:185.101.37.0/24 a:gone1.${d} a:gone2.${d} a:noaddr.${d} -all` });
  txt(`noaddr.${d}`, 'exists, but has no address');
}

baseline(B('dmarc-missing'), 38, { dmarc: null });
baseline(B('dmarc-invalid'), 39, { dmarc: 'v=DMARC1; p=bogus' });
baseline(B('dmarc-invalid-no-policy'), 40, { dmarc: 'v=DMARC1; rua=mailto:dmarc@dmarc-invalid-no-policy.broken.test' });
baseline(B('dmarc-not-enforced'), 41, { dmarc: 'v=DMARC1; p=none; rua=mailto:dmarc@dmarc-not-enforced.broken.test' });

// Markup in DNS data, for front ends that render it (the browser popup must show it as text):
// an SPF term and a DMARC policy that are an HTML tag with an event handler.
baseline(B('xss'), 42, {
  spf: 'v=spf1 ip4:185.101.42.0/24 <img src=x onerror=alert(1)> -all',
  dmarc: 'v=DMARC1; p=<img src=x onerror=alert(1)>',
});

// Hostile text in DNS data, for the text and Markdown renderers (issue #13). A label or TXT string
// may hold any octet (RFC 2181 §11); the zone file writes them as RFC 1035 §5.1 escapes (`\027` is
// ESC, `\007` BEL, `\010` newline, `\194\155` the UTF-8 of the C1 control U+009B), and BIND serves
// the raw octets. `;` `(` `)` and space are escaped too: they mean something in a zone file.
const TERMINAL_ESCAPES_TXT = String.raw`"v=spf1 ip4:185.101.131.0/24 \027]0;spf-title\007 \010FAKE-LINE \194\155 -all"`;
{
  // Beside the good mx1/mx2 (no mx-single whichever way a checker counts): an MX target whose
  // labels retitle a terminal (OSC 0 … BEL), fake a line and carry a C1 control; SPF and DMARC too.
  const d = B('terminal-escapes');
  baseline(d, 131, { spf: null, dmarc: null });
  add(d, 'MX', String.raw`30 \027]0\;mx-title\007.fake\010line\194\155.${d}.`);
  add(d, 'TXT', TERMINAL_ESCAPES_TXT);
  add(`_dmarc.${d}`, 'TXT', String.raw`"v=DMARC1; p=reject; x=\027]0;dmarc-title\007\010"`);
}
{
  // Beside the good mx1/mx2: MX names and an SPF record that are Markdown links, images,
  // autolinks, HTML and code-span breakouts.
  const d = B('markdown-injection');
  baseline(d, 132, { spf: null });
  add(d, 'MX', String.raw`30 [x]\(http://evil\).${d}.`);
  add(d, 'MX', String.raw`40 <img\032src=x\032onerror=alert\(1\)>.${d}.`);
  add(d, 'MX', String.raw`50 \`\`<b>code</b>\`.${d}.`);
  txt(d, 'v=spf1 ip4:185.101.132.0/24 [x](http://evil) ![i](http://evil/i.png) <http://evil.example> <b>b</b> `x` -all');
}

// ---------------------------------------------------------------------------------------------
// Issue #13, items 12–13 (DMARC of subdomains, SPF edge cases).

// RFC 7489 §6.6.3: the organisational domain good.test has a DMARC record, which applies to its
// subdomains that have none (sp= first). broken.test has none, so dmarc-missing.broken.test finds
// no record at either name.
txt('_dmarc.good.test', 'v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@good.test');
{
  const d = G('dmarc-inherited');
  mx(d, 10, `mx1.${d}`);
  mx(d, 20, `mx2.${d}`);
  host(`mx1.${d}`, ['46.23.83.10'], ['2a01:4f8:1c1c:83::10']);
  host(`mx2.${d}`, ['46.23.83.20'], ['2a01:4f8:1c1c:83::20']);
  txt(d, 'v=spf1 ip4:46.23.83.0/24 -all');
}

// RFC 7208 §4.6.4: an mx term whose domain has more than 10 MX records is a permerror. As in the
// RFC 7208 test suite's mx-limit: ten records for one host (preferences 0–9) and one more, so
// 11 records but two names.
{
  const d = B('spf-mx-many');
  baseline(d, 70, { spf: `v=spf1 ip4:185.101.70.0/24 mx:many.${d} -all` });
  for (let i = 0; i < 10; i++) mx(`many.${d}`, i, `mail.many.${d}`);
  mx(`many.${d}`, 10, `many.${d}`);
  host(`mail.many.${d}`, [v4(70, 30)]);
  add(`many.${d}`, 'A', v4(70, 31));
}

// Issue #13, item 4: more MX hosts than one check examines (MAX_MX_HOSTS = 32). Forty hosts at
// forty preferences, all working (one address each, forward-confirmed), so the only finding is
// mx-hosts-truncated: hosts 33–40 are not looked up.
{
  const d = B('mx-hosts-truncated');
  const hosts = Array.from({ length: 40 }, (_, i) => `mx${i + 1}.${d}`);
  baseline(d, 140, { mx: hosts.map((name, i): [number, string] => [10 * (i + 1), name]), hosts: [] });
  hosts.forEach((name, i) => host(name, [v4(140, i + 1)]));
}

// ---------------------------------------------------------------------------------------------
// Output

const SOA_NS = (origin: string) =>
  [
    `$TTL 3600`,
    `$ORIGIN ${origin === '.' ? '.' : `${origin}.`}`,
    `@ 3600 IN SOA ns1.fixture.test. hostmaster.fixture.test. 2024010101 3600 600 604800 300`,
    `@ 3600 IN NS ns1.fixture.test.`,
    `@ 3600 IN NS ns2.fixture.test.`,
  ].join('\n');

function render(zone: string, recs: readonly Rec[], comment: string): string {
  const lines = [`; ${comment}`, '; Generated by test/dns/zones/generate.ts: edit that file, not this one.', SOA_NS(zone), ''];
  let last = '';
  for (const r of recs) {
    if (r.owner !== last && last !== '') lines.push('');
    last = r.owner;
    lines.push(`${r.owner}. ${r.ttl ?? 3600} IN ${r.type} ${r.data}`);
  }
  return `${lines.join('\n')}\n`;
}

/** File name -> content of every zone file. */
export function renderZones(): Map<string, string> {
  const out = new Map<string, string>();
  for (const zone of ZONE_NAMES) {
    out.set(zoneFileName(zone), render(zone, records.get(zone) ?? [], `zone ${zone} (both views)`));
  }
  for (const [zone, files] of Object.entries(VIEW_ZONES)) {
    const v = viewRecords.get(zone);
    if (!v) throw new Error(`no records for ${zone}`);
    out.set(files.main, render(zone, v.main, `zone ${zone}, view "main" (127.0.0.1)`));
    out.set(files.alt, render(zone, v.alt, `zone ${zone}, view "alt" (127.0.0.2): a different MX set`));
  }
  return out;
}

export const ZONES_DIR = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of renderZones()) writeFileSync(join(ZONES_DIR, file), text);
  console.log(`wrote ${renderZones().size} zone files to ${ZONES_DIR}`);
}
