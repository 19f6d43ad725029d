/**
 * The DNSSEC world (issue #15): real signatures, a real validating resolver.
 *
 *   const world = await startDnssecWorld();
 *   world.dohUrl          // http://127.0.0.1:P/dns-query → Unbound (validating, EDE on) via dnsdist
 *   world.dnsResolverUrl  // dns://127.0.0.1:Q, the same Unbound over plain DNS
 *   world.authPort        // the BIND that serves every zone (authoritative only) on 127.0.0.1
 *   await world.stop();
 *
 * At start: one ECDSA P-256 key per signed zone (`dnssec-keygen`), the zones signed with
 * `dnssec-signzone` (children first, their DS into the parent, the root last), one BIND serving
 * them all, and Unbound forwarding everything to that BIND with the root's DS as its trust anchor,
 * so AD, SERVFAIL on bogus data, CD=1 answers and Extended DNS Errors are Unbound's own. The zones
 * and their planted faults are world.ts. Needs `bind9 bind9-utils dnsdist unbound`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dohQuery } from '../doh.js';
import { freePort, installExitHook, running, startChild, stopChild, waitUntilReady, which } from '../fixture.js';
import type { Child } from '../fixture.js';
import { queryDns } from '../authority/dns-query.js';
import { startPolicyServer, type PolicyServer } from './policy-server.js';
import { certificate, makeCa, type KeyAndCertificate } from './certificates.js';
import { startSmtpTlsServers, type SmtpTlsServers } from './smtp-tls-servers.js';
import { HOST_ADDRESSES, SMTP_HOSTS, REVERSE_ZONE, ZONES, type Signing, type ZoneSpec } from './world.js';

const run = promisify(execFile);
const NS = 'ns.root.';

export interface DnssecWorld {
  dohUrl: string;
  dnsResolverUrl: string;
  authPort: number;
  /** The MTA-STS policy hosts' HTTPS port on 127.0.0.1 (for MXD_HTTPS_PORT), and the test CA (for NODE_EXTRA_CA_CERTS). */
  httpsPort: number;
  caFile: string;
  /** What the CLI needs to reach the policy hosts: MXD_HTTPS_PORT and NODE_EXTRA_CA_CERTS. */
  env: Record<string, string>;
  policyRequests: string[];
  /** The port every SMTP host of world.ts SMTP_HOSTS listens on (for `--smtp-port`). */
  smtpPort: number;
  /** When the zones were signed (Unix seconds): the `expiring` zone's signatures end 6 h after it. */
  signedAt: number;
  dir: string;
  logs(): Record<string, string>;
  stop(): Promise<void>;
}

/** `YYYYMMDDHHMMSS` (UTC), the absolute form dnssec-signzone takes. */
function signzoneTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Signature validity for each kind of zone, from `now`. */
function validity(signing: Signing, now: number): { start: number; end: number } {
  if (signing === 'expired') return { start: now - 10 * 86400, end: now - 86400 };
  if (signing === 'expiring') return { start: now - 3600, end: now + 6 * 3600 };
  return { start: now - 3600, end: now + 30 * 86400 };
}

function zoneText(zone: string, body: readonly string[]): string {
  const origin = zone === '.' ? '.' : `${zone}.`;
  return [`$TTL 300`, `$ORIGIN ${origin}`, `@ IN SOA ${NS} hostmaster.${zone === '.' ? '' : `${zone}.`} 2026120301 3600 600 604800 300`, `@ IN NS ${NS}`, ...body, ''].join('\n');
}

export async function startDnssecWorld(options: { keepTempDir?: boolean; /** 443 for a browser, which cannot be told another port (needs root). Default: a free port. */ httpsPort?: number } = {}): Promise<DnssecWorld> {
  const programs = {
    named: which('named', ['/usr/sbin/named']),
    dnsdist: which('dnsdist', ['/usr/bin/dnsdist']),
    unbound: which('unbound', ['/usr/sbin/unbound']),
    keygen: which('dnssec-keygen', ['/usr/bin/dnssec-keygen']),
    signzone: which('dnssec-signzone', ['/usr/bin/dnssec-signzone']),
    dsfromkey: which('dnssec-dsfromkey', ['/usr/bin/dnssec-dsfromkey']),
  };
  const dir = mkdtempSync(join(tmpdir(), 'mx-doctor-dnssec-'));
  const children: Child[] = [];
  let stopped = false;
  let policyServer: PolicyServer | undefined;
  let smtpServers: SmtpTlsServers | undefined;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await policyServer?.close();
    await smtpServers?.close();
    await Promise.all(children.map((child) => stopChild(child)));
    for (const child of children) running.delete(child);
    if (!options.keepTempDir) rmSync(dir, { recursive: true, force: true });
  };
  const spawnTracked = (name: string, command: string, args: string[]) => {
    const child = startChild(name, command, args, dir);
    running.add(child);
    children.push(child);
    return child;
  };
  try {
    installExitHook();
    const now = Math.floor(Date.now() / 1000);
    // Certificates first: the SMTP hosts' TLSA records pin their keys.
    await makeCa(dir);
    const smtpCertificates: Record<string, KeyAndCertificate> = {};
    for (const [host, spec] of Object.entries(SMTP_HOSTS)) {
      smtpCertificates[host] = await certificate(dir, host, spec.certificate === 'other-name' ? ['www.other-name.test'] : [host], spec.certificate === 'expired' ? 0 : 2);
    }
    const pinned = (line: string) => line.replace(/@@SPKI_SHA256:([^@]+)@@/g, (_whole, host: string) => smtpCertificates[host]!.spkiSha256);
    const keygen = async (zone: string): Promise<string> =>
      (await run(programs.keygen, ['-q', '-K', dir, '-a', 'ECDSAP256SHA256', '-f', 'KSK', '-n', 'ZONE', zone])).stdout.trim();
    const dsOf = async (key: string): Promise<string> => (await run(programs.dsfromkey, ['-2', join(dir, `${key}.key`)])).stdout.trim();

    // The root delegates every top zone; a parent zone delegates its listed children.
    const parentOf = new Map<string, string>();
    for (const spec of ZONES) for (const child of spec.children ?? []) parentOf.set(child, spec.zone);
    const all: ZoneSpec[] = [
      ...ZONES,
      { zone: REVERSE_ZONE, signing: 'none', records: [...HOST_ADDRESSES].map(([name, address]) => `${address.split('.').at(-1)} PTR ${name}.`) },
    ];
    for (const spec of all) if (!parentOf.has(spec.zone)) parentOf.set(spec.zone, '.');

    // Keys first (every zone's DS must be in its parent before the parent is signed).
    const keys = new Map<string, string>();
    const dsLines = new Map<string, string[]>();
    for (const spec of all) {
      if (spec.signing === 'none') continue;
      const key = await keygen(spec.zone);
      keys.set(spec.zone, key);
      // bad-ds: the parent publishes the DS of a key the zone never uses.
      const published = spec.signing === 'bad-ds' ? await keygen(spec.zone) : key;
      const parent = parentOf.get(spec.zone)!;
      dsLines.set(parent, [...(dsLines.get(parent) ?? []), await dsOf(published)]);
    }
    const delegations = (zone: string) =>
      all
        .filter((spec) => parentOf.get(spec.zone) === zone)
        .map((spec) => `${spec.zone}. IN NS ${NS}`)
        .concat(dsLines.get(zone) ?? []);

    // Sign from the leaves up: a zone is signed once its children's DS are written into it.
    const depth = (zone: string): number => (zone === '.' ? 0 : 1 + depth(parentOf.get(zone)!));
    const files = new Map<string, string>();
    const rootKey = await keygen('.');
    const ordered = [...all].sort((a, b) => depth(b.zone) - depth(a.zone));
    const sign = async (zone: string, body: string[], key: string, signing: Signing) => {
      const name = zone === '.' ? 'root' : zone;
      const source = join(dir, `${name}.db`);
      writeFileSync(source, zoneText(zone, [...body, readFileSync(join(dir, `${key}.key`), 'utf8')]));
      const { start, end } = validity(signing, now);
      const signed = join(dir, `${name}.signed`);
      // -P: no post-signing verification (it refuses the expired zone); -z: the one key signs everything.
      await run(programs.signzone, ['-q', '-P', '-z', '-d', dir, '-s', signzoneTime(start), '-e', signzoneTime(end), '-o', zone, '-f', signed, source, join(dir, key)]);
      return signed;
    };
    for (const spec of ordered) {
      const body = [...spec.records.map(pinned), ...delegations(spec.zone)];
      const key = keys.get(spec.zone);
      if (key === undefined) {
        const file = join(dir, `${spec.zone}.db`);
        writeFileSync(file, zoneText(spec.zone, body));
        files.set(spec.zone, file);
      } else {
        files.set(spec.zone, await sign(spec.zone, body, key, spec.signing));
      }
    }
    files.set('.', await sign('.', [`${NS} IN A 127.0.0.1`, ...delegations('.')], rootKey, 'good'));
    writeFileSync(join(dir, 'root.anchor'), `${await dsOf(rootKey)}\n`);

    policyServer = await startPolicyServer(dir, options.httpsPort ?? 0);
    smtpServers = await startSmtpTlsServers(smtpCertificates);
    const authPort = await freePort(['127.0.0.1'], true);
    const unboundPort = await freePort(['127.0.0.1'], true);
    const dohPort = await freePort();
    const zoneBlocks = [...files].map(([zone, file]) => `zone "${zone}" { type primary; file "${file}"; };`);
    writeFileSync(
      join(dir, 'named.conf'),
      [
        `options { directory "${dir}"; pid-file "${dir}/named.pid"; session-keyfile "${dir}/session.key"; managed-keys-directory "${dir}";`,
        `  listen-on port ${authPort} { 127.0.0.1; }; listen-on-v6 { none; }; recursion no; dnssec-validation no; notify no;`,
        `  empty-zones-enable no; allow-transfer { none; }; check-names primary ignore; };`,
        'controls { };',
        ...zoneBlocks,
        '',
      ].join('\n'),
    );
    const namedArgs = ['-g', '-c', join(dir, 'named.conf'), '-n', '1'];
    if (process.getuid?.() === 0) namedArgs.push('-u', 'root');
    spawnTracked('named', programs.named, namedArgs);

    writeFileSync(
      join(dir, 'unbound.conf'),
      [
        '# A validating resolver: everything forwarded to the world\'s BIND, the world\'s root DS as trust anchor.',
        'server:',
        `  directory: "${dir}"`,
        '  chroot: ""',
        '  username: ""',
        '  use-syslog: no',
        '  logfile: ""',
        '  verbosity: 1',
        '  num-threads: 1',
        '  so-reuseport: no',
        `  interface: 127.0.0.1@${unboundPort}`,
        '  do-ip6: no',
        '  access-control: 127.0.0.0/8 allow',
        '  do-not-query-localhost: no',
        '  module-config: "validator iterator"',
        `  trust-anchor-file: "${dir}/root.anchor"`,
        '  ede: yes',
        '  val-log-level: 2',
        '  qname-minimisation: no',
        '  prefetch: no',
        '  serve-expired: no',
        '  aggressive-nsec: no',
        '  local-zone: "test." nodefault',
        '  local-zone: "in-addr.arpa." nodefault',
        '  local-zone: "185.in-addr.arpa." nodefault',
        'forward-zone:',
        '  name: "."',
        `  forward-addr: 127.0.0.1@${authPort}`,
        'remote-control:',
        '  control-enable: no',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'dnsdist.conf'),
      [
        'setSecurityPollSuffix("")',
        `setLocal("127.0.0.1:${await freePort()}")`,
        'setACL({"127.0.0.0/8"})',
        `newServer({address="127.0.0.1:${unboundPort}"}):setUp()`,
        `addDOHLocal("127.0.0.1:${dohPort}", nil, nil, "/dns-query", {customResponseHeaders={["access-control-allow-origin"]="*"}})`,
        '',
      ].join('\n'),
    );

    const deadline = Date.now() + 20_000;
    const waitFor = (what: string, ready: () => Promise<boolean>) => waitUntilReady(what, ready, children, deadline);
    await waitFor('BIND', async () => {
      const answers = await Promise.all(['.', ...ZONES.map((spec) => spec.zone)].map((zone) => queryDns('127.0.0.1', authPort, zone, 'SOA', { timeoutMs: 300 })));
      return answers.every((answer) => answer.rcode === 'NOERROR' && (answer.answers?.length ?? 0) > 0);
    });
    spawnTracked('unbound', programs.unbound, ['-d', '-p', '-c', join(dir, 'unbound.conf')]);
    spawnTracked('dnsdist', programs.dnsdist, ['--supervised', '--disable-syslog', '-C', join(dir, 'dnsdist.conf')]);
    const dohUrl = `http://127.0.0.1:${dohPort}/dns-query`;
    await waitFor('Unbound', async () => (await queryDns('127.0.0.1', unboundPort, 'signed.test', 'SOA', { recursionDesired: true, timeoutMs: 300 })).rcode === 'NOERROR');
    await waitFor('Unbound behind DoH', async () => {
      const reply = await dohQuery(dohUrl, 'signed.test', 'SOA', { signal: AbortSignal.timeout(1000) });
      return reply.status === 200 && reply.packet?.rcode === 'NOERROR';
    });
    return {
      dohUrl,
      dnsResolverUrl: `dns://127.0.0.1:${unboundPort}`,
      authPort,
      httpsPort: policyServer.port,
      caFile: policyServer.caFile,
      env: { MXD_HTTPS_PORT: String(policyServer.port), NODE_EXTRA_CA_CERTS: policyServer.caFile },
      policyRequests: policyServer.requests,
      smtpPort: smtpServers.port,
      signedAt: now,
      dir,
      logs: () => Object.fromEntries(children.map((child) => [child.name, child.output.join('')])),
      stop,
    };
  } catch (error) {
    const logs = children.map((child) => `--- ${child.name} ---\n${child.output.join('').trim()}`).join('\n');
    await stop();
    throw new Error(`DNSSEC world failed to start: ${error instanceof Error ? error.message : String(error)}\n${logs}`);
  }
}
