/**
 * The DNSSEC, DANE, MTA-STS-record and TLS-RPT checks end to end: `mx-doctor check` through the
 * DNSSEC world's validating Unbound (test/dns/dnssec: real signatures made at start, a DS that
 * matches no key, expired and expiring signatures, TLSA records in signed and unsigned zones), over
 * DoH and over plain DNS. Every id each domain yields is compared: the world gives every domain
 * SPF, DMARC and PTRs, so nothing else fires.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnssecWorld, type DnssecWorld } from '../dns/dnssec/fixture.js';
import { EXPECTED, EXPECTED_WITH_SMTP } from '../dns/dnssec/world.js';
import { runCli } from './run-cli.js';

interface Finding {
  id: string;
  severity: string;
  message: string;
  evidence?: string;
  fix?: string;
}

let world: DnssecWorld;
beforeAll(async () => {
  world = await startDnssecWorld();
}, 60_000);
afterAll(async () => {
  await world?.stop();
});

async function check(domain: string, resolver = world.dohUrl): Promise<{ findings: Finding[]; dnssec?: string }> {
  const run = await runCli(['check', domain, '--resolver', resolver, '--format', 'json', '--no-authoritative', '--timeout', '2000'], world.env);
  const [report] = JSON.parse(run.stdout) as { findings: Finding[]; dnssec?: string }[];
  return report!;
}

const idsOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.id))].sort();

describe('DNSSEC and transport policies through a validating resolver', () => {
  it('(first, while Unbound has validated nothing) a bogus domain is dnssec-bogus with the EDE that says why, never lookup-failed or an absence', async () => {
    const { findings } = await check('expired.test');
    const bogus = findings.find((f) => f.id === 'dnssec-bogus')!;
    expect(bogus.severity).toBe('error');
    expect(bogus.evidence).toMatch(/EDE 7 Signature Expired/);
    expect(bogus.fix).toMatch(/out of their validity period/);
    expect((await check('bad-ds.test')).findings.find((f) => f.id === 'dnssec-bogus')?.evidence).toMatch(/EDE 9 DNSKEY Missing/);
  });

  it.each(Object.keys(EXPECTED))('%s', async (domain) => {
    expect(idsOf((await check(domain)).findings)).toEqual([...EXPECTED[domain]!].sort());
  });

  it('MTA-STS: the policy fetched from the policy host over HTTPS, its certificate checked, no redirect followed; mismatch severity by mode', async () => {
    const wrongCert = (await check('sts-wrong-cert.test')).findings.find((f) => f.id === 'mta-sts-policy-unavailable')!;
    expect(wrongCert.evidence).toMatch(/TLS: .*(altname|Hostname\/IP does not match)/i);
    const asked = world.policyRequests.length;
    const redirect = (await check('sts-redirect.test')).findings.find((f) => f.id === 'mta-sts-policy-unavailable')!;
    expect(redirect.evidence).toMatch(/HTTP 301 .* redirects are not followed/);
    // One GET, at the policy URL itself; the Location (example.net) is never asked.
    expect(world.policyRequests.slice(asked)).toEqual(['mta-sts.sts-redirect.test /.well-known/mta-sts.txt']);
    expect((await check('sts-mismatch.test')).findings.find((f) => f.id === 'mta-sts-mx-mismatch')?.severity).toBe('error');
    expect((await check('sts-testing.test')).findings.find((f) => f.id === 'mta-sts-mx-mismatch')?.severity).toBe('warning');
    // A record that is not valid announces nothing: no fetch.
    await check('sts-invalid.test');
    expect(world.policyRequests.some((request) => request.startsWith('mta-sts.sts-invalid.test'))).toBe(false);
  });

  const TRANSPORT_IDS = new Set(['smtp-cert-invalid', 'dane-tlsa-mismatch', 'smtp-tls-old', 'smtp-no-starttls', 'smtp-unreachable', 'smtp-host-unreachable', 'smtp-bad-greeting']);
  it.each(Object.keys(EXPECTED_WITH_SMTP))('with the SMTP probe (STARTTLS): %s', async (domain) => {
    const run = await runCli(['check', domain, '--resolver', world.dohUrl, '--format', 'json', '--no-authoritative', '--smtp', '--smtp-port', String(world.smtpPort)], world.env);
    const [report] = JSON.parse(run.stdout) as { findings: Finding[] }[];
    expect(idsOf(report!.findings.filter((f) => TRANSPORT_IDS.has(f.id)))).toEqual([...EXPECTED_WITH_SMTP[domain]!].sort());
    if (domain === 'smtp-expired.test') expect(report!.findings.find((f) => f.id === 'smtp-cert-invalid')?.message).toContain('it has expired');
    if (domain === 'smtp-dane-mismatch.test') expect(report!.findings.find((f) => f.id === 'dane-tlsa-mismatch')?.fix).toMatch(/TLSA 3 1 1 [0-9a-f]{64}/);
  });

  it('lint --live: an MX record the live MTA-STS policy does not cover is mta-sts-mx-mismatch on its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mx-doctor-sts-lint-'));
    try {
      const file = join(dir, 'db.sts-mismatch.test');
      // The planned change: a new MX host the policy (enforce, mx: mx1.sts-mismatch.test) does not list yet.
      writeFileSync(file, ['$ORIGIN sts-mismatch.test.', '$TTL 300', '@ IN SOA ns.root. hostmaster.sts-mismatch.test. 1 3600 600 604800 300', '@ IN NS ns.root.', '@ IN MX 10 mx1', '@ IN MX 20 mx-new', 'mx1 IN A 185.102.200.50', 'mx-new IN A 185.102.200.51', ''].join('\n'));
      const run = await runCli(['lint', file, '--live', '--resolver', world.dohUrl, '--format', 'json'], { ...world.env, MXD_DNS_PORT: String(world.authPort) });
      const findings = JSON.parse(run.stdout) as (Finding & { range?: { start: { line: number } } })[];
      const mismatch = findings.filter((f) => f.id === 'mta-sts-mx-mismatch');
      expect(mismatch).toHaveLength(1);
      expect(mismatch[0]!.severity).toBe('error');
      expect(mismatch[0]!.range?.start.line).toBe(5);
      expect(mismatch[0]!.message).toContain('mx-new.sts-mismatch.test matches no mx pattern');
      // Without --live nothing is fetched, and nothing is said.
      const offline = JSON.parse((await runCli(['lint', file, '--format', 'json'], world.env)).stdout) as Finding[];
      expect(offline.map((f) => f.id)).not.toContain('mta-sts-mx-mismatch');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the DNSSEC line beside SPF and DMARC: signed, unsigned, bogus (text and JSON)', async () => {
    const text = await runCli(['check', 'signed.test', '--resolver', world.dohUrl, '--no-authoritative', '--no-color']);
    expect(text.stdout.split('\n')).toContain('DNSSEC: signed (answers validated)');
    expect((await check('unsigned.test')).dnssec).toBe('DNSSEC: unsigned (answers cannot be validated)');
    expect((await check('bad-ds.test')).dnssec).toMatch(/^DNSSEC: signed, but validation fails \(bogus\)/);
  });

  it('the same findings over plain DNS (dns://) as over DoH', async () => {
    for (const domain of ['expired.test', 'dane-partial.test', 'expiring.test', 'unsigned.test']) {
      expect(idsOf((await check(domain, world.dnsResolverUrl)).findings), domain).toEqual([...EXPECTED[domain]!].sort());
    }
  });
});
