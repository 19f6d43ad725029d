/**
 * The DNSSEC, DANE, MTA-STS-record and TLS-RPT checks end to end: `mx-doctor check` through the
 * DNSSEC world's validating Unbound (test/dns/dnssec: real signatures made at start, a DS that
 * matches no key, expired and expiring signatures, TLSA records in signed and unsigned zones), over
 * DoH and over plain DNS. Every id each domain yields is compared: the world gives every domain
 * SPF, DMARC and PTRs, so nothing else fires.
 */
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
