/** `dnssec-signature-expiring`: an RRSIG over MX, SOA or DNSKEY ends within 12 hours of the check. */
import { describe, expect, it } from 'vitest';
import { dnssecSignatureExpiring } from '../../src/checks/dnssec/dnssec-signature-expiring.js';
import { AD, CHECKED_AT, DOMAIN, answer, signature, snapshot } from './facts.js';

const HOUR = 3600_000;
const withSignature = (type: 'MX' | 'SOA' | 'DNSKEY', code: number, endsAt: number) => {
  const facts = snapshot();
  const signed = answer(DOMAIN, type, [], { ...AD, signatures: [signature(code, endsAt)] });
  if (type === 'MX') return { ...facts, mx: signed };
  return { ...facts, policy: { ...facts.policy!, [type === 'SOA' ? 'soa' : 'dnskey']: signed } };
};

describe('dnssec-signature-expiring', () => {
  it('says nothing for signatures that end in more than 12 hours', () => {
    expect(dnssecSignatureExpiring(withSignature('MX', 15, CHECKED_AT + 13 * HOUR))).toEqual([]);
  });

  it('reports the MX signature that ends in 6 hours, with the time', () => {
    const [found] = dnssecSignatureExpiring(withSignature('MX', 15, CHECKED_AT + 6 * HOUR));
    expect(found).toMatchObject({ id: 'dnssec-signature-expiring', severity: 'warning', subject: DOMAIN });
    expect(found!.message).toBe(`The DNSSEC signature over MX ${DOMAIN} ends in 6.0 h (2026-12-03T19:00:00Z): unless the zone is re-signed first, validating resolvers will answer SERVFAIL and mail to ${DOMAIN} stops.`);
  });

  it('reads SOA and DNSKEY signatures too, and says when one has already ended', () => {
    expect(dnssecSignatureExpiring(withSignature('SOA', 6, CHECKED_AT + HOUR))[0]!.evidence).toBe(`RRSIG SOA ${DOMAIN}: expires 2026-12-03T14:00:00Z`);
    expect(dnssecSignatureExpiring(withSignature('DNSKEY', 48, CHECKED_AT - 2 * HOUR))[0]!.message).toContain('ended 120 min ago');
  });
});
