/**
 * Suppression comments and `.mx-doctor.json` through the built CLI: a next-line comment in a zone
 * file and in Terraform, a file-wide one, unused and misspelt ones reported, a project's rule
 * settings changing what is shown and the exit status, its zone-file patterns and resolvers, and
 * `--config` / `--no-config`. Each project is a temporary folder with its own `.git`, so no
 * `.mx-doctor.json` above it can leak in.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runCli } from './run-cli.js';
import { gitWorkTree } from '../git-work-tree.js';

interface JsonFinding {
  id: string;
  severity: string;
  message: string;
  range?: { file: string; start: { line: number; character: number } };
}

/** A project folder with `files` written in it (paths relative to it). */
const project = (files: Record<string, string>): string => gitWorkTree('mxd-supp-', files);

async function lint(args: string[], cwd?: string): Promise<{ code: number | null; findings: JsonFinding[]; stderr: string }> {
  const run = await runCli(['lint', '--format', 'json', ...args], {}, cwd === undefined ? {} : { cwd });
  return { code: run.code, findings: JSON.parse(run.stdout) as JsonFinding[], stderr: run.stderr };
}

const where = (findings: JsonFinding[]) => findings.map((f) => `${f.id}@${f.range?.start.line}:${f.range?.start.character}`);

/** One MX host (mx-single, warning) and an IP-literal MX (mx-target-ip-literal, error), each on its own line. */
const ZONE = (lines: { before1?: string; before2?: string; end?: string } = {}) =>
  [
    '$ORIGIN example.test.',
    '$TTL 3600',
    ...(lines.before1 ? [lines.before1] : []),
    '@    IN MX 10 mail',
    ...(lines.before2 ? [lines.before2] : []),
    'www  IN MX 10 192.0.2.1',
    'mail IN A 185.1.1.1',
    ...(lines.end ? [lines.end] : []),
    '',
  ].join('\n');

describe('suppression comments', () => {
  it("an $INCLUDEd file's comments hide its own findings (its text as the reader read it)", async () => {
    const included = ['www  IN MX 10 192.0.2.1', ''].join('\n');
    const root = project({
      'db.example.test': ['$ORIGIN example.test.', '$TTL 3600', '@    IN MX 10 mail', 'mail IN A 185.1.1.1', '$INCLUDE hosts.inc', ''].join('\n'),
      'hosts.inc': included,
    });
    const control = await lint([join(root, 'db.example.test')]);
    expect(control.findings.filter((f) => f.id === 'mx-target-ip-literal').map((f) => f.range?.file)).toEqual([expect.stringMatching(/hosts\.inc$/)]);
    writeFileSync(join(root, 'hosts.inc'), `; mx-doctor-disable-next-line mx-target-ip-literal\n${included}`);
    const { findings } = await lint([join(root, 'db.example.test')]);
    expect(findings.map((f) => f.id)).not.toContain('mx-target-ip-literal');
    expect(findings.map((f) => f.id)).not.toContain('suppression-unused');
  });

  it('the zone file as it is: both faults (the control for the tests below)', async () => {
    const root = project({ 'db.example.test': ZONE() });
    const { code, findings } = await lint([join(root, 'db.example.test')]);
    expect(where(findings)).toEqual(['mx-single@2:0', 'mx-target-ip-literal@3:14']);
    expect(code).toBe(1);
  });

  it('a next-line comment hides its id on the next line only; the error gone, the run passes', async () => {
    const root = project({ 'db.example.test': ZONE({ before2: '     ; mx-doctor-disable-next-line mx-target-ip-literal -- the old gateway, going in May' }) });
    const { code, findings } = await lint([join(root, 'db.example.test')]);
    expect(where(findings)).toEqual(['mx-single@2:0']);
    expect(code).toBe(0);
  });

  it('a file-wide comment hides its ids everywhere in the file', async () => {
    const root = project({ 'db.example.test': ZONE({ end: '; mx-doctor-disable mx-single, mx-target-ip-literal' }) });
    const { code, findings } = await lint([join(root, 'db.example.test')]);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('reports a comment that hides nothing and a misspelt id (info, on the id), and the fault stays', async () => {
    const root = project({ 'db.example.test': ZONE({ before1: '; mx-doctor-disable-next-line mx-ttl-high', before2: '; mx-doctor-disable-next-line mx-target-ip-litteral' }) });
    const { code, findings } = await lint([join(root, 'db.example.test')]);
    expect(where(findings)).toEqual(['suppression-unused@2:30', 'mx-single@3:0', 'suppression-unused@4:30', 'mx-target-ip-literal@5:14']);
    const unused = findings.filter((f) => f.id === 'suppression-unused');
    expect(unused.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(unused[0]!.message).toBe('`mx-doctor-disable-next-line mx-ttl-high` suppresses nothing: there is no mx-ttl-high finding on line 4.');
    expect(unused[1]!.message).toContain('`mx-target-ip-litteral` is not an MX Doctor finding id, so this comment suppresses nothing (did you mean mx-target-ip-literal?)');
    expect(code).toBe(1);
  });

  it('reads # comments in Terraform', async () => {
    const tf = (comment: string) =>
      `resource "aws_route53_record" "mx" {\n  zone_id = "Z1"\n  name    = "tf.example.test"\n  type    = "MX"\n  ttl     = 300\n${comment}  records = ["10 192.0.2.1"]\n}\n`;
    const bare = await lint([join(project({ 'main.tf': tf('') }), 'main.tf')]);
    expect(bare.findings.map((f) => f.id)).toContain('mx-target-ip-literal');
    const root = project({ 'main.tf': tf('  # mx-doctor-disable-next-line mx-target-ip-literal\n') });
    const { findings, code } = await lint([join(root, 'main.tf')]);
    expect(findings.map((f) => f.id)).not.toContain('mx-target-ip-literal');
    expect(findings.map((f) => f.id)).not.toContain('suppression-unused');
    expect(code).toBe(bare.findings.some((f) => f.severity === 'error' && f.id !== 'mx-target-ip-literal') ? 1 : 0);
  });
});

describe('.mx-doctor.json', () => {
  it('turns an id off and changes another one\'s severity, and the exit status follows', async () => {
    const root = project({
      'zones/db.example.test': ZONE(),
      '.mx-doctor.json': JSON.stringify({ rules: { 'mx-single': 'off', 'mx-target-ip-literal': 'warning' } }),
    });
    const { code, findings, stderr } = await lint([join(root, 'zones', 'db.example.test')]);
    expect(findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['mx-target-ip-literal:warning']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // A warning made an error fails the run.
    writeFileSync(join(root, '.mx-doctor.json'), JSON.stringify({ rules: { 'mx-target-ip-literal': 'off', 'mx-single': 'error' } }));
    const raised = await lint([join(root, 'zones', 'db.example.test')]);
    expect(raised.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['mx-single:error']);
    expect(raised.code).toBe(1);
  });

  it('names its mistakes on stderr and applies the rest', async () => {
    const root = project({
      'db.example.test': ZONE(),
      '.mx-doctor.json': JSON.stringify({ rules: { 'mx-singel': 'off', 'mx-target-ip-literal': 'warn', 'mx-single': 'info' }, zone_files: [] }),
    });
    const { code, findings, stderr } = await lint([join(root, 'db.example.test')]);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      `mx-doctor: ${join(root, '.mx-doctor.json')}: unknown key "zone_files" (did you mean "zoneFiles"?); the keys are "rules", "zoneFiles", "resolvers"`,
      `mx-doctor: ${join(root, '.mx-doctor.json')}: rules: "mx-singel" is not an MX Doctor finding id (did you mean "mx-single"?)`,
      `mx-doctor: ${join(root, '.mx-doctor.json')}: rules: "mx-target-ip-literal" must be "off", "info", "warning" or "error", not "warn"`,
    ]);
    expect(findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['mx-single:info', 'mx-target-ip-literal:error']);
    expect(code).toBe(1);
  });

  it('may turn suppression-unused off', async () => {
    const root = project({ 'db.example.test': ZONE({ end: '; mx-doctor-disable mx-ttl-high' }), '.mx-doctor.json': '{"rules":{"suppression-unused":"off"}}' });
    expect((await lint([join(root, 'db.example.test')])).findings.map((f) => f.id)).toEqual(['mx-single', 'mx-target-ip-literal']);
  });

  it('adds zone-file patterns for directory searches', async () => {
    const files = { 'zones/example.test.txt': ZONE(), 'zones/notes.md': '# not a zone\n' };
    expect((await lint([join(project(files), 'zones')])).stderr).toContain('no zone or Terraform files found');
    const root = project({ ...files, '.mx-doctor.json': '{"zoneFiles":["*.txt"]}' });
    const { findings } = await lint([join(root, 'zones')]);
    expect([...new Set(findings.map((f) => f.range!.file))]).toEqual([join(root, 'zones', 'example.test.txt')]);
  });

  it('--no-config reads none; --config PATH reads that one; a missing --config file is bad usage', async () => {
    const root = project({ 'db.example.test': ZONE(), '.mx-doctor.json': '{"rules":{"mx-single":"off"}}', 'strict.json': '{"rules":{"mx-single":"error","mx-target-ip-literal":"off"}}' });
    const file = join(root, 'db.example.test');
    expect((await lint([file])).findings.map((f) => f.id)).toEqual(['mx-target-ip-literal']);
    expect((await lint([file, '--no-config'])).findings.map((f) => f.id)).toEqual(['mx-single', 'mx-target-ip-literal']);
    expect((await lint([file, '--config', join(root, 'strict.json')])).findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['mx-single:error']);
    const missing = await runCli(['lint', file, '--config', join(root, 'nope.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining(`--config ${join(root, 'nope.json')}: no such file`)]);
  });

  it('check: the rules and resolvers of the .mx-doctor.json above the current folder', async () => {
    const domain = 'mx-target-ip-literal.broken.test';
    // No --resolver: the project's resolver (the BIND fixture) is used, and its rule applies.
    const root = project({ '.mx-doctor.json': JSON.stringify({ resolvers: [inject('dohUrl')], rules: { 'mx-target-ip-literal': 'warning' } }), 'sub/.keep': '' });
    const run = await runCli(['check', domain, '--format', 'json'], {}, { cwd: join(root, 'sub') });
    const [report] = JSON.parse(run.stdout) as { verdict: string; findings: JsonFinding[] }[];
    expect(report!.findings.map((f) => `${f.id}:${f.severity}`), run.stderr).toEqual(['mx-target-ip-literal:warning']);
    expect(report!.verdict).toBe('receives-mail');
    expect(run.code).toBe(0);
    // The control: --no-config, the same resolver named outright, the catalogue's severity.
    const plain = await runCli(['check', domain, '--format', 'json', '--no-config', '--resolver', inject('dohUrl')], {}, { cwd: join(root, 'sub') });
    expect((JSON.parse(plain.stdout) as { findings: JsonFinding[] }[])[0]!.findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['mx-target-ip-literal:error']);
    expect(plain.code).toBe(1);
  });
});
