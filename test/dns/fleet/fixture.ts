/**
 * The fleet world (issue #16): BIND authoritative for the generated zones of world.ts, and Debian's
 * Unbound as the local recursive resolver in front of it, as a fleet run would use one.
 *
 *   const world = await startFleetWorld({ domains: 10_000 });
 *   world.resolverUrl   // dns://127.0.0.1:P → Unbound → BIND
 *   await world.stopResolver();   // Unbound goes away mid-run ("a resolver that fails half-way")
 *   await world.stop();
 *
 * Needs `bind9 unbound`. Nothing is contacted but the two servers on 127.0.0.1: the zones'
 * addresses are DNS data only (the fleet tests run without the SMTP probe and the authority step).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, installExitHook, running, startChild, stopChild, waitUntilReady, which } from '../fixture.js';
import type { Child } from '../fixture.js';
import { queryDns } from '../authority/dns-query.js';
import { fleetDomain, fleetZones } from './world.js';

const NS = 'ns.root.';

export interface FleetWorld {
  readonly resolverUrl: string;
  readonly unboundPort: number;
  readonly authPort: number;
  readonly domains: number;
  readonly dir: string;
  /** Stops Unbound (SIGKILL: questions after it get "connection refused", as from a crashed resolver). */
  stopResolver(): Promise<void>;
  logs(): Record<string, string>;
  stop(): Promise<void>;
}

function zoneFile(zone: string, records: readonly string[]): string {
  const origin = zone === '.' ? '.' : `${zone}.`;
  return [`$TTL 3600`, `$ORIGIN ${origin}`, `@ IN SOA ${NS} hostmaster.root. 2026120301 3600 600 604800 300`, `@ IN NS ${NS}`, ...records, ''].join('\n');
}

export async function startFleetWorld(options: { readonly domains: number; readonly keepTempDir?: boolean }): Promise<FleetWorld> {
  const programs = { named: which('named', ['/usr/sbin/named']), unbound: which('unbound', ['/usr/sbin/unbound']) };
  const dir = mkdtempSync(join(tmpdir(), 'mx-doctor-fleet-'));
  const children: Child[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
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
    const zones = fleetZones(options.domains);
    const files: [string, string][] = [];
    const write = (zone: string, records: readonly string[]) => {
      const file = join(dir, `${zone === '.' ? 'root' : zone}.db`);
      writeFileSync(file, zoneFile(zone, records));
      files.push([zone, file]);
    };
    const reverseZones = Object.keys(zones.reverse);
    write('.', [`${NS} IN A 127.0.0.1`, `test. IN NS ${NS}`, `in-addr.arpa. IN NS ${NS}`]);
    write('test', zones.test);
    write('in-addr.arpa', reverseZones.map((zone) => `${zone}. IN NS ${NS}`));
    for (const zone of reverseZones) write(zone, zones.reverse[zone]!);

    const authPort = await freePort(['127.0.0.1'], true);
    const unboundPort = await freePort(['127.0.0.1'], true);
    writeFileSync(
      join(dir, 'named.conf'),
      [
        `options { directory "${dir}"; pid-file "${dir}/named.pid"; session-keyfile "${dir}/session.key"; managed-keys-directory "${dir}";`,
        `  listen-on port ${authPort} { 127.0.0.1; }; listen-on-v6 { none; }; recursion no; dnssec-validation no; notify no;`,
        `  empty-zones-enable no; allow-transfer { none; }; check-names primary ignore; };`,
        'controls { };',
        ...files.map(([zone, file]) => `zone "${zone}" { type primary; file "${file}"; };`),
        '',
      ].join('\n'),
    );
    const namedArgs = ['-g', '-c', join(dir, 'named.conf'), '-n', '1'];
    if (process.getuid?.() === 0) namedArgs.push('-u', 'root');
    spawnTracked('named', programs.named, namedArgs);

    writeFileSync(
      join(dir, 'unbound.conf'),
      [
        "# The fleet's local recursive resolver: everything forwarded to the world's BIND, no validation.",
        'server:',
        `  directory: "${dir}"`,
        '  chroot: ""',
        '  username: ""',
        '  use-syslog: no',
        '  logfile: ""',
        '  verbosity: 0',
        '  num-threads: 1',
        '  so-reuseport: no',
        `  interface: 127.0.0.1@${unboundPort}`,
        '  do-ip6: no',
        '  access-control: 127.0.0.0/8 allow',
        '  do-not-query-localhost: no',
        '  module-config: "iterator"',
        '  qname-minimisation: no',
        '  prefetch: no',
        '  serve-expired: no',
        '  msg-cache-size: 64m',
        '  rrset-cache-size: 128m',
        '  num-queries-per-thread: 4096',
        '  outgoing-range: 8192',
        '  local-zone: "test." nodefault',
        '  local-zone: "in-addr.arpa." nodefault',
        'forward-zone:',
        '  name: "."',
        `  forward-addr: 127.0.0.1@${authPort}`,
        'remote-control:',
        '  control-enable: no',
        '',
      ].join('\n'),
    );

    const deadline = Date.now() + 60_000;
    const waitFor = (what: string, ready: () => Promise<boolean>) => waitUntilReady(what, ready, children, deadline);
    await waitFor('BIND', async () => {
      const answers = await Promise.all(['.', 'test', ...reverseZones].map((zone) => queryDns('127.0.0.1', authPort, zone, 'SOA', { timeoutMs: 300 })));
      return answers.every((answer) => answer.rcode === 'NOERROR' && (answer.answers?.length ?? 0) > 0);
    });
    const unbound = spawnTracked('unbound', programs.unbound, ['-d', '-p', '-c', join(dir, 'unbound.conf')]);
    await waitFor('Unbound', async () => (await queryDns('127.0.0.1', unboundPort, fleetDomain(1), 'MX', { recursionDesired: true, timeoutMs: 300 })).rcode === 'NOERROR');
    return {
      resolverUrl: `dns://127.0.0.1:${unboundPort}`,
      unboundPort,
      authPort,
      domains: options.domains,
      dir,
      stopResolver: async () => {
        if (unbound.done) return;
        unbound.process.kill('SIGKILL');
        await unbound.exited;
      },
      logs: () => Object.fromEntries(children.map((child) => [child.name, child.output.join('')])),
      stop,
    };
  } catch (error) {
    const logs = children.map((child) => `--- ${child.name} ---\n${child.output.join('').trim()}`).join('\n');
    await stop();
    throw new Error(`fleet world failed to start: ${error instanceof Error ? error.message : String(error)}\n${logs}`);
  }
}
