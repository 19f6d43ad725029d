/**
 * Output a person can read (issue #17 item 5), through the built CLI: one sentence when no
 * resolver answers, `--quiet`, `--max-warnings`, colour switches and shell completion.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { CLI_BIN, runCli } from './run-cli.js';

/** A loopback port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('when no resolver can be reached', () => {
  it('says so once, at the top, instead of under every lookup-failed', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/dns-query`;
    const run = await runCli(['check', 'example.com', '--resolver', url, '--timeout', '2000']);
    expect(run.code, run.stderr).toBe(2);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^no resolver could be reached: /);
    expect(lines[0]).toContain(url);
    expect(run.stdout.match(/no resolver could be reached/g)).toHaveLength(1);
    // The per-lookup evidence ("Seen: MX example.com: ...") is not repeated under each finding.
    expect(run.stdout).not.toMatch(/^\s+Seen:/m);
    expect(run.stdout.match(/lookup-failed/g)!.length).toBeGreaterThan(1);
    // JSON keeps every finding with its evidence.
    const json = await runCli(['check', 'example.com', '--resolver', url, '--timeout', '2000', '--format', 'json']);
    const reports = JSON.parse(json.stdout) as { findings: { id: string; evidence?: string }[] }[];
    const failed = reports[0]!.findings.filter((f) => f.id === 'lookup-failed');
    expect(failed.length).toBeGreaterThan(1);
    for (const finding of failed) expect(finding.evidence).toBeTruthy();
  });
});

/** A zone with two warnings (mx-single, spf-permissive-all) and no error. */
function warningsOnlyZone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mxd-out-'));
  const file = join(dir, 'warn.zone');
  writeFileSync(
    file,
    ['$ORIGIN warn.test.', '$TTL 3600', '@ IN SOA ns1 hostmaster 1 7200 3600 1209600 3600', '@ IN NS ns1', 'ns1 IN A 192.0.2.1', '@ IN MX 10 mail', 'mail IN A 192.0.2.25', '@ IN TXT "v=spf1 mx ?all"', '_dmarc IN TXT "v=DMARC1; p=reject"', ''].join('\n'),
  );
  return file;
}
const FAULTS_ZONE = new URL('../lint/fixtures/faults.zone', import.meta.url).pathname;

describe('--quiet', () => {
  it('lint: shows errors only, in text and JSON', async () => {
    const text = await runCli(['lint', FAULTS_ZONE, '--quiet']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/: error /);
    expect(text.stdout).not.toMatch(/: (warning|info) /);
    const json = await runCli(['lint', FAULTS_ZONE, '--quiet', '--format', 'json']);
    const findings = JSON.parse(json.stdout) as { severity: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['error']));
    const sarif = JSON.parse((await runCli(['lint', FAULTS_ZONE, '--quiet', '--format', 'sarif'])).stdout) as { runs: { results: { level: string }[] }[] };
    expect(new Set(sarif.runs[0]!.results.map((r) => r.level))).toEqual(new Set(['error']));
  });

  it('lint: a file with warnings only prints no finding', async () => {
    const run = await runCli(['lint', warningsOnlyZone(), '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/: warning /);
    // The summary still counts what was left out: "no problems" would be untrue.
    expect(run.stdout).not.toMatch(/No problems/);
    expect(run.stdout.trimEnd()).toBe('0 error(s), 2 warning(s), 0 info in 1 file(s) (errors only shown: --quiet)');
  });

  it('check: warnings are left out of text and JSON', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/dns-query`;
    const text = await runCli(['check', 'example.com', '--resolver', url, '--quiet']);
    expect(text.code).toBe(2);
    expect(text.stdout).not.toMatch(/lookup-failed/);
    const json = await runCli(['check', 'example.com', '--resolver', url, '--quiet', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { findings: unknown[] }[])[0]!.findings).toEqual([]);
  });
});

describe('--max-warnings', () => {
  it('lint: exit 1 when there are more warnings than allowed, and says why at the end', async () => {
    const zone = warningsOnlyZone();
    expect((await runCli(['lint', zone])).code).toBe(0);
    expect((await runCli(['lint', zone, '--max-warnings', '2'])).code).toBe(0);
    const over = await runCli(['lint', zone, '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stdout.trimEnd().split('\n').at(-1)).toBe('mx-doctor: 2 warnings, more than --max-warnings 1');
    const json = await runCli(['lint', zone, '--max-warnings', '0', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toHaveLength(2);
    expect(json.stderr).toContain('more than --max-warnings 0');
  });

  it('refuses a count that is not a whole number', async () => {
    const run = await runCli(['lint', warningsOnlyZone(), '--max-warnings', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-warnings');
  });

  it('check: exit 1 for a domain with one warning and --max-warnings 0', async () => {
    const args = ['check', 'mx-single.broken.test', '--resolver', inject('dohUrl')];
    expect((await runCli(args)).code).toBe(0);
    const over = await runCli([...args, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stdout.trimEnd().split('\n').at(-1)).toBe('mx-doctor: 1 warning, more than --max-warnings 0');
  });
});

describe('colour switches (color.ts: the flag first, then NO_COLOR, then FORCE_COLOR, then a TTY)', () => {
  const ESC = /\x1b\[/;
  const lint = (args: string[], env: NodeJS.ProcessEnv) => runCli(['lint', warningsOnlyZone(), ...args], env);
  it('no colour off a terminal by default', async () => {
    expect((await lint([], { NO_COLOR: '', FORCE_COLOR: '' })).stdout).not.toMatch(ESC);
  });
  it('--color forces it on, even with NO_COLOR set', async () => {
    expect((await lint(['--color'], { NO_COLOR: '1' })).stdout).toMatch(ESC);
  });
  it('NO_COLOR wins over FORCE_COLOR, and --no-color over both', async () => {
    expect((await lint([], { NO_COLOR: '', FORCE_COLOR: '1' })).stdout).toMatch(ESC);
    expect((await lint([], { NO_COLOR: '1', FORCE_COLOR: '1' })).stdout).not.toMatch(ESC);
    expect((await lint(['--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' })).stdout).not.toMatch(ESC);
  });
});

describe('mx-doctor completion', () => {
  /** Runs bash with the completion script loaded and `mx-doctor` on the PATH as the built CLI. */
  function bashCompletion(script: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'mxd-bin-'));
    const bin = join(dir, 'mx-doctor');
    writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${CLI_BIN}" "$@"\n`, { mode: 0o755 });
    return execFileSync('bash', ['-c', `source <(mx-doctor completion bash) && ${script}`], { encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env['PATH']}` } });
  }
  const offered = (words: string[]) =>
    bashCompletion(`COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _mx_doctor; printf '%s\\n' "\${COMPREPLY[@]}"`).split('\n').filter(Boolean).sort();

  it('bash: registers a completion for mx-doctor', () => {
    expect(bashCompletion('complete -p mx-doctor')).toMatch(/-F _mx_doctor mx-doctor/);
  });
  it('bash: offers the commands for "mx-doctor l<TAB>"', () => {
    expect(offered(['mx-doctor', 'l'])).toEqual(['lint', 'lsp']);
  });
  it('bash: offers the options of the command, from its own options table', () => {
    expect(offered(['mx-doctor', 'lint', '--m'])).toEqual(['--max-warnings']);
    expect(offered(['mx-doctor', 'check', '--s'])).toEqual(['--shard', '--smtp']);
    expect(offered(['mx-doctor', 'lint', '--l'])).toEqual(['--live']);
    expect(offered(['mx-doctor', 'check', '--format', ''])).toEqual(['csv', 'json', 'jsonl', 'sarif', 'text']);
    expect(offered(['mx-doctor', 'lint', '--format', ''])).toEqual(['gitlab', 'json', 'sarif', 'text']);
    expect(offered(['mx-doctor', 'lint', '--fail-on', ''])).toEqual(['error', 'info', 'none', 'warning']);
    expect(offered(['mx-doctor', 'check', '--fail-on', ''])).toEqual([]);
    expect(offered(['mx-doctor', 'summarize', '-f', ''])).toEqual(['html', 'json', 'text']);
  });
  // Run in the real shells in completion-shells.test.ts.
  it('zsh and fish scripts are printed', async () => {
    for (const shell of ['zsh', 'fish']) {
      const run = await runCli(['completion', shell]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('max-warnings');
    }
  });
  it('refuses an unknown shell', async () => {
    const run = await runCli(['completion', 'tcsh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bash, zsh or fish');
  });
});
