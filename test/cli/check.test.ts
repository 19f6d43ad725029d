/**
 * `mx-doctor check` end to end: the built CLI, over DoH, against real BIND serving one test
 * domain per catalogue fault. Each domain must yield exactly its expected ids.
 */
import { describe, expect, inject, it } from 'vitest';
import { CATALOGUE, FINDING_FIELD_LABEL, severityCounts, verdictText } from '@mx-doctor/core';
import { LIVE_FIXTURES, SMTP_FIXTURES } from '../dns/fixtures.js';
import { idsOf, runCli } from './run-cli.js';

const ERROR_IDS = Object.entries(CATALOGUE)
  .filter(([, entry]) => entry.severity === 'error')
  .map(([id]) => id);

interface JsonReport {
  domain: string;
  verdict: string;
  mx: { preference: number; exchange: string; provider?: string; status: string }[];
  spf: string;
  dmarc: string;
  findings: { id: string; severity: string; message: string; subject: string; evidence?: string; fix?: string }[];
}

async function checkJson(args: string[]): Promise<{ code: number | null; reports: JsonReport[]; stderr: string }> {
  const run = await runCli(['check', '--format', 'json', ...args]);
  let reports: JsonReport[] = [];
  try {
    reports = JSON.parse(run.stdout) as JsonReport[];
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { code: run.code, reports, stderr: run.stderr };
}

describe('mx-doctor check against the BIND fixture', () => {
  const resolvers = () => ['--resolver', inject('dohUrl'), '--resolver', inject('altDohUrl')];

  it.each(LIVE_FIXTURES.map((f) => [f.domain, f] as const))('%s', async (_domain, fixture) => {
    const { code, reports, stderr } = await checkJson([fixture.domain, ...resolvers()]);
    expect(reports, stderr).toHaveLength(1);
    const report = reports[0]!;
    expect(report.domain).toBe(fixture.domain);
    expect(idsOf(report), `${fixture.note}\n${JSON.stringify(report.findings, null, 1)}`).toEqual([...new Set(fixture.expected)].sort());
    const hasError = report.findings.some((f) => f.severity === 'error');
    expect(code).toBe(hasError ? 1 : 0);
    for (const finding of report.findings) {
      expect(finding.severity).toBe(CATALOGUE[finding.id as keyof typeof CATALOGUE].severity);
      expect(finding.message.length).toBeGreaterThan(10);
    }
    if (fixture.domain.endsWith('.good.test')) {
      expect(report.findings.filter((f) => ERROR_IDS.includes(f.id))).toEqual([]);
    }
  });

  it.each(SMTP_FIXTURES.map((f) => [f.domain, f] as const))('%s (with --smtp)', async (_domain, fixture) => {
    const { reports } = await checkJson([fixture.domain, '--smtp', '--smtp-port', String(inject('smtpPort')), '--resolver', inject('dohUrl')]);
    expect(idsOf(reports[0]!), fixture.note).toEqual([...new Set(fixture.expected)].sort());
  });

  it('lists MX hosts in priority order with their provider', async () => {
    const { reports } = await checkJson(['google-legacy.good.test', '--resolver', inject('dohUrl')]);
    const mx = reports[0]!.mx;
    expect(mx.map((row) => row.preference)).toEqual([...mx.map((row) => row.preference)].sort((a, b) => a - b));
    expect(mx[0]!.exchange).toBe('aspmx.l.google.com');
    expect(new Set(mx.map((row) => row.provider))).toEqual(new Set(['Google Workspace']));
    expect(reports[0]!.verdict).toBe('receives-mail');
  });

  it('takes the domain from an e-mail address or a URL', async () => {
    const { reports } = await checkJson(['postmaster@selfhosted.good.test', 'https://selfhosted.good.test/contact?x=1', ...resolvers()]);
    expect(reports.map((r) => r.domain)).toEqual(['selfhosted.good.test', 'selfhosted.good.test']);
    expect(reports.every((r) => r.verdict === 'receives-mail')).toBe(true);
  });

  it('prints readable text with the verdict, the MX table and each fix', async () => {
    const run = await runCli(['check', 'mx-target-cname.broken.test', '--resolver', inject('dohUrl')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^mx-target-cname\.broken\.test: Problems found/m);
    expect(run.stdout).toMatch(/PRI\s+HOST\s+PROVIDER/);
    expect(run.stdout).toMatch(/error\s+mx-target-cname/);
    expect(run.stdout).toMatch(/Fix: /);
    expect(run.stdout).not.toMatch(/\x1b\[/); // NO_COLOR is set by runCli
  });

  it("words the verdict with the core's vocabulary (the same title and sentence as the popup and the VS Code report)", async () => {
    const domain = 'mx-target-cname.broken.test';
    const [text, json] = await Promise.all([runCli(['check', domain, '--resolver', inject('dohUrl')]), checkJson([domain, '--resolver', inject('dohUrl')])]);
    const report = json.reports[0]!;
    const words = verdictText(report.verdict as Parameters<typeof verdictText>[0]);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe(`${domain}: ${words.title} — ${severityCounts(report.findings as Parameters<typeof severityCounts>[0])}`);
    expect(lines[1]).toBe(words.sentence);
    expect(text.stdout).toContain(`${FINDING_FIELD_LABEL.fix}: `);
  });

  it('writes SARIF 2.1.0 with a rule for every catalogue id', async () => {
    const run = await runCli(['check', 'spf-multiple.broken.test', '--format', 'sarif', '--resolver', inject('dohUrl')]);
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const rules = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(rules).toEqual(Object.keys(CATALOGUE));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'spf-multiple');
    expect(result.level).toBe('error');
    expect(rules[result.ruleIndex]).toBe('spf-multiple');
  });

  it('rejects bad usage with exit status 2', async () => {
    expect((await runCli(['check'])).code).toBe(2);
    expect((await runCli(['check', '192.0.2.1'])).stderr).toMatch(/IP address/);
    expect((await runCli(['check', 'example.com', '--resolver', 'http://resolver.example/dns-query'])).code).toBe(2);
    expect((await runCli(['check', 'example.com', '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});

describe('rule zero: a failed lookup is never an absent record', () => {
  const NEVER_ON_FAILURE = ['mx-missing', 'mx-target-nxdomain', 'mx-target-no-address', 'spf-missing', 'dmarc-missing', 'domain-nxdomain'];

  it.each(['servfail', 'refused', 'garbage', 'http500', 'content-type', 'truncated', 'wrong-question', 'timeout'])(
    'resolver answering %s → lookup-failed, exit 2',
    async (fault) => {
      const url = `${inject('faultBaseUrl')}/${fault}/dns-query`;
      const { code, reports } = await checkJson(['selfhosted.good.test', '--resolver', url, '--timeout', '400']);
      const report = reports[0]!;
      expect(report.verdict).toBe('could-not-check');
      expect(idsOf(report)).toEqual(['lookup-failed']);
      expect(report.findings.every((f) => !NEVER_ON_FAILURE.includes(f.id))).toBe(true);
      expect(code).toBe(2);
    },
  );

  it('a resolver answering with a redirect → lookup-failed saying so; the redirect is not followed', async () => {
    // The fault proxy redirects to its own pass-through path: following it would give real answers.
    const { code, reports } = await checkJson(['selfhosted.good.test', '--resolver', `${inject('faultBaseUrl')}/redirect/dns-query`]);
    const report = reports[0]!;
    expect(report.verdict).toBe('could-not-check');
    expect(idsOf(report)).toEqual(['lookup-failed']);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.message.includes('(redirect)') && (f.evidence ?? '').includes('the resolver answered with a redirect'))).toBe(true);
    expect(code).toBe(2);
  });

  it('an unreachable resolver → lookup-failed, exit 2', async () => {
    const { code, reports } = await checkJson(['selfhosted.good.test', '--resolver', 'http://127.0.0.1:9/dns-query', '--timeout', '500']);
    expect(idsOf(reports[0]!)).toEqual(['lookup-failed']);
    expect(reports[0]!.findings[0]!.evidence).toMatch(/127\.0\.0\.1:9/);
    expect(code).toBe(2);
  });

  it('only TXT failing suppresses SPF and DMARC checks, not the MX ones', async () => {
    const url = `${inject('faultBaseUrl')}/servfail-only-TXT/dns-query`;
    const { code, reports } = await checkJson(['mx-target-cname.broken.test', '--resolver', url]);
    const ids = idsOf(reports[0]!);
    expect(ids).toContain('lookup-failed');
    expect(ids).toContain('mx-target-cname');
    expect(ids).not.toContain('spf-missing');
    expect(ids).not.toContain('dmarc-missing');
    expect(code).toBe(1);
  });

  it('fails over to the next resolver when the first is down', async () => {
    const { code, reports } = await checkJson(['selfhosted.good.test', '--resolver', 'http://127.0.0.1:9/dns-query', '--resolver', inject('dohUrl')]);
    expect(reports[0]!.verdict).toBe('receives-mail');
    expect(idsOf(reports[0]!)).not.toContain('mx-missing');
    expect(code).toBe(0);
  });
});

describe('help', () => {
  it.each([['--help'], ['check', '--help'], ['lint', '-h']])('mx-doctor %s prints usage and exits 0', async (...args) => {
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage:/m);
    expect(run.stdout).toContain('--origin NAME');
  });
});
