/**
 * The fleet world (issue #16): BIND authoritative for the generated zones of world.ts, and Debian's
 * Unbound as the local recursive resolver in front of it, as a fleet run would use one.
 *
 *   const world = await startFleetWorld({ domains: 10_000 });
 *   world.resolverUrl   // dns://127.0.0.1:P → Unbound → BIND
 *   await world.stopResolver();   // Unbound goes away mid-run ("a resolver that fails half-way")
 *   await world.startResolver();  // and comes back
 *   await world.stop();
 *
 * Needs `bind9 unbound`. Nothing is contacted but the two servers on 127.0.0.1: the zones'
 * addresses are DNS data only (the fleet tests run without the SMTP probe and the authority step).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, installExitHook, running, startChild, stopChild, waitUntilReady, which } from '../fixture.js';
import type { Child } from '../fixture.js';
import { queryDns } from '../authority/dns-query.js';
import { fleetDomain, fleetZones } from './world.js';

const NS = 'ns.root.';
const run = promisify(execFile);

export interface FleetWorld {
  readonly resolverUrl: string;
  readonly unboundPort: number;
  readonly authPort: number;
  readonly domains: number;
  readonly dir: string;
  /** `unbound-control` with the given arguments (only with `control: true`); its output. */
  control(...args: string[]): Promise<string>;
  /** Stops Unbound (SIGKILL: questions after it get "connection refused", as from a crashed resolver). */
  stopResolver(): Promise<void>;
  /** Starts Unbound again on the same port, with an empty cache ("the resolver is back"). */
  startResolver(): Promise<void>;
  logs(): Record<string, string>;
  stop(): Promise<void>;
}

function zoneFile(zone: string, records: readonly string[]): string {
  const origin = zone === '.' ? '.' : `${zone}.`;
  return [`$TTL 3600`, `$ORIGIN ${origin}`, `@ IN SOA ${NS} hostmaster.root. 2026120301 3600 600 604800 300`, `@ IN NS ${NS}`, ...records, ''].join('\n');
}

export interface FleetWorldOptions {
  readonly domains: number;
  readonly keepTempDir?: boolean;
  /** Unbound's remote control on a socket in the world's folder, for `control()` (statistics, options). */
  readonly control?: boolean;
  /** Unbound logs every question it is asked to `queries.log` in the world's folder (the benchmark's question mix). */
  readonly logQueries?: boolean;
}

export async function startFleetWorld(options: FleetWorldOptions): Promise<FleetWorld> {
  const programs = {
    named: which('named', ['/usr/sbin/named']),
    unbound: which('unbound', ['/usr/sbin/unbound']),
    unboundControl: which('unbound-control', ['/usr/sbin/unbound-control']),
  };
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
        `  logfile: "${options.logQueries ? join(dir, 'queries.log') : ''}"`,
        '  verbosity: 0',
        `  log-queries: ${options.logQueries ? 'yes' : 'no'}`,
        '  extended-statistics: yes',
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
        ...(options.control ? ['  control-enable: yes', `  control-interface: "${join(dir, 'unbound.ctl')}"`, '  control-use-cert: no'] : ['  control-enable: no']),
        '',
      ].join('\n'),
    );

    const deadline = Date.now() + 60_000;
    const waitFor = (what: string, ready: () => Promise<boolean>) => waitUntilReady(what, ready, children, deadline);
    await waitFor('BIND', async () => {
      const answers = await Promise.all(['.', 'test', ...reverseZones].map((zone) => queryDns('127.0.0.1', authPort, zone, 'SOA', { timeoutMs: 300 })));
      return answers.every((answer) => answer.rcode === 'NOERROR' && (answer.answers?.length ?? 0) > 0);
    });
    const startUnbound = async (deadline: number) => {
      const child = spawnTracked('unbound', programs.unbound, ['-d', '-p', '-c', join(dir, 'unbound.conf')]);
      await waitUntilReady('Unbound', async () => (await queryDns('127.0.0.1', unboundPort, fleetDomain(1), 'MX', { recursionDesired: true, timeoutMs: 300 })).rcode === 'NOERROR', [child], deadline);
      return child;
    };
    let unbound = await startUnbound(deadline);
    return {
      resolverUrl: `dns://127.0.0.1:${unboundPort}`,
      unboundPort,
      authPort,
      domains: options.domains,
      dir,
      control: async (...args: string[]) => {
        if (!options.control) throw new Error('startFleetWorld: control() needs { control: true }');
        return (await run(programs.unboundControl, ['-c', join(dir, 'unbound.conf'), ...args])).stdout;
      },
      stopResolver: async () => {
        if (unbound.done) return;
        unbound.process.kill('SIGKILL');
        await unbound.exited;
      },
      startResolver: async () => {
        if (!unbound.done) return;
        unbound = await startUnbound(Date.now() + 30_000);
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
