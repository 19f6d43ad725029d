/**
 * A real DoH endpoint for tests: a `node:http` server on 127.0.0.1, port 0, that decodes the
 * actual query with dns-packet and answers whatever the test's handler says — a proper encoded
 * response, or something deliberately broken (wrong status, content type, garbage, silence).
 */

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from '@leichtgewicht/dns-packet';

export interface SeenRequest {
  readonly method: string;
  /** Path and query string as received. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The query message octets (GET: decoded from `dns`; POST: the body). */
  readonly wire: Uint8Array;
  /** The `dns` parameter exactly as sent (GET only). */
  readonly dnsParam?: string;
  /** The query, decoded (undefined if it did not decode). */
  readonly query: dnsPacket.Packet | undefined;
}

export interface Reply {
  readonly status?: number;
  /** `null` = send no content-type header. Default `application/dns-message`. */
  readonly contentType?: string | null;
  readonly body?: Uint8Array | string;
  /** Stream the body in chunks without a content-length header. */
  readonly chunked?: boolean;
  /** Never answer at all. */
  readonly hang?: boolean;
  /** Send the headers, then never finish the body. */
  readonly hangBody?: boolean;
  /** Wait this long before answering. */
  readonly delayMs?: number;
}

export type Handler = (request: SeenRequest) => Reply | Promise<Reply>;

export interface DohTestServer {
  /** `http://127.0.0.1:PORT/dns-query` */
  readonly url: string;
  readonly requests: SeenRequest[];
  handler: Handler;
  close(): Promise<void>;
}

export async function startDohServer(handler: Handler): Promise<DohTestServer> {
  const requests: SeenRequest[] = [];
  const state = { handler };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = req.url ?? '/';
        const parsed = new URL(url, 'http://127.0.0.1');
        let wire: Uint8Array;
        let dnsParam: string | undefined;
        if (req.method === 'GET') {
          dnsParam = parsed.searchParams.get('dns') ?? '';
          wire = new Uint8Array(Buffer.from(dnsParam, 'base64url'));
        } else {
          wire = new Uint8Array(Buffer.concat(chunks));
        }
        let query: dnsPacket.Packet | undefined;
        try {
          query = dnsPacket.decode(wire);
        } catch {
          query = undefined;
        }
        const seen: SeenRequest = { method: req.method ?? '', url, headers: req.headers, wire, query, ...(dnsParam === undefined ? {} : { dnsParam }) };
        requests.push(seen);
        const reply = await state.handler(seen);
        if (reply.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        if (reply.hang === true) return;
        const headers: Record<string, string> = {};
        const contentType = reply.contentType === undefined ? 'application/dns-message' : reply.contentType;
        if (contentType !== null) headers['content-type'] = contentType;
        const body = reply.body === undefined ? new Uint8Array(0) : typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
        if (reply.hangBody === true) {
          res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(body.length + 100) });
          res.write(body);
          return;
        }
        if (reply.chunked === true) {
          res.writeHead(reply.status ?? 200, headers);
          for (let offset = 0; offset < body.length; offset += 1024) {
            res.write(body.subarray(offset, offset + 1024));
          }
          res.end();
          return;
        }
        res.writeHead(reply.status ?? 200, { ...headers, 'content-length': String(body.length) });
        res.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    requests,
    get handler() {
      return state.handler;
    },
    set handler(next: Handler) {
      state.handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface AnswerSpec {
  readonly rcode?: number;
  readonly answers?: dnsPacket.Answer[];
  readonly authorities?: dnsPacket.Answer[];
  /** Extra header flag bits (e.g. TRUNCATED_RESPONSE). */
  readonly flags?: number;
  readonly id?: number;
  /** Override the echoed question section. */
  readonly questions?: dnsPacket.Question[];
  /** Send a query (QR = 0) instead of a response. */
  readonly notResponse?: boolean;
}

/** Encode a response to `request`'s query: echoes its question, RD and RA set. */
export function respond(request: SeenRequest, spec: AnswerSpec = {}): Uint8Array {
  const question = request.query?.questions?.[0];
  return dnsPacket.encode({
    type: spec.notResponse === true ? 'query' : 'response',
    id: spec.id ?? request.query?.id ?? 0,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (spec.flags ?? 0) | (spec.rcode ?? 0),
    questions: spec.questions ?? (question === undefined ? [] : [question]),
    answers: spec.answers ?? [],
    authorities: spec.authorities ?? [],
  });
}

/** The question of a seen request, for building answers. */
export function questionOf(request: SeenRequest): dnsPacket.Question {
  const question = request.query?.questions?.[0];
  if (question === undefined) throw new Error('request without a question');
  return question;
}
