/**
 * The MTA-STS policy hosts of the DNSSEC world: one HTTPS server on 127.0.0.1 (each
 * `mta-sts.<domain>` of world.ts has A 127.0.0.1), with certificates from a test CA made at start
 * by `openssl` (the CLI trusts it through NODE_EXTRA_CA_CERTS, in tests only). Which certificate
 * (SNI) and which reply (Host) each domain gets is world.ts's POLICIES.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createSecureContext } from 'node:tls';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { POLICIES } from './world.js';

const run = promisify(execFile);

export interface PolicyServer {
  readonly port: number;
  /** The test CA's certificate (PEM file), for NODE_EXTRA_CA_CERTS. */
  readonly caFile: string;
  /** Requests seen, as `host path`. */
  readonly requests: string[];
  close(): Promise<void>;
}

async function certificate(dir: string, name: string, hosts: readonly string[]): Promise<{ key: string; cert: string }> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.pem`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}\nextendedKeyUsage=serverAuth\n`);
  await run('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${hosts[0]}`]);
  await run('openssl', ['x509', '-req', '-in', csr, '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext]);
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

export async function startPolicyServer(dir: string): Promise<PolicyServer> {
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.pem'), '-days', '2', '-subj', '/CN=MX Doctor test CA']);
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
