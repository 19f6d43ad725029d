/**
 * `smtp-cert-invalid` (error when the MTA-STS policy is in `enforce` mode, else warning): after
 * STARTTLS the MX host presents a certificate that is expired, not from a trusted CA, or not valid
 * for the MX host name. RFC 8461 §4.2: under an enforced MTA-STS policy senders must not deliver to
 * such a host; without one, most senders still deliver (opportunistic TLS), so it is a warning.
 * Not reported when validated TLSA records pin the host (DANE replaces the CA check, RFC 7672 §3.1):
 * `dane-tlsa-mismatch` judges those.
 */
import { finding, type Finding } from '../../findings/finding.js';
import type { MailDnsSnapshot } from '../../facts/snapshot.js';
import { defineCheck } from '../check.js';
import { mtaStsMode } from '../mta-sts/policy-mode.js';
import { tlsaState } from '../dane/tlsa-state.js';
import type { SmtpProbeResult } from './types.js';

/** The verifier's reason in words. */
export function trustWords(code: string | undefined): string {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return 'it has expired';
    case 'CERT_NOT_YET_VALID':
      return 'it is not valid yet';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'it is self-signed';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return 'it is not issued by a trusted CA (or the server does not send the intermediate certificate)';
    default:
      return `it does not verify (${code ?? 'unknown reason'})`;
  }
}

export function smtpCertInvalid(_domain: string, results: readonly SmtpProbeResult[], snapshot?: MailDnsSnapshot): Finding[] {
  const enforce = mtaStsMode(snapshot) === 'enforce';
  const pinned = new Set(
    (snapshot?.targets ?? []).filter((target) => {
      const state = tlsaState(target);
      return state !== undefined && state.secure && state.usable.length > 0;
    }).map((target) => target.name),
  );
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    const tls = result.tls;
    if (tls === undefined || (tls.trusted && tls.namesHost) || pinned.has(result.host) || seen.has(result.host)) continue;
    seen.add(result.host);
    const leaf = tls.chain[0];
    const problems = [...(tls.trusted ? [] : [trustWords(tls.trustError)]), ...(tls.namesHost ? [] : [`it is not valid for the name ${result.host}`])];
    findings.push(
      finding(smtpCertInvalidCheck, {
        severity: enforce ? 'error' : 'warning',
        message: `The TLS certificate of ${result.host} (${result.address}) is not valid: ${problems.join('; ')}. ${enforce ? 'With the MTA-STS policy in enforce mode, senders that apply it refuse to deliver there.' : 'Senders that require valid certificates (MTA-STS in enforce mode) would refuse to deliver there.'}`,
        subject: result.host,
        evidence: `STARTTLS at ${result.address}: ${tls.protocol}, certificate ${leaf?.subject ?? '(none)'} valid to ${leaf?.validTo ?? '?'}${tls.trustError === undefined ? '' : `, ${tls.trustError}`}${tls.namesHost ? '' : `, not for ${result.host}`}`,
        fix: `Install a certificate for ${result.host} from a public CA (e.g. Let's Encrypt), with its intermediate certificates, and renew it before it expires.`,
      }),
    );
  }
  return findings;
}

export const smtpCertInvalidCheck = defineCheck({
  id: 'smtp-cert-invalid',
  // The contract's row: error under an enforced MTA-STS policy; each finding says which applies.
  severity: 'error',
  scope: 'transport',
  title: "MX host's TLS certificate invalid",
  rfc: 'RFC 8461 §4.2',
  live: [{ on: 'smtp', run: smtpCertInvalid }],
});
