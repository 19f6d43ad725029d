/** `ns-spf-inconsistent`: authoritative servers giving different SPF records (other TXT ignored). */
import { describe, expect, it } from 'vitest';
import { nsSpfInconsistent } from '../../src/checks/authority/ns-spf-inconsistent.js';
import { authority, DOMAIN, serving, txt } from './facts.js';

describe('ns-spf-inconsistent', () => {
  it('ignores TXT records that are not SPF', () => {
    const facts = authority([serving('ns1.example.test', '127.0.1.1'), serving('ns2.example.test', '127.0.2.1', { txt: txt(DOMAIN, 'google-site-verification=x', 'v=spf1 mx -all') })]);
    expect(nsSpfInconsistent(facts)).toEqual([]);
  });

  it('reports a different SPF record, and one server without any', () => {
    const facts = authority([
      serving('ns1.example.test', '127.0.1.1'),
      serving('ns2.example.test', '127.0.2.1', { txt: txt(DOMAIN, 'v=spf1 ip4:192.0.2.1 -all') }),
      serving('ns3.example.test', '127.0.3.1', { txt: txt(DOMAIN) }),
    ]);
    const [found] = nsSpfInconsistent(facts);
    expect(found).toMatchObject({
      id: 'ns-spf-inconsistent',
      severity: 'warning',
      evidence: `TXT (SPF) ${DOMAIN}: ns1.example.test (127.0.1.1): "v=spf1 mx -all"; ns2.example.test (127.0.2.1): "v=spf1 ip4:192.0.2.1 -all"; ns3.example.test (127.0.3.1): no SPF record`,
    });
  });
});
