/**
 * The fleet world (issue #16): a generated zone of mail domains, `f00001.test` … `fNNNNN.test`,
 * each with one of the KINDS below (a mix of clean set-ups and single faults), so that a run over
 * thousands of domains can be checked domain by domain against `expectedIds`. The mix repeats
 * every 20 domains (KIND_CYCLE), so any slice of the list has every kind.
 *
 * Clean baseline of a domain's own hosts: MX 10 mx1 + MX 20 mx2, each with one IPv4 address
 * (46.23.x.y for mx1, 46.24.x.y for mx2: public-looking, never contacted, DNS data only) and a
 * forward-confirmed PTR, `v=spf1 mx -all`, DMARC `p=reject`. "hosting" domains point at two hosts
 * shared by all of them (mx1/mx2.hosting.test): the answers a fleet run should ask once.
 */

export const KINDS = {
  'own-hosts': { expected: [], note: 'the clean baseline' },
  hosting: { expected: [], note: 'MX 10 mx1.hosting.test, 20 mx2.hosting.test (shared by every hosting domain); SPF include:_spf.hosting.test -all' },
  'null-mx': { expected: ['mx-null'], note: 'MX 0 ., v=spf1 -all, DMARC reject' },
  'no-mx': { expected: ['mx-missing'], note: 'an A record, SPF and DMARC, no MX' },
  nxdomain: { expected: ['domain-nxdomain'], note: 'not in the zone at all' },
  'target-nxdomain': { expected: ['mx-target-nxdomain'], note: 'MX 20 names a host that does not exist' },
  single: { expected: ['mx-single'], note: 'only MX 10 mx1' },
  'no-spf': { expected: ['spf-missing'], note: 'no SPF record' },
  'no-dmarc': { expected: ['dmarc-missing'], note: 'no _dmarc record' },
  'dmarc-none': { expected: ['dmarc-not-enforced'], note: 'DMARC p=none' },
  'ptr-missing': { expected: ['mx-target-ptr-missing'], note: "mx2's address has no PTR" },
} as const satisfies Record<string, { expected: readonly string[]; note: string }>;

export type Kind = keyof typeof KINDS;

/** Twenty domains in a row get these kinds, then it starts again (own and shared hosts most often, as in real fleets). */
export const KIND_CYCLE: readonly Kind[] = [
  'own-hosts', 'hosting', 'own-hosts', 'hosting', 'null-mx', 'own-hosts', 'hosting', 'no-mx', 'nxdomain', 'own-hosts',
  'target-nxdomain', 'hosting', 'single', 'no-spf', 'own-hosts', 'no-dmarc', 'hosting', 'dmarc-none', 'ptr-missing', 'own-hosts',
];

export function fleetDomain(index: number): string {
  return `f${String(index).padStart(5, '0')}.test`;
}

export function kindOf(index: number): Kind {
  return KIND_CYCLE[(index - 1) % KIND_CYCLE.length]!;
}

export function expectedIds(index: number): readonly string[] {
  return KINDS[kindOf(index)].expected;
}

/** The index of a fleet domain (`f00042.test` → 42), or undefined. */
export function indexOf(domain: string): number | undefined {
  const match = /^f(\d{5})\.test$/.exec(domain);
  return match ? Number(match[1]) : undefined;
}

function address(prefix: 23 | 24, index: number): string {
  return `46.${prefix}.${index >> 8}.${index & 255}`;
}

export interface FleetZones {
  /** Zone `test.`: every fleet domain and the hosting provider. */
  readonly test: string[];
  /** Reverse zones `23.46.in-addr.arpa.` and `24.46.in-addr.arpa.` (and the hosting hosts' 46.25.0.x). */
  readonly reverse: Record<string, string[]>;
}

/** The records (zone-file lines, absolute names) of `count` fleet domains. */
export function fleetZones(count: number): FleetZones {
  if (count > 65535) throw new Error('the address plan holds 65,535 domains');
  const test: string[] = [
    'mx1.hosting.test. A 46.25.0.1',
    'mx2.hosting.test. A 46.25.0.2',
    '_spf.hosting.test. TXT "v=spf1 ip4:46.25.0.0/24 -all"',
  ];
  const reverse: Record<string, string[]> = {
    '23.46.in-addr.arpa': [],
    '24.46.in-addr.arpa': [],
    '25.46.in-addr.arpa': ['1.0 PTR mx1.hosting.test.', '2.0 PTR mx2.hosting.test.'],
  };
  const ptr = (prefix: 23 | 24, index: number, host: string) => reverse[`${prefix}.46.in-addr.arpa`]!.push(`${index & 255}.${index >> 8} PTR ${host}.`);
  for (let i = 1; i <= count; i++) {
    const d = fleetDomain(i);
    const kind = kindOf(i);
    if (kind === 'nxdomain') continue;
    const own = (hosts: 1 | 2, withPtr2 = true) => {
      test.push(`${d}. MX 10 mx1.${d}.`, `mx1.${d}. A ${address(23, i)}`);
      ptr(23, i, `mx1.${d}`);
      if (hosts === 2) {
        test.push(`${d}. MX 20 mx2.${d}.`, `mx2.${d}. A ${address(24, i)}`);
        if (withPtr2) ptr(24, i, `mx2.${d}`);
      }
    };
    const spf = kind === 'null-mx' ? 'v=spf1 -all' : kind === 'hosting' ? 'v=spf1 include:_spf.hosting.test -all' : 'v=spf1 mx -all';
    const dmarc = kind === 'dmarc-none' ? 'v=DMARC1; p=none' : 'v=DMARC1; p=reject';
    switch (kind) {
      case 'hosting':
        test.push(`${d}. MX 10 mx1.hosting.test.`, `${d}. MX 20 mx2.hosting.test.`);
        break;
      case 'null-mx':
        test.push(`${d}. MX 0 .`);
        break;
      case 'no-mx':
        test.push(`${d}. A ${address(23, i)}`);
        break;
      case 'target-nxdomain':
        test.push(`${d}. MX 10 mx1.${d}.`, `mx1.${d}. A ${address(23, i)}`, `${d}. MX 20 missing.${d}.`);
        ptr(23, i, `mx1.${d}`);
        break;
      case 'single':
        own(1);
        break;
      case 'ptr-missing':
        own(2, false);
        break;
      default:
        own(2);
    }
    if (kind !== 'no-spf') test.push(`${d}. TXT "${spf}"`);
    if (kind !== 'no-dmarc') test.push(`_dmarc.${d}. TXT "${dmarc}"`);
  }
  return { test, reverse };
}
