import { describe, expect, it } from 'vitest';
import { gatherSpf } from '../../src/plan/gather-spf.js';
import { FakeResolver, failedTxt, txtAnswer } from './fake-resolver.js';

describe('gatherSpf', () => {
  it('follows includes and redirects and keeps each record in the tree', async () => {
    const resolver = new FakeResolver({
      '_spf.example.com': ['v=spf1 include:_a.example.net redirect=_r.example.net'],
      '_a.example.net': ['v=spf1 ip4:192.0.2.0/24 -all'],
      '_r.example.net': ['v=spf1 ip4:198.51.100.0/24 -all'],
    });
    const facts = await gatherSpf(resolver, 'Example.COM.', txtAnswer('example.com', 'v=spf1 include:_spf.example.com -all'));
    expect(facts.domain).toBe('example.com');
    expect(facts.root.status).toBe('ok');
    const spf = facts.root.children[0];
    expect(spf).toMatchObject({ domain: '_spf.example.com', via: 'include', status: 'ok', record: 'v=spf1 include:_a.example.net redirect=_r.example.net' });
    expect(spf?.children.map((child) => [child.domain, child.via, child.status])).toEqual([
      ['_a.example.net', 'include', 'ok'],
      ['_r.example.net', 'redirect', 'ok'],
    ]);
    expect(spf?.children[1]?.path).toEqual(['example.com', '_spf.example.com', '_r.example.net']);
    // include (root) + include + redirect (in _spf) = 3
    expect(facts.lookupCount).toBe(3);
    expect(facts.lookupCountComplete).toBe(true);
    expect(facts.queries).toBe(3);
    expect(resolver.asked.sort()).toEqual(['TXT _a.example.net', 'TXT _r.example.net', 'TXT _spf.example.com']);
  });

  it('sends all includes of one record at once', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'].map((label) => `_spf.${label}.example.net`);
    const txt = Object.fromEntries(names.map((name) => [name, ['v=spf1 ip4:192.0.2.1 -all']]));
    const resolver = new FakeResolver(txt);
    const record = `v=spf1 ${names.map((name) => `include:${name}`).join(' ')} -all`;
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', record));
    expect(resolver.asked).toHaveLength(5);
    expect(resolver.maxInFlight).toBe(5);
    expect(facts.root.children.map((child) => child.domain)).toEqual(names);
  });

  it('joins a TXT record split into several strings before reading it (RFC 7208 §3.3)', async () => {
    const resolver = new FakeResolver({ '_spf.example.net': ['v=spf1 -all'] });
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', ['v=spf1 ip4:192.0.2.1 inc', 'lude:_spf.example.net -all']));
    expect(facts.root.status).toBe('ok');
    expect(facts.root.record).toBe('v=spf1 ip4:192.0.2.1 include:_spf.example.net -all');
    expect(facts.root.parsed?.errors).toEqual([]);
    expect(facts.root.children[0]?.status).toBe('ok');
  });

  it('detects a loop without querying the looping name again', async () => {
    const resolver = new FakeResolver({
      'a.example.net': ['v=spf1 include:b.example.net -all'],
      'b.example.net': ['v=spf1 include:a.example.net -all'],
    });
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 include:a.example.net -all'));
    const b = facts.root.children[0]?.children[0];
    expect(b?.status).toBe('ok');
    expect(b?.children[0]).toMatchObject({ domain: 'a.example.net', status: 'loop' });
    expect(resolver.asked.filter((key) => key === 'TXT a.example.net')).toHaveLength(1);
  });

  it('ignores redirect when the record has all, and terms after all', async () => {
    const resolver = new FakeResolver({});
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 -all include:late.example.net redirect=r.example.net'));
    expect(resolver.asked).toEqual([]);
    expect(facts.root.children).toEqual([]);
    expect(facts.lookupCount).toBe(0);
    expect(facts.root.parsed?.terms).toHaveLength(3);
  });

  it('queries a, mx and exists targets (A, MX, A) and skips macros', async () => {
    const resolver = new FakeResolver({}, { 'A example.com': ['192.0.2.1'], 'MX example.com': ['10 mx.example.com'], 'A host.example.com': ['192.0.2.2'] });
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 a mx exists:host.example.com exists:%{i}._spf.example.com include:%{d}.example.net -all'));
    expect(resolver.asked.sort()).toEqual(['A example.com', 'A host.example.com', 'MX example.com']);
    expect(facts.root.targets.map((target) => [target.term.name, target.name, target.type, target.status])).toEqual([
      ['a', 'example.com', 'A', 'done'],
      ['mx', 'example.com', 'MX', 'done'],
      ['exists', 'host.example.com', 'A', 'done'],
      ['exists', '%{i}._spf.example.com', 'A', 'macro'],
    ]);
    expect(facts.root.children[0]).toMatchObject({ status: 'macro', domain: '%{d}.example.net' });
    expect(facts.lookupCount).toBe(5);
    expect(facts.lookupCountComplete).toBe(false);
    expect(facts.voidLookups).toEqual([]);
  });

  it('counts void lookups: NXDOMAIN and empty answers, not failures', async () => {
    const resolver = new FakeResolver({ 'notxt.example.net': [] }, {});
    resolver.existing.add('empty.example.com');
    resolver.failing.add('broken.example.com');
    const facts = await gatherSpf(
      resolver,
      'example.com',
      txtAnswer('example.com', 'v=spf1 include:gone.example.net a:empty.example.com mx:gone.example.com a:broken.example.com -all'),
    );
    expect(facts.voidLookups.map((item) => [item.term, item.type, item.outcome])).toEqual([
      ['include:gone.example.net', 'TXT', 'nxdomain'],
      ['a:empty.example.com', 'A', 'empty'],
      ['mx:gone.example.com', 'MX', 'nxdomain'],
    ]);
    expect(facts.root.targets[2]?.result?.kind).toBe('failed');
  });

  it('keeps a failed include lookup as failed, not as missing (rule zero)', async () => {
    const resolver = new FakeResolver({});
    resolver.failing.add('_spf.example.net');
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 include:_spf.example.net -all'));
    expect(facts.root.children[0]).toMatchObject({ status: 'failed' });
    expect(facts.root.children[0]?.lookup?.kind).toBe('failed');
    expect(facts.lookupCountComplete).toBe(false);
    expect(facts.voidLookups).toEqual([]);
  });

  it('turns a throwing resolver into a failed lookup', async () => {
    const resolver = { lookup: () => Promise.reject(new Error('boom')) };
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 include:_spf.example.net -all'));
    expect(facts.root.children[0]?.status).toBe('failed');
  });

  it('does not query anything when the root lookup failed or has no SPF', async () => {
    const resolver = new FakeResolver({});
    const failed = await gatherSpf(resolver, 'example.com', failedTxt('example.com'));
    expect(failed.root.status).toBe('failed');
    const none = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'google-site-verification=x'));
    expect(none.root.status).toBe('no-spf');
    const two = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 -all', 'v=spf1 mx -all'));
    expect(two.root.status).toBe('multiple');
    expect(two.root.records).toHaveLength(2);
    expect(resolver.asked).toEqual([]);
  });

  it('stops following once the lookup limit is clearly exceeded', async () => {
    // Root: 11 includes, each of which would include more.
    const names = Array.from({ length: 11 }, (_, i) => `i${i}.example.net`);
    const txt = Object.fromEntries(names.map((name) => [name, [`v=spf1 include:deep.${name} -all`]]));
    const resolver = new FakeResolver(txt);
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', `v=spf1 ${names.map((n) => `include:${n}`).join(' ')} -all`));
    expect(resolver.asked).toEqual([]);
    expect(facts.stoppedEarly).toBe(true);
    expect(facts.lookupCount).toBe(11);
    expect(facts.lookupCountComplete).toBe(false);
  });

  it('never sends more than maxQueries queries', async () => {
    const names = Array.from({ length: 8 }, (_, i) => `i${i}.example.net`);
    const resolver = new FakeResolver(Object.fromEntries(names.map((name) => [name, ['v=spf1 -all']])));
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', `v=spf1 ${names.map((n) => `include:${n}`).join(' ')} -all`), { maxQueries: 5 });
    expect(resolver.asked).toHaveLength(5);
    expect(facts.queries).toBe(5);
    expect(facts.stoppedEarly).toBe(true);
    expect(facts.root.children.filter((child) => child.status === 'skipped')).toHaveLength(3);
  });

  it('asks a name included twice only once', async () => {
    const resolver = new FakeResolver({
      'a.example.net': ['v=spf1 include:shared.example.net -all'],
      'b.example.net': ['v=spf1 include:shared.example.net -all'],
      'shared.example.net': ['v=spf1 ip4:192.0.2.1 -all'],
    });
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 include:a.example.net include:b.example.net -all'));
    expect(resolver.asked.filter((key) => key === 'TXT shared.example.net')).toHaveLength(1);
    expect(facts.lookupCount).toBe(4);
  });

  it('reuses answers it is given instead of asking again', async () => {
    const resolver = new FakeResolver({}, { 'A example.com': ['192.0.2.1'] });
    const mx = { kind: 'answer' as const, question: { name: 'example.com', type: 'MX' as const }, records: [] };
    const facts = await gatherSpf(resolver, 'example.com', txtAnswer('example.com', 'v=spf1 a mx -all'), { known: [mx] });
    expect(resolver.asked).toEqual(['A example.com']);
    expect(facts.queries).toBe(1);
    expect(facts.root.targets[1]?.result).toBe(mx);
  });
});
