/**
 * A bare `node:http` server on 127.0.0.1 for tests that need full control of the HTTP answer
 * (status, any header such as `location` or `retry-after`), beside `doh-test-server.ts` which
 * speaks DNS. It counts requests and the most it ever had open at once.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from '@leichtgewicht/dns-packet';

export interface RawServer {
  /** `http://127.0.0.1:PORT/dns-query` */
  readonly url: string;
  /** Requests received so far. */
  readonly count: number;
  /** The most requests in progress (received, not yet answered) at one time. */
  readonly maxInFlight: number;
  reset(): void;
  close(): Promise<void>;
}

/** `handle` answers each request; it may take its time (async) — the request counts as in flight until it ends. */
export async function startRawServer(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>): Promise<RawServer> {
  const state = { count: 0, inFlight: 0, maxInFlight: 0 };
  const server = http.createServer((req, res) => {
    state.count++;
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let ended = false;
    const done = (): void => {
      if (ended) return;
      ended = true;
      state.inFlight--;
    };
    res.on('finish', done);
    res.on('close', done);
    req.resume();
    void Promise.resolve(handle(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/dns-query`,
    get count() {
      return state.count;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    reset() {
      state.count = 0;
      state.maxInFlight = state.inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What a zone answers for one question: records (an answer, maybe empty) or NXDOMAIN. */
export type ZoneAnswer = readonly dnsPacket.Answer[] | 'nxdomain';

/**
 * A handler that answers DoH GET and POST queries from `zone` (name lower case, no trailing dot),
 * after `delayMs` when given. Queries that do not decode get HTTP 400.
 */
export function dnsHandler(zone: (name: string, type: string) => ZoneAnswer, options: { delayMs?: number } = {}) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const wire = req.method === 'GET' ? Buffer.from(parsed.searchParams.get('dns') ?? '', 'base64url') : Buffer.concat(chunks);
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(wire);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (options.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const question = query.questions?.[0];
    const answer = question === undefined ? 'nxdomain' : zone(question.name.toLowerCase().replace(/\.$/, ''), String(question.type));
    const body = dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (answer === 'nxdomain' ? 3 : 0),
      questions: question === undefined ? [] : [question],
      answers: answer === 'nxdomain' ? [] : [...answer],
    });
    res.writeHead(200, { 'content-type': 'application/dns-message', 'content-length': String(body.length) });
    res.end(body);
  };
}
