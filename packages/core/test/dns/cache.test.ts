import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CachingResolver, cacheTtlSeconds } from '../../src/dns/cache.js';
import { DohResolver } from '../../src/dns/doh-client.js';
import type { DnsRecord, LookupOptions, LookupResult, RecordType, Resolver } from '../../src/dns/types.js';
import { normalizeName } from '../../src/dns/types.js';
import { respond, startDohServer } from './doh-test-server.js';
import type { DohTestServer } from './doh-test-server.js';

/** A scripted resolver that counts calls per key. */
class ScriptedResolver implements Resolver {
  readonly calls: string[] = [];
  constructor(private readonly answer: (name: string, type: RecordType) => LookupResult) {}
  lookup(name: string, type: RecordType, _options?: LookupOptions): Promise<LookupResult> {
    this.calls.push(`${name} ${type}`);
    return Promise.resolve(this.answer(name, type));
  }
}

const mx = (ttl: number, exchange = 'mx.example.com'): DnsRecord => ({
  name: 'example.com',
  ttl,
  type: 'MX',
  data: { preference: 10, exchange },
});

function answer(name: string, type: RecordType, records: DnsRecord[], extra: object = {}): LookupResult {
  return { kind: 'answer', question: { name: normalizeName(name), type }, records, ...extra };
}

describe('CachingResolver TTLs', () => {
  it('keeps an answer for the smallest record TTL, measured on the injected clock', async () => {
    let clock = 1_000_000;
    const inner = new ScriptedResolver((name, type) => answer(name, type, [mx(300), mx(120, 'mx2.example.com')]));
    const cache = new CachingResolver(inner, { now: () => clock });

    const first = await cache.lookup('example.com', 'MX');
    expect(first.kind).toBe('answer');
    clock += 119_999;
    expect(await cache.lookup('example.com', 'MX')).toBe(first);
    expect(inner.calls).toHaveLength(1);
    clock += 1; // 120 s reached: stale
    await cache.lookup('example.com', 'MX');
    expect(inner.calls).toHaveLength(2);
  });

  it('keys are case-insensitive and ignore the trailing dot', async () => {
    const inner = new ScriptedResolver((name, type) => answer(name, type, [mx(300)]));
    const cache = new CachingResolver(inner, { now: () => 0 });
    await cache.lookup('Example.COM.', 'MX');
    await cache.lookup('example.com', 'MX');
    await cache.lookup('EXAMPLE.com', 'MX');
    expect(inner.calls).toEqual(['example.com MX']);
    await cache.lookup('example.com', 'TXT'); // another type is another key
    expect(inner.calls).toHaveLength(2);
  });

  it('drops the least recently used entry when full, so an answer asked often stays (fleet runs: shared provider hosts)', async () => {
    const inner = new ScriptedResolver((name, type) => answer(name, type, [mx(3600)]));
    const cache = new CachingResolver(inner, { now: () => 0, maxEntries: 3 });
    await cache.lookup('provider.example', 'MX');
    for (let i = 0; i < 20; i++) {
      await cache.lookup(`domain${i}.example`, 'MX');
      await cache.lookup('provider.example', 'MX'); // a hit makes it the most recent again
    }
    expect(inner.calls.filter((call) => call === 'provider.example MX')).toHaveLength(1);
    expect(cache.size).toBe(3);
    await cache.lookup('domain0.example', 'MX'); // long evicted: asked again
    expect(inner.calls.filter((call) => call === 'domain0.example MX')).toHaveLength(2);
  });

  it('never caches failures', async () => {
    const inner = new ScriptedResolver((name, type) => ({
      kind: 'failed',
      question: { name, type },
      reason: 'timeout',
      detail: 'no answer',
    }));
    const cache = new CachingResolver(inner, { now: () => 0 });
    await cache.lookup('example.com', 'MX');
    await cache.lookup('example.com', 'MX');
    expect(inner.calls).toHaveLength(2);
    expect(cache.size).toBe(0);
  });

  it('caches NXDOMAIN and NODATA for the SOA negative TTL, else 60 s (RFC 2308)', async () => {
    let clock = 0;
    const inner = new ScriptedResolver((name, type) => {
      if (name === 'gone.example.com') return { kind: 'nxdomain', question: { name, type }, records: [] };
      if (name === 'soa.example.com') return answer(name, type, [], { negativeTtl: 600 });
      return answer(name, type, []);
    });
    const cache = new CachingResolver(inner, { now: () => clock });
    await cache.lookup('gone.example.com', 'A');
    await cache.lookup('soa.example.com', 'A');
    await cache.lookup('nodata.example.com', 'A');
    clock = 59_000;
    await Promise.all(['gone', 'soa', 'nodata'].map((label) => cache.lookup(`${label}.example.com`, 'A')));
    expect(inner.calls).toHaveLength(3);
    clock = 60_000;
    await Promise.all(['gone', 'soa', 'nodata'].map((label) => cache.lookup(`${label}.example.com`, 'A')));
    expect(inner.calls).toHaveLength(5); // gone and nodata asked again, soa still cached
    clock = 600_000;
    await cache.lookup('soa.example.com', 'A');
    expect(inner.calls).toHaveLength(6);
  });

  it('caps everything at one day and does not cache TTL 0', () => {
    expect(cacheTtlSeconds(answer('example.com', 'MX', [mx(7 * 86400)]))).toBe(86400);
    expect(cacheTtlSeconds(answer('example.com', 'MX', [mx(0)]))).toBe(0);
    expect(cacheTtlSeconds({ kind: 'nxdomain', question: { name: 'x', type: 'A' }, records: [], negativeTtl: 999_999 } as LookupResult)).toBe(86400);
    // a CNAME chain that ends in NODATA: bounded by both the CNAME TTL and the negative TTL
    const chain: DnsRecord = { name: 'www.example.com', ttl: 500, type: 'CNAME', data: 'web.example.net' };
    expect(cacheTtlSeconds(answer('www.example.com', 'A', [chain]))).toBe(60);
    expect(cacheTtlSeconds(answer('www.example.com', 'A', [chain], { negativeTtl: 1000 }))).toBe(500);
    // an SOA among the records stands in for the hint
    const soa: DnsRecord = { name: 'example.com', ttl: 100, type: 'SOA', data: { mname: 'ns', serial: 1, minimum: 30 } };
    expect(cacheTtlSeconds({ kind: 'nxdomain', question: { name: 'x.example.com', type: 'A' }, records: [soa] })).toBe(30);
  });
});

describe('CachingResolver in-flight de-duplication (real DoH server)', () => {
  let server: DohTestServer;
  beforeAll(async () => {
    server = await startDohServer((request) => ({
      delayMs: 100,
      body: respond(request, { answers: [{ type: 'MX', name: 'example.com', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }] }),
    }));
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('concurrent askers of one (name, type) share one query', async () => {
    const cache = new CachingResolver(new DohResolver({ url: server.url }));
    const results = await Promise.all([
      cache.lookup('example.com', 'MX'),
      cache.lookup('EXAMPLE.com.', 'MX'),
      cache.lookup('example.com', 'MX'),
      cache.lookup('example.com', 'MX'),
    ]);
    expect(server.requests).toHaveLength(1);
    for (const result of results) expect(result.kind).toBe('answer');
    await cache.lookup('example.com', 'MX'); // now from the cache
    expect(server.requests).toHaveLength(1);
    await cache.lookup('example.com', 'A');
    expect(server.requests).toHaveLength(2);
  });

  it("one caller's abort does not abort the shared query for the others", async () => {
    const cache = new CachingResolver(new DohResolver({ url: server.url }));
    const controller = new AbortController();
    const quitter = cache.lookup('example.com', 'MX', { signal: controller.signal });
    const stayer = cache.lookup('example.com', 'MX');
    setTimeout(() => controller.abort(), 20);
    const [quit, stayed] = await Promise.all([quitter, stayer]);
    expect(quit).toMatchObject({ kind: 'failed', reason: 'aborted', question: { name: 'example.com', type: 'MX' } });
    expect(stayed.kind).toBe('answer');
    expect(server.requests).toHaveLength(1);
    // the shared answer was cached even though one asker left
    expect((await cache.lookup('example.com', 'MX')).kind).toBe('answer');
    expect(server.requests).toHaveLength(1);
  });

  it('a failure in flight is shared but not cached', async () => {
    server.handler = (request) => ({ delayMs: 50, body: respond(request, { rcode: 2 }) });
    try {
      const cache = new CachingResolver(new DohResolver({ url: server.url }));
      const [a, b] = await Promise.all([cache.lookup('example.com', 'MX'), cache.lookup('example.com', 'MX')]);
      expect(a).toMatchObject({ kind: 'failed', reason: 'servfail' });
      expect(b).toBe(a);
      expect(server.requests).toHaveLength(1);
      await cache.lookup('example.com', 'MX');
      expect(server.requests).toHaveLength(2);
    } finally {
      server.handler = (request) => ({
        delayMs: 100,
        body: respond(request, { answers: [{ type: 'MX', name: 'example.com', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }] }),
      });
    }
  });

  it('a resolver that throws synchronously does not wedge the key', async () => {
    let calls = 0;
    const throwing: Resolver = {
      lookup() {
        calls++;
        throw new Error('boom');
      },
    };
    const cache = new CachingResolver(throwing);
    expect(await cache.lookup('example.com', 'MX')).toMatchObject({ kind: 'failed', reason: 'network' });
    expect(await cache.lookup('example.com', 'MX')).toMatchObject({ kind: 'failed', reason: 'network' });
    expect(calls).toBe(2);
  });
});
