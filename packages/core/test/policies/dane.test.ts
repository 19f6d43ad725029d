/** The DANE checks over each MX host's TLSA answer (RFC 7672). */
import { describe, expect, it } from 'vitest';
import { daneTlsaInsecure } from '../../src/checks/dane/dane-tlsa-insecure.js';
import { daneTlsaUnusable } from '../../src/checks/dane/dane-tlsa-unusable.js';
import { danePartial } from '../../src/checks/dane/dane-partial.js';
import { tlsaLookupFailed } from '../../src/checks/dane/tlsa-lookup-failed.js';
import { daneNoRollover } from '../../src/checks/dane/dane-no-rollover.js';
import { DOMAIN, answer, failed, secure, snapshot, target, tlsa } from './facts.js';

const MX1 = `mx1.${DOMAIN}`;
const MX2 = `mx2.${DOMAIN}`;
const name = (host: string) => `_25._tcp.${host}`;
const rollover = (host: string) => secure(name(host), 'TLSA', tlsa(host, [3, 1, 1], [3, 1, 1]));
const noTlsa = (host: string) => secure(name(host), 'TLSA', []);

describe('dane-tlsa-insecure', () => {
  it('reports TLSA records answered without AD', () => {
    const facts = snapshot({ signed: false, hosts: [{ name: MX1, secure: false, tlsa: answer(name(MX1), 'TLSA', tlsa(MX1, [3, 1, 1])) }] });
    const [found] = daneTlsaInsecure(facts);
    expect(found).toMatchObject({ id: 'dane-tlsa-insecure', severity: 'warning', subject: DOMAIN });
    expect(found!.evidence).toBe(`TLSA _25._tcp.${MX1}: 3 1 1 0000000000000000… (no AD)`);
  });
  it('says nothing for validated records, or through a resolver that does not validate', () => {
    expect(daneTlsaInsecure(snapshot({ hosts: [{ name: MX1, tlsa: rollover(MX1) }] }))).toEqual([]);
    expect(daneTlsaInsecure(snapshot({ validating: false, hosts: [{ name: MX1, tlsa: answer(name(MX1), 'TLSA', tlsa(MX1, [3, 1, 1])) }] }))).toEqual([]);
  });
});

describe('dane-tlsa-unusable', () => {
  it('reports hosts whose validated TLSA records are all usage 0 or 1', () => {
    const [found] = daneTlsaUnusable(snapshot({ hosts: [{ name: MX1, tlsa: secure(name(MX1), 'TLSA', tlsa(MX1, [1, 0, 1], [0, 0, 1])) }] }));
    expect(found).toMatchObject({ id: 'dane-tlsa-unusable', severity: 'warning' });
    expect(found!.message).toContain(`The TLSA records of ${MX1} use only PKIX usages (0 or 1)`);
  });
  it('a usage 3 record beside a usage 1 record is usable', () => {
    expect(daneTlsaUnusable(snapshot({ hosts: [{ name: MX1, tlsa: secure(name(MX1), 'TLSA', tlsa(MX1, [1, 0, 1], [3, 1, 1])) }] }))).toEqual([]);
  });
});

describe('dane-partial', () => {
  it('reports DANE on one host and none on the other', () => {
    const [found] = danePartial(snapshot({ hosts: [{ name: MX1, tlsa: rollover(MX1) }, { name: MX2, tlsa: noTlsa(MX2) }] }));
    expect(found).toMatchObject({ id: 'dane-partial', severity: 'warning' });
    expect(found!.evidence).toBe(`TLSA: ${MX1} yes, ${MX2} none`);
  });
  it('says nothing when every host has TLSA, none has, or the other lookup failed', () => {
    expect(danePartial(snapshot({ hosts: [{ name: MX1, tlsa: rollover(MX1) }, { name: MX2, tlsa: rollover(MX2) }] }))).toEqual([]);
    expect(danePartial(snapshot({ hosts: [{ name: MX1, tlsa: noTlsa(MX1) }, { name: MX2, tlsa: noTlsa(MX2) }] }))).toEqual([]);
    expect(danePartial(snapshot({ hosts: [{ name: MX1, tlsa: rollover(MX1) }, { name: MX2, tlsa: failed(name(MX2), 'TXT', 'timeout') }] }))).toEqual([]);
  });
});

describe('tlsa-lookup-failed', () => {
  it('reports a failed TLSA lookup for a host whose address is secure', () => {
    const [found] = tlsaLookupFailed(target({ name: MX1, tlsa: failed(name(MX1), 'TXT', 'bogus', 'DNSSEC validation fails: SERVFAIL') }));
    expect(found).toMatchObject({ id: 'tlsa-lookup-failed', severity: 'error', subject: MX1 });
    expect(found!.message).toBe(`The TLSA lookup for ${MX1} fails (bogus) while its addresses are DNSSEC-signed: senders that use DANE defer mail to this host.`);
  });
  it('says nothing for an unsigned host, or a TLSA lookup that was answered', () => {
    expect(tlsaLookupFailed(target({ name: MX1, secure: false, tlsa: failed(name(MX1), 'TXT', 'servfail') }))).toEqual([]);
    expect(tlsaLookupFailed(target({ name: MX1, tlsa: noTlsa(MX1) }))).toEqual([]);
  });
});

describe('dane-no-rollover', () => {
  it('reports hosts with one usable record', () => {
    const [found] = daneNoRollover(snapshot({ hosts: [{ name: MX1, tlsa: secure(name(MX1), 'TLSA', tlsa(MX1, [3, 1, 1])) }, { name: MX2, tlsa: rollover(MX2) }] }));
    expect(found).toMatchObject({ id: 'dane-no-rollover', severity: 'info' });
    expect(found!.message).toBe(`${MX1} has one usable TLSA record each: the next certificate change breaks DANE senders unless the new record is published first.`);
  });
  it('says nothing for two records, or for a null MX', () => {
    expect(daneNoRollover(snapshot({ hosts: [{ name: MX1, tlsa: rollover(MX1) }] }))).toEqual([]);
    expect(daneNoRollover(snapshot({ nullMx: true }))).toEqual([]);
  });
});
