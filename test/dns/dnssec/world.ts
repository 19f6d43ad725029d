/**
 * The DNSSEC world as data (issue #15): a signed fake root delegating to child zones, some signed
 * (DS in the root), some not, some signed wrongly, all served by one BIND; the policy records
 * (TLSA, MTA-STS, TLS-RPT) each domain plants; and the exact finding ids a correct checker reports
 * for each domain through the world's validating Unbound. Rendered to zone files, keys and
 * signatures by fixture.ts at start time (signature times are relative to that moment).
 *
 * MX targets have public addresses (185.102.200.x, with PTRs that point back) that nobody connects
 * to; every domain has SPF `mx -all` and DMARC `p=reject`, so the ids listed are the policy ones.
 */

/** How a zone is signed. `expired`: every signature ended a day ago; `expiring`: they end in 6 h;
 * `bad-ds`: signed, but the parent's DS is of another key. */
export type Signing = 'none' | 'good' | 'expired' | 'expiring' | 'bad-ds';

export interface ZoneSpec {
  readonly zone: string;
  readonly signing: Signing;
  /** Records below the apex's SOA/NS, relative owner names (`@` the apex), one per line. */
  readonly records: readonly string[];
  /** Child zones delegated from this one (NS, and DS when the child is signed). */
  readonly children?: readonly string[];
}

/** The SMTP hosts the probe reaches (all on one port, each on its own loopback address), and the certificate each presents after STARTTLS. */
export const SMTP_HOSTS: Readonly<Record<string, { readonly address: string; readonly certificate: 'valid' | 'expired' | 'other-name'; readonly oldTls?: boolean }>> = {
  'mx1.smtp-valid.test': { address: '127.0.3.1', certificate: 'valid' },
  'mx1.smtp-expired.test': { address: '127.0.3.2', certificate: 'expired' },
  'mx1.smtp-wrong-name.test': { address: '127.0.3.3', certificate: 'other-name' },
  'mx1.smtp-dane-mismatch.test': { address: '127.0.3.4', certificate: 'valid' },
  'mx1.smtp-old-tls.test': { address: '127.0.3.5', certificate: 'valid', oldTls: true },
};

/** Two SHA-256 pins, so a host with both has a rollover record (RFC 7671 §8.1). */
export const PIN_A = 'a'.repeat(64);
export const PIN_B = 'b'.repeat(64);

const SPF_DMARC = ['@ TXT "v=spf1 mx -all"', '_dmarc TXT "v=DMARC1; p=reject"'];
const TLSRPT = ['_smtp._tls TXT "v=TLSRPTv1; rua=mailto:tlsrpt@example.net"'];

let nextAddress = 1;
/** MX hosts and their addresses (the PTR zone is built from this). */
export const HOST_ADDRESSES = new Map<string, string>();

/** `mx1` and `mx2` in the zone, with addresses (and PTRs) of their own. */
function twoHosts(zone: string, extra: (host: string) => string[] = () => []): string[] {
  const lines = ['@ MX 10 mx1', '@ MX 20 mx2'];
  for (const host of ['mx1', 'mx2']) {
    const address = `185.102.200.${nextAddress++}`;
    HOST_ADDRESSES.set(`${host}.${zone}`, address);
    lines.push(`${host} A ${address}`, ...extra(host));
  }
  return lines;
}

const tlsa = (host: string, ...pins: string[]) => pins.map((pin) => `_25._tcp.${host} TLSA ${pin}`);
const rollover = (host: string) => tlsa(host, `3 1 1 ${PIN_A}`, `3 1 1 ${PIN_B}`);

export const ZONES: readonly ZoneSpec[] = [
  { zone: 'signed.test', signing: 'good', records: [...twoHosts('signed.test', rollover), ...SPF_DMARC, ...TLSRPT] },
  { zone: 'unsigned.test', signing: 'none', records: [...twoHosts('unsigned.test'), ...SPF_DMARC] },
  { zone: 'expired.test', signing: 'expired', records: [...twoHosts('expired.test'), 'mx A 185.102.200.250', ...SPF_DMARC] },
  { zone: 'bad-ds.test', signing: 'bad-ds', records: [...twoHosts('bad-ds.test'), ...SPF_DMARC] },
  { zone: 'expiring.test', signing: 'expiring', records: [...twoHosts('expiring.test'), ...SPF_DMARC] },
  {
    zone: 'bogus-target.test',
    signing: 'good',
    records: ['@ MX 10 mx1', '@ MX 20 mx.expired.test.', `mx1 A ${host('mx1.bogus-target.test')}`, ...SPF_DMARC],
  },
  {
    zone: 'unsigned-target.test',
    signing: 'good',
    records: ['@ MX 10 mx1', '@ MX 20 mx1.unsigned.test.', `mx1 A ${host('mx1.unsigned-target.test')}`, ...SPF_DMARC],
  },
  { zone: 'dane-insecure.test', signing: 'none', records: [...twoHosts('dane-insecure.test', rollover), ...SPF_DMARC, ...TLSRPT] },
  { zone: 'dane-unusable.test', signing: 'good', records: [...twoHosts('dane-unusable.test', (h) => tlsa(h, `1 0 1 ${PIN_A}`)), ...SPF_DMARC, ...TLSRPT] },
  { zone: 'dane-partial.test', signing: 'good', records: [...twoHosts('dane-partial.test', (h) => (h === 'mx1' ? rollover(h) : [])), ...SPF_DMARC, ...TLSRPT] },
  { zone: 'dane-single.test', signing: 'good', records: [...twoHosts('dane-single.test', (h) => tlsa(h, `3 1 1 ${PIN_A}`)), ...SPF_DMARC, ...TLSRPT] },
  {
    zone: 'tlsa-fail.test',
    signing: 'good',
    // mx1's TLSA lives in a child zone whose signatures expired: its lookup SERVFAILs while mx1's address is secure.
    records: [...twoHosts('tlsa-fail.test', (h) => (h === 'mx2' ? rollover(h) : [])), ...SPF_DMARC, ...TLSRPT],
    children: ['_tcp.mx1.tlsa-fail.test'],
  },
  { zone: '_tcp.mx1.tlsa-fail.test', signing: 'expired', records: [`_25 TLSA 3 1 1 ${PIN_A}`, `_25 TLSA 3 1 1 ${PIN_B}`] },
  {
    zone: 'sts-invalid.test',
    signing: 'good',
    records: [...twoHosts('sts-invalid.test'), ...SPF_DMARC, ...TLSRPT, '_mta-sts TXT "v=STSv1; id=20261203"', '_mta-sts TXT "v=STSv1; id=20261204"'],
  },
  { zone: 'tlsrpt-invalid.test', signing: 'good', records: [...twoHosts('tlsrpt-invalid.test'), ...SPF_DMARC, '_smtp._tls TXT "v=TLSRPTv1; rua=ftp://reports.example.net/"'] },
  { zone: 'tlsrpt-missing.test', signing: 'good', records: [...twoHosts('tlsrpt-missing.test'), ...SPF_DMARC, ...stsRecord()] },
  ...['sts-good', 'sts-mismatch', 'sts-testing', 'sts-redirect', 'sts-oversize', 'sts-html', 'sts-bad-policy', 'sts-wrong-cert'].map(
    (name): ZoneSpec => ({ zone: `${name}.test`, signing: 'good', records: [...twoHosts(`${name}.test`), ...SPF_DMARC, ...TLSRPT, ...stsRecord()] }),
  ),
  // SMTP hosts on loopback (the probe connects to them): their STARTTLS certificates are SMTP_HOSTS'.
  ...(['smtp-valid', 'smtp-expired', 'smtp-wrong-name', 'smtp-dane-mismatch', 'smtp-old-tls'] as const).map(
    (name): ZoneSpec => {
      const host = `mx1.${name}.test`;
      const pins = name === 'smtp-valid' ? [`3 1 1 @@SPKI_SHA256:${host}@@`, `3 1 1 ${PIN_B}`] : name === 'smtp-dane-mismatch' ? [`3 1 1 ${PIN_A}`, `3 1 1 ${PIN_B}`] : [];
      return { zone: `${name}.test`, signing: 'good', records: ['@ MX 10 mx1', `mx1 A ${SMTP_HOSTS[host]!.address}`, ...tlsa('mx1', ...pins), ...SPF_DMARC, ...TLSRPT] };
    },
  ),
  // The record announces a policy, but there is no mta-sts host to fetch it from.
  { zone: 'sts-no-host.test', signing: 'good', records: [...twoHosts('sts-no-host.test'), ...SPF_DMARC, ...TLSRPT, '_mta-sts TXT "v=STSv1; id=20261203"'] },
];

/** The `_mta-sts` record and the policy host (the world's HTTPS server, on 127.0.0.1). */
function stsRecord(): string[] {
  return ['_mta-sts TXT "v=STSv1; id=20261203"', 'mta-sts A 127.0.0.1'];
}

/** What the HTTPS server answers at https://mta-sts.<domain>/.well-known/mta-sts.txt. */
export interface PolicyReply {
  readonly status?: number;
  readonly contentType?: string;
  readonly body?: string;
  readonly location?: string;
  /** Serve a certificate for another name. */
  readonly wrongCertificate?: boolean;
}

const policy = (mode: string, ...mx: string[]) => ['version: STSv1', `mode: ${mode}`, ...mx.map((pattern) => `mx: ${pattern}`), 'max_age: 604800', ''].join('\r\n');

export const POLICIES: Readonly<Record<string, PolicyReply>> = {
  'tlsrpt-missing.test': { body: policy('enforce', 'mx1.tlsrpt-missing.test', 'mx2.tlsrpt-missing.test') },
  'sts-good.test': { body: policy('enforce', 'mx1.sts-good.test', '*.sts-good.test') },
  'sts-mismatch.test': { body: policy('enforce', 'mx1.sts-mismatch.test') },
  'sts-testing.test': { body: policy('testing', 'mx1.sts-testing.test') },
  'sts-redirect.test': { status: 301, location: 'https://example.net/mta-sts.txt' },
  'sts-oversize.test': { body: `${policy('enforce', '*.sts-oversize.test')}${'#'.repeat(70 * 1024)}` },
  'sts-html.test': { contentType: 'text/html', body: policy('enforce', '*.sts-html.test') },
  'sts-bad-policy.test': { body: ['version: STSv2', 'mode: enforced', 'mx: *.sts-bad-policy.test', 'max_age: 99999999999', ''].join('\r\n') },
  'sts-wrong-cert.test': { wrongCertificate: true, body: policy('enforce', '*.sts-wrong-cert.test') },
};

/** An address for a host that `twoHosts` does not make. */
function host(name: string): string {
  const address = `185.102.200.${nextAddress++}`;
  HOST_ADDRESSES.set(name, address);
  return address;
}

/** The reverse zone of every MX host's address (unsigned; PTR back to the host). */
export const REVERSE_ZONE = '200.102.185.in-addr.arpa';

/** The ids each domain yields (the policy ids of shared/checks.md; nothing else fires). */
export const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'signed.test': [],
  'unsigned.test': ['dnssec-missing'],
  'expired.test': ['dnssec-bogus'],
  'bad-ds.test': ['dnssec-bogus'],
  'expiring.test': ['dnssec-signature-expiring'],
  'bogus-target.test': ['mx-target-dnssec-bogus'],
  'unsigned-target.test': ['dnssec-missing'],
  'dane-insecure.test': ['dnssec-missing', 'dane-tlsa-insecure'],
  'dane-unusable.test': ['dane-tlsa-unusable'],
  'dane-partial.test': ['dane-partial'],
  'dane-single.test': ['dane-no-rollover'],
  'tlsa-fail.test': ['tlsa-lookup-failed'],
  'sts-invalid.test': ['mta-sts-record-invalid'],
  'tlsrpt-invalid.test': ['tlsrpt-invalid'],
  'tlsrpt-missing.test': ['tlsrpt-missing'],
  'sts-good.test': [],
  'sts-mismatch.test': ['mta-sts-mx-mismatch'],
  'sts-testing.test': ['mta-sts-mx-mismatch'],
  'sts-redirect.test': ['mta-sts-policy-unavailable'],
  'sts-oversize.test': ['mta-sts-policy-unavailable'],
  'sts-html.test': ['mta-sts-policy-invalid'],
  'sts-bad-policy.test': ['mta-sts-policy-invalid'],
  'sts-wrong-cert.test': ['mta-sts-policy-unavailable'],
  'sts-no-host.test': ['mta-sts-policy-unavailable'],
};

/** The transport ids each SMTP domain yields with the probe on (`check --smtp`). */
export const EXPECTED_WITH_SMTP: Readonly<Record<string, readonly string[]>> = {
  'smtp-valid.test': [],
  'smtp-expired.test': ['smtp-cert-invalid'],
  'smtp-wrong-name.test': ['smtp-cert-invalid'],
  'smtp-dane-mismatch.test': ['dane-tlsa-mismatch'],
  'smtp-old-tls.test': ['smtp-tls-old'],
};
