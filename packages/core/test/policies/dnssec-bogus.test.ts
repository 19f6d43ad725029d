/** `dnssec-bogus` and `mx-target-dnssec-bogus`: lookups the plan marked bogus, with a fix chosen by the EDE. */
import { describe, expect, it } from 'vitest';
import { dnssecBogus } from '../../src/checks/dnssec/dnssec-bogus.js';
import { mxTargetDnssecBogus } from '../../src/checks/dnssec/mx-target-dnssec-bogus.js';
import type { LookupResult } from '../../src/dns/types.js';
import { DOMAIN, failed, snapshot, target } from './facts.js';

const bogus = (name: string, type: 'MX' | 'A' | 'TXT', code: number, text: string): LookupResult => ({
  ...(failed(name, type, 'bogus', `DNSSEC validation fails: SERVFAIL from R for ${name}/${type} (EDE ${code}: ${text}), with a DNSSEC Extended DNS Error`) as Extract<LookupResult, { kind: 'failed' }>),
  dnssec: { authenticated: false, checkingDisabled: false, signatures: [], extendedErrors: [{ code, text }] },
});

describe('dnssec-bogus', () => {
  it('says nothing when nothing is bogus, and not for a plain SERVFAIL (that is lookup-failed)', () => {
    expect(dnssecBogus(snapshot())).toEqual([]);
    expect(dnssecBogus(snapshot({ mx: failed(DOMAIN, 'MX', 'servfail') }))).toEqual([]);
  });

  it('reports the domain once, naming the failed questions, with the fix for expired signatures', () => {
    const facts = { ...snapshot({ mx: bogus(DOMAIN, 'MX', 7, 'signature expired') }), txt: bogus(DOMAIN, 'TXT', 7, 'signature expired') };
    const [found, ...rest] = dnssecBogus(facts);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ id: 'dnssec-bogus', severity: 'error', subject: DOMAIN });
    expect(found!.message).toContain('(MX example.test, TXT example.test)');
    expect(found!.evidence).toContain('EDE 7: signature expired');
    expect(found!.fix).toMatch(/^The signatures of example\.test are out of their validity period/);
  });

  it('a DS that matches no key gets the registrar fix', () => {
    const [found] = dnssecBogus(snapshot({ mx: bogus(DOMAIN, 'MX', 9, 'no SEP matching the DS') }));
    expect(found!.fix).toMatch(/^The DS record of example\.test at the registrar matches no key/);
  });
});

describe('mx-target-dnssec-bogus', () => {
  it('reports a target whose address lookup is bogus, on its range', () => {
    const range = { file: 'z', start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
    const [found] = mxTargetDnssecBogus(target({ name: 'mx.broken.test', a: bogus('mx.broken.test', 'A', 6, 'bogus') }), range);
    expect(found).toMatchObject({ id: 'mx-target-dnssec-bogus', severity: 'error', subject: 'mx.broken.test', range });
    expect(found!.evidence).toContain('A mx.broken.test: DNSSEC validation fails');
  });

  it('says nothing for a secure or merely failed target', () => {
    expect(mxTargetDnssecBogus(target({ name: 'mx.ok.test' }))).toEqual([]);
    expect(mxTargetDnssecBogus(target({ name: 'mx.down.test', a: failed('mx.down.test', 'A', 'servfail') }))).toEqual([]);
  });
});
