/**
 * vitest global setup of the e2e project: one BIND + dnsdist + fault proxy + SMTP servers for the
 * whole run. Tests read the values with `inject('dohUrl')` etc. (vitest 4 provide/inject).
 */
import type { TestProject } from 'vitest/node';
import { startTestDns } from './fixture.js';
import { startSmtpServers } from './smtp-servers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DoH URL (plain HTTP, GET and POST), BIND view "main". */
    dohUrl: string;
    /** Second DoH URL, view "alt": only resolvers-disagree.broken.test differs. */
    altDohUrl: string;
    /** Fault proxy: `${faultBaseUrl}/<fault>/dns-query`, faults listed in test/dns/fault-proxy.ts. */
    faultBaseUrl: string;
    /** BIND's own port on 127.0.0.1 (for dig; source 127.0.0.2 gets the alt view). */
    dnsPort: number;
    /** The one port of every SMTP test server. */
    smtpPort: number;
    /** The SMTP test servers' addresses (each listens on smtpPort, except `unreachable`). */
    smtpHosts: {
      good: string;
      noStarttls: string;
      badGreeting: string;
      closes: string;
      unreachable: string;
    };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dns = await startTestDns();
  let smtp;
  try {
    smtp = await startSmtpServers();
  } catch (error) {
    await dns.stop();
    throw error;
  }
  // The authority step asks the zones' name servers (ns1/ns2.fixture.test: 127.0.0.1, 127.0.1.1)
  // directly; every CLI and language server a test starts inherits this port for them.
  process.env['MXD_DNS_PORT'] = String(dns.dnsPort);
  project.provide('dohUrl', dns.dohUrl);
  project.provide('altDohUrl', dns.altDohUrl);
  project.provide('faultBaseUrl', dns.faultBaseUrl);
  project.provide('dnsPort', dns.dnsPort);
  project.provide('smtpPort', smtp.port);
  project.provide('smtpHosts', { ...smtp.hosts });
  const started = smtp;
  return async () => {
    await Promise.all([dns.stop(), started.stop()]);
  };
}
