/**
 * Issue #13, item 2: CNAME chains. A loop, a self-alias or a chain longer than the limit followed
 * is `lookup-failed` naming the chain, never "no MX" / "no address"; a chain of 16 aliases is
 * followed whether it comes in one answer or one hop per answer. NXDOMAIN after a CNAME is about
 * the chain's last name (RFC 6604 §2.1), and an NXDOMAIN carrying the asked records contradicts
 * itself. Served by the loopback DoH test server, through the DoH client and the whole plan.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CNAME_HOPS } from '../../src/dns/answer-chain.js';
import { checkDomain } from '../../src/plan/check-domain.js';
import type { DomainReport } from '../../src/plan/report.js';
import { HEALTHY_ZONE, VICTIM, VICTIM_MX, VICTIM_MX_ADDRESS, VICTIM_MX_REVERSE, chainOf, wire, useVictimServer, zoneHandler } from '../dns/hostile-zone.js';
import type { Zone } from '../dns/hostile-zone.js';

const victim = useVictimServer();
const check = (overrides: Zone): Promise<DomainReport> => victim.check(overrides);

function ids(report: DomainReport): string[] {
  return [...new Set(report.findings.map((f) => f.id))].sort();
}

function lookupFailedAbout(report: DomainReport, query: string) {
  return report.findings.filter((f) => f.id === 'lookup-failed' && (f.evidence ?? '').startsWith(`${query}:`));
}

const NEVER = ['mx-missing', 'mx-target-no-address', 'mx-target-nxdomain', 'domain-nxdomain', 'spf-missing', 'dmarc-missing', 'mx-target-ipv6-only'];

/** `victim.example → b.example → victim.example`, sent as one answer to every question at the domain. */
const DOMAIN_LOOP = [wire.cname(VICTIM, 'b.example'), wire.cname('b.example', VICTIM)];

describe('alias loops are lookup-failed, naming the loop', () => {
  it('a loop at the mail domain, in one answer', async () => {
    const report = await check({
      [`${VICTIM} MX`]: { answers: DOMAIN_LOOP },
      [`${VICTIM} A`]: { answers: DOMAIN_LOOP },
      [`${VICTIM} AAAA`]: { answers: DOMAIN_LOOP },
      [`${VICTIM} TXT`]: { answers: DOMAIN_LOOP },
    });
    const [failed] = lookupFailedAbout(report, `MX ${VICTIM}`);
    expect(failed?.message).toMatch(/alias loop/);
    expect(failed?.evidence).toContain('victim.example. → CNAME → b.example. → CNAME → victim.example.');
    expect(ids(report).filter((id) => NEVER.includes(id))).toEqual([]);
    expect(report.verdict).toBe('could-not-check');
  });

  it('a self-alias at an MX target', async () => {
    const self = { answers: [wire.cname(VICTIM_MX, VICTIM_MX)] };
    const report = await check({ [`${VICTIM_MX} A`]: self, [`${VICTIM_MX} AAAA`]: self });
    const [failed] = lookupFailedAbout(report, `A ${VICTIM_MX}`);
    expect(failed?.message).toMatch(/alias loop/);
    expect(failed?.evidence).toContain('mx.victim.example. → CNAME → mx.victim.example.');
    expect(ids(report).filter((id) => NEVER.includes(id))).toEqual([]);
    expect(report.mx[0]?.status).toBe('unknown');
  });

  it('a loop at an MX target sent one hop per answer', async () => {
    const hop = (from: string, to: string) => ({ answers: [wire.cname(from, to)] });
    const loop: Zone = {};
    const names = [VICTIM_MX, 'h1.example', 'h2.example'];
    for (const [index, name] of names.entries()) {
      const next = names[(index + 1) % names.length]!;
      Object.assign(loop, { [`${name} A`]: hop(name, next), [`${name} AAAA`]: hop(name, next) });
    }
    const report = await check(loop);
    const [failed] = lookupFailedAbout(report, `A ${VICTIM_MX}`);
    expect(failed?.message).toMatch(/alias loop/);
    expect(failed?.evidence).toContain('mx.victim.example. → CNAME → h1.example. → CNAME → h2.example. → CNAME → mx.victim.example.');
    expect(ids(report).filter((id) => NEVER.includes(id))).toEqual([]);
  });
});

describe(`chains of up to ${MAX_CNAME_HOPS} aliases are followed; longer ones fail`, () => {
  const hopName = (index: number) => `hop${index}.chain.example`;

  /** The MX target as the start of a chain of `hops` aliases, the last of which has the address. */
  function targetChain(hops: number, oneAnswer: boolean): Zone {
    const { records, names } = chainOf(VICTIM_MX, hops, hopName);
    const end = names[names.length - 1]!;
    const zone: Record<string, unknown> = { [`${end} A`]: { answers: [wire.a(end, VICTIM_MX_ADDRESS)] } };
    if (oneAnswer) zone[`${VICTIM_MX} A`] = { answers: [...records, wire.a(end, VICTIM_MX_ADDRESS)] };
    else for (const [index, record] of records.entries()) zone[`${names[index]} A`] = { answers: [record] };
    return zone as Zone;
  }

  for (const oneAnswer of [true, false]) {
    const how = oneAnswer ? 'in one answer' : 'one hop per answer';
    it(`${MAX_CNAME_HOPS} aliases ${how}: the address is found`, async () => {
      const report = await check(targetChain(MAX_CNAME_HOPS, oneAnswer));
      expect(report.mx[0]?.addresses.map((a) => a.address)).toEqual([VICTIM_MX_ADDRESS]);
      expect(ids(report)).toContain('mx-target-cname');
      expect(lookupFailedAbout(report, `A ${VICTIM_MX}`)).toEqual([]);
    });

    it(`${MAX_CNAME_HOPS + 1} aliases ${how}: lookup-failed naming the chain, not "no address"`, async () => {
      const report = await check(targetChain(MAX_CNAME_HOPS + 1, oneAnswer));
      const [failed] = lookupFailedAbout(report, `A ${VICTIM_MX}`);
      expect(failed?.message).toMatch(/longer than 16/);
      expect(failed?.evidence).toContain(`mx.victim.example. → CNAME → ${hopName(1)}.`);
      expect(ids(report).filter((id) => NEVER.includes(id))).toEqual([]);
    });
  }

  it('an endless chain, one hop per answer, stops after the limit', async () => {
    // Every hop aliases a new name, for ever: the plan must give up, not ask without end.
    const base = zoneHandler({ ...HEALTHY_ZONE, [`${VICTIM_MX} A`]: { answers: [wire.cname(VICTIM_MX, hopName(1))] } });
    let hopsAsked = 0;
    victim.server().handler = (request) => {
      const name = request.query?.questions?.[0]?.name ?? '';
      const hop = /^hop(\d+)\.chain\.example$/.exec(name);
      if (hop === null) return base(request);
      hopsAsked++;
      return zoneHandler({ [`${name} A`]: { answers: [wire.cname(name, hopName(Number(hop[1]) + 1))] } })(request);
    };
    const report = await checkDomain(VICTIM, { resolver: victim.resolver() });
    expect(lookupFailedAbout(report, `A ${VICTIM_MX}`)).toHaveLength(1);
    expect(hopsAsked).toBeLessThanOrEqual(MAX_CNAME_HOPS);
  });
});

describe('NXDOMAIN after a CNAME is about the chain’s last name (RFC 6604 §2.1)', () => {
  it('domain-nxdomain names the missing target, not the alias, when the chain comes in the NXDOMAIN', async () => {
    const chain = [wire.cname(VICTIM, 'gone.provider.example')];
    const report = await check({
      [`${VICTIM} MX`]: { rcode: 3, answers: chain },
      [`${VICTIM} A`]: { rcode: 3, answers: chain },
      [`${VICTIM} AAAA`]: { rcode: 3, answers: chain },
      [`${VICTIM} TXT`]: { rcode: 3, answers: chain },
    });
    const [nx] = report.findings.filter((f) => f.id === 'domain-nxdomain');
    expect(nx?.message).toContain('gone.provider.example, which does not exist');
    expect(nx?.message).not.toMatch(/^victim\.example does not exist/);
    expect(nx?.evidence).toBe('victim.example. → CNAME → gone.provider.example.: NXDOMAIN');
  });

  it('domain-nxdomain names the missing target when the NXDOMAIN comes for the next hop', async () => {
    const report = await check({
      [`${VICTIM} MX`]: { answers: [wire.cname(VICTIM, 'gone.provider.example')] },
      [`${VICTIM} A`]: { answers: [wire.cname(VICTIM, 'gone.provider.example')] },
      [`${VICTIM} TXT`]: { answers: [wire.cname(VICTIM, 'gone.provider.example')] },
    });
    const [nx] = report.findings.filter((f) => f.id === 'domain-nxdomain');
    expect(nx?.message).toContain('gone.provider.example, which does not exist');
  });

  it('mx-target-nxdomain names the missing target of an alias', async () => {
    const chain = [wire.cname(VICTIM_MX, 'gone.provider.example')];
    const report = await check({ [`${VICTIM_MX} A`]: { rcode: 3, answers: chain }, [`${VICTIM_MX} AAAA`]: { rcode: 3, answers: chain } });
    const [nx] = report.findings.filter((f) => f.id === 'mx-target-nxdomain');
    expect(nx?.message).toContain('gone.provider.example, which does not exist');
    expect(nx?.evidence).toBe('mx.victim.example. → CNAME → gone.provider.example.: NXDOMAIN');
  });

  it('an NXDOMAIN that carries the asked records contradicts itself: lookup-failed', async () => {
    const report = await check({ [`${VICTIM} MX`]: { rcode: 3, answers: [wire.mx(VICTIM, 10, VICTIM_MX)] } });
    expect(lookupFailedAbout(report, `MX ${VICTIM}`)).toHaveLength(1);
    expect(ids(report)).not.toContain('domain-nxdomain');
    expect(report.verdict).toBe('could-not-check');
  });

  it('an NXDOMAIN that carries the asked records at the chain’s end contradicts itself', async () => {
    const report = await check({
      [`${VICTIM_MX} A`]: { rcode: 3, answers: [wire.cname(VICTIM_MX, 'host.provider.example'), wire.a('host.provider.example', VICTIM_MX_ADDRESS)] },
    });
    expect(lookupFailedAbout(report, `A ${VICTIM_MX}`)).toHaveLength(1);
    expect(ids(report)).not.toContain('mx-target-nxdomain');
  });

  it('the PTR of an address: a PTR-carrying NXDOMAIN is not "no PTR"', async () => {
    const report = await check({ [`${VICTIM_MX_REVERSE} PTR`]: { rcode: 3, answers: [wire.ptr(VICTIM_MX_REVERSE, VICTIM_MX)] } });
    expect(lookupFailedAbout(report, `PTR ${VICTIM_MX_REVERSE}`)).toHaveLength(1);
    expect(ids(report)).not.toContain('mx-target-ptr-missing');
  });
});
