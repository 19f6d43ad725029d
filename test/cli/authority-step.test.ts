/**
 * `mx-doctor check` with the authority step against the fixture: its two name servers
 * (ns1/ns2.fixture.test on BIND's port, MXD_DNS_PORT set by the global setup) serve every zone,
 * so the step adds its table and no finding; a plain-DNS resolver (`dns://`) gives what DoH
 * gives; `--no-authoritative` skips the step; a name server that does not answer is `ns-lame`.
 */
import { describe, expect, inject, it } from 'vitest';
import { runCli } from './run-cli.js';

interface Report {
  domain: string;
  findings: { id: string; severity: string; evidence?: string }[];
  authority?: { zone: string; rows: { server: string; address?: string; serial?: number; mx?: string; serving: boolean; status: string }[] } | { notChecked: string };
}

async function check(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Report> {
  const run = await runCli(['check', ...args, '--format', 'json'], env);
  return (JSON.parse(run.stdout) as Report[])[0]!;
}

describe('the authority step', () => {
  it('asks both name servers directly and lists what each serves', async () => {
    const report = await check(['selfhosted.good.test', '--resolver', inject('dohUrl')]);
    expect(report.findings.map((f) => f.id)).toEqual([]);
    expect(report.authority).toEqual({
      zone: 'good.test',
      delegatedTo: ['ns1.fixture.test', 'ns2.fixture.test'],
      rows: [
        { server: 'ns1.fixture.test', address: '127.0.0.1', serial: 2024010101, mx: '10 mx1.selfhosted.good.test., 20 mx2.selfhosted.good.test.', status: 'serves the zone', serving: true },
        { server: 'ns2.fixture.test', address: '127.0.1.1', serial: 2024010101, mx: '10 mx1.selfhosted.good.test., 20 mx2.selfhosted.good.test.', status: 'serves the zone', serving: true },
      ],
    });
  });

  it('gives the same report over a dns:// resolver as over DoH', async () => {
    const doh = await check(['selfhosted.good.test', '--resolver', inject('dohUrl')]);
    const plain = await check(['selfhosted.good.test', '--resolver', `dns://127.0.0.1:${inject('dnsPort')}`]);
    expect(plain.findings).toEqual(doh.findings);
    expect(plain.authority).toEqual(doh.authority);
  });

  it('is skipped with --no-authoritative', async () => {
    expect((await check(['selfhosted.good.test', '--resolver', inject('dohUrl'), '--no-authoritative'])).authority).toBeUndefined();
  });

  it('reports a name server that does not answer as ns-lame, and still checks the rest', async () => {
    // Nothing listens on this port at 127.0.0.1 or 127.0.1.1: both servers time out.
    const report = await check(['selfhosted.good.test', '--resolver', inject('dohUrl'), '--timeout', '300'], { MXD_DNS_PORT: '9' });
    const lame = report.findings.find((f) => f.id === 'ns-lame');
    expect(lame?.severity).toBe('error');
    expect(lame?.evidence).toContain('ns1.fixture.test (127.0.0.1)');
    expect(report.findings.map((f) => f.id)).toEqual(['ns-lame']);
  });
});
