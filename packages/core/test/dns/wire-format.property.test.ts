import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as dnsPacket from '@leichtgewicht/dns-packet';
import { base64UrlEncode } from '../../src/dns/base64url.js';
import { DohResolver } from '../../src/dns/doh-client.js';
import { encodeQuery } from '../../src/dns/query-message.js';
import type { LookupResult, RecordType } from '../../src/dns/types.js';

const URL_ = 'https://doh.test/dns-query';
const TYPES: RecordType[] = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'PTR', 'NS', 'SOA'];

/** A resolver whose "server" returns `body` as a well-labelled DoH response. */
function resolverReturning(body: Uint8Array): DohResolver {
  return new DohResolver({
    url: URL_,
    fetch: () =>
      Promise.resolve(
        new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': 'application/dns-message' } }),
      ),
  });
}

/** Invariants of any non-failed result: well-formed records only. */
function expectWellFormed(result: LookupResult): void {
  expect(result.resolver).toBe(URL_);
  if (result.kind === 'failed') {
    expect(['malformed', 'mismatch', 'truncated', 'servfail', 'refused', 'rcode']).toContain(result.reason);
    expect(result.detail).toContain(URL_);
    return;
  }
  expect(['answer', 'nxdomain']).toContain(result.kind);
  for (const record of result.records) {
    expect(TYPES).toContain(record.type);
    expect(record.name).toBe(record.name.toLowerCase());
    expect(record.name.endsWith('.')).toBe(false);
    expect(Number.isInteger(record.ttl)).toBe(true);
    expect(record.ttl).toBeGreaterThanOrEqual(0);
    expect(record.ttl).toBeLessThanOrEqual(0x7fffffff);
    if (record.type === 'A') expect(record.data).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    if (record.type === 'MX') expect(Number.isInteger(record.data.preference)).toBe(true);
    if (record.type === 'TXT') for (const text of record.data) expect(typeof text).toBe('string');
  }
}

/** The header and question a correct response to `example.com MX` starts with. */
const RESPONSE_PREFIX = dnsPacket.encode({
  type: 'response',
  id: 0,
  flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
  questions: [{ name: 'example.com', type: 'MX', class: 'IN' }],
  answers: [
    { type: 'MX', name: 'example.com', ttl: 300, data: { preference: 10, exchange: 'mx1.example.com' } },
    { type: 'TXT', name: 'example.com', ttl: 300, data: ['v=spf1 -all'] },
    { type: 'A', name: 'mx1.example.com', ttl: 300, data: '192.0.2.1' },
  ],
});

describe('random response bodies never throw (rule zero)', () => {
  it('random bytes → a failed result (or a valid decode), never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 600 }), async (body) => {
        const result = await resolverReturning(body).lookup('example.com', 'MX');
        expectWellFormed(result);
      }),
      { numRuns: 400 },
    );
  });

  it('a correct header and question followed by random records → failed or well-formed', async () => {
    const header = RESPONSE_PREFIX.subarray(0, 12 + 17); // header + "example.com MX IN"
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.integer({ min: 0, max: 4 }),
        async (tail, ancount) => {
          const body = new Uint8Array([...header, ...tail]);
          body[7] = ancount; // ANCOUNT low octet
          const result = await resolverReturning(body).lookup('example.com', 'MX');
          expectWellFormed(result);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a correct response with one octet changed or cut short → failed or well-formed', async () => {
    expect((await resolverReturning(RESPONSE_PREFIX).lookup('example.com', 'MX')).kind).toBe('answer');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: RESPONSE_PREFIX.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: RESPONSE_PREFIX.length }),
        async (position, value, cut) => {
          const body = new Uint8Array(RESPONSE_PREFIX);
          body[position] = value;
          const result = await resolverReturning(body.subarray(0, cut)).lookup('example.com', 'MX');
          expectWellFormed(result);
          if (cut < RESPONSE_PREFIX.length) expect(result.kind).toBe('failed');
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('query encoding properties', () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
  const hostName = fc.array(label, { minLength: 1, maxLength: 8 }).map((labels) => labels.join('.'));

  it('every query is a multiple of 128 octets and decodes back to the question, id 0, RD set', () => {
    fc.assert(
      fc.property(hostName, fc.constantFrom(...TYPES), (name, type) => {
        const wire = encodeQuery(name, type);
        expect(wire.length % 128).toBe(0);
        const decoded = dnsPacket.decode(wire);
        expect(decoded.id).toBe(0);
        expect(decoded.flag_rd).toBe(true);
        expect(decoded.questions).toEqual([{ name, type, class: 'IN' }]);
      }),
    );
  });

  it('base64url matches Node’s encoder, without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const encoded = base64UrlEncode(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
        expect(encoded).not.toMatch(/[=+/]/);
      }),
    );
  });
});
