import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../src/dns/types.js';
import { gatherSpf } from '../../src/plan/gather-spf.js';
import { checkMxNullIncomplete } from '../../src/checks/spf/mx-null-incomplete.js';
import { FakeResolver, failedTxt, txtAnswer } from './fake-resolver.js';

const spf = (...records: string[]) => gatherSpf(new FakeResolver(), 'example.com', txtAnswer('example.com', ...records));
const dmarc = (...records: string[]): LookupResult => txtAnswer('_dmarc.example.com', ...records);

describe('mx-null-incomplete', () => {
  it('is silent when the null-MX domain says "no mail" everywhere', async () => {
    expect(checkMxNullIncomplete('example.com', true, await spf('v=spf1 -all'), dmarc('v=DMARC1; p=reject'))).toEqual([]);
  });
  it('is silent without a null MX', async () => {
    expect(checkMxNullIncomplete('example.com', false, await spf(), dmarc())).toEqual([]);
  });
  it('fires when SPF authorises someone, and names the record to write', async () => {
    const findings = checkMxNullIncomplete('example.com', true, await spf('v=spf1 mx -all'), dmarc('v=DMARC1; p=reject'));
    expect(findings.map((item) => item.id)).toEqual(['mx-null-incomplete']);
    expect(findings[0]).toMatchObject({ severity: 'warning', subject: 'example.com' });
    expect(findings[0]?.message).toMatch(/lacks an SPF record "v=spf1 -all"/);
    expect(findings[0]?.fix).toBe('Publish `example.com. TXT "v=spf1 -all"`.');
  });
  it('fires when DMARC is missing or not reject', async () => {
    for (const answer of [dmarc(), dmarc('v=DMARC1; p=quarantine')]) {
      const findings = checkMxNullIncomplete('example.com', true, await spf('v=spf1 -all'), answer);
      expect(findings.map((item) => item.id)).toEqual(['mx-null-incomplete']);
      expect(findings[0]?.fix).toContain('_dmarc.example.com. TXT "v=DMARC1; p=reject"');
    }
  });
  it('rule zero: failed lookups leave their half unjudged', async () => {
    const failedSpf = await gatherSpf(new FakeResolver(), 'example.com', failedTxt('example.com'));
    expect(checkMxNullIncomplete('example.com', true, failedSpf, dmarc('v=DMARC1; p=reject'))).toEqual([]);
    expect(checkMxNullIncomplete('example.com', true, await spf('v=spf1 -all'), failedTxt('_dmarc.example.com'))).toEqual([]);
    const both = checkMxNullIncomplete('example.com', true, failedSpf, dmarc('v=DMARC1; p=none'));
    expect(both[0]?.message).not.toMatch(/SPF/);
  });
  it('a subdomain without a record of its own takes the organisational sp= (else p=), RFC 7489 §6.6.3', async () => {
    const sub = (...records: string[]) => gatherSpf(new FakeResolver(), 'sub.example.com', txtAnswer('sub.example.com', ...records));
    const none = txtAnswer('_dmarc.sub.example.com');
    const org = (text: string) => ({ domain: 'example.com', dmarc: dmarc(text) });
    expect(checkMxNullIncomplete('sub.example.com', true, await sub('v=spf1 -all'), none, org('v=DMARC1; p=none; sp=reject'))).toEqual([]);
    const weak = checkMxNullIncomplete('sub.example.com', true, await sub('v=spf1 -all'), none, org('v=DMARC1; p=reject; sp=none'));
    expect(weak.map((item) => item.id)).toEqual(['mx-null-incomplete']);
    expect(weak[0]?.evidence).toContain('inherited from _dmarc.example.com, sp=none');
    // Rule zero: the organisational record could not be read, so the DMARC half is not judged.
    expect(checkMxNullIncomplete('sub.example.com', true, await sub('v=spf1 -all'), none, { domain: 'example.com', dmarc: failedTxt('_dmarc.example.com') })).toEqual([]);
  });
});
