/**
 * A real delegation for the authority tests (issue #14): a fake root, the parent zone `test.` on
 * two servers, and child zones on separate `named` processes, each server on its own loopback
 * address and port 53; Unbound recursing through it (root hints → referrals → glue), behind dnsdist
 * as plain-HTTP DoH. The planted faults and the expected finding ids are in world.ts.
 *
 *   const world = await startAuthorityWorld();
 *   world.dohUrl                 // http://127.0.0.1:P/dns-query → Unbound (recursive, caching)
 *   world.dnsResolver            // { host: '127.0.0.1', port } Unbound's plain DNS (dns:// URL: world.dnsResolverUrl)
 *   world.authoritativePort      // 53: every server answers there on its own address
 *   world.domains.split.servers  // [{ name: 'ns1.split.test', address: '127.B.1.1' }, …]
 *   await world.changeMx('moving.test', ['10 mx-new.moving.test.'])
 *   await world.stop();
 *
 * Why dnsdist sits in front of every named: BIND listens only on interface addresses, and the
 * extra 127.B.x.y addresses are not configured on `lo` (adding them needs CAP_NET_ADMIN and
 * changes the machine). Linux lets any socket bind any 127/8 address, so one dnsdist listens on
 * each server's address:53 and hands each query, by destination address, to that server's own
 * named on 127.0.0.1:<its port>. The answer (AA flag, rcode, records) is the named's, unchanged.
 * The silent server is a dnsdist DropAction on its address: bound, never answers.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dohQuery } from '../doh.js';
import { freePort, installExitHook, running, startChild, stopChild, waitUntilReady, which } from '../fixture.js';
import type { Child } from '../fixture.js';
import { QueryTimeout, isAuthoritative, queryDns } from './dns-query.js';
import type { Packet } from './dns-query.js';
import { DOMAINS, ROOT_NS, SERVERS, TLD, address, zonesByServer } from './world.js';
import type { AuthorityFindingId, DomainKey, DomainSpec, ServerKey } from './world.js';

const execFileAsync = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const AUTHORITATIVE_PORT = 53;
const TSIG_KEY_NAME = 'mxd-update';

export interface WorldServer {
  /** The key in world.ts (`s1`, `tldA`, `refuser`, …). */
  key: ServerKey;
  /** Its loopback address; it answers on authoritativePort there. */
  address: string;
  /** `bind`: a named of its own; `silent`: bound, never answers. */
  kind: 'bind' | 'silent';
  /** The zones it loads (none for the refuser and the silent one). */
  zones: string[];
  /** The named's own port on 127.0.0.1 behind dnsdist (undefined for the silent server). */
  backendPort?: number;
}

export interface NameServer {
  name: string;
  address: string;
}

export interface WorldDomain {
  name: string;
  fault: string;
  expectedIds: readonly AuthorityFindingId[];
  /** The delegation the parent (`test.`) serves. */
  parentNs: NameServer[];
  /** The NS set the zone serves, or null when no server serves it. */
  zoneNs: NameServer[] | null;
  /** Every name server named at the parent or in the zone (by name). */
  servers: NameServer[];
}

export interface AuthorityWorld {
  /** DoH (plain HTTP, GET and POST) to Unbound, which recurses from the world's root. */
  dohUrl: string;
  /** Unbound's plain DNS (UDP and TCP). */
  dnsResolver: { host: string; port: number };
  /** The same as a URL: `dns://127.0.0.1:PORT`. */
  dnsResolverUrl: string;
  /** The port every authoritative server answers on (53), for MXD_DNS_PORT. */
  authoritativePort: number;
  /** The world's address block: every address is 127.<block>.x.y. */
  block: number;
  /** The parent zone of every test domain. */
  tld: string;
  /** The root server (also Unbound's only root hint). */
  root: NameServer;
  /** The parent zone's servers (a.nic.test, b.nic.test). */
  parentServers: NameServer[];
  servers: WorldServer[];
  domains: Record<DomainKey, WorldDomain>;
  /**
   * Replace a domain's MX RRset by dynamic update (TSIG) on its primary, then wait until every
   * authoritative server of the domain serves the new set. Only `moving.test` takes updates.
   * Records as `"10 mx-new.moving.test."`; TTL 3600.
   */
  changeMx(domain: string, mx: readonly string[]): Promise<void>;
  /** Milliseconds from the call to ready. */
  startMs: number;
  /** Milliseconds from the call until every authoritative server answered (before Unbound starts). */
  serversReadyMs: number;
  dir: string;
  logs(): Record<string, string>;
  stop(): Promise<void>;
}

export interface StartAuthorityWorldOptions {
  readyTimeoutMs?: number;
  keepTempDir?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Address block

const blocksHandedOut = new Set<number>();

/** Temp dirs of worlds not stopped yet: removed if the process exits without stop() (the children are killed by ../fixture.ts's exit hook). */
const liveDirs = new Set<string>();
let dirHookInstalled = false;
function removeDirsOnExit(): void {
  if (dirHookInstalled) return;
  dirHookInstalled = true;
  process.on('exit', () => {
    for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
  });
}

function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const udp = createSocket('udp4');
    udp.once('error', () => {
      udp.close();
      resolve(false);
    });
    udp.bind(port, host, () => {
      const tcp = createServer();
      tcp.once('error', () => udp.close(() => resolve(false)));
      tcp.listen(port, host, () => tcp.close(() => udp.close(() => resolve(true))));
    });
  });
}

/** A 127.B.0.0/16 block whose server addresses are free on port 53. */
async function pickBlock(): Promise<number> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const block = randomInt(100, 251);
    if (blocksHandedOut.has(block)) continue;
    const hosts = (Object.keys(SERVERS) as ServerKey[]).map((key) => address(block, key));
    let free = true;
    for (const host of hosts) {
      if (!(await canBind(host, AUTHORITATIVE_PORT))) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    blocksHandedOut.add(block);
    return block;
  }
  throw new Error(
    `no free 127.B.0.0/16 block with port ${AUTHORITATIVE_PORT} bindable: the authority world needs root (or CAP_NET_BIND_SERVICE)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Configs

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/@@([A-Z_]+)@@/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`no value for ${whole}`);
    return String(value);
  });
}

function tsigKeyBlock(secret: string): string {
  return `key "${TSIG_KEY_NAME}" { algorithm hmac-sha256; secret "${secret}"; };`;
}

function nameServers(block: number, map: Readonly<Record<string, ServerKey>> | null): NameServer[] | null {
  if (!map) return null;
  return Object.entries(map).map(([name, server]) => ({ name, address: address(block, server) }));
}

function describeDomain(block: number, spec: DomainSpec): WorldDomain {
  const parentNs = nameServers(block, spec.parentNs) ?? [];
  const zoneNs = nameServers(block, spec.zoneNs);
  const servers = [...parentNs];
  for (const ns of zoneNs ?? []) if (!servers.some((s) => s.name === ns.name)) servers.push(ns);
  return { name: spec.name, fault: spec.fault, expectedIds: spec.expectedIds, parentNs, zoneNs, servers };
}

// ---------------------------------------------------------------------------------------------

class BlockTaken extends Error {}

export async function startAuthorityWorld(options: StartAuthorityWorldOptions = {}): Promise<AuthorityWorld> {
  // Another run may take the block between the probe and dnsdist's bind: then try another block.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (!(error instanceof BlockTaken) || attempt >= 3) throw error;
    }
  }
}

async function startOnce(options: StartAuthorityWorldOptions): Promise<AuthorityWorld> {
  const started = Date.now();
  const readyTimeoutMs = options.readyTimeoutMs ?? 15_000;
  const find = (program: string, fallback: string) => {
    try {
      return which(program, [fallback]);
    } catch {
      throw new Error(`${program} not found: the authority world needs bind9 bind9-dnsutils dnsdist unbound (bash scripts/setup.sh)`);
    }
  };
  const programs = {
    named: find('named', '/usr/sbin/named'),
    dnsdist: find('dnsdist', '/usr/bin/dnsdist'),
    unbound: find('unbound', '/usr/sbin/unbound'),
    nsupdate: find('nsupdate', '/usr/bin/nsupdate'),
  };
  const block = await pickBlock();
  const dir = mkdtempSync(join(tmpdir(), 'mx-doctor-authority-'));
  if (!options.keepTempDir) {
    liveDirs.add(dir);
    removeDirsOnExit();
  }
  const children: Child[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(children.map((c) => stopChild(c)));
    for (const c of children) running.delete(c);
    blocksHandedOut.delete(block);
    if (!options.keepTempDir) rmSync(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  };
  const spawnTracked = (name: string, command: string, args: string[]) => {
    const child = startChild(name, command, args, dir);
    running.add(child);
    children.push(child);
    return child;
  };
  const describeChildren = () =>
    children
      .map((c) => `--- ${c.name}${c.done ? ` (exited, code ${String(c.process.exitCode)})` : ''} ---\n${c.output.join('').trim()}`)
      .join('\n');

  try {
    installExitHook();
    const tsigSecret = randomBytes(32).toString('base64');
    const keyFile = join(dir, 'update.key');
    writeFileSync(keyFile, `${tsigKeyBlock(tsigSecret)}\n`);

    // One named per BIND server, each on its own 127.0.0.1 port.
    const zones = zonesByServer(block);
    const backendPorts = new Map<ServerKey, number>();
    for (const key of zones.keys()) backendPorts.set(key, await freePort(['127.0.0.1'], true));
    const port = (key: ServerKey) => backendPorts.get(key) ?? 0;

    // Who is primary/secondary of each replicated zone.
    const secondariesOf = new Map<string, ServerKey[]>();
    const primaryOf = new Map<string, ServerKey>();
    for (const [server, list] of zones) {
      for (const z of list) {
        if (z.mode === 'updatable-primary') primaryOf.set(z.zone, server);
        if (z.mode === 'secondary') secondariesOf.set(z.zone, [...(secondariesOf.get(z.zone) ?? []), server]);
      }
    }

    const namedTemplate = readFileSync(join(HERE, 'named.conf.template'), 'utf8');
    const servers: WorldServer[] = [];
    for (const key of Object.keys(SERVERS) as ServerKey[]) {
      const list = zones.get(key);
      if (!list) {
        servers.push({ key, address: address(block, key), kind: 'silent', zones: [] });
        continue;
      }
      const serverDir = join(dir, key);
      mkdirSync(serverDir);
      const blocks: string[] = [];
      for (const z of list) {
        if (z.mode !== 'secondary') writeFileSync(join(serverDir, z.file), z.text);
        if (z.mode === 'primary') {
          blocks.push(`zone "${z.zone}" { type primary; file "${z.file}"; };`);
        } else if (z.mode === 'updatable-primary') {
          const notify = (secondariesOf.get(z.zone) ?? []).map((s) => `127.0.0.1 port ${port(s)};`).join(' ');
          blocks.push(
            `zone "${z.zone}" { type primary; file "${z.file}"; allow-update { key "${TSIG_KEY_NAME}"; }; ` +
              `notify explicit; notify-delay 0; also-notify { ${notify} }; allow-transfer { 127.0.0.1; }; };`,
          );
        } else {
          const primary = primaryOf.get(z.zone);
          if (!primary) throw new Error(`no primary for ${z.zone}`);
          blocks.push(
            `zone "${z.zone}" { type secondary; primaries { 127.0.0.1 port ${port(primary)}; }; file "${z.file}.secondary"; ` +
              `allow-notify { 127.0.0.1; }; min-retry-time 1; max-retry-time 2; };`,
          );
        }
      }
      const conf = join(serverDir, 'named.conf');
      writeFileSync(
        conf,
        fill(namedTemplate, {
          DIR: serverDir,
          PORT: port(key),
          SERVER: key,
          KEY: tsigKeyBlock(tsigSecret),
          ZONES: blocks.join('\n'),
        }),
      );
      const args = ['-g', '-c', conf, '-n', '1'];
      if (process.getuid?.() === 0) args.push('-u', 'root');
      spawnTracked(`named ${key}`, programs.named, args);
      servers.push({ key, address: address(block, key), kind: 'bind', zones: list.map((z) => z.zone), backendPort: port(key) });
    }

    // dnsdist: every server address:53 → its named; DoH → Unbound.
    const unboundPort = await freePort(['127.0.0.1'], true);
    const dohPort = await freePort();
    const listen = servers.map((s, i) => `${i === 0 ? 'setLocal' : 'addLocal'}("${s.address}:${AUTHORITATIVE_PORT}")`);
    const routes = servers.map((s) => {
      const mask = `local nmg_${s.key} = newNMG() nmg_${s.key}:addMask("${s.address}/32")`;
      if (s.kind === 'silent') return `${mask}\naddAction(NetmaskGroupRule(nmg_${s.key}, false), DropAction())`;
      return (
        `newServer({address="127.0.0.1:${s.backendPort}", pool="${s.key}"}):setUp()\n${mask}\n` +
        `addAction(NetmaskGroupRule(nmg_${s.key}, false), PoolAction("${s.key}"))`
      );
    });
    const dnsdistConf = join(dir, 'dnsdist.conf');
    writeFileSync(
      dnsdistConf,
      fill(readFileSync(join(HERE, 'dnsdist.conf.template'), 'utf8'), {
        LISTEN: listen.join('\n'),
        ROUTES: routes.join('\n\n'),
        UNBOUND_PORT: unboundPort,
        DOH_PORT: dohPort,
      }),
    );
    const dnsdist = spawnTracked('dnsdist', programs.dnsdist, ['--supervised', '--disable-syslog', '-C', dnsdistConf]);

    const rootServer = { name: ROOT_NS, address: address(block, 'root') };
    writeFileSync(join(dir, 'root.hints'), `. 3600000 NS ${ROOT_NS}\n${ROOT_NS} 3600000 A ${rootServer.address}\n`);
    const unboundConf = join(dir, 'unbound.conf');
    writeFileSync(unboundConf, fill(readFileSync(join(HERE, 'unbound.conf.template'), 'utf8'), { DIR: dir, PORT: unboundPort }));

    const deadline = started + readyTimeoutMs;
    const waitFor = (what: string, ready: () => Promise<boolean>) => waitUntilReady(what, ready, children, deadline);

    // Every server answers through its public address before Unbound starts, so Unbound never
    // learns a server as down during start-up.
    await Promise.all(
      servers
        .filter((s) => s.kind === 'bind')
        .map((s) =>
          waitFor(`${s.key} (${s.address})`, async () => {
            // Every zone it loads (a secondary's only after its first transfer), or REFUSED when it has none.
            if (s.zones.length === 0) {
              return (await queryDns(s.address, AUTHORITATIVE_PORT, 'probe.invalid', 'SOA', { timeoutMs: 300 })).rcode === 'REFUSED';
            }
            const answers = await Promise.all(
              s.zones.map((zone) => queryDns(s.address, AUTHORITATIVE_PORT, zone, 'SOA', { timeoutMs: 300 })),
            );
            return answers.every((a) => a.rcode === 'NOERROR' && isAuthoritative(a) && (a.answers?.length ?? 0) > 0);
          }),
        ),
    );
    if (dnsdist.done) throw new Error('dnsdist exited during start-up');
    const serversReadyMs = Date.now() - started;

    spawnTracked('unbound', programs.unbound, ['-d', '-p', '-c', unboundConf]);
    const dohUrl = `http://127.0.0.1:${dohPort}/dns-query`;
    // Unbound itself first (short timeouts), so dnsdist never forwards a DoH query to a port not yet open.
    await waitFor('Unbound', async () => {
      const answer = await queryDns('127.0.0.1', unboundPort, `a.nic.${TLD}`, 'A', { recursionDesired: true, timeoutMs: 100 });
      return answer.rcode === 'NOERROR' && (answer.answers?.length ?? 0) > 0;
    });
    await waitFor('Unbound behind DoH', async () => {
      const reply = await dohQuery(dohUrl, `a.nic.${TLD}`, 'A', { signal: AbortSignal.timeout(1000) });
      return reply.status === 200 && reply.packet?.rcode === 'NOERROR' && (reply.packet.answers?.length ?? 0) > 0;
    });

    const domains = Object.fromEntries(
      (Object.entries(DOMAINS) as [DomainKey, DomainSpec][]).map(([key, spec]) => [key, describeDomain(block, spec)]),
    ) as Record<DomainKey, WorldDomain>;

    const changeMx = async (domain: string, mx: readonly string[]) => {
      const zone = domain.replace(/\.$/, '').toLowerCase();
      const primary = primaryOf.get(zone);
      if (!primary) throw new Error(`changeMx: ${domain} takes no updates (only ${[...primaryOf.keys()].join(', ')})`);
      if (mx.length === 0 || mx.length > 20) throw new Error('changeMx: give 1 to 20 MX records');
      for (const record of mx) {
        if (!/^\d{1,5} [a-z0-9.-]+\.$/i.test(record)) throw new Error(`changeMx: "${record}" is not "PREF target."`);
      }
      const script = [
        `server 127.0.0.1 ${port(primary)}`,
        `zone ${zone}.`,
        `update delete ${zone}. MX`,
        ...mx.map((record) => `update add ${zone}. 3600 MX ${record}`),
        'send',
        '',
      ].join('\n');
      const scriptFile = join(dir, 'update.txt');
      writeFileSync(scriptFile, script);
      await execFileAsync(programs.nsupdate, ['-k', keyFile, '-t', '3', scriptFile]);
      const wanted = [...mx].map((r) => r.toLowerCase()).sort().join('\n');
      const spec = Object.values(DOMAINS).find((d) => d.name === zone) as DomainSpec;
      const addresses = spec.servedBy.map((s) => address(block, s));
      const until = Date.now() + 10_000;
      for (;;) {
        const sets = await Promise.all(
          addresses.map(async (a) => {
            try {
              return mxSetOf(await queryDns(a, AUTHORITATIVE_PORT, zone, 'MX', { timeoutMs: 500 }));
            } catch (error) {
              if (error instanceof QueryTimeout) return '(timeout)';
              throw error;
            }
          }),
        );
        if (sets.every((s) => s === wanted)) return;
        if (Date.now() > until) throw new Error(`changeMx: servers still serve ${sets.join(' | ')} 10 s after the update`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    return {
      dohUrl,
      dnsResolver: { host: '127.0.0.1', port: unboundPort },
      dnsResolverUrl: `dns://127.0.0.1:${unboundPort}`,
      authoritativePort: AUTHORITATIVE_PORT,
      block,
      tld: TLD,
      root: rootServer,
      parentServers: [
        { name: `a.nic.${TLD}`, address: address(block, 'tldA') },
        { name: `b.nic.${TLD}`, address: address(block, 'tldB') },
      ],
      servers,
      domains,
      changeMx,
      startMs: Date.now() - started,
      serversReadyMs,
      dir,
      logs: () => Object.fromEntries(children.map((c) => [c.name, c.output.join('')])),
      stop,
    };
  } catch (error) {
    const message = `authority world failed to start: ${error instanceof Error ? error.message : String(error)}\n${describeChildren()}`;
    const taken = children.some((c) => c.name === 'dnsdist' && c.done && /already in use/i.test(c.output.join('')));
    await stop();
    throw taken ? new BlockTaken(message) : new Error(message);
  }
}

/** An MX answer as sorted `pref target.` lines, lower case (for comparing sets). */
export function mxSetOf(packet: Packet): string {
  return (packet.answers ?? [])
    .filter((a) => a.type === 'MX')
    .map((a) => {
      const data = a.data as { preference?: number; exchange: string };
      return `${data.preference ?? 0} ${data.exchange.replace(/\.?$/, '.')}`.toLowerCase();
    })
    .sort()
    .join('\n');
}
