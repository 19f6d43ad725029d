/**
 * `mx-doctor lint` over files that attack the reader (issue #13): `$INCLUDE`s that reach outside
 * the zone's folder (secrets, /proc, devices, a FIFO, a symbolic link out, `..`), a run with
 * ~130,000 findings, and a file far above the size cap. Each is refused or survived with a clear
 * finding or message, the refused file's text never shows, and the rest of the run is still checked.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { OUTSIDE_TEXT, hostileIncludeZone } from '../hostile-files.js';

interface JsonFinding {
  id: string;
  severity: string;
  message: string;
  range: { file: string; start: { line: number } };
}

const ENV_SECRET = 'mxd-environment-secret-4711';

describe('mx-doctor lint: $INCLUDE stays inside the zone\'s folder', () => {
  it('refuses secrets, /proc, devices, a FIFO, a link out and ../ with a syntax finding, quoting none of them, and checks the rest', async () => {
    const { zone, zones, lines } = hostileIncludeZone('mxd-hostile-');
    const run = await runCli(['lint', '--format', 'json', zone], { MXD_TEST_SECRET: ENV_SECRET });
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    const onLine = (line: number) => findings.filter((f) => f.range.file === zone && f.range.start.line === line).map((f) => `${f.id}: ${f.message}`);
    const outside = /^syntax: .*\$INCLUDE outside the zone's folder is not read/;
    expect(onLine(lines.secret)).toEqual([expect.stringMatching(outside)]);
    expect(onLine(lines.environ)).toEqual([expect.stringMatching(outside)]);
    expect(onLine(lines.zero)).toEqual([expect.stringMatching(outside)]);
    expect(onLine(lines.fifo)).toEqual([expect.stringMatching(/^syntax: .*is a FIFO, not a regular file/)]);
    expect(onLine(lines.link)).toEqual([expect.stringMatching(outside)]);
    expect(onLine(lines.parent)).toEqual([expect.stringMatching(outside)]);
    // An absolute path inside the folder is read, and its record checked.
    expect(onLine(lines.inside)).toEqual([]);
    expect(findings.filter((f) => f.range.file.endsWith('inside.inc')).map((f) => f.id)).toEqual(['mx-target-ip-literal']);
    // The zone's own records are still checked.
    expect(onLine(1)).toContainEqual(expect.stringMatching(/^mx-target-ip-literal: /));
    // None of the refused files' text shows anywhere.
    for (const leak of [ENV_SECRET, OUTSIDE_TEXT, 'root:', '\0']) {
      expect(run.stdout).not.toContain(leak);
      expect(run.stderr).not.toContain(leak);
    }
    expect(findings.every((f) => !f.range.file.startsWith('/etc') && !f.range.file.startsWith('/proc') && !f.range.file.startsWith('/dev'))).toBe(true);
    expect(existsSync(join(zones, 'pipe.inc'))).toBe(true);
    expect(run.code).toBe(1);
  });
});

describe('mx-doctor lint at scale', () => {
  it('reports ~130,000 findings of one zone without overflowing the stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-scale-'));
    const zone = join(dir, 'db.scale.test');
    const count = 130_000;
    const lines = ['$ORIGIN scale.test.'];
    // One owner per record: findings of one huge RRset are slow to place (a scan per finding).
    for (let i = 0; i < count; i++) lines.push(`h${i} IN MX 10 192.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    writeFileSync(zone, `${lines.join('\n')}\n`);
    const run = await runCli(['lint', '--format', 'json', zone]);
    expect(run.stderr).not.toMatch(/RangeError|Maximum call stack/);
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    // One mx-target-ip-literal per record, and nothing else.
    expect(findings.filter((f) => f.id === 'mx-target-ip-literal')).toHaveLength(count);
    expect(findings).toHaveLength(count);
    expect(run.code).toBe(1);
  }, 120_000);

  it('refuses a 400 MiB file before reading it (exit 2), and still lints the other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-huge-'));
    const huge = join(dir, 'nuls.zone');
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 400 * 1024 * 1024); // sparse: no disk used
    const small = join(dir, 'small.zone');
    writeFileSync(small, '$ORIGIN small.test.\n@ IN MX 10 192.0.2.1\n');
    const run = await runCli(['lint', '--format', 'json', huge, small]);
    expect(run.stderr).toBe(`mx-doctor: cannot read ${huge}: it is 400 MiB, above the 64 MiB limit for one file\n`);
    expect((JSON.parse(run.stdout) as JsonFinding[]).map((f) => f.id)).toContain('mx-target-ip-literal');
    expect(run.code).toBe(2);
  });

  it('skips FIFOs when searching a folder, and refuses a /dev device named outright only past the cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-search-'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.zone')]).status).toBe(0);
    writeFileSync(join(dir, 'real.zone'), '$ORIGIN real.test.\n@ IN MX 10 192.0.2.1\n');
    const run = await runCli(['lint', '--format', 'json', dir]);
    const files = new Set((JSON.parse(run.stdout) as JsonFinding[]).map((f) => f.range.file));
    expect([...files]).toEqual([join(dir, 'real.zone')]);
    expect(run.code).toBe(1);
    const zero = await runCli(['lint', '--format', 'json', '/dev/zero']);
    expect(zero.stderr).toBe('mx-doctor: cannot read /dev/zero: it grew past the 64 MiB limit for one file while being read\n');
    expect(zero.code).toBe(2);
  });
});

it('reads a zone given through process substitution (a pipe named on the command line)', () => {
  const zone = readFileSync(new URL('fixtures/faults.zone', import.meta.url), 'utf8');
  const run = spawnSync('bash', ['-c', `${process.execPath} ${JSON.stringify(new URL('../../packages/cli/bin/mx-doctor.cjs', import.meta.url).pathname)} lint --format json <(cat)`], { input: zone, encoding: 'utf8' });
  expect((JSON.parse(run.stdout) as JsonFinding[]).length).toBeGreaterThan(10);
  expect(run.status).toBe(1);
});
