/** `mx-propagation-pending` (info): resolvers still serve the old MX set from cache; says until when. */
import { describe, expect, it } from 'vitest';
import { mxPropagationPending } from '../../src/checks/authority/mx-propagation-pending.js';
import { authority, cachedMx, DOMAIN, mx, serving, snapshotWith } from './facts.js';

const servers = [serving('ns1.example.test', '127.0.1.1', { mx: mx('new.example.test') }), serving('ns2.example.test', '127.0.2.1', { mx: mx('new.example.test') })];

describe('mx-propagation-pending', () => {
  it('says nothing when the resolvers serve what the servers serve', () => {
    expect(mxPropagationPending(authority(servers), snapshotWith([cachedMx('https://dns.example/dns-query', 1200, 'new.example.test')]))).toEqual([]);
  });

  it('names the resolver still serving the old set and when its cached copy expires', () => {
    const snapshot = snapshotWith([cachedMx('https://a.example/dns-query', 60, 'new.example.test'), cachedMx('https://b.example/dns-query', 2700, 'old.example.test')]);
    const [found, ...rest] = mxPropagationPending(authority(servers), snapshot);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      id: 'mx-propagation-pending',
      severity: 'info',
      subject: DOMAIN,
      // Checked at 13:00 UTC, 2,700 s left: 13:45 UTC.
      message: `The name servers of ${DOMAIN} serve a new MX set, but https://b.example/dns-query still serves the old one from cache until about 13:45 UTC (45 min from now): until then senders using it deliver to the old hosts.`,
      evidence: `MX ${DOMAIN} at the name servers: 10 new.example.test.; cached at https://b.example/dns-query: 10 old.example.test. (TTL 2700 s left)`,
    });
  });

  it('gives the date when the cache outlives the day, and waits for the last of several', () => {
    const snapshot = snapshotWith([cachedMx('https://a.example/dns-query', 3600, 'old.example.test'), cachedMx('https://b.example/dns-query', 172_800, 'old.example.test')]);
    expect(mxPropagationPending(authority(servers), snapshot)[0]?.message).toContain('until about 2026-12-05 13:00 UTC (48 h from now)');
  });

  it('says nothing when the different set comes at the full TTL: not a cached copy (a split view is resolvers-disagree)', () => {
    expect(mxPropagationPending(authority(servers), snapshotWith([cachedMx('https://b.example/dns-query', 3600, 'old.example.test')]))).toEqual([]);
  });

  it('says nothing for a cached "no MX" without a TTL to time it by (a lame server\'s empty answer is ns-lame)', () => {
    const nodata = { resolver: 'https://b.example/dns-query', result: { kind: 'answer' as const, question: { name: DOMAIN, type: 'MX' as const }, records: [], resolver: 'https://b.example/dns-query' } };
    expect(mxPropagationPending(authority(servers), snapshotWith([nodata]))).toEqual([]);
    const timed = { ...nodata, result: { ...nodata.result, negativeTtl: 120 } };
    expect(mxPropagationPending(authority(servers), snapshotWith([timed]))[0]?.evidence).toBe(`MX ${DOMAIN} at the name servers: 10 new.example.test.; cached at https://b.example/dns-query: no MX records (TTL 120 s left)`);
  });

  it('says nothing while the servers disagree among themselves (that is ns-mx-inconsistent)', () => {
    const split = [serving('ns1.example.test', '127.0.1.1', { mx: mx('new.example.test') }), serving('ns2.example.test', '127.0.2.1', { mx: mx('old.example.test') })];
    expect(mxPropagationPending(authority(split), snapshotWith([cachedMx('https://b.example/dns-query', 300, 'old.example.test')]))).toEqual([]);
  });
});
