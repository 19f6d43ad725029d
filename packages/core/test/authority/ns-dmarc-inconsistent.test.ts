/** `ns-dmarc-inconsistent`: authoritative servers giving different DMARC records. */
import { describe, expect, it } from 'vitest';
import { nsDmarcInconsistent } from '../../src/checks/authority/ns-dmarc-inconsistent.js';
import { authority, DOMAIN, serving, txt } from './facts.js';

describe('ns-dmarc-inconsistent', () => {
  it('says nothing when the servers agree', () => {
    expect(nsDmarcInconsistent(authority([serving('ns1.example.test', '127.0.1.1'), serving('ns2.example.test', '127.0.2.1')]))).toEqual([]);
  });

  it('reports a different policy, with each answer', () => {
    const facts = authority([serving('ns1.example.test', '127.0.1.1'), serving('ns2.example.test', '127.0.2.1', { dmarc: txt(`_dmarc.${DOMAIN}`, 'v=DMARC1; p=none') })]);
    const [found, ...rest] = nsDmarcInconsistent(facts);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      id: 'ns-dmarc-inconsistent',
      severity: 'warning',
      evidence: `TXT _dmarc.${DOMAIN}: ns1.example.test (127.0.1.1): "v=DMARC1; p=reject"; ns2.example.test (127.0.2.1): "v=DMARC1; p=none"`,
    });
  });
});
