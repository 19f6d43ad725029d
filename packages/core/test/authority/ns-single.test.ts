/** `ns-single`: one name server, or all IPv4 addresses in one /24 (RFC 2182 §5). */
import { describe, expect, it } from 'vitest';
import { nsSingle } from '../../src/checks/authority/ns-single.js';
import { authority, DOMAIN, serving } from './facts.js';

describe('ns-single', () => {
  it('says nothing for two servers on different /24s', () => {
    expect(nsSingle(authority([serving('ns1.example.test', '127.0.1.1'), serving('ns2.example.test', '127.0.2.1')]))).toEqual([]);
  });

  it('reports a single name server', () => {
    const [found, ...rest] = nsSingle(authority([serving('ns1.example.test', '127.0.1.1')]));
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ id: 'ns-single', severity: 'warning', subject: DOMAIN, evidence: `NS ${DOMAIN}: ns1.example.test`, rfc: 'RFC 2182 §5' });
  });

  it('reports servers that all sit in one /24, naming it', () => {
    const [found] = nsSingle(authority([serving('ns1.example.test', '127.0.3.1'), serving('ns2.example.test', '127.0.3.2')]));
    expect(found?.message).toBe(`All name servers of ${DOMAIN} are on one network (127.0.3.0/24): one outage there and nobody can look up where to deliver mail for ${DOMAIN}.`);
    expect(found?.evidence).toBe('ns1.example.test 127.0.3.1, ns2.example.test 127.0.3.2');
  });

  it('counts the delegation too: a second name at the parent means two servers, and an unknown address is not judged', () => {
    expect(nsSingle(authority([serving('ns1.example.test', '127.0.3.1')], ['ns1.example.test', 'ns2.example.test']))).toEqual([]);
    expect(nsSingle(authority([serving('ns1.example.test', '127.0.3.1'), { name: 'ns2.example.test' }]))).toEqual([]);
  });
});
