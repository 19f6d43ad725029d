/**
 * A tiny DoH client for the fixture's own use (readiness check, fault proxy, fixture tests).
 * Not the product's client: it reports what came back and judges nothing.
 */
import * as dnsPacket from '@leichtgewicht/dns-packet';
import type { Packet, RecordType } from '@leichtgewicht/dns-packet';

export type { Packet, RecordType };
export { dnsPacket };

export function encodeQuery(name: string, type: RecordType, id = 0): Uint8Array {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
  });
}

export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

export function fromBase64url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

export interface DohReply {
  status: number;
  contentType: string | null;
  body: Uint8Array;
  /** The decoded body, when it decodes. */
  packet?: Packet;
}

/** One DoH query (RFC 8484) by GET (`?dns=`) or POST. */
export async function dohQuery(
  url: string,
  name: string,
  type: RecordType,
  options: { method?: 'GET' | 'POST'; id?: number; signal?: AbortSignal } = {},
): Promise<DohReply> {
  const query = encodeQuery(name, type, options.id ?? 0);
  const method = options.method ?? 'GET';
  const init: RequestInit = { method, headers: { accept: 'application/dns-message' } };
  if (options.signal) init.signal = options.signal;
  let target = url;
  if (method === 'GET') {
    target = `${url}${url.includes('?') ? '&' : '?'}dns=${base64url(query)}`;
  } else {
    init.headers = { accept: 'application/dns-message', 'content-type': 'application/dns-message' };
    init.body = new Uint8Array(query);
  }
  const response = await fetch(target, init);
  const body = new Uint8Array(await response.arrayBuffer());
  const reply: DohReply = { status: response.status, contentType: response.headers.get('content-type'), body };
  try {
    reply.packet = dnsPacket.decode(body);
  } catch {
    // not a DNS message
  }
  return reply;
}

/** The RCODE of a decoded packet (dns-packet reports it as a name: NOERROR, SERVFAIL, …). */
export function rcodeOf(packet: Packet): string {
  return String(packet.rcode ?? 'NOERROR');
}
