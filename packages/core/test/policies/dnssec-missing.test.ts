/** `dnssec-missing`: answers never validated (no AD) through a resolver that validates. */
import { describe, expect, it } from 'vitest';
import { dnssecMissing } from '../../src/checks/dnssec/dnssec-missing.js';
import { DOMAIN, snapshot } from './facts.js';

describe('dnssec-missing', () => {
  it('says nothing for a signed domain with signed MX hosts', () => {
    expect(dnssecMissing(snapshot())).toEqual([]);
  });

  it('reports an unsigned domain once, with the validating resolver as evidence', () => {
    const [found, ...rest] = dnssecMissing(snapshot({ signed: false, hosts: [{ name: `mx1.${DOMAIN}`, secure: false }] }));
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ id: 'dnssec-missing', severity: 'info', subject: DOMAIN });
    expect(found!.message).toBe(`${DOMAIN} is not DNSSEC-signed: its answers cannot be validated, so senders cannot use DANE for its mail and a forged MX answer goes unnoticed.`);
    expect(found!.evidence).toContain('answered without AD from https://resolver.test/dns-query');
  });

  it('reports the unsigned MX hosts of a signed domain', () => {
    const [found] = dnssecMissing(snapshot({ hosts: [{ name: `mx1.${DOMAIN}` }, { name: 'mx.unsigned.test', secure: false }] }));
    expect(found!.message).toBe(`${DOMAIN} is signed, but its MX host mx.unsigned.test is not: DANE cannot apply to it.`);
    expect(found!.evidence).toBe('A/AAAA mx.unsigned.test: answered without AD');
  });

  it('says nothing through a resolver that does not validate (no AD on the root either)', () => {
    expect(dnssecMissing(snapshot({ signed: false, validating: false }))).toEqual([]);
  });

  it('says nothing for a null MX, or when the MX lookup failed', () => {
    expect(dnssecMissing(snapshot({ signed: false, nullMx: true }))).toEqual([]);
    expect(dnssecMissing(snapshot({ signed: false, mx: { kind: 'failed', question: { name: DOMAIN, type: 'MX' }, reason: 'timeout', detail: 'timeout' } }))).toEqual([]);
  });
});
