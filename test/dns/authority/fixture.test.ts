/**
 * Proves the authority world serves what world.ts plants: the root and the parent serve referrals
 * with glue (no AA), each child server answers AA for its zone, the lame servers refuse, time out or
 * refer, the split servers differ as planted, Unbound resolves through the referral chain, and after
 * changeMx() the authoritative answer changes while Unbound still serves the cached old MX.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dohQuery } from '../doh.js';
import { QueryTimeout, isAuthoritative, queryDns } from './dns-query.js';
import type { Packet, RecordType } from './dns-query.js';
import { mxSetOf, startAuthorityWorld } from './fixture.js';
import type { AuthorityWorld, NameServer } from './fixture.js';
import { DOMAINS, MOVING_AFTER_CHANGE } from './world.js';
import type { DomainKey } from './world.js';

const execFileAsync = promisify(execFile);
let world: AuthorityWorld;

beforeAll(async () => {
  world = await startAuthorityWorld();
  console.log(`authority world: started in ${world.startMs} ms on 127.${world.block}.0.0/16`);
});

afterAll(async () => {
  await world?.stop();
});

const ask = (address: string, name: string, type: RecordType) =>
  queryDns(address, world.authoritativePort, name, type, { timeoutMs: 1000 });

const namesOf = (records: Packet['answers'], type: string) =>
  (records ?? [])
    .filter((r) => r.type === type)
    .map((r) => String(r.data).toLowerCase().replace(/\.$/, ''))
    .sort();

const glueOf = (packet: Packet) =>
  (packet.additionals ?? [])
    .filter((r) => r.type === 'A')
    .map((r) => ({ name: r.name.toLowerCase(), address: String(r.data) }))
    .sort((a, b) => a.name.localeCompare(b.name));

const sortedNames = (list: readonly NameServer[]) => list.map((s) => s.name).sort();

const txtOf = (packet: Packet) =>
  (packet.answers ?? [])
    .filter((r) => r.type === 'TXT')
    .map((r) => (r.data as Uint8Array[]).map((part) => Buffer.from(part).toString('utf8')).join(''))
    .sort();

const serialOf = (packet: Packet) => {
  const soa = (packet.answers ?? []).find((r) => r.type === 'SOA');
  return (soa?.data as { serial?: number } | undefined)?.serial;
};

describe('the hierarchy', () => {
  it('the root answers AA for . and refers test. to a.nic / b.nic with glue', async () => {
    const ns = await ask(world.root.address, '.', 'NS');
    expect(isAuthoritative(ns)).toBe(true);
    expect(namesOf(ns.answers, 'NS')).toEqual(['root-ns']);
    const referral = await ask(world.root.address, 'healthy.test', 'MX');
    expect(referral.rcode).toBe('NOERROR');
    expect(isAuthoritative(referral)).toBe(false);
    expect(referral.answers ?? []).toEqual([]);
    expect(namesOf(referral.authorities, 'NS')).toEqual(['a.nic.test', 'b.nic.test']);
    expect(glueOf(referral)).toEqual(world.parentServers.map((s) => ({ name: s.name, address: s.address })));
  });

  it('both parent servers serve every delegation: NS + glue, no AA for the child', async () => {
    for (const parent of world.parentServers) {
      for (const [key, domain] of Object.entries(world.domains)) {
        const referral = await ask(parent.address, domain.name, 'SOA');
        expect(referral.rcode, `${parent.name} ${key}`).toBe('NOERROR');
        expect(isAuthoritative(referral), `${parent.name} ${key}`).toBe(false);
        expect(referral.answers ?? []).toEqual([]);
        expect(namesOf(referral.authorities, 'NS'), `${parent.name} ${key}`).toEqual(sortedNames(domain.parentNs));
        // Every NS name is under test., so the parent has an address for each: glue for the child's own
        // names, sibling glue (dns-host.test's) for hosted.test's.
        expect(glueOf(referral), `${parent.name} ${key} glue`).toEqual(
          domain.parentNs.map((s) => ({ name: s.name, address: s.address })).sort((a, b) => a.name.localeCompare(b.name)),
        );
      }
    }
  });

  it('every server of a zone answers AA with the zone\u2019s own NS set', async () => {
    for (const [key, spec] of Object.entries(DOMAINS) as [DomainKey, (typeof DOMAINS)[DomainKey]][]) {
      const domain = world.domains[key];
      for (const server of spec.servedBy) {
        const address = world.servers.find((s) => s.key === server)?.address ?? '';
        const answer = await ask(address, domain.name, 'NS');
        expect(answer.rcode, `${server} ${key}`).toBe('NOERROR');
        expect(isAuthoritative(answer), `${server} ${key}`).toBe(true);
        expect(namesOf(answer.answers, 'NS'), `${server} ${key}`).toEqual(sortedNames(domain.zoneNs ?? []));
      }
    }
  });

  it('dig agrees on the AA flag (an independent client)', async () => {
    const [ns1] = world.domains.healthy.servers;
    const { stdout } = await execFileAsync('dig', ['+norec', '+tries=1', '+time=2', '-p', String(world.authoritativePort), `@${ns1?.address}`, 'healthy.test', 'MX']);
    expect(stdout).toMatch(/flags: qr aa;/);
    expect(stdout).toMatch(/healthy\.test\.\s+3600\s+IN\s+MX\s+10 mx1\.healthy\.test\./);
  });
});

describe('planted faults', () => {
  const server = (domain: DomainKey, name: string) => {
    const found = world.domains[domain].servers.find((s) => s.name === name);
    if (!found) throw new Error(`${name} not in ${domain}`);
    return found.address;
  };

  it('lame.test: ns1 answers AA, ns2 REFUSES, ns3 never answers, ns4 refers (no AA)', async () => {
    const ns1 = await ask(server('lame', 'ns1.lame.test'), 'lame.test', 'SOA');
    expect([ns1.rcode, isAuthoritative(ns1)]).toEqual(['NOERROR', true]);
    const ns2 = await ask(server('lame', 'ns2.lame.test'), 'lame.test', 'SOA');
    expect(ns2.rcode).toBe('REFUSED');
    const started = Date.now();
    await expect(ask(server('lame', 'ns3.lame.test'), 'lame.test', 'SOA')).rejects.toBeInstanceOf(QueryTimeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const ns4 = await ask(server('lame', 'ns4.lame.test'), 'lame.test', 'SOA');
    expect([ns4.rcode, isAuthoritative(ns4), ns4.answers?.length ?? 0]).toEqual(['NOERROR', false, 0]);
    expect(namesOf(ns4.authorities, 'NS')).toEqual(sortedNames(world.domains.lame.parentNs));
  });

  it('all-lame.test: no delegated server serves it, and Unbound says SERVFAIL', async () => {
    const ns1 = await ask(server('allLame', 'ns1.all-lame.test'), 'all-lame.test', 'SOA');
    expect(ns1.rcode).toBe('REFUSED');
    await expect(ask(server('allLame', 'ns2.all-lame.test'), 'all-lame.test', 'SOA')).rejects.toBeInstanceOf(QueryTimeout);
    const started = Date.now();
    const viaUnbound = await queryDns(world.dnsResolver.host, world.dnsResolver.port, 'all-lame.test', 'MX', {
      recursionDesired: true,
      timeoutMs: 20_000,
    });
    expect(viaUnbound.rcode).toBe('SERVFAIL');
    console.log(`all-lame.test: Unbound SERVFAIL after ${Date.now() - started} ms`);
  });

  it('the silent server also gives no answer over TCP', async () => {
    await expect(
      queryDns(server('lame', 'ns3.lame.test'), world.authoritativePort, 'lame.test', 'SOA', { tcp: true, timeoutMs: 1000 }),
    ).rejects.toThrow();
  });

  it('mismatch.test: parent {ns1, ns2}, zone {ns1, ns3}; disjoint.test shares no name', () => {
    expect(sortedNames(world.domains.mismatch.parentNs)).toEqual(['ns1.mismatch.test', 'ns2.mismatch.test']);
    expect(sortedNames(world.domains.mismatch.zoneNs ?? [])).toEqual(['ns1.mismatch.test', 'ns3.mismatch.test']);
    const parent = new Set(sortedNames(world.domains.disjoint.parentNs));
    expect(sortedNames(world.domains.disjoint.zoneNs ?? []).filter((n) => parent.has(n))).toEqual([]);
  });

  it('split.test: ns1 and ns2 serve different serials, MX sets, SPF and _dmarc TXT', async () => {
    const [a, b] = [server('split', 'ns1.split.test'), server('split', 'ns2.split.test')];
    expect([serialOf(await ask(a, 'split.test', 'SOA')), serialOf(await ask(b, 'split.test', 'SOA'))]).toEqual([2026120302, 2026110101]);
    expect(mxSetOf(await ask(a, 'split.test', 'MX'))).toBe('10 mx1.split.test.\n20 mx2.split.test.');
    expect(mxSetOf(await ask(b, 'split.test', 'MX'))).toBe('10 mx1.split.test.\n20 mx-old.split.test.');
    expect(txtOf(await ask(a, 'split.test', 'TXT'))).toEqual(['v=spf1 ip4:185.102.10.0/24 -all']);
    expect(txtOf(await ask(b, 'split.test', 'TXT'))).toEqual(['v=spf1 ip4:185.102.10.0/24 ip4:185.102.99.0/24 ~all']);
    expect(txtOf(await ask(a, '_dmarc.split.test', 'TXT'))).toEqual(['v=DMARC1; p=reject']);
    expect(txtOf(await ask(b, '_dmarc.split.test', 'TXT'))).toEqual(['v=DMARC1; p=none']);
  });

  it('half-mx.test: same serial, ns2 answers NODATA for MX (AA, NOERROR, no records)', async () => {
    const [a, b] = [server('halfMx', 'ns1.half-mx.test'), server('halfMx', 'ns2.half-mx.test')];
    expect(serialOf(await ask(a, 'half-mx.test', 'SOA'))).toBe(serialOf(await ask(b, 'half-mx.test', 'SOA')));
    expect(mxSetOf(await ask(a, 'half-mx.test', 'MX'))).toBe('10 mx1.half-mx.test.\n20 mx2.half-mx.test.');
    const nodata = await ask(b, 'half-mx.test', 'MX');
    expect([nodata.rcode, isAuthoritative(nodata), nodata.answers?.length ?? 0]).toEqual(['NOERROR', true, 0]);
  });

  it('single.test has one name server; one-net.test has two, both in one /24; healthy.test spans two /24s', () => {
    const slash24 = (list: readonly NameServer[]) => [...new Set(list.map((s) => s.address.split('.').slice(0, 3).join('.')))];
    expect(world.domains.single.servers).toHaveLength(1);
    expect(world.domains.oneNet.servers).toHaveLength(2);
    expect(slash24(world.domains.oneNet.servers)).toHaveLength(1);
    expect(slash24(world.domains.healthy.servers)).toHaveLength(2);
    for (const domain of Object.values(world.domains)) {
      for (const s of domain.servers) expect(s.address).toMatch(new RegExp(`^127\\.${world.block}\\.\\d+\\.\\d+$`));
    }
  });
});

describe('Unbound, the recursive view', () => {
  it('resolves a child MX through root → test. → child, over DoH and plain DNS', async () => {
    const doh = await dohQuery(world.dohUrl, 'healthy.test', 'MX', { signal: AbortSignal.timeout(5000) });
    expect(doh.status).toBe(200);
    expect(doh.packet && mxSetOf(doh.packet)).toBe('10 mx1.healthy.test.\n20 mx2.healthy.test.');
    const plain = await queryDns(world.dnsResolver.host, world.dnsResolver.port, 'hosted.test', 'MX', { recursionDesired: true, timeoutMs: 5000 });
    expect(mxSetOf(plain)).toBe('10 mx1.hosted.test.\n20 mx2.hosted.test.');
    expect(isAuthoritative(plain)).toBe(false);
    // The NS set Unbound serves is the zone's own (it replaces the parent's), as resolvers do.
    const ns = await queryDns(world.dnsResolver.host, world.dnsResolver.port, 'mismatch.test', 'NS', { recursionDesired: true, timeoutMs: 5000 });
    expect(namesOf(ns.answers, 'NS')).toEqual(['ns1.mismatch.test', 'ns3.mismatch.test']);
  });

  it('after changeMx the servers serve the new MX while Unbound still serves the cached old one, TTL counting down', async () => {
    expect(MOVING_AFTER_CHANGE).toEqual(['mx-propagation-pending']);
    const before = await dohQuery(world.dohUrl, 'moving.test', 'MX', { signal: AbortSignal.timeout(5000) });
    const cached = before.packet?.answers?.find((a) => a.type === 'MX');
    expect(before.packet && mxSetOf(before.packet)).toBe('10 mx-old.moving.test.');
    expect(cached?.ttl).toBeLessThanOrEqual(3600);
    const addresses = world.domains.moving.servers.map((s) => s.address);
    const serials = await Promise.all(addresses.map(async (a) => serialOf(await ask(a, 'moving.test', 'SOA'))));

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await world.changeMx('moving.test', ['10 mx-new.moving.test.', '20 mx-new2.moving.test.']);

    for (const [i, address] of addresses.entries()) {
      const answer = await ask(address, 'moving.test', 'MX');
      expect(isAuthoritative(answer)).toBe(true);
      expect(mxSetOf(answer), address).toBe('10 mx-new.moving.test.\n20 mx-new2.moving.test.');
      expect(serialOf(await ask(address, 'moving.test', 'SOA'))).toBeGreaterThan(serials[i] ?? Infinity);
    }
    const after = await dohQuery(world.dohUrl, 'moving.test', 'MX', { signal: AbortSignal.timeout(5000) });
    expect(after.packet && mxSetOf(after.packet)).toBe('10 mx-old.moving.test.');
    const stillCached = after.packet?.answers?.find((a) => a.type === 'MX');
    expect(stillCached?.ttl).toBeLessThan(cached?.ttl ?? 0);
    expect(stillCached?.ttl).toBeGreaterThan(3500);
  });

  it('changeMx refuses a zone that takes no updates', async () => {
    await expect(world.changeMx('healthy.test', ['10 mx9.healthy.test.'])).rejects.toThrow(/takes no updates/);
  });
});

describe('start and stop', () => {
  it('a second world gets its own block; stop() ends every process, frees port 53 and removes the temp dir', async () => {
    const other = await startAuthorityWorld();
    expect(other.block).not.toBe(world.block);
    expect(existsSync(other.dir)).toBe(true);
    const pids = ['root', 's1', 'refuser'].map((key) => Number(readFileSync(join(other.dir, key, 'named.pid'), 'utf8').trim()));
    const stopping = Date.now();
    await other.stop();
    console.log(`second world: started in ${other.startMs} ms (servers ${other.serversReadyMs} ms), stopped in ${Date.now() - stopping} ms`);
    expect(existsSync(other.dir)).toBe(false);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    await expect(queryDns(other.root.address, 53, '.', 'NS', { timeoutMs: 300 })).rejects.toBeInstanceOf(QueryTimeout);
  });
});

describe('README', () => {
  it('lists every planted domain with its expected finding ids', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const domain of Object.values(DOMAINS)) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${domain.name}\``));
      expect(row, domain.name).toBeDefined();
      const ids = [...(row ?? '').matchAll(/`((?:ns|mx|lookup)-[a-z-]+)`/g)].map((m) => m[1]).sort();
      const expected = domain.name === DOMAINS.moving.name ? [...domain.expectedIds, ...MOVING_AFTER_CHANGE] : [...domain.expectedIds];
      expect(ids, domain.name).toEqual(expected.sort());
    }
  });
});
