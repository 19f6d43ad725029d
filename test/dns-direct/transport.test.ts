/**
 * The direct DNS transport (`@mx-doctor/dns-direct`) against the real BIND of the fixture (its
 * own port on 127.0.0.1, and dnsdist passing to it on 127.0.1.1) and against small hostile
 * servers of our own on loopback: answers are judged as DoH answers are, a spoofed or stray reply
 * never ends the wait, a truncated answer is asked again over TCP, and every failure is a
 * `failed` result with its reason, never "no records".
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import * as dnsPacket from '@leichtgewicht/dns-packet';
import { createResolver } from '@mx-doctor/core';
import { DirectQuerier, DnsResolver, exchange, parseDnsUrl } from '@mx-doctor/dns-direct';
import { afterEach, describe, expect, inject, it } from 'vitest';

const bind = () => ({ address: '127.0.0.1', port: inject('dnsPort') });

describe('against the fixture BIND', () => {
  it('a dns:// resolver gives what DoH gives', async () => {
    const direct = await new DnsResolver(`dns://127.0.0.1:${inject('dnsPort')}`).lookup('selfhosted.good.test', 'MX');
    const doh = await createResolver({ urls: [inject('dohUrl')] }).endpoints[0]!.lookup('selfhosted.good.test', 'MX');
    expect(direct.kind).toBe('answer');
    // BIND rotates the order of an RRset between answers: compare the sets.
    const sorted = (result: typeof direct) => (result.kind === 'failed' ? [] : result.records.map((record) => JSON.stringify(record)).sort());
    expect(sorted(direct)).toEqual(sorted(doh));
    expect(sorted(direct)).toHaveLength(2);
    expect(direct.resolver).toBe(`dns://127.0.0.1:${inject('dnsPort')}`);
  });

  it('asks the authoritative server without recursion and reports its AA bit, on both name-server addresses', async () => {
    const querier = new DirectQuerier({ port: inject('dnsPort') });
    for (const address of ['127.0.0.1', '127.0.1.1']) {
      const reply = await querier.ask(address, { name: 'good.test', type: 'SOA' });
      expect(reply.authoritative, address).toBe(true);
      expect(reply.result.kind === 'answer' && reply.result.records[0]).toMatchObject({ type: 'SOA', data: { serial: 2024010101 } });
      const missing = await querier.ask(address, { name: 'no-such-name.good.test', type: 'MX' });
      expect(missing.result.kind).toBe('nxdomain');
    }
  });

  it('asks again over TCP when the UDP answer is truncated (RFC 7766)', async () => {
    const reply = await exchange(bind(), { name: 'large-txt.fixture.test', type: 'TXT' }, { recursionDesired: false, timeoutMs: 2000 });
    expect(reply.transport).toBe('tcp');
    expect(reply.result.kind === 'answer' && reply.result.records.length).toBe(8);
    const small = await exchange(bind(), { name: 'good.test', type: 'SOA' }, { recursionDesired: false, timeoutMs: 2000 });
    expect(small.transport).toBe('udp');
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile servers

interface Udp {
  readonly socket: Socket;
  readonly port: number;
  readonly received: Buffer[];
}

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

/** A UDP server on 127.0.0.1 that does `reply` with each query (or nothing). */
async function udpServer(reply: (query: dnsPacket.Packet, raw: Buffer, from: RemoteInfo, socket: Socket) => void): Promise<Udp> {
  const socket = createSocket('udp4');
  const received: Buffer[] = [];
  socket.on('message', (raw, from) => {
    received.push(raw);
    reply(dnsPacket.decode(raw), raw, from, socket);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  opened.push({ close: () => socket.close() });
  return { socket, port: socket.address().port, received };
}

function answerTo(query: dnsPacket.Packet, overrides: Partial<dnsPacket.Packet> = {}): Uint8Array {
  return dnsPacket.encode({
    type: 'response',
    id: query.id,
    flags: dnsPacket.AUTHORITATIVE_ANSWER,
    questions: query.questions,
    answers: [{ type: 'MX', name: query.questions![0]!.name, ttl: 60, data: { preference: 10, exchange: 'attacker.example' } }],
    ...overrides,
  });
}

const ask = (port: number, timeoutMs = 300) => exchange({ address: '127.0.0.1', port }, { name: 'victim.example', type: 'MX' }, { recursionDesired: false, timeoutMs });

describe('against hostile servers', () => {
  it('sends a random ID from a fresh source port each time', async () => {
    const seen: { id: number; port: number }[] = [];
    const server = await udpServer((query, _raw, from, socket) => {
      seen.push({ id: query.id!, port: from.port });
      socket.send(answerTo(query), from.port, from.address);
    });
    for (let k = 0; k < 8; k++) expect((await ask(server.port)).result.kind).toBe('answer');
    expect(new Set(seen.map((s) => s.id)).size).toBeGreaterThan(4);
    expect(new Set(seen.map((s) => s.port)).size).toBeGreaterThan(4);
  });

  it('ignores a reply with another ID, and gives up after one retry: a timeout, never an answer', async () => {
    const server = await udpServer((query, _raw, from, socket) => socket.send(answerTo(query, { id: (query.id! + 1) % 65536 }), from.port, from.address));
    const querier = new DirectQuerier({ port: server.port, timeoutMs: 200 });
    const reply = await querier.ask('127.0.0.1', { name: 'victim.example', type: 'MX' });
    expect(reply.result).toMatchObject({ kind: 'failed', reason: 'timeout' });
    expect(server.received.length).toBe(2);
  });

  it('ignores a reply from another port (a spoof), then times out', async () => {
    const spoofer = await udpServer(() => undefined);
    const server = await udpServer((query, _raw, from) => spoofer.socket.send(answerTo(query), from.port, from.address));
    expect((await ask(server.port, 200)).result).toMatchObject({ kind: 'failed', reason: 'timeout' });
  });

  it('a reply to another question is a mismatch', async () => {
    const server = await udpServer((query, _raw, from, socket) =>
      socket.send(answerTo(query, { questions: [{ type: 'MX', name: 'other.example', class: 'IN' }] }), from.port, from.address),
    );
    const reply = await ask(server.port);
    expect(reply.result).toMatchObject({ kind: 'failed', reason: 'mismatch' });
    expect(reply.result.kind === 'failed' && reply.result.detail).toContain('does not answer victim.example MX');
  });

  it('a compression loop is malformed, not a crash', async () => {
    const server = await udpServer((query, raw, from, socket) => {
      const header = Buffer.from(raw.subarray(0, 12));
      header.writeUInt16BE(0x8400, 2); // response, AA
      header.writeUInt16BE(1, 6); // one answer
      const question = raw.subarray(12, raw.length - 11); // the question, without the OPT record
      header.writeUInt16BE(1, 4);
      header.writeUInt16BE(0, 10);
      const loop = Buffer.from([0xc0, 12 + question.length, 0, 15, 0, 1, 0, 0, 0, 60, 0, 0]);
      socket.send(Buffer.concat([header, question, loop]), from.port, from.address);
      void query;
    });
    expect((await ask(server.port)).result).toMatchObject({ kind: 'failed', reason: 'malformed' });
  });

  it('a truncated UDP answer, then a TCP server that closes mid-message: malformed, said as such', async () => {
    const tcp: Server = createServer((socket: TcpSocket) => {
      socket.once('data', () => {
        const partial = Buffer.alloc(12);
        partial.writeUInt16BE(500, 0);
        socket.end(partial);
      });
    });
    const port = await new Promise<number>((resolve) => tcp.listen(0, '127.0.0.1', () => resolve((tcp.address() as { port: number }).port)));
    opened.push({ close: () => tcp.close() });
    const udp = createSocket('udp4');
    udp.on('message', (raw, from) => udp.send(answerTo(dnsPacket.decode(raw), { flags: dnsPacket.TRUNCATED_RESPONSE, answers: [] }), from.port, from.address));
    await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', resolve));
    opened.push({ close: () => udp.close() });
    const reply = await ask(port, 1000);
    expect(reply.transport).toBe('tcp');
    expect(reply.result).toMatchObject({ kind: 'failed', reason: 'malformed' });
    expect(reply.result.kind === 'failed' && reply.result.detail).toContain('closed the TCP connection after 12 of 502 octets');
  });

  it('a server that never answers: one retry, then a timeout', async () => {
    const server = await udpServer(() => undefined);
    const reply = await new DirectQuerier({ port: server.port, timeoutMs: 150 }).ask('127.0.0.1', { name: 'victim.example', type: 'MX' });
    expect(reply).toMatchObject({ result: { kind: 'failed', reason: 'timeout' }, authoritative: false, referral: [] });
    expect(server.received.length).toBe(2);
  });
});

describe('dns:// URLs', () => {
  it('takes an IP address and a port, and refuses the rest with a reason', () => {
    expect(parseDnsUrl('dns://127.0.0.1:5353')).toEqual({ address: '127.0.0.1', port: 5353 });
    expect(parseDnsUrl('dns://[::1]')).toEqual({ address: '::1', port: 53 });
    expect(parseDnsUrl('dns://resolver.example')).toEqual({ error: expect.stringContaining("give the resolver's IP address") });
    expect(parseDnsUrl('dns://127.0.0.1/dns-query')).toEqual({ error: expect.stringContaining('no path') });
    expect(parseDnsUrl('https://127.0.0.1')).toEqual({ error: expect.stringContaining('not a dns:// URL') });
  });
});
