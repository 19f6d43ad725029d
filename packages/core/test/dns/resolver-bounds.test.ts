/**
 * Bounded work at the resolver: at most 32 requests in flight per resolver (the rest wait their
 * turn without their own timeout running), `Retry-After` honoured within a question's time budget,
 * and a first resolver that does not answer stops costing two timeouts on every question.
 * Counts are asserted, not durations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DohResolver, parseRetryAfter } from '../../src/dns/doh-client.js';
import { FailoverResolver, createResolver } from '../../src/dns/resolver-list.js';
import type { LookupResult } from '../../src/dns/types.js';
import { dnsHandler, startRawServer, type RawServer } from './raw-http-server.js';

const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function server(...args: Parameters<typeof startRawServer>): Promise<RawServer> {
  const started = await startRawServer(...args);
  servers.push(started);
  return started;
}

const MX_ZONE = (name: string, type: string) =>
  type === 'MX' ? [{ type: 'MX' as const, name, ttl: 300, data: { preference: 10, exchange: `mx.${name}` } }] : [];

const kinds = (results: LookupResult[]) => [...new Set(results.map((result) => (result.kind === 'failed' ? `failed ${result.reason}` : result.kind)))];

describe('at most 32 requests in flight per resolver', () => {
  it('200 questions at once: the server never sees more than 32, and none of the queued ones times out', async () => {
    // Each answer takes 150 ms; the timeout is 600 ms; the last of 200 queued questions waits ~6
    // rounds (~900 ms) for its turn: that wait must not count against its own timeout.
    const slow = await server(dnsHandler(MX_ZONE, { delayMs: 150 }));
    const resolver = new DohResolver({ url: slow.url, timeoutMs: 600 });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => resolver.lookup(`d${i}.example`, 'MX')));
    expect(kinds(results)).toEqual(['answer']);
    expect(slow.count).toBe(200);
    expect(slow.maxInFlight).toBeLessThanOrEqual(32);
    expect(slow.maxInFlight).toBeGreaterThan(1);
  });

  it('a caller who gives up while queued leaves the queue (aborted), and the rest still run', async () => {
    const slow = await server(dnsHandler(MX_ZONE, { delayMs: 50 }));
    const resolver = new DohResolver({ url: slow.url, timeoutMs: 2000, maxConcurrent: 1 });
    const controller = new AbortController();
    const first = resolver.lookup('a.example', 'MX');
    const queued = resolver.lookup('b.example', 'MX', { signal: controller.signal });
    const third = resolver.lookup('c.example', 'MX');
    controller.abort();
    expect(await queued).toMatchObject({ kind: 'failed', reason: 'aborted' });
    expect(kinds([await first, await third])).toEqual(['answer']);
    expect(slow.count).toBe(2);
  });
});

describe('Retry-After on 429 and 503', () => {
  it('parses seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    for (const bad of ['', '-5', '1.5', 'soon', '9'.repeat(30)]) expect(parseRetryAfter(bad, now)).toBeUndefined();
  });

  it('a short Retry-After is waited for, then the same resolver answers', async () => {
    let asked = 0;
    const times: number[] = [];
    const answer = dnsHandler(MX_ZONE);
    const limited = await server((req, res) => {
      times.push(Date.now());
      if (asked++ === 0) {
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('slow down');
        return;
      }
      return answer(req, res);
    });
    const { resolver } = createResolver({ urls: [limited.url], timeoutMs: 1000 });
    const result = await resolver.lookup('example.com', 'MX');
    expect(result.kind).toBe('answer');
    expect(limited.count).toBe(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
  });

  it('a Retry-After past the time budget: no retry there, the next resolver at once; later questions skip it while it rests', async () => {
    const limited = await server((_req, res) => {
      res.writeHead(503, { 'retry-after': '3600', 'content-type': 'text/plain' }).end('maintenance');
    });
    const working = await server(dnsHandler(MX_ZONE));
    const { resolver } = createResolver({ urls: [limited.url, working.url], timeoutMs: 1000 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await resolver.lookup(`d${i}.example`, 'MX'));
    expect(kinds(results)).toEqual(['answer']);
    expect(limited.count).toBe(1);
    expect(working.count).toBe(5);
  });

  it('with no other resolver, it fails at once and says why', async () => {
    const limited = await server((_req, res) => {
      res.writeHead(429, { 'retry-after': 'Fri, 01 Jan 2100 00:00:00 GMT', 'content-type': 'text/plain' }).end('no');
    });
    const { resolver } = createResolver({ urls: [limited.url], timeoutMs: 1000 });
    const first = await resolver.lookup('example.com', 'MX');
    expect(first).toMatchObject({ kind: 'failed', reason: 'http-status' });
    if (first.kind === 'failed') expect(first.detail).toMatch(/Retry-After/);
    const second = await resolver.lookup('example.org', 'MX');
    expect(second).toMatchObject({ kind: 'failed', reason: 'http-status' });
    if (second.kind === 'failed') expect(second.detail).toMatch(/Retry-After/);
    expect(limited.count).toBe(1);
  });
});

describe('a first resolver that never answers', () => {
  it('costs its timeouts once, not on every question: later questions go to the next resolver first', async () => {
    const dead = await server(() => new Promise<void>(() => undefined)); // accepts, never answers
    const working = await server(dnsHandler(MX_ZONE));
    const resolver = new FailoverResolver([new DohResolver({ url: dead.url, timeoutMs: 150 }), new DohResolver({ url: working.url, timeoutMs: 1000 })]);
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await resolver.lookup(`d${i}.example`, 'MX'));
    expect(kinds(results)).toEqual(['answer']);
    // The first question retries once there (as before); after that the dead one is asked last.
    expect(dead.count).toBe(2);
    expect(working.count).toBe(10);
  });

  it('is asked again (last) when the others fail, and first again once it answers', async () => {
    let deadNow = true;
    const answer = dnsHandler(MX_ZONE);
    const flaky = await server((req, res) => (deadNow ? new Promise<void>(() => undefined) : answer(req, res)));
    const failing = await server((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('down');
    });
    const resolver = new FailoverResolver([new DohResolver({ url: flaky.url, timeoutMs: 150 }), new DohResolver({ url: failing.url, timeoutMs: 1000 })]);
    expect((await resolver.lookup('a.example', 'MX')).kind).toBe('failed');
    deadNow = false;
    const counted = flaky.count;
    // Demoted, but still tried (after the other fails): rule zero wants every resolver asked before giving up.
    expect((await resolver.lookup('b.example', 'MX')).kind).toBe('answer');
    expect(flaky.count).toBe(counted + 1);
    const failingBefore = failing.count;
    expect((await resolver.lookup('c.example', 'MX')).kind).toBe('answer');
    expect(failing.count).toBe(failingBefore); // it answered, so it is first again
  });
});
