/**
 * Start the test DNS (BIND + dnsdist + fault proxy) and the SMTP test servers by hand, print the
 * URLs, run until Ctrl-C:
 *
 *   pnpm tsx test/dns/serve.ts          # add --json for one line of JSON (for scripts, benchmarks)
 */
import { startTestDns } from './fixture.js';
import { startSmtpServers } from './smtp-servers.js';

const json = process.argv.includes('--json');
const dns = await startTestDns();
const smtp = await startSmtpServers().catch(async (error: unknown) => {
  await dns.stop();
  throw error;
});

const info = {
  dohUrl: dns.dohUrl,
  altDohUrl: dns.altDohUrl,
  faultBaseUrl: dns.faultBaseUrl,
  dnsPort: dns.dnsPort,
  dnsdistPort: dns.dnsdistPort,
  smtpPort: smtp.port,
  smtpHosts: smtp.hosts,
};
if (json) {
  console.log(JSON.stringify(info));
} else {
  console.log(`DoH (view main):      ${dns.dohUrl}`);
  console.log(`DoH (view alt):       ${dns.altDohUrl}`);
  console.log(`fault proxy:          ${dns.faultUrl('<fault>')}`);
  console.log(`  e.g.                ${dns.faultUrl('servfail')}  ${dns.faultUrl('delay-50')}  ${dns.faultUrl('servfail-only-TXT')}`);
  console.log(`BIND:                 dig -p ${dns.dnsPort} @127.0.0.1 selfhosted.good.test MX   (add -b 127.0.0.2 for the alt view)`);
  console.log(`dnsdist (plain DNS):  dig -p ${dns.dnsdistPort} @127.0.0.1 selfhosted.good.test MX`);
  console.log(`SMTP on port ${smtp.port}:  ${Object.entries(smtp.hosts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log('Ctrl-C to stop.');
}

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all([dns.stop(), smtp.stop()]);
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
