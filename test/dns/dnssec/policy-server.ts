/**
 * The MTA-STS policy hosts of the DNSSEC world: one HTTPS server on 127.0.0.1 (each
 * `mta-sts.<domain>` of world.ts has A 127.0.0.1), with certificates from a test CA made at start
 * by `openssl` (the CLI trusts it through NODE_EXTRA_CA_CERTS, in tests only). Which certificate
 * (SNI) and which reply (Host) each domain gets is world.ts's POLICIES.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { join } from 'node:path';
import { certificate } from './certificates.js';
import { POLICIES } from './world.js';

export interface PolicyServer {
  readonly port: number;
  /** The test CA's certificate (PEM file), for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  /** Requests seen, as `host path`. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Needs the world's CA in `dir` (certificates.ts `makeCa`). */
export async function startPolicyServer(dir: string, port = 0): Promise<PolicyServer> {
  const hosts = Object.keys(POLICIES).map((domain) => `mta-sts.${domain}`);
  const good = await certificate(dir, 'policy-hosts', hosts);
  const other = await certificate(dir, 'other-name', ['www.other-name.test']);
  const contexts = { good: createSecureContext(good), other: createSecureContext(other) };
  const requests: string[] = [];
  const server: Server = createServer(
    {
      ...good,
      SNICallback: (servername, callback) => {
        const domain = servername.replace(/^mta-sts\./, '');
        callback(null, POLICIES[domain]?.wrongCertificate === true ? contexts.other : contexts.good);
      },
    },
    (request, response) => {
      const host = String(request.headers.host ?? '').replace(/:\d+$/, '');
      requests.push(`${host} ${request.url ?? ''}`);
      const reply = POLICIES[host.replace(/^mta-sts\./, '')];
      if (reply === undefined || request.url !== '/.well-known/mta-sts.txt') {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'text/plain; charset=utf-8', ...(reply.location !== undefined && { location: reply.location }) });
      response.end(reply.body ?? '');
    },
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    caFile: join(dir, 'ca.pem'),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
