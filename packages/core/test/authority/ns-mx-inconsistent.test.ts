/** `ns-mx-inconsistent`: authoritative servers giving different MX sets, each answer in evidence. */
import { describe, expect, it } from 'vitest';
import { nsMxInconsistent } from '../../src/checks/authority/ns-mx-inconsistent.js';
import { answer, authority, DOMAIN, failed, mx, serving } from './facts.js';

describe('ns-mx-inconsistent', () => {
  it('says nothing when the servers agree (order of records aside)', () => {
    const same = authority([serving('ns1.example.test', '127.0.1.1'), serving('ns2.example.test', '127.0.2.1', { mx: mx('mx1.example.test', 'mx2.example.test') })]);
    expect(nsMxInconsistent(same)).toEqual([]);
  });

  it('reports different sets and a server that says NODATA, with each answer', () => {
    const facts = authority([
      serving('ns1.example.test', '127.0.1.1'),
      serving('ns2.example.test', '127.0.2.1', { mx: mx('old.example.test') }),
      serving('ns3.example.test', '127.0.3.1', { mx: answer(DOMAIN, 'MX', []) }),
    ]);
    const [found, ...rest] = nsMxInconsistent(facts);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      id: 'ns-mx-inconsistent',
      severity: 'warning',
      subject: DOMAIN,
      evidence: `MX ${DOMAIN}: ns1.example.test (127.0.1.1): 10 mx1.example.test., 20 mx2.example.test.; ns2.example.test (127.0.2.1): 10 old.example.test.; ns3.example.test (127.0.3.1): no MX records`,
    });
  });

  it('does not count a server that failed the question or answered without authority (that is ns-lame)', () => {
    const facts = authority([
      serving('ns1.example.test', '127.0.1.1'),
      serving('ns2.example.test', '127.0.2.1', { mx: failed(DOMAIN, 'MX', 'timeout') }),
      serving('ns3.example.test', '127.0.3.1', { mx: { ...mx('other.example.test'), authoritative: false } }),
    ]);
    expect(nsMxInconsistent(facts)).toEqual([]);
  });
});
