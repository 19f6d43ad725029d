/**
 * The shipped entry (`bin/mx-doctor.cjs`) runs the bundle through V8's code cache made at build
 * time on Node 20, and through Node's own compile cache where Node has one (22.1+). The cache must
 * be taken (or it gains nothing), and a cache V8 refuses, or none at all, must change nothing but speed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticZone } from '../../packages/core/test/zone/synthetic-zone.js';
import { CLI_BIN } from './run-cli.js';

const cliRoot = dirname(dirname(CLI_BIN));
const zone = fileURLToPath(new URL('../../examples/zones/db.example.com', import.meta.url));
const loader = createRequire(import.meta.url)(join(cliRoot, 'bin', 'load-bundle.cjs')) as {
  loadBundle(): { exports: { main: unknown }; cacheRejected: boolean };
  CACHE: string;
};

function lint(bin: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [bin, 'lint', zone, '--format', 'json', ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the CLI bundle and its code cache', () => {
  const copies: string[] = [];
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** The CLI package's files as shipped, with the cache replaced (or removed). */
  function copyWithCache(cache: Buffer | undefined): string {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-bundle-'));
    copies.push(dir);
    cpSync(join(cliRoot, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(cliRoot, 'dist', 'bundle'), join(dir, 'dist', 'bundle'), { recursive: true });
    copyFileSync(join(cliRoot, 'package.json'), join(dir, 'package.json'));
    // The bundle requires the packages left outside it from the CLI's node_modules.
    symlinkSync(join(cliRoot, 'node_modules'), join(dir, 'node_modules'));
    const cacheFile = join(dir, 'dist', 'bundle', 'mx-doctor.cjs.cache');
    if (cache === undefined) rmSync(cacheFile);
    else writeFileSync(cacheFile, cache);
    return join(dir, 'bin', 'mx-doctor.cjs');
  }

  const hasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

  // One test, not two with one skipped: which cache applies depends on the Node running the tests.
  it(hasCompileCache ? "uses Node's compile cache (Node 22.1+)" : 'is taken by the Node that built it (Node 20: the build-time V8 cache)', () => {
    if (!hasCompileCache) {
      const loaded = loader.loadBundle();
      expect(typeof loaded.exports.main).toBe('function');
      expect(loaded.cacheRejected).toBe(false);
      return;
    }
    const cacheDir = mkdtempSync(join(tmpdir(), 'mxd-compile-cache-'));
    copies.push(cacheDir);
    const run = spawnSync(process.execPath, [CLI_BIN, 'lint', zone, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: cacheDir } });
    expect(run.status).toBe(1);
    expect(readdirSync(cacheDir, { recursive: true }).length).toBeGreaterThan(0);
  });

  it('gives the same output, status and silence with a cache V8 refuses, and with none', () => {
    const reference = lint(CLI_BIN);
    expect(reference.code).toBe(1);
    expect(JSON.parse(reference.stdout).length).toBeGreaterThan(3);
    for (const cache of [Buffer.from('not a code cache'), undefined]) {
      const bin = copyWithCache(cache);
      expect(lint(bin)).toEqual(reference);
    }
  });

  it('ends quietly when its reader stops early', () => {
    // Output well beyond a pipe's buffer, so the write after `head` has gone fails.
    const dir = mkdtempSync(join(tmpdir(), 'mxd-epipe-'));
    copies.push(dir);
    const large = join(dir, 'db.example.com');
    writeFileSync(large, syntheticZone(3_000));
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI_BIN}" lint "${large}" --format json | head -c 10; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(run.stdout).toBe('[\n  {\n    ');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(141);
  });
});
