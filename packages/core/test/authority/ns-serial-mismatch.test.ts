/** `ns-serial-mismatch` (info): SOA serials differ between the serving servers. */
import { describe, expect, it } from 'vitest';
import { nsSerialMismatch } from '../../src/checks/authority/ns-serial-mismatch.js';
import { authority, DOMAIN, serving, soa } from './facts.js';

describe('ns-serial-mismatch', () => {
  it('says nothing when the serials are equal', () => {
    expect(nsSerialMismatch(authority([serving('ns1.example.test', '127.0.1.1'), serving('ns2.example.test', '127.0.2.1')]))).toEqual([]);
  });

  it('reports each server with its serial; a lame server is not compared', () => {
    const facts = authority([
      serving('ns1.example.test', '127.0.1.1'),
      serving('ns2.example.test', '127.0.2.1', { soa: soa(2026110100) }),
      serving('ns3.example.test', '127.0.3.1', { soa: soa(7, DOMAIN, false) }),
    ]);
    const [found, ...rest] = nsSerialMismatch(facts);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      id: 'ns-serial-mismatch',
      severity: 'info',
      subject: DOMAIN,
      evidence: `SOA ${DOMAIN}: ns1.example.test (127.0.1.1): serial 2026120301; ns2.example.test (127.0.2.1): serial 2026110100`,
    });
  });
});
