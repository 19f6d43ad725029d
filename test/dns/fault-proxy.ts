/**
 * A fault-injecting DoH proxy in front of the fixture's dnsdist. Serves `/<fault>/dns-query`
 * (GET `?dns=` and POST, RFC 8484) with these faults:
 *
 * - `ok`: pass through.
 * - `servfail` / `refused`: a well-formed DNS response, same id and question, RCODE SERVFAIL / REFUSED.
 * - `timeout`: never answers (the connection stays open until the proxy closes).
 * - `garbage`: 200, `application/dns-message`, 11 random bytes (shorter than a DNS header).
 * - `http500`: HTTP 500, text/plain.
 * - `content-type`: the real answer, served as `text/html`.
 * - `truncated`: the real answer with the TC bit set and its answer/authority sections emptied.
 * - `wrong-question`: the real answer (same id) for another name than the one asked.
 * - `delay-<ms>`: pass through after a fixed delay.
 * - `servfail-only-<TYPE>`: SERVFAIL for questions of that type (e.g. TXT), pass the rest through.
 * - `redirect`: HTTP 307 (method and body kept) to the same query at this proxy's `ok` path, which
 *   answers correctly: a client that follows redirects gets real answers, one that refuses gets none.
 *
 * Unknown faults get 404. Every answer carries `access-control-allow-origin: *`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { base64url, dnsPacket, encodeQuery, fromBase64url } from './doh.js';
import type { Packet, RecordType } from './doh.js';

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: append `/<fault>/dns-query`. */
  baseUrl: string;
  url(fault: string): string;
  close(): Promise<void>;
}

export const FAULTS = [
  'ok',
  'servfail',
  'refused',
  'timeout',
  'garbage',
  'http500',
  'content-type',
  'truncated',
  'wrong-question',
  'redirect',
] as const;

const DNS_MESSAGE = 'application/dns-message';
const CORS = { 'access-control-allow-origin': '*' };

interface Upstream {
  status: number;
  contentType: string;
  body: Uint8Array;
}

async function forward(upstreamUrl: string, query: Uint8Array): Promise<Upstream> {
  // Always forward by GET with the exact query bytes: the answer is the same for POST clients.
  const response = await fetch(`${upstreamUrl}?dns=${base64url(query)}`, { headers: { accept: DNS_MESSAGE } });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? DNS_MESSAGE,
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

function errorResponse(query: Packet, rcode: number): Uint8Array {
  const flags = (query.flags ?? 0) & dnsPacket.RECURSION_DESIRED;
  return dnsPacket.encode({
    type: 'response',
    id: query.id ?? 0,
    flags: flags | rcode,
    questions: query.questions ?? [],
  });
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function send(res: ServerResponse, status: number, contentType: string, body: Uint8Array | string): void {
  res.writeHead(status, { ...CORS, 'content-type': contentType, 'cache-control': 'no-store' });
  res.end(typeof body === 'string' ? body : Buffer.from(body));
}

export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 502, 'text/plain', `fault proxy: ${String(error)}`);
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://proxy.invalid');
    const match = /^\/([^/]+)\/dns-query$/.exec(url.pathname);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...CORS,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'content-type, accept',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    if (!match?.[1]) return send(res, 404, 'text/plain', 'use /<fault>/dns-query');
    const fault = match[1];

    let queryBytes: Uint8Array;
    if (req.method === 'GET') {
      const dns = url.searchParams.get('dns');
      if (!dns) return send(res, 400, 'text/plain', 'missing ?dns=');
      queryBytes = fromBase64url(dns);
    } else if (req.method === 'POST') {
      queryBytes = await readBody(req);
    } else {
      return send(res, 405, 'text/plain', 'GET or POST');
    }
    let query: Packet;
    try {
      query = dnsPacket.decode(queryBytes);
    } catch {
      return send(res, 400, 'text/plain', 'not a DNS message');
    }
    const question = query.questions?.[0];

    const passThrough = async () => {
      const up = await forward(upstreamUrl, queryBytes);
      send(res, up.status, up.contentType, up.body);
    };

    const delay = /^delay-(\d+)$/.exec(fault);
    if (delay) {
      await new Promise((resolve) => setTimeout(resolve, Number(delay[1])));
      return passThrough();
    }
    const only = /^servfail-only-([A-Za-z0-9]+)$/.exec(fault);
    if (only) {
      if (question && String(question.type).toUpperCase() === only[1]?.toUpperCase()) {
        return send(res, 200, DNS_MESSAGE, errorResponse(query, 2));
      }
      return passThrough();
    }

    switch (fault) {
      case 'ok':
        return passThrough();
      case 'redirect': {
        const to = new URL(url.href.replace('http://proxy.invalid', `http://127.0.0.1:${(server.address() as AddressInfo).port}`));
        to.pathname = '/ok/dns-query';
        res.writeHead(307, { ...CORS, location: to.href, 'content-type': 'text/plain', 'cache-control': 'no-store' });
        res.end('moved (injected)');
        return;
      }
      case 'servfail':
        return send(res, 200, DNS_MESSAGE, errorResponse(query, 2));
      case 'refused':
        return send(res, 200, DNS_MESSAGE, errorResponse(query, 5));
      case 'timeout':
        // Never answer. The socket is destroyed when the proxy closes.
        return;
      case 'garbage':
        return send(res, 200, DNS_MESSAGE, new Uint8Array(randomBytes(11)));
      case 'http500':
        return send(res, 500, 'text/plain', 'internal server error (injected)');
      case 'content-type': {
        const up = await forward(upstreamUrl, queryBytes);
        return send(res, up.status, 'text/html; charset=utf-8', up.body);
      }
      case 'truncated': {
        const up = await forward(upstreamUrl, queryBytes);
        const answer = dnsPacket.decode(up.body);
        const truncated = dnsPacket.encode({
          ...answer,
          type: 'response',
          flags: (answer.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE,
          answers: [],
          authorities: [],
          additionals: [],
        });
        return send(res, 200, DNS_MESSAGE, truncated);
      }
      case 'wrong-question': {
        const asked = question?.name.toLowerCase() ?? '';
        const other = asked === 'selfhosted.good.test' ? 'google.good.test' : 'selfhosted.good.test';
        const type = (question?.type ?? 'MX') as RecordType;
        const up = await forward(upstreamUrl, encodeQuery(other, type, query.id ?? 0));
        return send(res, up.status, up.contentType, up.body);
      }
      default:
        return send(res, 404, 'text/plain', `unknown fault ${fault}`);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    url: (fault: string) => `${baseUrl}/${fault}/dns-query`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
