/**
 * The DNSSEC world's SMTP hosts (world.ts SMTP_HOSTS): one `smtp-server` per host, each on its own
 * loopback address and the same port, offering STARTTLS with the certificate world.ts names
 * (from the world's CA), one of them limited to TLS 1.1. They accept no mail.
 */
import type { SecureContextOptions } from 'node:tls';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { freePort } from '../fixture.js';
import { TEST_SMTP_OPTIONS } from '../smtp-servers.js';
import type { KeyAndCertificate } from './certificates.js';
import { SMTP_HOSTS } from './world.js';

export interface SmtpTlsServers {
  readonly port: number;
  close(): Promise<void>;
}

export async function startSmtpTlsServers(certificates: Readonly<Record<string, KeyAndCertificate>>): Promise<SmtpTlsServers> {
  const entries = Object.entries(SMTP_HOSTS);
  const port = await freePort(entries.map(([, spec]) => spec.address));
  const servers = entries.map(([host, spec]) => {
    const { key, cert } = certificates[host]!;
    return {
      address: spec.address,
      // smtp-server passes its TLS options (key, cert, versions) to Node's TLS; its types do not list them.
      server: new SMTPServer({
        ...TEST_SMTP_OPTIONS,
        name: host,
        key,
        cert,
        ...(spec.oldTls === true && { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' }),
      } satisfies SMTPServerOptions & SecureContextOptions as SMTPServerOptions),
    };
  });
  for (const { server } of servers) server.on('error', () => undefined);
  await Promise.all(servers.map(({ server, address }) => new Promise<void>((resolve) => server.listen(port, address, resolve))));
  return {
    port,
    close: () => Promise.all(servers.map(({ server }) => new Promise<void>((resolve) => server.close(() => resolve())))).then(() => undefined),
  };
}
