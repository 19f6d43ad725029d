import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as dnsPacket from '@leichtgewicht/dns-packet';
import { DohResolver, validateResolverUrl } from '../../src/dns/doh-client.js';
import type { DohLookupResult } from '../../src/dns/doh-client.js';
import type { LookupResult } from '../../src/dns/types.js';
import { questionOf, respond, startDohServer } from './doh-test-server.js';
import type { DohTestServer, Handler } from './doh-test-server.js';

const SOA_RECORD: dnsPacket.Answer = {
  type: 'SOA',
  name: 'example.com',
  ttl: 3600,
  data: { mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 2026120301, refresh: 2, retry: 3, expire: 4, minimum: 300 },
};

let server: DohTestServer;

beforeAll(async () => {
  server = await startDohServer((request) => ({ body: respond(request) }));
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function failure(result: LookupResult): Extract<LookupResult, { kind: 'failed' }> {
  if (result.kind !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

describe('DohResolver requests (RFC 8484 §4.1)', () => {
  it('GET sends the padded, RD-flagged, id-0 query as unpadded base64url in ?dns=', async () => {
    server.handler = (request) => ({
      body: respond(request, {
        answers: [
          { type: 'MX', name: 'Example.COM', ttl: 300, data: { preference: 10, exchange: 'MX1.Example.com' } },
          { type: 'MX', name: 'example.com', ttl: 300, data: { preference: 20, exchange: 'mx2.example.com' } },
        ],
      }),
    });
    const resolver = new DohResolver({ url: server.url });
    const result = await resolver.lookup('Example.com.', 'MX');

    expect(result).toEqual({
      kind: 'answer',
      question: { name: 'example.com', type: 'MX' },
      resolver: server.url,
      records: [
        { name: 'example.com', ttl: 300, type: 'MX', data: { preference: 10, exchange: 'mx1.example.com' } },
        { name: 'example.com', ttl: 300, type: 'MX', data: { preference: 20, exchange: 'mx2.example.com' } },
      ],
    });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.headers.accept).toBe('application/dns-message');
    expect(request.dnsParam).toMatch(/^[A-Za-z0-9_-]+$/); // base64url alphabet, no '=' padding
    expect(request.url.startsWith('/dns-query?dns=')).toBe(true);
    const query = request.query!;
    expect(query.id).toBe(0);
    expect(query.flag_rd).toBe(true);
    expect(query.flag_qr).toBe(false);
    expect(query.questions).toEqual([{ name: 'example.com', type: 'MX', class: 'IN' }]);
    expect(request.wire.length % 128).toBe(0);
    const opt = query.additionals?.find((record) => record.type === 'OPT') as unknown as { options: { code: number }[] };
    expect(opt.options.map((option) => option.code)).toEqual([12]); // PADDING
  });

  it('the base64url parameter has no "=" even when the query length is not a multiple of 3', async () => {
    // 128 octets = 42 * 3 + 2: standard base64 would end in "=".
    const resolver = new DohResolver({ url: server.url });
    await resolver.lookup('a.example', 'A');
    const request = server.requests[0]!;
    expect(request.wire.length % 3).not.toBe(0);
    expect(request.dnsParam).not.toContain('=');
    expect(request.dnsParam).toBe(Buffer.from(request.wire).toString('base64url'));
  });

  it('POST sends the query as an application/dns-message body', async () => {
    server.handler = (request) => ({
      body: respond(request, { answers: [{ type: 'A', name: 'www.example.com', ttl: 60, data: '192.0.2.1' }] }),
    });
    const resolver = new DohResolver({ url: server.url, method: 'POST' });
    const result = await resolver.lookup('www.example.com', 'A');
    expect(result.kind).toBe('answer');
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/dns-query');
    expect(request.headers['content-type']).toBe('application/dns-message');
    expect(request.headers.accept).toBe('application/dns-message');
    expect(request.wire.length % 128).toBe(0);
    expect(request.query?.id).toBe(0);
    expect(request.query?.questions).toEqual([{ name: 'www.example.com', type: 'A', class: 'IN' }]);
  });

  it('pads every query to a multiple of 128 octets, whatever the name length (RFC 8467)', async () => {
    const resolver = new DohResolver({ url: server.url, method: 'POST' });
    const sizes = new Set<number>();
    for (const labels of [1, 5, 20, 40, 60, 62]) {
      const name = Array.from({ length: labels }, (_, i) => `l${i}`).join('.') + '.example';
      await resolver.lookup(name, 'TXT');
    }
    for (const request of server.requests) {
      expect(request.wire.length % 128).toBe(0);
      sizes.add(request.wire.length);
      // the padding option's length is what makes it fit: decode it to be sure it is there
      const opt = request.query?.additionals?.[0] as unknown as { type: string; options: { code: number; data: Uint8Array }[] };
      expect(opt.type).toBe('OPT');
      expect(opt.options[0]!.code).toBe(12);
    }
    expect(sizes.size).toBeGreaterThan(1); // long names spill into a second block
  });

  it('GET keeps an endpoint\'s own query parameters and drops its fragment', async () => {
    const resolver = new DohResolver({ url: `${server.url}?client=mx-doctor#ignored` });
    expect((await resolver.lookup('example.com', 'MX')).resolver).toBe(`${server.url}?client=mx-doctor#ignored`);
    expect(server.requests[0]!.url).toMatch(/^\/dns-query\?client=mx-doctor&dns=[A-Za-z0-9_-]+$/);
  });

  it('an injected fetch is used instead of the global one', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const resolver = new DohResolver({ url: server.url, fetch: counting });
    await resolver.lookup('example.com', 'A');
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('DohResolver answers', () => {
  it('converts every supported record type, keeping only what answers the question', async () => {
    // One answer section holding every type; each question keeps its own record (answer-chain.ts).
    server.handler = (request) => ({
      body: respond(request, {
        answers: [
          { type: 'CNAME', name: 'WWW.example.com', ttl: 100, data: 'Web.Example.NET' },
          { type: 'A', name: 'web.example.net', ttl: 50, data: '192.0.2.7' },
          { type: 'AAAA', name: 'web.example.net', ttl: 50, data: '2001:db8::7' },
          { type: 'NS', name: 'example.net', ttl: 50, data: 'ns1.example.net' },
          { type: 'PTR', name: '7.2.0.192.in-addr.arpa', ttl: 50, data: 'web.example.net' },
          { type: 'SRV', name: '_x._tcp.example.net', ttl: 50, data: { priority: 1, weight: 1, port: 25, target: 'x' } },
          { type: 'CAA', name: 'example.net', ttl: 50, data: { flags: 0, tag: 'issue', value: 'ca.example' } },
          { type: 'SOA', name: 'example.net', ttl: 50, data: { ...SOA_RECORD.data as dnsPacket.SoaData, mname: 'NS1.example.NET.' } },
          { type: 'MX', name: 'example.net', ttl: 50, data: { preference: 0, exchange: '.' } },
        ],
      }),
    });
    const resolver = new DohResolver({ url: server.url });
    const recordsFor = async (name: string, type: Parameters<DohResolver['lookup']>[1]) => {
      const result = await resolver.lookup(name, type);
      if (result.kind !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(result)}`);
      return result.records;
    };
    expect(await recordsFor('www.example.com', 'CNAME')).toEqual([{ name: 'www.example.com', ttl: 100, type: 'CNAME', data: 'web.example.net' }]);
    expect(await recordsFor('www.example.com', 'A')).toEqual([
      { name: 'www.example.com', ttl: 100, type: 'CNAME', data: 'web.example.net' },
      { name: 'web.example.net', ttl: 50, type: 'A', data: '192.0.2.7' },
    ]);
    expect(await recordsFor('web.example.net', 'AAAA')).toEqual([{ name: 'web.example.net', ttl: 50, type: 'AAAA', data: '2001:db8::7' }]);
    expect(await recordsFor('example.net', 'NS')).toEqual([{ name: 'example.net', ttl: 50, type: 'NS', data: 'ns1.example.net' }]);
    expect(await recordsFor('7.2.0.192.in-addr.arpa', 'PTR')).toEqual([
      { name: '7.2.0.192.in-addr.arpa', ttl: 50, type: 'PTR', data: 'web.example.net' },
    ]);
    expect(await recordsFor('example.net', 'SOA')).toEqual([{ name: 'example.net', ttl: 50, type: 'SOA', data: { mname: 'ns1.example.net', serial: 2026120301, minimum: 300 } }]);
    expect(await recordsFor('example.net', 'MX')).toEqual([{ name: 'example.net', ttl: 50, type: 'MX', data: { preference: 0, exchange: '' } }]);
  });

  it('keeps TXT character-strings apart and decodes them as UTF-8, replacing invalid bytes', async () => {
    server.handler = (request) => ({
      body: respond(request, {
        answers: [
          { type: 'TXT', name: 'example.com', ttl: 60, data: ['v=spf1 include:_spf.example.net ', '-all'] },
          { type: 'TXT', name: 'example.com', ttl: 60, data: [new Uint8Array([0x68, 0xc3, 0xa9, 0xff, 0x21])] },
          { type: 'TXT', name: 'example.com', ttl: 60, data: [new Uint8Array(0)] },
        ],
      }),
    });
    const result = await new DohResolver({ url: server.url }).lookup('example.com', 'TXT');
    expect(result.kind === 'answer' && result.records.map((record) => record.data)).toEqual([
      ['v=spf1 include:_spf.example.net ', '-all'],
      ['hé\uFFFD!'],
      [''],
    ]);
  });

  it('NOERROR without records is an empty answer (NODATA), carrying the SOA negative TTL', async () => {
    server.handler = (request) => ({ body: respond(request, { authorities: [SOA_RECORD] }) });
    const result = (await new DohResolver({ url: server.url }).lookup('example.com', 'AAAA')) as DohLookupResult;
    expect(result).toMatchObject({ kind: 'answer', records: [], resolver: server.url });
    expect((result as { negativeTtl?: number }).negativeTtl).toBe(300); // min(SOA TTL 3600, MINIMUM 300)
  });

  it('NXDOMAIN keeps a CNAME chain that precedes it (RFC 6604)', async () => {
    server.handler = (request) => ({
      body: respond(request, {
        rcode: 3,
        answers: [{ type: 'CNAME', name: 'mail.example.com', ttl: 120, data: 'gone.example.org' }],
        authorities: [{ ...SOA_RECORD, name: 'example.org', ttl: 30 }],
      }),
    });
    const result = await new DohResolver({ url: server.url }).lookup('mail.example.com', 'A');
    expect(result).toMatchObject({
      kind: 'nxdomain',
      question: { name: 'mail.example.com', type: 'A' },
      records: [{ name: 'mail.example.com', ttl: 120, type: 'CNAME', data: 'gone.example.org' }],
      resolver: server.url,
      negativeTtl: 30,
    });
  });

  it('matches the echoed question case-insensitively (0x20 randomisation)', async () => {
    server.handler = (request) => ({
      body: respond(request, { questions: [{ name: 'ExAmPlE.CoM', type: 'MX', class: 'IN' }] }),
    });
    const result = await new DohResolver({ url: server.url }).lookup('example.com', 'MX');
    expect(result.kind).toBe('answer');
  });

  it('accepts a content type with parameters and different case', async () => {
    server.handler = (request) => ({ contentType: 'Application/DNS-Message; charset=binary', body: respond(request) });
    const result = await new DohResolver({ url: server.url }).lookup('example.com', 'MX');
    expect(result.kind).toBe('answer');
  });

  it('asks for the root name as "."', async () => {
    server.handler = (request) => ({ body: respond(request, { answers: [{ type: 'NS', name: '.', ttl: 1, data: 'a.root-servers.net' }] }) });
    const result = await new DohResolver({ url: server.url }).lookup('.', 'NS');
    expect(result).toMatchObject({ kind: 'answer', question: { name: '' }, records: [{ name: '', data: 'a.root-servers.net' }] });
    expect(server.requests[0]!.query?.questions?.[0]?.name).toBe('.');
  });
});

describe('DohResolver failures (rule zero: a failure is never an empty answer)', () => {
  const cases: { what: string; reply: Handler; reason: string; detail?: RegExp }[] = [
    { what: 'HTTP 500', reply: () => ({ status: 500, contentType: 'text/plain', body: 'oops' }), reason: 'http-status', detail: /^HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/dns-query for example\.com MX$/ },
    { what: 'HTTP 404 with a DNS body', reply: (request) => ({ status: 404, body: respond(request) }), reason: 'http-status' },
    { what: 'text/html content type', reply: () => ({ contentType: 'text/html', body: '<html>blocked</html>' }), reason: 'content-type', detail: /text\/html/ },
    { what: 'no content type', reply: (request) => ({ contentType: null, body: respond(request) }), reason: 'content-type' },
    { what: 'garbage bytes', reply: () => ({ body: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]) }), reason: 'malformed' },
    { what: 'an empty body', reply: () => ({ body: new Uint8Array(0) }), reason: 'malformed' },
    {
      what: 'trailing octets after the message',
      reply: (request) => ({ body: new Uint8Array([...respond(request), 0, 0, 0]) }),
      reason: 'malformed',
    },
    {
      what: 'a record cut short',
      reply: (request) => {
        const full = respond(request, { answers: [{ type: 'MX', name: 'example.com', ttl: 60, data: { preference: 1, exchange: 'mx.example.com' } }] });
        return { body: full.subarray(0, full.length - 3) };
      },
      reason: 'malformed',
    },
    {
      what: 'an A record whose RDLENGTH is not 4',
      reply: (request) => {
        const full = respond(request, { answers: [{ type: 'NULL', name: 'example.com', ttl: 60, data: new Uint8Array([192, 0, 2, 1, 9]) }] });
        // retype the NULL record (type 10) as A (type 1): 5 octets of RDATA
        const bytes = new Uint8Array(full);
        const typeOffset = bytes.length - 5 - 10;
        expect(bytes[typeOffset + 1]).toBe(10);
        bytes[typeOffset + 1] = 1;
        return { body: bytes };
      },
      reason: 'malformed',
    },
    { what: 'a query instead of a response', reply: (request) => ({ body: respond(request, { notResponse: true }) }), reason: 'mismatch' },
    {
      what: 'another name in the question',
      reply: (request) => ({ body: respond(request, { questions: [{ ...questionOf(request), name: 'example.org' }] }) }),
      reason: 'mismatch',
      detail: /does not answer example\.com MX/,
    },
    {
      what: 'another type in the question',
      reply: (request) => ({ body: respond(request, { questions: [{ ...questionOf(request), type: 'A' }] }) }),
      reason: 'mismatch',
    },
    {
      what: 'another class in the question',
      reply: (request) => ({ body: respond(request, { questions: [{ ...questionOf(request), class: 'CH' }] }) }),
      reason: 'mismatch',
    },
    { what: 'no question in a NOERROR response', reply: (request) => ({ body: respond(request, { questions: [] }) }), reason: 'mismatch' },
    { what: 'a message ID other than 0', reply: (request) => ({ body: respond(request, { id: 4242 }) }), reason: 'mismatch' },
    { what: 'the TC bit', reply: (request) => ({ body: respond(request, { flags: dnsPacket.TRUNCATED_RESPONSE }) }), reason: 'truncated' },
    {
      what: 'SERVFAIL',
      reply: (request) => ({ body: respond(request, { rcode: 2 }) }),
      reason: 'servfail',
      detail: /^SERVFAIL from http:\/\/127\.0\.0\.1:\d+\/dns-query for example\.com MX$/,
    },
    { what: 'REFUSED', reply: (request) => ({ body: respond(request, { rcode: 5 }) }), reason: 'refused', detail: /^REFUSED from / },
    { what: 'REFUSED without a question', reply: (request) => ({ body: respond(request, { rcode: 5, questions: [] }) }), reason: 'refused' },
    { what: 'NOTIMP', reply: (request) => ({ body: respond(request, { rcode: 4 }) }), reason: 'rcode', detail: /^NOTIMP from / },
    { what: 'FORMERR', reply: (request) => ({ body: respond(request, { rcode: 1 }) }), reason: 'rcode', detail: /^FORMERR from / },
    {
      what: 'a declared body larger than the cap',
      reply: (request) => ({ body: new Uint8Array([...respond(request), ...new Uint8Array(2000)]) }),
      reason: 'too-large',
    },
    {
      what: 'a streamed (chunked) body larger than the cap',
      reply: () => ({ chunked: true, body: new Uint8Array(70000) }),
      reason: 'too-large',
    },
  ];

  for (const { what, reply, reason, detail } of cases) {
    it(`${what} → ${reason}`, async () => {
      server.handler = reply;
      const maxResponseBytes = what.includes('declared') ? 1000 : undefined;
      const resolver = new DohResolver({ url: server.url, ...(maxResponseBytes === undefined ? {} : { maxResponseBytes }) });
      const result = failure(await resolver.lookup('example.com', 'MX'));
      expect(result.reason).toBe(reason);
      expect(result.resolver).toBe(server.url);
      expect(result.question).toEqual({ name: 'example.com', type: 'MX' });
      expect(result.detail).toContain(server.url);
      expect(result.detail).toContain('example.com MX');
      if (detail !== undefined) expect(result.detail).toMatch(detail);
    });
  }

  it('a server that never answers → timeout, within about timeoutMs', async () => {
    server.handler = () => ({ hang: true });
    const started = Date.now();
    const result = failure(await new DohResolver({ url: server.url, timeoutMs: 150 }).lookup('example.com', 'MX'));
    const elapsed = Date.now() - started;
    expect(result.reason).toBe('timeout');
    expect(result.detail).toMatch(/within 150 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(2000);
  });

  it('a body that stops half-way → timeout (the deadline covers the body)', async () => {
    server.handler = (request) => ({ hangBody: true, body: respond(request) });
    const result = failure(await new DohResolver({ url: server.url, timeoutMs: 150 }).lookup('example.com', 'MX'));
    expect(result.reason).toBe('timeout');
  });

  it('an injected fetch that ignores the signal still times out', async () => {
    const never: typeof fetch = () => new Promise<Response>(() => undefined);
    const result = failure(await new DohResolver({ url: server.url, timeoutMs: 50, fetch: never }).lookup('example.com', 'MX'));
    expect(result.reason).toBe('timeout');
  });

  it('nobody listening → network', async () => {
    const closed = await startDohServer(() => ({}));
    const url = closed.url;
    await closed.close();
    const result = failure(await new DohResolver({ url }).lookup('example.com', 'MX'));
    expect(result.reason).toBe('network');
    expect(result.resolver).toBe(url);
    expect(result.detail).toContain(url);
    expect(result.detail).toContain('example.com MX');
  });

  it('an injected fetch that rejects → network', async () => {
    const broken: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const result = failure(await new DohResolver({ url: server.url, fetch: broken }).lookup('example.com', 'MX'));
    expect(result.reason).toBe('network');
    expect(result.detail).toMatch(/Failed to fetch/);
  });

  it("the caller's signal → aborted, during the request and before it", async () => {
    server.handler = () => ({ hang: true });
    const resolver = new DohResolver({ url: server.url, timeoutMs: 5000 });
    const controller = new AbortController();
    const pending = resolver.lookup('example.com', 'MX', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect(failure(await pending).reason).toBe('aborted');

    const before = server.requests.length;
    const result = failure(await resolver.lookup('example.com', 'MX', { signal: AbortSignal.abort() }));
    expect(result.reason).toBe('aborted');
    expect(server.requests.length).toBe(before); // nothing was sent
  });

  it('a name that cannot be encoded fails without a request and without throwing', async () => {
    const resolver = new DohResolver({ url: server.url });
    const result = failure(await resolver.lookup(`${'a'.repeat(64)}.example.com`, 'A'));
    expect(result.reason).toBe('malformed');
    expect(result.detail).toMatch(/63 octets/);
    expect(failure(await resolver.lookup('a..example.com', 'A')).reason).toBe('malformed');
    expect(server.requests).toHaveLength(0);
  });
});

describe('resolver URLs: https only, plain http for loopback', () => {
  it.each([
    'https://cloudflare-dns.com/dns-query',
    'https://dns.google/dns-query',
    'https://[2001:db8::1]/dns-query',
    'http://127.0.0.1:8053/dns-query',
    'http://127.1.2.3/dns-query',
    'http://localhost:8053/dns-query',
    'http://LOCALHOST/dns-query',
    'http://[::1]:8053/dns-query',
  ])('accepts %s', (url) => {
    expect(validateResolverUrl(url)).toBeUndefined();
    expect(() => new DohResolver({ url })).not.toThrow();
  });

  it.each([
    ['http://dns.google/dns-query', /plain http/],
    ['http://192.0.2.1/dns-query', /plain http/],
    ['http://127.0.0.1.example.com/dns-query', /plain http/],
    ['http://128.0.0.1/dns-query', /plain http/],
    ['http://[::2]/dns-query', /plain http/],
    ['ftp://127.0.0.1/dns-query', /must use https/],
    ['not a url', /not a valid URL/],
    ['https://user:secret@dns.example/dns-query', /user name or password/],
  ])('rejects %s', (url, message) => {
    expect(validateResolverUrl(url)).toMatch(message);
    expect(() => new DohResolver({ url })).toThrow(message);
  });
});
