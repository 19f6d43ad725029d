/**
 * One DNS question over UDP, with TCP when the answer is truncated (RFC 7766 §5; RFC 1035 §4.2):
 * written by hand over `node:dgram` and `node:net` because what matters here is what no client
 * library we found gives together: a fresh socket (so a random source port) and a random message
 * ID per question (RFC 5452 §9.2), replies from another address or port or with another ID ignored
 * while waiting (a spoofed packet must not end the wait), one TCP reply read with its 2-octet length
 * and never more than 65,535 octets, and a hard timeout on every step. The reply is judged by the
 * core (`interpretResponse`), as DoH replies are: question echoed, answer chain, bounded names.
 */
import { createSocket, type Socket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { connect } from 'node:net';
import { isIP } from 'node:net';
import { encodeQuery, interpretResponse, type Interpreted, type Question } from '@mx-doctor/core';

/** Where to send: an IPv4 or IPv6 address and a port. */
export interface ServerAddress {
  readonly address: string;
  readonly port: number;
}

export interface ExchangeOptions {
  /** Ask for recursion (a resolver) or not (an authoritative server). */
  readonly recursionDesired: boolean;
  /** DO and CD bits (RFC 3225, RFC 4035 §3.2.2). */
  readonly dnssecOk?: boolean;
  readonly checkingDisabled?: boolean;
  /** Per attempt, ms. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** What results name as their resolver (default `address:port`; a `dns://` URL for a resolver). */
  readonly source?: string;
}

export type Transport = 'udp' | 'tcp';

export interface Exchanged extends Interpreted {
  /** `127.0.0.1:53` */
  readonly server: string;
  readonly transport: Transport;
}

/** The largest DNS message TCP can carry (a 16-bit length, RFC 1035 §4.2.2). */
const MAX_TCP_MESSAGE = 65535;

export function serverText({ address, port }: ServerAddress): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

type Raw = { kind: 'reply'; body: Uint8Array } | { kind: 'failed'; reason: 'timeout' | 'network' | 'aborted' | 'too-large' | 'malformed'; detail: string };

/** Send `query` over UDP and wait for the one reply from `server` whose ID is `id`. */
function udpExchange(server: ServerAddress, query: Uint8Array, id: number, options: ExchangeOptions): Promise<Raw> {
  const where = serverText(server);
  return new Promise((resolve) => {
    const family = isIP(server.address) === 6 ? 'udp6' : 'udp4';
    let socket: Socket | undefined;
    let settled = false;
    const finish = (raw: Raw) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket?.close();
      resolve(raw);
    };
    const onAbort = () => finish({ kind: 'failed', reason: 'aborted', detail: `question to ${where} cancelled` });
    const timer = setTimeout(() => finish({ kind: 'failed', reason: 'timeout', detail: `no answer from ${where} over UDP within ${options.timeoutMs} ms` }), options.timeoutMs);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket = createSocket({ type: family });
    socket.on('error', (error) => finish({ kind: 'failed', reason: 'network', detail: `could not reach ${where} over UDP: ${error.message}` }));
    socket.on('message', (message, from) => {
      // Only the server asked, and only our ID: anything else is ignored (it may be spoofed).
      if (from.address !== server.address || from.port !== server.port) return;
      if (message.length < 2 || ((message[0]! << 8) | message[1]!) !== id) return;
      finish({ kind: 'reply', body: new Uint8Array(message) });
    });
    // Port 0: the system picks a fresh ephemeral port for this question.
    socket.bind(0, () => socket!.send(query, server.port, server.address));
  });
}

/** Send `query` over TCP with its length prefix and read one reply (RFC 1035 §4.2.2). */
function tcpExchange(server: ServerAddress, query: Uint8Array, options: ExchangeOptions): Promise<Raw> {
  const where = serverText(server);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let expected: number | undefined;
    let settled = false;
    const socket = connect({ host: server.address, port: server.port });
    const finish = (raw: Raw) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(raw);
    };
    const onAbort = () => finish({ kind: 'failed', reason: 'aborted', detail: `question to ${where} cancelled` });
    const timer = setTimeout(() => finish({ kind: 'failed', reason: 'timeout', detail: `no answer from ${where} over TCP within ${options.timeoutMs} ms` }), options.timeoutMs);
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (error) => finish({ kind: 'failed', reason: 'network', detail: `could not reach ${where} over TCP: ${error.message}` }));
    socket.on('connect', () => {
      const framed = Buffer.alloc(query.length + 2);
      framed.writeUInt16BE(query.length, 0);
      framed.set(query, 2);
      socket.write(framed);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      const all = Buffer.concat(chunks);
      if (expected === undefined && all.length >= 2) expected = all.readUInt16BE(0);
      if (expected !== undefined && all.length >= expected + 2) finish({ kind: 'reply', body: new Uint8Array(all.subarray(2, expected + 2)) });
      // A length prefix caps the reply at 65,537 octets with it; a peer sending more is not DNS.
      else if (received > MAX_TCP_MESSAGE + 2) finish({ kind: 'failed', reason: 'too-large', detail: `reply from ${where} over TCP longer than a DNS message` });
    });
    socket.on('end', () => finish({ kind: 'failed', reason: 'malformed', detail: `${where} closed the TCP connection after ${received} of ${expected === undefined ? 'an unknown number of' : expected + 2} octets` }));
  });
}

/** One question to one server: UDP, then TCP when the reply is truncated. Never throws. */
export async function exchange(server: ServerAddress, question: Question, options: ExchangeOptions): Promise<Exchanged> {
  const where = serverText(server);
  const source = options.source ?? where;
  const id = randomInt(0, 0x10000);
  const judge = (raw: Raw, transport: Transport): Exchanged =>
    raw.kind === 'reply'
      ? { ...interpretResponse(question, raw.body, { source, id }), server: where, transport }
      : { result: { kind: 'failed', question, reason: raw.reason, detail: raw.detail, resolver: source }, authoritative: false, referral: [], glue: new Map(), truncated: false, server: where, transport };
  let query: Uint8Array;
  try {
    query = encodeQuery(question.name, question.type, { id, recursionDesired: options.recursionDesired, ...(options.dnssecOk === true && { dnssecOk: true }), ...(options.checkingDisabled === true && { checkingDisabled: true }) });
  } catch (error) {
    return judge({ kind: 'failed', reason: 'malformed', detail: `cannot ask ${where}: ${error instanceof Error ? error.message : String(error)}` }, 'udp');
  }
  const udp = judge(await udpExchange(server, query, id, options), 'udp');
  if (!udp.truncated) return udp;
  return judge(await tcpExchange(server, query, options), 'tcp');
}
