/**
 * The DNSSEC world's test CA and certificates, made at start with `openssl`: the MTA-STS policy
 * hosts' certificate, one for another name, and each SMTP host's (valid, expired — `-days 0` ends
 * at the moment it is made — or for another name). The CLI trusts the CA through
 * NODE_EXTRA_CA_CERTS, in tests only.
 */
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KeyAndCertificate {
  readonly key: string;
  readonly cert: string;
  /** SHA-256 of the certificate's SubjectPublicKeyInfo, hex (a TLSA 3 1 1 pin). */
  readonly spkiSha256: string;
}

export async function makeCa(dir: string): Promise<string> {
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'ca.key'), '-out', join(dir, 'ca.pem'), '-days', '2', '-subj', '/CN=MX Doctor test CA']);
  return join(dir, 'ca.pem');
}

/** A certificate from the world's CA for `hosts` (subjectAltName), valid for `days` (0: expired once made). */
export async function certificate(dir: string, name: string, hosts: readonly string[], days = 2): Promise<KeyAndCertificate> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.pem`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}\nextendedKeyUsage=serverAuth\n`);
  await run('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${hosts[0]}`]);
  await run('openssl', ['x509', '-req', '-in', csr, '-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', cert, '-days', String(days), '-extfile', ext]);
  const pem = readFileSync(cert, 'utf8');
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return { key: readFileSync(key, 'utf8'), cert: pem, spkiSha256: createHash('sha256').update(spki).digest('hex') };
}
