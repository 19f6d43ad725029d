/**
 * An RFC 8484 server answers; it does not send the client elsewhere. A 3xx from a resolver is a
 * failed lookup of its own kind (`redirect`), and the place it points to is never asked —
 * least of all a plain-http host that could answer anything.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DohResolver } from '../../src/dns/doh-client.js';
import { createResolver } from '../../src/dns/resolver-list.js';
import { respond, startDohServer, type DohTestServer } from './doh-test-server.js';
import { startRawServer, type RawServer } from './raw-http-server.js';

let target: DohTestServer;
let redirector: RawServer;
let status = 301;

beforeAll(async () => {
  // Where the redirect points: a working DoH server that counts what reaches it.
  target = await startDohServer((request) => ({ body: respond(request) }));
  redirector = await startRawServer((req, res) => {
    res.writeHead(status, { location: `${target.url}${(req.url ?? '').replace(/^\/dns-query/, '')}`, 'content-type': 'text/plain' });
    res.end('moved');
  });
});
afterAll(async () => {
  await Promise.all([target.close(), redirector.close()]);
});
beforeEach(() => {
  target.requests.length = 0;
  redirector.reset();
});

describe('a resolver that answers with a redirect', () => {
  it.each([301, 302, 303, 307, 308])('HTTP %i → failed (redirect), the Location is not asked', async (code) => {
    status = code;
    for (const method of ['GET', 'POST'] as const) {
      const result = await new DohResolver({ url: redirector.url, method }).lookup('example.com', 'MX');
      expect(result).toMatchObject({ kind: 'failed', reason: 'redirect', resolver: redirector.url });
      if (result.kind !== 'failed') throw new Error('unreachable');
      expect(result.detail).toContain('the resolver answered with a redirect');
      expect(result.detail).toContain(`HTTP ${code}`);
    }
    expect(redirector.count).toBe(2);
    expect(target.requests).toHaveLength(0);
  });

  it('an opaque redirect (what a browser gives for redirect: manual, status 0) is a redirect too', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    const result = await new DohResolver({ url: 'https://doh.test/dns-query', fetch: () => Promise.resolve(opaque) }).lookup('example.com', 'MX');
    expect(result).toMatchObject({ kind: 'failed', reason: 'redirect' });
    if (result.kind === 'failed') expect(result.detail).toContain('the resolver answered with a redirect');
  });

  it('asks fetch not to follow redirects', async () => {
    let seen: RequestInit | undefined;
    const fetch = (_input: RequestInfo | URL, init?: RequestInit) => {
      seen = init;
      return Promise.resolve(new Response(null, { status: 302, headers: { location: 'http://127.0.0.1:9/' } }));
    };
    await new DohResolver({ url: 'https://doh.test/dns-query', fetch }).lookup('example.com', 'MX');
    expect(seen?.redirect).toBe('manual');
  });

  it('through the whole stack (cache → failover): a redirect fails over, and is never cached as an answer', async () => {
    status = 307;
    const { resolver } = createResolver({ urls: [redirector.url] });
    const result = await resolver.lookup('example.com', 'MX');
    expect(result).toMatchObject({ kind: 'failed', reason: 'redirect' });
    if (result.kind === 'failed') expect(result.detail).toContain('the resolver answered with a redirect');
    expect(redirector.count).toBe(1); // not retried: a redirect is no passing trouble
    expect(target.requests).toHaveLength(0);
    // Asked again (failures are not cached): still not followed.
    expect(await resolver.lookup('example.com', 'MX')).toMatchObject({ kind: 'failed', reason: 'redirect' });
    expect(redirector.count).toBe(2);
    expect(target.requests).toHaveLength(0);
  });
});
