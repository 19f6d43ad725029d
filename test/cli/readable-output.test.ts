/**
 * Output a person can read (issue #17 item 5), through the built CLI: one sentence when no
 * resolver answers, `--quiet`, `--max-warnings`, colour switches and shell completion.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

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
