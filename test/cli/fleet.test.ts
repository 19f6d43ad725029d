/**
 * Fleet runs end to end (issue #16): the built CLI over the fleet world (BIND + Unbound, generated
 * domains with known ids), through Unbound as a plain-DNS resolver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFleetWorld, type FleetWorld } from '../dns/fleet/fixture.js';
import { expectedIds, fleetDomain, indexOf } from '../dns/fleet/world.js';
import { CLI_BIN, idsOf, runCli } from './run-cli.js';

const DOMAINS = 2000;
/** Ids that say something is absent: never allowed on a domain whose lookups failed. */
const ABSENCE = ['domain-nxdomain', 'mx-missing', 'spf-missing', 'dmarc-missing', 'mx-target-nxdomain', 'mx-target-no-address', 'mx-target-ptr-missing'];

let world: FleetWorld;
let dir: string;
let list: string;

beforeAll(async () => {
  world = await startFleetWorld({ domains: DOMAINS });
  dir = mkdtempSync(join(tmpdir(), 'mxd-fleet-'));
  list = join(dir, 'domains.txt');
  const lines = ['# the fleet', ''];
  for (let i = 1; i <= DOMAINS; i++) lines.push(fleetDomain(i));
  lines.push(`postmaster@${fleetDomain(1)}`, fleetDomain(2).toUpperCase(), 'not a domain');
  writeFileSync(list, `${lines.join('\n')}\n`);
}, 60_000);
afterAll(async () => world?.stop());

function args(...extra: string[]): string[] {
  return ['check', '--from', list, '--resolver', world.resolverUrl, '--no-authoritative', '--qps', '0', '--concurrency', '32', ...extra];
}

function reportsOf(jsonl: string): { domain: string; verdict: string; findings: { id: string }[] }[] {
  return jsonl.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line));
}

function expectEachOnceWithItsIds(reports: ReturnType<typeof reportsOf>, count = DOMAINS): void {
  const domains = reports.map((r) => r.domain);
  expect(new Set(domains).size).toBe(domains.length);
  expect(domains).toHaveLength(count);
  for (const report of reports) expect({ domain: report.domain, ids: idsOf(report) }).toEqual({ domain: report.domain, ids: [...expectedIds(indexOf(report.domain)!)].sort() });
}

describe('check --from', () => {
  it('reports every domain exactly once with its expected ids; the bad line is named and the run exits 2', async () => {
    const run = await runCli(args('--format', 'jsonl'));
    expectEachOnceWithItsIds(reportsOf(run.stdout));
    expect(run.stderr).toContain('domains.txt:');
    expect(run.stderr).toContain('"not a domain"');
    expect(run.stderr).toMatch(/2,000 domains checked/);
    expect(run.code).toBe(2);
  }, 120_000);

  it('shards 1/4..4/4, run as separate processes, give the same union with no domain twice', async () => {
    const runs = await Promise.all([1, 2, 3, 4].map((i) => runCli(args('--format', 'jsonl', '--shard', `${i}/4`, '--concurrency', '8'))));
    const all = runs.flatMap((run) => reportsOf(run.stdout));
    for (const run of runs) expect(reportsOf(run.stdout).length).toBeGreaterThan(DOMAINS / 8);
    expectEachOnceWithItsIds(all);
  }, 180_000);

  it('--resume after a kill completes the file without checking a domain twice', async () => {
    const out = join(dir, 'resumed.jsonl');
    const child = spawn(process.execPath, [CLI_BIN, ...args('--resume', out, '--concurrency', '4')], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        let lines = 0;
        try {
          lines = readFileSync(out, 'utf8').split('\n').length;
        } catch {
          // not created yet
        }
        if (lines > 300) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const before = reportsOf(readFileSync(out, 'utf8').replace(/[^\n]*$/, '')).length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(DOMAINS);
    const second = await runCli(args('--resume', out));
    expect(second.code).toBe(2); // the bad line, again
    expectEachOnceWithItsIds(reportsOf(readFileSync(out, 'utf8')));
  }, 180_000);

  it('CSV: a header and one row per domain', async () => {
    const run = await runCli(args('--format', 'csv'));
    const rows = run.stdout.split('\r\n').filter((row) => row !== '');
    expect(rows[0]).toBe('domain,verdict,mx_hosts,spf,dmarc,errors,warnings,ids');
    expect(rows).toHaveLength(DOMAINS + 1);
  }, 120_000);

  // Last: it stops the world's resolver. A short list, since the run backs off to one domain at a
  // time once the resolver fails (adaptive-concurrency.ts), and each then waits for its timeouts.
  it('a resolver that dies half-way: the rest are lookup-failed / could not check, never an absence', async () => {
    const SHORT = 240;
    const shortList = join(dir, 'short.txt');
    writeFileSync(shortList, `${Array.from({ length: SHORT }, (_, i) => fleetDomain(i + 1)).join('\n')}\n`);
    const shortArgs = args('--format', 'jsonl', '--timeout', '100', '--concurrency', '8');
    shortArgs[2] = shortList;
    const child = spawn(process.execPath, [CLI_BIN, ...shortArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!killed && stdout.split('\n').length > 60) {
        killed = true;
        void world.stopResolver();
      }
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const reports = reportsOf(stdout);
    expect(reports).toHaveLength(SHORT);
    expect(new Set(reports.map((r) => r.domain)).size).toBe(SHORT);
    const failed = reports.filter((r) => r.findings.some((f) => f.id === 'lookup-failed'));
    expect(failed.length).toBeGreaterThan(SHORT / 2);
    // Answers cached before the resolver died still serve (a domain may get "receives mail" from its
    // cached MX with only its DMARC lookup failed); most domains could not be checked at all.
    expect(reports.filter((r) => r.verdict === 'could-not-check').length).toBeGreaterThan(SHORT / 2);
    for (const report of failed) {
      const absent = idsOf(report).filter((id) => ABSENCE.includes(id));
      expect({ domain: report.domain, absent }).toEqual({ domain: report.domain, absent: [] });
    }
    for (const report of reports.filter((r) => !failed.includes(r))) expect(idsOf(report)).toEqual([...expectedIds(indexOf(report.domain)!)].sort());
    expect(code).toBe(2);
  }, 240_000);
});
