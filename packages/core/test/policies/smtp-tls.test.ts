/** The checks on the TLS session after STARTTLS: smtp-cert-invalid, dane-tlsa-mismatch, smtp-tls-old. */
import { describe, expect, it } from 'vitest';
import { smtpCertInvalid } from '../../src/checks/smtp/smtp-cert-invalid.js';
import { daneTlsaMismatch, tlsaMatches } from '../../src/checks/dane/dane-tlsa-mismatch.js';
import { smtpTlsOld } from '../../src/checks/smtp/smtp-tls-old.js';
import type { SmtpCertificate, SmtpProbeResult, SmtpTlsFacts } from '../../src/checks/smtp/types.js';
import type { PolicyFetch } from '../../src/facts/snapshot.js';
import { DOMAIN, secure, snapshot } from './facts.js';

const MX1 = `mx1.${DOMAIN}`;
const cert = (key: string): SmtpCertificate => ({
  subject: `CN=${MX1}`,
  validTo: '2027-01-01T00:00:00.000Z',
  certificate: { sha256: `${key}c`.padEnd(64, '0'), sha512: `${key}c`.padEnd(128, '0'), full: `${key}cert` },
  spki: { sha256: `${key}s`.padEnd(64, '0'), sha512: `${key}s`.padEnd(128, '0'), full: `${key}spki` },
});
const probed = (tls: Partial<SmtpTlsFacts>, host = MX1): SmtpProbeResult => ({
  host,
  address: '127.0.2.1',
  outcome: 'connected',
  starttls: true,
  elapsedMs: 5,
  tls: { protocol: 'TLSv1.3', trusted: true, namesHost: true, chain: [cert('a'), cert('b')], ...tls },
});
const tlsaRecord = (usage: number, selector: number, matchingType: number, certificateData: string) => ({ name: `_25._tcp.${MX1}`, ttl: 300, type: 'TLSA' as const, data: { usage, selector, matchingType, certificateData } });
const enforcePolicy: PolicyFetch = { kind: 'fetched', url: 'https://mta-sts.example.test/.well-known/mta-sts.txt', address: '127.0.0.1', contentType: 'text/plain', body: `version: STSv1\nmode: enforce\nmx: ${MX1}\nmax_age: 86400\n` };

describe('smtp-cert-invalid', () => {
  it('an expired certificate is a warning without MTA-STS, an error with the policy in enforce mode', () => {
    const result = probed({ trusted: false, trustError: 'CERT_HAS_EXPIRED' });
    const [warning] = smtpCertInvalid(DOMAIN, [result], snapshot());
    expect(warning).toMatchObject({ id: 'smtp-cert-invalid', severity: 'warning', subject: MX1 });
    expect(warning!.message).toContain('it has expired');
    const facts = snapshot();
    const [error] = smtpCertInvalid(DOMAIN, [result], { ...facts, policy: { ...facts.policy!, mtaStsPolicy: enforcePolicy } });
    expect(error!.severity).toBe('error');
  });
  it('a certificate for another name; a valid one says nothing; a host pinned by validated TLSA is left to DANE', () => {
    expect(smtpCertInvalid(DOMAIN, [probed({ namesHost: false })])[0]!.message).toContain(`it is not valid for the name ${MX1}`);
    expect(smtpCertInvalid(DOMAIN, [probed({})])).toEqual([]);
    const pinned = snapshot({ hosts: [{ name: MX1, tlsa: secure(`_25._tcp.${MX1}`, 'TLSA', [tlsaRecord(3, 1, 1, 'f'.repeat(64))]) }] });
    expect(smtpCertInvalid(DOMAIN, [probed({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' })], pinned)).toEqual([]);
  });
});

describe('dane-tlsa-mismatch', () => {
  it('matches DANE-EE against the leaf and DANE-TA against an issuer, by selector and matching type', () => {
    const chain = [cert('a'), cert('b')];
    expect(tlsaMatches(tlsaRecord(3, 1, 1, chain[0]!.spki.sha256), chain)).toBe(true);
    expect(tlsaMatches(tlsaRecord(3, 0, 2, chain[0]!.certificate.sha512), chain)).toBe(true);
    expect(tlsaMatches(tlsaRecord(3, 1, 0, chain[0]!.spki.full), chain)).toBe(true);
    expect(tlsaMatches(tlsaRecord(2, 1, 1, chain[1]!.spki.sha256), chain)).toBe(true);
    // DANE-EE does not match an issuer; DANE-TA does not match the leaf.
    expect(tlsaMatches(tlsaRecord(3, 1, 1, chain[1]!.spki.sha256), chain)).toBe(false);
    expect(tlsaMatches(tlsaRecord(2, 1, 1, chain[0]!.spki.sha256), chain)).toBe(false);
  });
  it('reports a host whose validated TLSA records match nothing it presents, with the record to publish', () => {
    const facts = snapshot({ hosts: [{ name: MX1, tlsa: secure(`_25._tcp.${MX1}`, 'TLSA', [tlsaRecord(3, 1, 1, 'f'.repeat(64))]) }] });
    const [found] = daneTlsaMismatch(DOMAIN, [probed({})], facts);
    expect(found).toMatchObject({ id: 'dane-tlsa-mismatch', severity: 'error', subject: MX1 });
    expect(found!.fix).toContain(`TLSA 3 1 1 ${cert('a').spki.sha256}`);
    const matching = snapshot({ hosts: [{ name: MX1, tlsa: secure(`_25._tcp.${MX1}`, 'TLSA', [tlsaRecord(3, 1, 1, cert('a').spki.sha256)]) }] });
    expect(daneTlsaMismatch(DOMAIN, [probed({})], matching)).toEqual([]);
    expect(daneTlsaMismatch(DOMAIN, [probed({})], snapshot())).toEqual([]);
  });
});

describe('smtp-tls-old', () => {
  it('reports TLS 1.0 and 1.1, not 1.2 or 1.3', () => {
    expect(smtpTlsOld(DOMAIN, [probed({ protocol: 'TLSv1.1' })])[0]).toMatchObject({ id: 'smtp-tls-old', severity: 'warning', evidence: 'STARTTLS at 127.0.2.1: TLSv1.1' });
    expect(smtpTlsOld(DOMAIN, [probed({ protocol: 'TLSv1.2' }), probed({ protocol: 'TLSv1.3' })])).toEqual([]);
  });
});
