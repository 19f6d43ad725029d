/**
 * `mx-doctor lint` end to end: the built CLI over fixture files whose expected findings are written
 * in them as caret lines (see annotations.ts). Every file-check id of the catalogue is covered, each
 * with its severity and exact range.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { CATALOGUE, checkOf } from '@mx-doctor/core';
import { CLI_BIN, runCli } from '../cli/run-cli.js';
import { formatExpected, readAnnotations } from './annotations.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

interface JsonFinding {
  id: keyof typeof CATALOGUE;
  severity: string;
  message: string;
  subject: string;
  fix?: string;
  range: { file: string; start: { line: number; character: number }; end: { line: number; character: number } };
}

async function lintJson(args: string[]): Promise<{ code: number | null; findings: JsonFinding[]; stderr: string }> {
  const run = await runCli(['lint', '--format', 'json', ...args]);
  return { code: run.code, findings: JSON.parse(run.stdout) as JsonFinding[], stderr: run.stderr };
}

const actual = (findings: JsonFinding[]) =>
  findings
    .map((f) => {
      expect(f.range.start.line, `${f.id} spans lines`).toBe(f.range.end.line);
      return formatExpected({ id: f.id, line: f.range.start.line, start: f.range.start.character, end: f.range.end.character });
    })
    .sort();

describe('mx-doctor lint: every file id, with its exact range', () => {
  it.each([
    ['faults.zone', ';'],
    ['modules.tf', '#'],
  ] as const)('%s', async (name, comment) => {
    const expected = readAnnotations(readFileSync(fixture(name), 'utf8'), comment);
    expect(expected.length).toBeGreaterThan(3);
    const { code, findings } = await lintJson([fixture(name)]);
    expect(actual(findings)).toEqual(expected.map(formatExpected).sort());
    for (const f of findings) {
      expect(f.severity, f.id).toBe(CATALOGUE[f.id].severity);
      expect(f.range.file).toBe(fixture(name));
    }
    expect(code).toBe(findings.some((f) => f.severity === 'error') ? 1 : 0);
  });

  it('covers every id the catalogue gives to files', () => {
    const covered = new Set([
      ...readAnnotations(readFileSync(fixture('faults.zone'), 'utf8'), ';').map((e) => e.id),
      ...readAnnotations(readFileSync(fixture('modules.tf'), 'utf8'), '#').map((e) => e.id),
    ]);
    // An id whose file variants all need live data is covered where that lives: the live zone
    // (file-differs-from-live) by the authority tests, the live MTA-STS policy (mta-sts-mx-mismatch)
    // by test/cli/policies-world.test.ts and test/lsp/policies.test.ts.
    const needsLiveZone = (id: string) => (checkOf(id)?.file ?? []).every((variant) => variant.on === 'live-rrsets' || variant.on === 'live-policy');
    const fileIds = Object.entries(CATALOGUE)
      .filter(([id, entry]) => (entry.scope === 'file' || entry.scope === 'live+file') && !needsLiveZone(id))
      .map(([id]) => id);
    expect(fileIds.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('mx-doctor lint: files, formats and exit status', () => {
  it('prints compiler-style lines that editors and CI logs link to', async () => {
    const run = await runCli(['lint', fixture('faults.zone')]);
    expect(run.stdout).toContain(`${fixture('faults.zone')}:15:19: warning mx-target-relative: `);
    expect(run.stdout).toMatch(/^\d+ error\(s\), \d+ warning\(s\), \d+ info in 1 file\(s\)$/m);
    expect(run.code).toBe(1);
  });

  it('shows the source line and a caret under the range on a terminal', () => {
    // script(1) gives the CLI a real pseudo-terminal, as a person's shell would.
    const run = spawnSync('script', ['-qec', `${process.execPath} ${CLI_BIN} lint ${fixture('faults.zone')}`, '/dev/null'], {
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1); // error findings
    const out = run.stdout.replace(/\r\n/g, '\n');
    expect(out).toContain('    relative IN MX 10 mx1.faults.test\n                      ^^^^^^^^^^^^^^^\n');
  });

  it('writes SARIF 2.1.0 with 1-based physical locations', async () => {
    const run = await runCli(['lint', fixture('faults.zone'), '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'mx-target-relative');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 15, startColumn: 19, endLine: 15, endColumn: 34 });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/test\/lint\/fixtures\/faults\.zone$/);
  });

  it('searches directories, skipping node_modules and .terraform, and leaves SQLite .db files alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-lint-'));
    mkdirSync(join(dir, 'node_modules'));
    mkdirSync(join(dir, '.terraform'));
    mkdirSync(join(dir, 'zones'));
    const bad = '$ORIGIN skip.test.\n@ IN MX 10 192.0.2.1\n';
    writeFileSync(join(dir, 'node_modules', 'x.zone'), bad);
    writeFileSync(join(dir, '.terraform', 'y.zone'), bad);
    writeFileSync(join(dir, 'zones', 'db.found.test'), '$ORIGIN found.test.\n@ IN MX 10 192.0.2.1\n@ IN MX 20 mx2.found.test.\nmx2 IN A 185.1.1.2\n');
    writeFileSync(join(dir, 'cache.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(64)]));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_route53_record" "mx" {\n  name = "tf.found.test"\n  type = "MX"\n  records = ["10 mail.tf.found.test"]\n}\n');
    const { findings, code } = await lintJson([dir]);
    const files = new Set(findings.map((f) => f.range.file.slice(dir.length + 1)));
    expect([...files].sort()).toEqual(['main.tf', 'zones/db.found.test']);
    expect(findings.map((f) => f.id).sort()).toEqual(['mx-single', 'mx-target-ip-literal', 'mx-single'].sort());
    expect(code).toBe(1);
  });

  it('takes --origin for a file that names none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-lint-'));
    writeFileSync(join(dir, 'records.txt'), '@ IN MX 10 mail.origin.test\n@ IN MX 20 mx2\nmx2 IN A 185.1.1.2\n');
    const { findings } = await lintJson([join(dir, 'records.txt'), '--origin', 'origin.test']);
    expect(findings.map((f) => `${f.id} ${f.message}`)).toEqual([expect.stringMatching(/^mx-target-relative .*mail\.origin\.test\.origin\.test\./)]);
  });

  it('takes --origin . as the root zone, where every name is inside the zone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-lint-'));
    // As BIND's test zones write the root: `@` is the root, relative names are under it.
    writeFileSync(
      join(dir, 'root.txt'),
      '$TTL 300\n@ SOA a.root-servers.nil. hostmaster. 1 2 3 4 5\n@ NS a.root-servers.nil.\na.root-servers.nil. A 192.0.2.53\nmail A 192.0.2.1\nexample MX 10 mail\nexample MX 20 nowhere.example\n',
    );
    const { findings } = await lintJson([join(dir, 'root.txt'), '--origin', '.']);
    expect(findings.map((f) => `${f.id} ${f.subject} ${f.range.start.line}`)).toEqual(['mx-target-no-address nowhere.example 6']);
    // The same file with `$ORIGIN .` and no --origin reads alike.
    writeFileSync(join(dir, 'dollar.txt'), `$ORIGIN .\n${readFileSync(join(dir, 'root.txt'), 'utf8')}`);
    const dollar = await lintJson([join(dir, 'dollar.txt')]);
    expect(dollar.findings.map((f) => `${f.id} ${f.subject} ${f.range.start.line}`)).toEqual(['mx-target-no-address nowhere.example 7']);
  });

  it('follows $INCLUDE beside the including file, with the included file named in ranges', async () => {
    const { findings } = await lintJson([fileURLToPath(new URL('../../examples/zones/db.example.com', import.meta.url))]);
    const included = findings.filter((f) => f.range.file.endsWith('hosts.inc'));
    expect(included.map((f) => f.id)).toEqual(['mx-same-priority']);
  });

  it('exits 2 for an unreadable file and still lints the others', async () => {
    const run = await runCli(['lint', '/nonexistent/db.nowhere.test', fixture('faults.zone'), '--format', 'json']);
    expect(run.stderr).toMatch(/cannot read \/nonexistent\/db\.nowhere\.test/);
    expect(JSON.parse(run.stdout).length).toBeGreaterThan(10);
    expect(run.code).toBe(2);
  });

  it('a clean file exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-lint-'));
    writeFileSync(join(dir, 'clean.zone'), '$ORIGIN clean.test.\n@ IN MX 10 mx1\n@ IN MX 20 mx2\nmx1 IN A 185.1.1.1\nmx2 IN A 185.1.1.2\n');
    const run = await runCli(['lint', join(dir, 'clean.zone')]);
    expect(run.stdout).toMatch(/No problems found in 1 file/);
    expect(run.code).toBe(0);
  });
});

describe('mx-doctor lint --live: targets outside the zone, against the BIND fixture', () => {
  const zone = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-live-'));
    const path = join(dir, 'live.zone');
    // External targets from the fixture's broken.test zone: an alias, a missing name, an addressless host.
    writeFileSync(
      path,
      [
        '$ORIGIN live.test.',
        '@ IN MX 10 mx1.mx-target-cname.broken.test.',
        '@ IN MX 20 mx-target-nxdomain-missing.broken.test.',
        '@ IN MX 30 mx1.selfhosted.good.test.',
        '',
      ].join('\n'),
    );
    return path;
  };

  it('flags an external CNAME / missing target on its line', async () => {
    const { findings } = await lintJson([zone(), '--live', '--resolver', inject('dohUrl')]);
    const byLine = findings.map((f) => `${f.range.start.line} ${f.id}`).sort();
    expect(byLine).toContain('1 mx-target-cname');
    expect(byLine).toContain('2 mx-target-nxdomain');
    expect(byLine.filter((l) => l.startsWith('3 '))).toEqual([]);
  });

  it('with the resolver down, only lookup-failed', async () => {
    const { findings } = await lintJson([zone(), '--live', '--resolver', 'http://127.0.0.1:9/dns-query', '--timeout', '300']);
    expect([...new Set(findings.map((f) => f.id))]).toEqual(['lookup-failed']);
  });

  it('is offline unless asked', async () => {
    const { findings } = await lintJson([zone()]);
    expect(findings).toEqual([]);
  });

  it('looks up at most 64 external targets of a file, and says how many it left to the file checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-live-many-'));
    const path = join(dir, 'many.zone');
    // 100 owners, each with a missing external target: only the first 64 can be known missing.
    writeFileSync(path, ['$ORIGIN many.test.', ...Array.from({ length: 100 }, (_, i) => `h${i} IN MX 10 mx-target-nxdomain-missing-${i}.broken.test.`), ''].join('\n'));
    const { findings, stderr } = await lintJson([path, '--live', '--resolver', inject('dohUrl')]);
    expect(stderr).toContain('--live looked up the first 64 MX targets outside the file\'s zone; 36 more got the file\'s own checks only');
    const missing = new Set(findings.filter((f) => f.id === 'mx-target-nxdomain').map((f) => f.range.start.line));
    expect(missing).toEqual(new Set(Array.from({ length: 64 }, (_, i) => i + 1)));
  });
});
