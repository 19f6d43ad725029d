import { describe, expect, it } from 'vitest';
import { gatherSnapshot, mxTargetNames, startApexQueries } from '../../src/plan/gather.js';
import { checkDomain } from '../../src/plan/check-domain.js';
import { MemoryResolver, rr } from '../support/memory-resolver.js';

/** A domain with `n` MX hosts, each with IPv4 + IPv6, PTR and forward-confirming records. */
function fiveMxZone(n: number) {
  const records = [rr.txt('example.com', 'v=spf1 -all'), rr.txt('_dmarc.example.com', 'v=DMARC1; p=reject')];
  for (let i = 1; i <= n; i++) {
    const host = `mx${i}.example.com`;
    records.push(rr.mx('example.com', i * 10, host), rr.a(host, `185.10.0.${i}`), rr.aaaa(host, `2a01:4f8::${i}`));
    records.push(rr.ptr(`${i}.0.10.185.in-addr.arpa`, host));
    records.push(rr.ptr(`${i}.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.f.4.0.1.0.a.2.ip6.arpa`, host));
  }
  return records;
}

describe('the query plan', () => {
  it('needs four round trips for five MX hosts: MX → A/AAAA → PTR → forward', async () => {
    const resolver = new MemoryResolver(fiveMxZone(5));
    const { value: snapshot, rounds } = await resolver.run(gatherSnapshot(resolver, 'example.com', startApexQueries(resolver, 'example.com')));
    expect(rounds).toBe(4);
    expect(snapshot.targets).toHaveLength(5);
    expect(snapshot.targets.every((t) => t.addresses.length === 2)).toBe(true);
    expect(snapshot.targets[0]!.addresses[0]!.forward[0]!.ptrName).toBe('mx1.example.com');
    // Round 0 is wave 1: every apex question at once.
    expect(resolver.asked.filter((q) => q.round === 0).map((q) => `${q.name} ${q.type}`).sort()).toEqual(
      [
        '_dmarc.example.com TXT',
        'example.com A',
        'example.com AAAA',
        'example.com MX',
        'example.com TXT',
        // The policy questions: does the resolver validate, the zone's signatures, MTA-STS, TLS-RPT.
        ' SOA',
        'example.com SOA',
        'example.com DNSKEY',
        '_mta-sts.example.com TXT',
        '_smtp._tls.example.com TXT',
      ].sort(),
    );
    // Each target's A, AAAA and TLSA went out together in round 1; nothing waits on an unrelated answer.
    expect(resolver.asked.filter((q) => q.round === 1)).toHaveLength(15);
    expect(resolver.asked.filter((q) => q.round === 1 && q.type === 'TLSA').map((q) => q.name)).toContain('_25._tcp.mx1.example.com');
    expect(resolver.asked.filter((q) => q.round === 2 && q.type === 'PTR')).toHaveLength(10);
    expect(resolver.asked.filter((q) => q.round === 3)).toHaveLength(10);
  });

  it('asks each resolver to compare for MX in the first wave', async () => {
    const main = new MemoryResolver(fiveMxZone(1));
    const other = new MemoryResolver([rr.mx('example.com', 10, 'other.example.net')]);
    const apex = startApexQueries(main, 'example.com', {
      compareResolvers: [
        { url: 'https://one', resolver: main },
        { url: 'https://two', resolver: other },
      ],
    });
    other.flush();
    const { value } = await main.run(gatherSnapshot(main, 'example.com', apex));
    expect(value.mxByResolver.map((m) => m.resolver)).toEqual(['https://one', 'https://two']);
    expect(value.mxByResolver[1]!.result.kind).toBe('answer');
  });

  it('does not resolve the null MX, IP literals or malformed names', () => {
    const result = new MemoryResolver([
      rr.mx('example.com', 0, ''),
      rr.mx('example.com', 10, '203.0.113.10'),
      rr.mx('example.com', 20, `${'x'.repeat(64)}.example.com`),
      rr.mx('example.com', 30, 'mx.example.com'),
      rr.mx('example.com', 40, 'mx.example.com'),
    ]).answer('example.com', 'MX');
    expect(mxTargetNames(result, 'example.com')).toEqual(['mx.example.com']);
  });

  it('follows a CNAME at the target and collects the chain', async () => {
    const resolver = new MemoryResolver([
      rr.mx('example.com', 10, 'mail.example.com'),
      rr.cname('mail.example.com', 'host.provider.net'),
      rr.a('host.provider.net', '185.10.0.9'),
    ]);
    const { value } = await resolver.run(gatherSnapshot(resolver, 'example.com', startApexQueries(resolver, 'example.com')));
    expect(value.targets[0]!.cnameChain).toEqual(['mail.example.com', 'host.provider.net']);
    expect(value.targets[0]!.addresses.map((a) => a.address)).toEqual(['185.10.0.9']);
  });

  it('keeps a failed MX lookup as failed and resolves no targets', async () => {
    const resolver = new MemoryResolver(fiveMxZone(2));
    resolver.failures.set('example.com MX', 'failed');
    const { value } = await resolver.run(gatherSnapshot(resolver, 'example.com', startApexQueries(resolver, 'example.com')));
    expect(value.mx.kind).toBe('failed');
    expect(value.targets).toEqual([]);
  });
});

describe('the organisational domain\'s DMARC record (RFC 7489 §6.6.3)', () => {
  const sub = 'mail.example.com';
  const zone = [rr.mx(sub, 10, 'mx.example.com'), rr.a('mx.example.com', '185.10.0.1'), rr.txt('_dmarc.example.com', 'v=DMARC1; p=reject; sp=quarantine')];

  it('is asked in wave 1 beside the domain\'s own, for a subdomain only: no round trip added', async () => {
    const resolver = new MemoryResolver(zone);
    const { value: snapshot, rounds } = await resolver.run(gatherSnapshot(resolver, sub, startApexQueries(resolver, sub)));
    expect(resolver.asked.filter((q) => q.round === 0).map((q) => `${q.name} ${q.type}`)).toContain('_dmarc.example.com TXT');
    expect(snapshot.orgDmarc).toMatchObject({ domain: 'example.com', result: { kind: 'answer' } });
    expect(rounds).toBe(3);

    const own = new MemoryResolver(fiveMxZone(1));
    const { value: apex } = await own.run(gatherSnapshot(own, 'example.com', startApexQueries(own, 'example.com')));
    expect(own.asked.filter((q) => q.name.startsWith('_dmarc.')).map((q) => q.name)).toEqual(['_dmarc.example.com']);
    expect(apex.orgDmarc).toBeUndefined();
  });

  it('checkDomain: dmarc-inherited and the one-liner name the record that applies', async () => {
    const resolver = new MemoryResolver(zone);
    const { value: report } = await resolver.run(checkDomain(sub, { resolver }));
    expect(report.findings.map((f) => f.id)).toContain('dmarc-inherited');
    expect(report.findings.map((f) => f.id)).not.toContain('dmarc-missing');
    expect(report.dmarc).toBe('DMARC: inherited from example.com: sp=quarantine, no reports');
  });

  it('checkDomain: a failed organisational lookup is lookup-failed, never dmarc-missing', async () => {
    const resolver = new MemoryResolver(zone);
    resolver.failures.set('_dmarc.example.com TXT', 'failed');
    const { value: report } = await resolver.run(checkDomain(sub, { resolver }));
    const ids = report.findings.map((f) => f.id);
    expect(ids).not.toContain('dmarc-missing');
    expect(report.findings.filter((f) => f.id === 'lookup-failed').map((f) => f.subject)).toEqual(['_dmarc.example.com']);
  });
});
