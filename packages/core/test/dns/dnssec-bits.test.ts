/**
 * The DNSSEC side of a question and its answer, over a real (loopback) DoH server: the AD bit we
 * set so a validating resolver reports its verdict (RFC 6840 §5.7), DO and CD only when asked,
 * and, in the answer, the AD bit, the RRSIGs over the answer's RRset, Extended DNS Errors
 * (RFC 8914) and the TLSA / DNSKEY data the policy checks read.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as dnsPacket from '@leichtgewicht/dns-packet';
import { DohResolver } from '../../src/dns/doh-client.js';
import { CachingResolver } from '../../src/dns/cache.js';
import { signatureTime, type LookupResult } from '../../src/dns/types.js';
import { questionOf, respond, startDohServer, type DohTestServer } from './doh-test-server.js';

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

const rrsig = (name: string, typeCovered: string, expiration: number): dnsPacket.Answer =>
  ({
    type: 'RRSIG',
    name,
    ttl: 300,
    data: { typeCovered, algorithm: 13, labels: 2, originalTTL: 300, expiration, inception: expiration - 86400 * 14, keyTag: 4242, signersName: 'example.com', signature: new Uint8Array(64) },
  }) as dnsPacket.Answer;

/** One Extended DNS Error option's octets (RFC 8914 §2: OPTION-CODE 15, length, INFO-CODE, EXTRA-TEXT). */
function edeOption(code: number, text: string, dataLength?: number): number[] {
  const data = [code >> 8, code & 0xff, ...new TextEncoder().encode(text)].slice(0, dataLength);
  return [0, 15, data.length >> 8, data.length & 0xff, ...data];
}

/**
 * `body` with an OPT record holding `options` appended to its additional section, written by hand
 * (dns-packet 6 writes an option's data as zeros).
 */
function withOpt(body: Uint8Array, options: number[]): Uint8Array {
  const opt = [0, 0, 41, 0x04, 0xd0, 0, 0, 0, 0, options.length >> 8, options.length & 0xff, ...options];
  const out = new Uint8Array(body.length + opt.length);
  out.set(body);
  out.set(opt, body.length);
  const count = ((out[10]! << 8) | out[11]!) + 1;
  out[10] = count >> 8;
  out[11] = count & 0xff;
  return out;
}

const resolver = () => new DohResolver({ url: server.url, timeoutMs: 2000 });
const flagsOf = (index = 0) => server.requests[index]!.query!.flags ?? 0;
const ednsFlagsOf = (index = 0) => {
  const opt = server.requests[index]!.query!.additionals?.find((record) => record.type === 'OPT') as { flags?: number } | undefined;
  return opt?.flags ?? 0;
};

describe('the DNSSEC bits of a query', () => {
  it('sets AD always (so a validating resolver reports its verdict), DO and CD only when asked', async () => {
    await resolver().lookup('example.com', 'MX');
    await resolver().lookup('example.com', 'MX', { dnssecOk: true });
    await resolver().lookup('example.com', 'MX', { checkingDisabled: true });
    expect(server.requests).toHaveLength(3);
    expect(flagsOf(0) & dnsPacket.AUTHENTIC_DATA).toBe(dnsPacket.AUTHENTIC_DATA);
    expect(flagsOf(0) & dnsPacket.CHECKING_DISABLED).toBe(0);
    expect(ednsFlagsOf(0) & dnsPacket.DNSSEC_OK).toBe(0);
    expect(ednsFlagsOf(1) & dnsPacket.DNSSEC_OK).toBe(dnsPacket.DNSSEC_OK);
    expect(flagsOf(1) & dnsPacket.CHECKING_DISABLED).toBe(0);
    expect(flagsOf(2) & dnsPacket.CHECKING_DISABLED).toBe(dnsPacket.CHECKING_DISABLED);
    expect(ednsFlagsOf(2) & dnsPacket.DNSSEC_OK).toBe(0);
  });

  it('the cache keeps answers asked with CD or DO apart from the validated one', async () => {
    server.handler = (request) => {
      const cd = ((request.query?.flags ?? 0) & dnsPacket.CHECKING_DISABLED) !== 0;
      return { body: cd ? respond(request, { answers: [{ type: 'MX', name: 'example.com', ttl: 300, data: { preference: 10, exchange: 'mx.example.com' } }] }) : respond(request, { rcode: 2 }) };
    };
    const cache = new CachingResolver(resolver());
    expect((await cache.lookup('example.com', 'MX')).kind).toBe('failed');
    expect((await cache.lookup('example.com', 'MX', { checkingDisabled: true })).kind).toBe('answer');
    expect((await cache.lookup('example.com', 'MX', { checkingDisabled: true })).kind).toBe('answer');
    expect((await cache.lookup('example.com', 'MX', { dnssecOk: true })).kind).toBe('failed');
    // The CD=1 answer was cached (asked once); the SERVFAILs are not cached.
    expect(server.requests.filter((request) => ((request.query?.flags ?? 0) & dnsPacket.CHECKING_DISABLED) !== 0)).toHaveLength(1);
    server.handler = (request) => ({ body: respond(request) });
  });
});

describe('the DNSSEC facts of an answer', () => {
  it('reads AD, and keeps the RRSIGs over the answer RRset at its last owner only', async () => {
    const expiration = 1_900_000_000;
    server.handler = (request) => ({
      body: respond(request, {
        flags: dnsPacket.AUTHENTIC_DATA,
        answers: [
          { type: 'CNAME', name: 'mail.example.com', ttl: 300, data: 'host.example.net' },
          rrsig('mail.example.com', 'CNAME', expiration + 1),
          { type: 'A', name: 'host.example.net', ttl: 300, data: '192.0.2.1' },
          rrsig('host.example.net', 'A', expiration),
          rrsig('host.example.net', 'AAAA', expiration + 2),
        ],
      }),
    });
    const result = await resolver().lookup('mail.example.com', 'A', { dnssecOk: true });
    expect(result.kind).toBe('answer');
    expect(result.dnssec?.authenticated).toBe(true);
    expect(result.dnssec?.checkingDisabled).toBe(false);
    expect(result.dnssec?.signatures).toEqual([{ typeCovered: 1, algorithm: 13, expiration, inception: expiration - 86400 * 14, keyTag: 4242, signerName: 'example.com' }]);
    // RRSIGs are no records of the answer: the chain and the A record only.
    if (result.kind === 'answer') expect(result.records.map((record) => record.type)).toEqual(['CNAME', 'A']);
    server.handler = (request) => ({ body: respond(request) });
  });

  it('an answer without AD, RRSIG or EDE says nothing of DNSSEC; with CD echoed, it says validation was off', async () => {
    expect((await resolver().lookup('example.com', 'MX')).dnssec).toBeUndefined();
    server.handler = (request) => ({ body: respond(request, { flags: dnsPacket.CHECKING_DISABLED }) });
    expect((await resolver().lookup('example.com', 'MX', { checkingDisabled: true })).dnssec).toEqual({ authenticated: false, checkingDisabled: true, signatures: [], extendedErrors: [] });
    server.handler = (request) => ({ body: respond(request) });
  });

  it('a SERVFAIL keeps its Extended DNS Errors, and its detail names them', async () => {
    server.handler = (request) => ({ body: withOpt(respond(request, { rcode: 2 }), edeOption(7, 'signature expired for example.com/MX')) });
    const result = await resolver().lookup('example.com', 'MX');
    expect(result.kind).toBe('failed');
    if (result.kind !== 'failed') return;
    expect(result.reason).toBe('servfail');
    expect(result.dnssec?.extendedErrors).toEqual([{ code: 7, text: 'signature expired for example.com/MX' }]);
    expect(result.detail).toContain('EDE 7 Signature Expired: signature expired for example.com/MX');
    server.handler = (request) => ({ body: respond(request) });
  });

  it('an Extended DNS Error option shorter than its INFO-CODE makes the message malformed (never an answer)', async () => {
    server.handler = (request) => ({ body: withOpt(respond(request, { rcode: 2 }), edeOption(6, '', 1)) });
    const result = await resolver().lookup('example.com', 'MX');
    expect(result.kind === 'failed' && result.reason).toBe('malformed');
    server.handler = (request) => ({ body: respond(request) });
  });

  it('keeps at most eight Extended DNS Errors, each text cut at 300 characters', async () => {
    const many = Array.from({ length: 20 }, () => edeOption(6, 'x'.repeat(400))).flat();
    server.handler = (request) => ({ body: withOpt(respond(request, { rcode: 2 }), many) });
    const result = await resolver().lookup('example.com', 'MX');
    const errors = result.dnssec?.extendedErrors ?? [];
    expect(errors).toHaveLength(8);
    expect(errors.every((error) => error.code === 6 && error.text.length === 301)).toBe(true);
    server.handler = (request) => ({ body: respond(request) });
  });

  it('decodes TLSA (usage, selector, matching type, hex data) and DNSKEY (flags, protocol, algorithm)', async () => {
    const digest = new Uint8Array(32).map((_, i) => i);
    server.handler = (request) => {
      const question = questionOf(request);
      const answers: dnsPacket.Answer[] =
        question.type === 'TLSA'
          ? [{ type: 'TLSA', name: question.name, ttl: 300, data: new Uint8Array([3, 1, 1, ...digest]) } as unknown as dnsPacket.Answer]
          : [{ type: 'DNSKEY', name: question.name, ttl: 300, data: { flags: 257, algorithm: 13, key: new Uint8Array(64) } } as unknown as dnsPacket.Answer];
      return { body: respond(request, { answers }) };
    };
    const tlsa = await resolver().lookup('_25._tcp.mx.example.com', 'TLSA');
    const dnskey = await resolver().lookup('example.com', 'DNSKEY');
    const data = (result: LookupResult) => (result.kind === 'answer' ? result.records.map((record) => record.data) : result);
    expect(data(tlsa)).toEqual([{ usage: 3, selector: 1, matchingType: 1, certificateData: Buffer.from(digest).toString('hex') }]);
    expect(data(dnskey)).toEqual([{ flags: 257, protocol: 3, algorithm: 13 }]);
    server.handler = (request) => ({ body: respond(request) });
  });

  it('a TLSA record shorter than its fixed fields makes the message malformed', async () => {
    server.handler = (request) => ({ body: respond(request, { answers: [{ type: 'TLSA', name: questionOf(request).name, ttl: 300, data: new Uint8Array([3, 1, 1]) } as unknown as dnsPacket.Answer] }) });
    const result = await resolver().lookup('_25._tcp.mx.example.com', 'TLSA');
    expect(result.kind === 'failed' && result.reason).toBe('malformed');
    server.handler = (request) => ({ body: respond(request) });
  });
});

describe('signatureTime (RFC 4034 §3.1.5 serial arithmetic)', () => {
  it('reads a time field as the Unix time nearest now, across the 2106 wrap', () => {
    const now = 1_790_000_000;
    expect(signatureTime(now + 3600, now)).toBe(now + 3600);
    expect(signatureTime(now - 3600, now)).toBe(now - 3600);
    const after2106 = 2 ** 32 + 100;
    expect(signatureTime(100, 2 ** 32 - 50)).toBe(after2106);
    expect(signatureTime(2 ** 32 - 50, after2106)).toBe(2 ** 32 - 50);
  });
});
