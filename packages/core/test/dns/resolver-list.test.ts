import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CachingResolver } from '../../src/dns/cache.js';
import { DohResolver } from '../../src/dns/doh-client.js';
import { DEFAULT_RESOLVERS, FailoverResolver, createResolver } from '../../src/dns/resolver-list.js';
import type { Resolver } from '../../src/dns/types.js';
import type { Handler } from './doh-test-server.js';
import { respond, startDohServer } from './doh-test-server.js';
import type { DohTestServer } from './doh-test-server.js';

const MX_ANSWER: Handler = (request) => ({
  body: respond(request, { answers: [{ type: 'MX', name: 'example.com', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }] }),
});

let servers: DohTestServer[] = [];
beforeAll(async () => {
  servers = await Promise.all([startDohServer(MX_ANSWER), startDohServer(MX_ANSWER), startDohServer(MX_ANSWER)]);
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});
afterEach(() => {
  for (const server of servers) {
    server.requests.length = 0;
    server.handler = MX_ANSWER;
  }
});

function server(index: number): DohTestServer {
  return servers[index]!;
}

function failover(timeoutMs = 2000): FailoverResolver {
  return new FailoverResolver(servers.map((s) => new DohResolver({ url: s.url, timeoutMs })));
}

const counts = (): number[] => servers.map((s) => s.requests.length);

describe('FailoverResolver', () => {
  it('asks only the first resolver when it answers', async () => {
    const result = await failover().lookup('example.com', 'MX');
    expect(result).toMatchObject({ kind: 'answer', resolver: server(0).url });
    expect(counts()).toEqual([1, 0, 0]);
  });

  it('retries once on the same resolver, then fails over, in order', async () => {
    server(0).handler = (request) => ({ body: respond(request, { rcode: 2 }) }); // SERVFAIL
    server(1).handler = () => ({ hang: true }); // timeout
    const result = await failover(150).lookup('example.com', 'MX');
    expect(result).toMatchObject({ kind: 'answer', resolver: server(2).url });
    expect(counts()).toEqual([2, 2, 1]);
  });

  it('a retry that succeeds ends the search', async () => {
    let first = true;
    server(0).handler = (request) => {
      if (first) {
        first = false;
        return { status: 502, body: 'bad gateway', contentType: 'text/plain' };
      }
      return MX_ANSWER(request);
    };
    const result = await failover().lookup('example.com', 'MX');
    expect(result).toMatchObject({ kind: 'answer', resolver: server(0).url });
    expect(counts()).toEqual([2, 0, 0]);
  });

  it('NXDOMAIN is final', async () => {
    server(0).handler = (request) => ({ body: respond(request, { rcode: 3 }) });
    const result = await failover().lookup('example.com', 'MX');
    expect(result).toMatchObject({ kind: 'nxdomain', resolver: server(0).url });
    expect(counts()).toEqual([1, 0, 0]);
  });

  it('an empty answer (NODATA) is final', async () => {
    server(0).handler = (request) => ({ body: respond(request) });
    const result = await failover().lookup('example.com', 'MX');
    expect(result).toMatchObject({ kind: 'answer', records: [], resolver: server(0).url });
    expect(counts()).toEqual([1, 0, 0]);
  });

  it('an unusual RCODE (NOTIMP) moves on without a retry', async () => {
    server(0).handler = (request) => ({ body: respond(request, { rcode: 4 }) });
    const result = await failover().lookup('example.com', 'MX');
    expect(result).toMatchObject({ kind: 'answer', resolver: server(1).url });
    expect(counts()).toEqual([1, 1, 0]);
  });

  it('when all fail: the last failure, with a detail naming every resolver', async () => {
    server(0).handler = (request) => ({ body: respond(request, { rcode: 5 }) });
    server(1).handler = () => ({ status: 503, contentType: 'text/plain', body: 'no' });
    server(2).handler = (request) => ({ body: respond(request, { rcode: 2 }) });
    const result = await failover().lookup('example.com', 'MX');
    expect(result.kind).toBe('failed');
    if (result.kind !== 'failed') return;
    expect(result.reason).toBe('servfail');
    expect(result.resolver).toBe(server(2).url);
    expect(result.question).toEqual({ name: 'example.com', type: 'MX' });
    for (const s of servers) expect(result.detail).toContain(s.url);
    expect(result.detail).toContain('REFUSED');
    expect(result.detail).toContain('HTTP 503');
    expect(result.detail).toContain('SERVFAIL');
    expect(counts()).toEqual([2, 2, 2]);
  });

  it("the caller's abort stops the search at once", async () => {
    for (const s of servers) s.handler = () => ({ hang: true });
    const controller = new AbortController();
    const pending = failover(5000).lookup('example.com', 'MX', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect(await pending).toMatchObject({ kind: 'failed', reason: 'aborted' });
    expect(counts()).toEqual([1, 0, 0]);
  });

  it('refuses an empty list', () => {
    expect(() => new FailoverResolver([])).toThrow(/at least one/);
  });
});

describe('createResolver', () => {
  it('defaults to Cloudflare, Google, Quad9 in that order', () => {
    expect(DEFAULT_RESOLVERS).toEqual([
      'https://cloudflare-dns.com/dns-query',
      'https://dns.google/dns-query',
      'https://dns.quad9.net/dns-query',
    ]);
    const { resolver, endpoints } = createResolver();
    expect(resolver).toBeInstanceOf(CachingResolver);
    expect(endpoints.map((endpoint) => (endpoint as DohResolver).url)).toEqual([...DEFAULT_RESOLVERS]);
  });

  it('de-duplicates URLs, passes the options on, and caches only the combined resolver', async () => {
    const { resolver, endpoints } = createResolver({
      urls: [server(0).url, ` ${server(0).url} `, server(1).url, ''],
      timeoutMs: 1234,
      method: 'POST',
    });
    expect(endpoints).toHaveLength(2);
    for (const endpoint of endpoints) {
      expect(endpoint).toBeInstanceOf(DohResolver);
      expect((endpoint as DohResolver).timeoutMs).toBe(1234);
      expect((endpoint as DohResolver).method).toBe('POST');
    }
    await resolver.lookup('example.com', 'MX');
    await resolver.lookup('example.com', 'MX');
    expect(counts()).toEqual([1, 0, 0]); // cached
    await endpoints[1]!.lookup('example.com', 'MX');
    await endpoints[1]!.lookup('example.com', 'MX');
    expect(counts()).toEqual([1, 2, 0]); // endpoints are not cached
    expect(server(0).requests[0]!.method).toBe('POST');
  });

  it('fails over through the stack it builds', async () => {
    server(0).handler = () => ({ status: 500, contentType: 'text/plain', body: 'x' });
    let fetches = 0;
    const { resolver } = createResolver({
      urls: [server(0).url, server(1).url],
      fetch: (input, init) => {
        fetches++;
        return fetch(input, init);
      },
    });
    expect(await resolver.lookup('example.com', 'MX')).toMatchObject({ kind: 'answer', resolver: server(1).url });
    expect(counts()).toEqual([2, 1, 0]);
    expect(fetches).toBe(3);
  });

  it('throws a clear error for an unusable URL', () => {
    expect(() => createResolver({ urls: ['http://dns.example/dns-query'] })).toThrow(/plain http/);
  });
});

describe('the failover summary', () => {
  it('names the question once and each distinct failure once, with a count', async () => {
    const down = (url: string): Resolver => ({
      lookup: async (name, type) => ({ kind: 'failed', question: { name, type }, reason: 'network', detail: `could not reach ${url} for ${name} ${type}: ENOTFOUND`, resolver: url }),
    });
    const result = await new FailoverResolver([down('https://a.example/dns-query'), down('https://b.example/dns-query')]).lookup('example.com', 'MX');
    expect(result.kind).toBe('failed');
    if (result.kind !== 'failed') return;
    expect(result.detail).toBe(
      'all 2 resolver(s) failed for example.com MX — could not reach https://a.example/dns-query: ENOTFOUND (2×); could not reach https://b.example/dns-query: ENOTFOUND (2×)',
    );
  });
});
