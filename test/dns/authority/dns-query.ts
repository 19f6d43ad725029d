/**
 * One plain-DNS query over UDP (or TCP) for the fixture's own use: readiness checks and the fixture's
 * tests. Not the product's transport: it reports what came back and judges nothing.
 */
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { randomInt } from 'node:crypto';
import * as dnsPacket from '@leichtgewicht/dns-packet';
import type { Packet, RecordType } from '@leichtgewicht/dns-packet';

export interface QueryOptions {
  /** Recursion desired (default false: an authoritative question). */
  recursionDesired?: boolean;
  /** Give up after this long (default 1000 ms). */
  timeoutMs?: number;
  tcp?: boolean;
}

export class QueryTimeout extends Error {}

function encode(name: string, type: RecordType, id: number, rd: boolean): Uint8Array {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: rd ? dnsPacket.RECURSION_DESIRED : 0,
    questions: [{ type, name, class: 'IN' }],
  });
}

/** The decoded answer; throws QueryTimeout when nothing (matching) came back in time. */
export function queryDns(host: string, port: number, name: string, type: RecordType, options: QueryOptions = {}): Promise<Packet> {
  const id = randomInt(1, 0xffff);
  const query = encode(name, type, id, options.recursionDesired ?? false);
  const timeoutMs = options.timeoutMs ?? 1000;
  return options.tcp ? viaTcp(host, port, query, id, timeoutMs) : viaUdp(host, port, query, id, timeoutMs);
}

function viaUdp(host: string, port: number, query: Uint8Array, id: number, timeoutMs: number): Promise<Packet> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const timer = setTimeout(() => finish(new QueryTimeout(`no answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    const finish = (outcome: Packet | Error) => {
      clearTimeout(timer);
      socket.close();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    socket.on('error', (error) => finish(error));
    socket.on('message', (message) => {
      try {
        const packet = dnsPacket.decode(new Uint8Array(message));
        if (packet.id === id) finish(packet);
      } catch {
        // not ours or not DNS: keep waiting
      }
    });
    socket.send(query, port, host);
  });
}

function viaTcp(host: string, port: number, query: Uint8Array, id: number, timeoutMs: number): Promise<Packet> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let buffered = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new QueryTimeout(`no answer from ${host}:${port} (TCP) within ${timeoutMs} ms`)), timeoutMs);
    const finish = (outcome: Packet | Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    socket.on('error', (error) => finish(error));
    socket.on('close', () => finish(new Error(`${host}:${port} closed the TCP connection without an answer`)));
    socket.on('connect', () => {
      const length = Buffer.alloc(2);
      length.writeUInt16BE(query.length);
      socket.write(Buffer.concat([length, query]));
    });
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length > 70_000) return finish(new Error('TCP answer too long'));
      if (buffered.length < 2) return;
      const size = buffered.readUInt16BE(0);
      if (buffered.length < 2 + size) return;
      try {
        const packet = dnsPacket.decode(new Uint8Array(buffered.subarray(2, 2 + size)));
        finish(packet.id === id ? packet : new Error('answer with another id'));
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** The AA flag of an answer (dns-packet exposes the flags word and named booleans). */
export function isAuthoritative(packet: Packet): boolean {
  return Boolean(((packet.flags ?? 0) & dnsPacket.AUTHORITATIVE_ANSWER) !== 0);
}

export type { Packet, RecordType };
