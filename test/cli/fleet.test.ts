/**
 * Fleet runs end to end (issue #16): the built CLI over the fleet world (BIND + Unbound, generated
 * domains with known ids), through Unbound as a plain-DNS resolver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { startFleetWorld, type FleetWorld } from '../dns/fleet/fixture.js';
import { expectedIds, fleetDomain, indexOf } from '../dns/fleet/world.js';
import { CLI_BIN, idsOf, runCli } from './run-cli.js';

const DOMAINS = 10_000;
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
}, 120_000);
afterAll(async () => world?.stop());

function args(...extra: string[]): string[] {
  return ['check', '--from', list, '--resolver', world.resolverUrl, '--no-authoritative', '--qps', '0', '--concurrency', '32', ...extra];
}

/** Resolves once `file` has more than `count` lines (polled: it is written by another process). */
function linesIn(file: string, count: number): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      let lines = 0;
      try {
        lines = readFileSync(file, 'utf8').split('\n').length;
      } catch {
        // not created yet
      }
      if (lines > count) {
        clearInterval(poll);
        resolve();
      }
    }, 10);
  });
}

/** One JSONL run over the whole list, shared by the tests that read it (10,000 domains take ~20 s). */
let sharedJsonl: ReturnType<typeof runCli> | undefined;
const jsonlRun = () => (sharedJsonl ??= runCli(args('--format', 'jsonl')));

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
    const run = await jsonlRun();
    expectEachOnceWithItsIds(reportsOf(run.stdout));
    expect(run.stderr).toContain('domains.txt:');
    expect(run.stderr).toContain('"not a domain"');
    expect(run.stderr).toMatch(/10,000 domains checked/);
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
    await linesIn(out, 3000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const before = reportsOf(readFileSync(out, 'utf8').replace(/[^\n]*$/, '')).length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(DOMAINS);
    const second = await runCli(args('--resume', out));
    expect(second.code).toBe(2); // the bad line, again
    expectEachOnceWithItsIds(reportsOf(readFileSync(out, 'utf8')));
  }, 180_000);

  it('CSV parses with a real CSV parser: a header, one row per domain, each with its ids and counts', async () => {
    const run = await runCli(args('--format', 'csv'));
    expect(run.stdout.split('\r\n')[0]).toBe('domain,verdict,mx_hosts,spf,dmarc,errors,warnings,ids');
    const rows = parseCsv<Record<string, string>>(run.stdout, { columns: true, record_delimiter: '\r\n' });
    expect(rows).toHaveLength(DOMAINS);
    expect(new Set(rows.map((row) => row['domain'])).size).toBe(DOMAINS);
    const jsonl = new Map(reportsOf((await jsonlRun()).stdout).map((r) => [r.domain, r]));
    for (const row of rows) {
      const report = jsonl.get(row['domain']!)!;
      const ids = row['ids'] === '' ? [] : row['ids']!.split(' ');
      expect({ domain: row['domain'], verdict: row['verdict'], ids: [...ids].sort() }).toEqual({ domain: report.domain, verdict: report.verdict, ids: [...expectedIds(indexOf(report.domain)!)].sort() });
      expect(Number(row['errors']) + Number(row['warnings'])).toBeLessThanOrEqual(ids.length);
    }
  }, 180_000);

  // Last: it stops the world's resolver. A short list: once the resolver is gone each domain waits
  // for its timeouts, and the run gives up after GIVE_UP_AFTER (50) such domains in a row.
  it('a resolver that dies half-way: lookup-failed / could not check, never an absence; the run stops and --resume completes it', async () => {
    const SHORT = 240;
    const shortList = join(dir, 'short.txt');
    const out = join(dir, 'dying.jsonl');
    writeFileSync(shortList, `${Array.from({ length: SHORT }, (_, i) => fleetDomain(i + 1)).join('\n')}\n`);
    const shortArgs = args('--resume', out, '--timeout', '100', '--concurrency', '8');
    shortArgs[2] = shortList;
    const child = spawn(process.execPath, [CLI_BIN, ...shortArgs], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const resolverGone = linesIn(out, 60).then(() => world.stopResolver());
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    await resolverGone;
    const reports = reportsOf(readFileSync(out, 'utf8'));
    expect(new Set(reports.map((r) => r.domain)).size).toBe(reports.length);
    expect(reports.length).toBeLessThan(SHORT);
    expect(stderr).toMatch(/Stopped: no resolver answered for 50 domains in a row \(last: dns:\/\/127\.0\.0\.1:\d+: /);
    const failed = reports.filter((r) => r.findings.some((f) => f.id === 'lookup-failed'));
    expect(failed.length).toBeGreaterThanOrEqual(50);
    // Answers cached before the resolver died still serve (a domain may get "receives mail" from its
    // cached MX with only its DMARC lookup failed); the last 50 could not be checked at all.
    expect(reports.slice(-50).every((r) => r.verdict === 'could-not-check')).toBe(true);
    // An absence only where the domain really lacks it (answered before the resolver died), never from a failure.
    for (const report of failed) {
      const expected: readonly string[] = expectedIds(indexOf(report.domain)!);
      const wrongAbsence = idsOf(report).filter((id) => ABSENCE.includes(id) && !expected.includes(id));
      expect({ domain: report.domain, wrongAbsence }).toEqual({ domain: report.domain, wrongAbsence: [] });
    }
    for (const report of reports.filter((r) => !failed.includes(r))) expect(idsOf(report)).toEqual([...expectedIds(indexOf(report.domain)!)].sort());
    expect(code).toBe(2);

    // The resolver is back: the same command checks the domains not reached and the could-not-check ones.
    await world.startResolver();
    // The default timeout this time: a 100 ms one fails lookups on a busy machine, and the ids must all be there.
    const again = await runCli(shortArgs.filter((arg, i) => arg !== '--timeout' && shortArgs[i - 1] !== '--timeout'));
    expect(again.code).toBe(1); // some fleet domains have errors; none could not be checked
    const all = reportsOf(readFileSync(out, 'utf8'));
    const last = new Map(all.map((r) => [r.domain, r]));
    expect(last.size).toBe(SHORT);
    for (const report of last.values()) expect({ domain: report.domain, ids: idsOf(report) }).toEqual({ domain: report.domain, ids: [...expectedIds(indexOf(report.domain)!)].sort() });
    // Only could-not-check domains were checked twice.
    const seen = new Map<string, number>();
    for (const r of all) seen.set(r.domain, (seen.get(r.domain) ?? 0) + 1);
    for (const r of all.filter((r) => (seen.get(r.domain) ?? 0) > 1)) if (r !== last.get(r.domain)) expect(r.verdict === 'could-not-check' || r.findings.some((f) => f.id === 'lookup-failed')).toBe(true);
  }, 240_000);
});
