/** `ns-lame`: error when no server serves the zone, warning when some do not; each reason in evidence. */
import { describe, expect, it } from 'vitest';
import { nsLame } from '../../src/checks/authority/ns-lame.js';
import { authority, DOMAIN, failed, ids, serving, soa } from './facts.js';

describe('ns-lame', () => {
  it('says nothing when every server answers the SOA with authority', () => {
    expect(nsLame(authority([serving('ns1.example.test', '127.0.1.1'), serving('ns2.example.test', '127.0.2.1')]))).toEqual([]);
  });

  it('is a warning naming each lame server and why: timeout, REFUSED, no AA, no address', () => {
    const servers = [
      serving('ns1.example.test', '127.0.1.1'),
      serving('ns2.example.test', '127.0.2.1', { soa: failed(DOMAIN, 'SOA', 'timeout', '127.0.2.1') }),
      serving('ns3.example.test', '127.0.3.1', { soa: failed(DOMAIN, 'SOA', 'refused', '127.0.3.1') }),
      serving('ns4.example.test', '127.0.4.1', { soa: soa(1, DOMAIN, false) }),
      { name: 'ns5.example.test' },
    ];
    const [found, ...rest] = nsLame(authority(servers));
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      id: 'ns-lame',
      severity: 'warning',
      subject: DOMAIN,
      message: `4 of 5 name servers of ${DOMAIN} do not serve it (ns2.example.test, ns3.example.test, ns4.example.test, ns5.example.test): resolvers that ask them lose time or fail.`,
      evidence:
        'ns2.example.test (127.0.2.1): it does not answer (timeout); ns3.example.test (127.0.3.1): it answers REFUSED; ns4.example.test (127.0.4.1): it answers without authority (no AA bit): it does not serve the zone; ns5.example.test: it has no address (no A or AAAA record)',
      rfc: 'RFC 1034 §4.2.2',
    });
  });

  it('is an error when no server serves the zone', () => {
    const findings = nsLame(authority([serving('ns1.example.test', '127.0.1.1', { soa: failed(DOMAIN, 'SOA', 'servfail') })]));
    expect(ids(findings)).toEqual(['ns-lame']);
    expect(findings[0]!.severity).toBe('error');
    expect(findings[0]!.message).toBe(`No name server of ${DOMAIN} serves it: ns1.example.test does not answer for the zone, so its MX, SPF and DMARC records cannot be looked up.`);
    expect(findings[0]!.evidence).toBe('ns1.example.test (127.0.1.1): it answers SERVFAIL');
  });
});
