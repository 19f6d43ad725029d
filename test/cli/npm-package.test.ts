/**
 * The CLI as an npm package (issue #17): the tarball `pnpm build` packs (packages/cli/scripts/
 * pack.mjs) installed with `npm install -g --prefix` into a temporary folder and run from a folder
 * outside the workspace, so nothing can be borrowed from the workspace's node_modules. It must
 * lint, check and serve LSP exactly as the workspace's build does; `npx file:<tarball>` too.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CLI_BIN, runCli, runProgram, type CliRun } from './run-cli.js';
import { startLsp } from '../lsp/lsp-client.js';

const CLI_PACKAGE = fileURLToPath(new URL('../../packages/cli/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const { version } = JSON.parse(readFileSync(join(CLI_PACKAGE, 'package.json'), 'utf8')) as { version: string };
const TARBALL = join(CLI_PACKAGE, 'dist', `mx-doctor-cli-${version}.tgz`);
const exec = promisify(execFile);

/** npm quietly, with its own cache: nothing from this machine's npm set-up leaks in. */
let npmEnv: NodeJS.ProcessEnv;
let prefix: string;
let work: string;
let installedBin: string;

const run = (program: string, args: readonly string[], cwd: string): Promise<CliRun> => runProgram(program, args, { cwd, env: { ...npmEnv, NO_COLOR: '1' } });

beforeAll(async () => {
  if (!existsSync(TARBALL)) throw new Error(`${TARBALL} is missing: run pnpm build (it packs the CLI)`);
  const root = mkdtempSync(join(tmpdir(), 'mxd-npm-'));
  prefix = join(root, 'prefix');
  work = join(root, 'work');
  cpSync(EXAMPLES, work, { recursive: true });
  // This Node first on PATH: the bin's `#!/usr/bin/env node` (and npx) run on the Node under test (20, 22, 24).
  npmEnv = { PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`, HOME: root, npm_config_cache: join(root, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  if (process.env['NODE_EXTRA_CA_CERTS']) npmEnv['NODE_EXTRA_CA_CERTS'] = process.env['NODE_EXTRA_CA_CERTS'];
  for (const name of ['npm_config_registry', 'HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) if (process.env[name]) npmEnv[name] = process.env[name];
  await exec('npm', ['install', '--global', '--prefix', prefix, TARBALL], { env: npmEnv, cwd: root });
  installedBin = join(prefix, 'bin', 'mx-doctor');
}, 180_000);
afterAll(() => {
  if (prefix) rmSync(join(prefix, '..'), { recursive: true, force: true });
});

describe('the npm package', () => {
  it('declares what it needs and nothing of the workspace; README, licence, repository, engines, files', () => {
    const installed = join(prefix, 'lib', 'node_modules', '@mx-doctor', 'cli');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown> & { dependencies: Record<string, string>; repository: { url: string } };
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@mx-doctor/'))).toEqual([]);
    // Every package npm installed is a declared dependency (or one of theirs), none of ours.
    const beside = readdirSync(join(installed, 'node_modules'));
    for (const name of Object.keys(manifest.dependencies)) expect(beside).toContain(name);
    expect(beside.filter((name) => name.startsWith('@mx-doctor'))).toEqual([]);
    expect(manifest['engines']).toEqual({ node: expect.stringMatching(/^>=20/) });
    expect(manifest['files']).toEqual(expect.arrayContaining(['bin', 'dist']));
    expect(manifest.repository.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+(\.git)?$/);
    expect(manifest['homepage']).toMatch(/^https:\/\//);
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(readFileSync(join(installed, 'README.md'), 'utf8')).toContain('npm install -g @mx-doctor/cli');
  });

  it('runs on the Node under test', async () => {
    expect((await run(installedBin, ['--version'], work)).code).toBe(0);
    expect((await run('node', ['--version'], work)).stdout.trim()).toBe(process.version);
  });

  it('lint: the same output as the workspace build, from a folder outside the workspace', async () => {
    const installed = await run(installedBin, ['lint', '.', '--format', 'json'], work);
    const workspace = await run(process.execPath, [CLI_BIN, 'lint', '.', '--format', 'json'], work);
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(1);
    const findings = (out: string) =>
      (JSON.parse(out) as { id: string; range?: { file: string; start: { line: number } } }[]).map((f) => `${f.range?.file}:${f.range?.start.line} ${f.id}`);
    const ours = findings(installed.stdout);
    // Terraform too: the grammar's wasm came with the package.
    expect(ours.some((f) => /\.tf:\d+ /.test(f))).toBe(true);
    expect(ours).toEqual(findings(workspace.stdout));
  });

  it('check: the same report as the workspace build, against the fixture', async () => {
    const args = ['check', 'mx-target-cname.broken.test', '--resolver', inject('dohUrl'), '--no-authoritative', '--format', 'json'];
    const installed = await run(installedBin, args, work);
    const workspace = await runCli(args);
    expect(installed.code).toBe(workspace.code);
    const ids = (out: string) => (JSON.parse(out) as { findings: { id: string }[] }[]).flatMap((r) => r.findings.map((f) => f.id)).sort();
    expect(ids(installed.stdout)).toContain('mx-target-cname');
    expect(ids(installed.stdout)).toEqual(ids(workspace.stdout));
  });

  it('lsp --stdio: diagnostics for a zone file and a Terraform file', async () => {
    const session = await startLsp({ bin: installedBin });
    try {
      const zone = session.open(join(work, 'zones', 'db.example.com'), 'zone');
      expect((await session.waitFor(zone, (d) => d.length > 0)).length).toBeGreaterThan(0);
      const tf = readdirSync(join(work, 'terraform')).find((name) => name.endsWith('.tf'))!;
      const tfUri = session.open(join(work, 'terraform', tf), 'terraform');
      expect((await session.waitFor(tfUri, (d) => d.length > 0)).length).toBeGreaterThan(0);
    } finally {
      await session.stop();
    }
  });

  it('npx file:<tarball> lint FILE', async () => {
    const viaNpx = await run('npx', ['--yes', `file:${TARBALL}`, 'lint', join('zones', 'db.example.com')], work);
    const installed = await run(installedBin, ['lint', join('zones', 'db.example.com')], work);
    expect(viaNpx.stdout).toContain('db.example.com:');
    expect(viaNpx.stdout).toBe(installed.stdout);
    expect(viaNpx.code).toBe(1);
  }, 120_000);
});
