import { describe, expect, it } from 'vitest';
import { mxTargetIpv6Only } from '../../src/checks/address/mx-target-ipv6-only.js';
import { mxTargetPrivateAddress } from '../../src/checks/address/mx-target-private-address.js';
import { domainCname } from '../../src/checks/domain/domain-cname.js';
import { domainNxdomain } from '../../src/checks/domain/domain-nxdomain.js';
import { mxAllTargetsBroken } from '../../src/checks/mx/mx-all-targets-broken.js';
import { mxEntriesFrom } from '../../src/checks/mx/mx-entry.js';
import { mxMissing } from '../../src/checks/mx/mx-missing.js';
import { mxTargetCname } from '../../src/checks/mx/mx-target-cname.js';
import { mxTargetNoAddress } from '../../src/checks/mx/mx-target-no-address.js';
import { mxTargetNxdomain } from '../../src/checks/mx/mx-target-nxdomain.js';
import { runLiveMxChecks } from '../../src/checks/mx/run-mx-checks.js';
import { mxTargetPtrMismatch } from '../../src/checks/ptr/mx-target-ptr-mismatch.js';
import { mxTargetPtrMissing } from '../../src/checks/ptr/mx-target-ptr-missing.js';
import { lookupFailed } from '../../src/checks/resolver/lookup-failed.js';
import { resolversDisagree } from '../../src/checks/resolver/resolvers-disagree.js';
import {
  addressFacts,
  answer,
  entries,
  failed,
  ids,
  mxAnswer,
  nxdomain,
  only,
  rec,
  snapshot,
  target,
  withTarget,
} from './helpers.js';

const D = 'example.com';

describe('mxEntriesFrom', () => {
  it('reads MX records, the null MX as an empty exchange, and follows a CNAME at the owner', () => {
    const result = answer(D, 'MX', [rec.cname(D, 'alias.example.net'), rec.mx('alias.example.net', 10, 'mx.example.net', 7200)]);
    expect(mxEntriesFrom(result, D)).toEqual([{ preference: 10, exchange: 'mx.example.net', ttl: 7200 }]);
    expect(mxEntriesFrom(mxAnswer(D, ['0 .']), D)).toEqual([{ preference: 0, exchange: '', ttl: 3600 }]);
  });
  it('is empty for NXDOMAIN and failure', () => {
    expect(mxEntriesFrom(nxdomain(D, 'MX'), D)).toEqual([]);
    expect(mxEntriesFrom(failed(D, 'MX'), D)).toEqual([]);
  });
});

describe('domain-nxdomain', () => {
  it('fires for an NXDOMAIN answer', () => {
    const findings = domainNxdomain(snapshot(D, nxdomain(D, 'MX')));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'domain-nxdomain', severity: 'error', subject: D, evidence: 'MX example.com: NXDOMAIN' });
  });
  it('does not fire for NODATA nor for a failure', () => {
    expect(domainNxdomain(snapshot(D, answer(D, 'MX')))).toEqual([]);
    expect(domainNxdomain(snapshot(D, failed(D, 'MX')))).toEqual([]);
  });
  it('is the only MX verdict in the live run', () => {
    expect(ids(runLiveMxChecks(snapshot(D, nxdomain(D, 'MX'))))).toEqual(['domain-nxdomain']);
  });
});

describe('mx-missing', () => {
  it('fires for NODATA and says the domain has an address to fall back to', () => {
    const snap = snapshot(D, answer(D, 'MX'), { a: answer(D, 'A', [rec.a(D, '93.184.216.34')]) });
    const findings = mxMissing(snap);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-missing', severity: 'error', subject: D, rfc: 'RFC 5321 §5.1' });
    expect(findings[0]?.evidence).toContain('93.184.216.34');
    expect(findings[0]?.evidence).toContain('implicit MX');
  });
  it('says when there is no address either', () => {
    const findings = mxMissing(snapshot(D, answer(D, 'MX')));
    expect(findings[0]?.evidence).toBe('no MX, no A, no AAAA: there is no implicit MX (RFC 5321 §5.1) either');
  });
  it('says when the address lookup failed instead of claiming there is none', () => {
    const findings = mxMissing(snapshot(D, answer(D, 'MX'), { a: failed(D, 'A') }));
    expect(findings[0]?.evidence).toBe('no MX; the A/AAAA lookup failed, so the implicit MX (RFC 5321 §5.1) is unknown');
  });
  it('does not fire when MX exist, nor for a null MX (that is mx-null)', () => {
    expect(mxMissing(snapshot(D, ['10 mx.example.com']))).toEqual([]);
    const live = runLiveMxChecks(snapshot(D, ['0 .']));
    expect(ids(live)).toEqual(['mx-null']);
  });
});

describe('domain-cname', () => {
  it('fires with the chain as evidence', () => {
    const mx = answer(D, 'MX', [rec.cname(D, 'shop.host.net'), rec.mx('shop.host.net', 10, 'mx.host.net')]);
    const findings = domainCname(snapshot(D, mx));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'domain-cname', severity: 'warning', subject: D, evidence: 'example.com. → CNAME → shop.host.net.' });
  });
  it('still sees the alias when the MX lookup failed, from the A answer', () => {
    const snap = snapshot(D, failed(D, 'MX'), { a: answer(D, 'A', [rec.cname(D, 'x.host.net'), rec.a('x.host.net', '20.1.1.1')]) });
    expect(ids(domainCname(snap))).toEqual(['domain-cname']);
  });
  it('does not fire for a domain with its own records', () => {
    expect(domainCname(snapshot(D, ['10 mx.example.com']))).toEqual([]);
  });
});

describe('target checks', () => {
  it('mx-target-cname fires with the chain; not for a plain host', () => {
    const t = target('mx.example.com', { chain: ['mx.example.com', 'mail.host.net'] });
    const findings = mxTargetCname(t);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-target-cname', severity: 'error', subject: 'mx.example.com', evidence: 'mx.example.com. → CNAME → mail.host.net.' });
    expect(mxTargetCname(target('mx.example.com'))).toEqual([]);
  });

  it('mx-target-nxdomain fires for a typo; not for a host that exists without addresses', () => {
    const typo = target('msmx.l.google.com', { a: nxdomain('msmx.l.google.com', 'A'), aaaa: nxdomain('msmx.l.google.com', 'AAAA') });
    expect(mxTargetNxdomain(typo)).toHaveLength(1);
    expect(mxTargetNxdomain(typo)[0]).toMatchObject({ id: 'mx-target-nxdomain', subject: 'msmx.l.google.com', severity: 'error' });
    expect(mxTargetNoAddress(typo)).toEqual([]); // not double-reported
    const empty = target('mx.example.com', { v4: [], v6: [] });
    expect(mxTargetNxdomain(empty)).toEqual([]);
  });

  it('mx-target-no-address fires for NODATA on both; not when there is an AAAA', () => {
    const empty = target('mx.example.com', { v4: [], v6: [] });
    expect(ids(mxTargetNoAddress(empty))).toEqual(['mx-target-no-address']);
    expect(mxTargetNoAddress(target('mx.example.com', { v4: [], v6: ['2a00:1450::1'] }))).toEqual([]);
  });

  it('mx-target-private-address fires when every address is non-public; not when one is public', () => {
    const internal = target('mx.example.com', { v4: ['10.0.0.5'], v6: ['fd00::5'] });
    const findings = mxTargetPrivateAddress(internal);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toBe('10.0.0.5 (private (RFC 1918)), fd00::5 (unique local (RFC 4193))');
    expect(mxTargetPrivateAddress(target('mx.example.com', { v4: ['10.0.0.5', '20.0.0.5'] }))).toEqual([]);
    expect(mxTargetPrivateAddress(target('mx.example.com', { v4: [], v6: [] }))).toEqual([]);
  });

  it('mx-target-ipv6-only fires for AAAA without A; not with an A, nor for private IPv6 (reported as private)', () => {
    expect(ids(mxTargetIpv6Only(target('mx.example.com', { v4: [], v6: ['2a00:1450::1'] })))).toEqual(['mx-target-ipv6-only']);
    expect(mxTargetIpv6Only(target('mx.example.com', { v6: ['2a00:1450::1'] }))).toEqual([]);
    expect(mxTargetIpv6Only(target('mx.example.com', { v4: [], v6: ['fd00::1'] }))).toEqual([]);
  });
});

describe('mx-all-targets-broken', () => {
  const nx = (name: string) => target(name, { a: nxdomain(name, 'A'), aaaa: nxdomain(name, 'AAAA') });
  it('fires when every target is known broken', () => {
    const list = entries(['10 mx1.example.com', '20 mx2.example.com', '30 192.0.2.1']);
    const targets = [nx('mx1.example.com'), target('mx2.example.com', { v4: ['192.168.1.1'] })];
    const findings = mxAllTargetsBroken(D, list, targets);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-all-targets-broken', severity: 'error', subject: D });
    expect(findings[0]?.evidence).toContain('mx1.example.com: does not exist');
    expect(findings[0]?.evidence).toContain('192.0.2.1: an IP address');
  });
  it('does not fire when one target works, or is unknown because its lookup failed', () => {
    const list = entries(['10 mx1.example.com', '20 mx2.example.com']);
    expect(mxAllTargetsBroken(D, list, [nx('mx1.example.com'), target('mx2.example.com')])).toEqual([]);
    const unknown = target('mx2.example.com', { a: failed('mx2.example.com', 'A'), aaaa: answer('mx2.example.com', 'AAAA') });
    expect(mxAllTargetsBroken(D, list, [nx('mx1.example.com'), unknown])).toEqual([]);
    expect(mxAllTargetsBroken(D, list, [nx('mx1.example.com')])).toEqual([]); // mx2 never looked up
  });
});

describe('PTR checks', () => {
  it('mx-target-ptr-missing fires for NXDOMAIN on the reverse name; not when a PTR exists', () => {
    const t = target('mx.example.com', {
      v4: ['20.0.0.7'],
      addresses: [addressFacts('20.0.0.7', 'mx.example.com', { ptr: nxdomain('7.0.0.20.in-addr.arpa', 'PTR'), forward: [] })],
    });
    const findings = mxTargetPtrMissing(t);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-target-ptr-missing', subject: 'mx.example.com', evidence: 'PTR 7.0.0.20.in-addr.arpa: NXDOMAIN' });
    expect(findings[0]?.fix).toContain('7.0.0.20.in-addr.arpa. PTR mx.example.com.');
    expect(mxTargetPtrMissing(target('mx.example.com'))).toEqual([]);
  });

  it('mx-target-ptr-missing ignores non-public addresses', () => {
    const t = target('mx.example.com', {
      v4: ['10.0.0.7'],
      addresses: [addressFacts('10.0.0.7', 'x', { ptr: answer('7.0.0.10.in-addr.arpa', 'PTR'), forward: [] })],
    });
    expect(mxTargetPtrMissing(t)).toEqual([]);
  });

  it('mx-target-ptr-mismatch fires when the PTR name resolves elsewhere; not when it confirms', () => {
    const facts = addressFacts('20.0.0.7', 'host.isp.net', {
      forward: [{ ptrName: 'host.isp.net', result: answer('host.isp.net', 'A', [rec.a('host.isp.net', '20.9.9.9')]) }],
    });
    const findings = mxTargetPtrMismatch(target('mx.example.com', { v4: ['20.0.0.7'], addresses: [facts] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'mx-target-ptr-mismatch', subject: 'mx.example.com' });
    expect(findings[0]?.evidence).toBe('7.0.0.20.in-addr.arpa. PTR host.isp.net.; host.isp.net. A: 20.9.9.9');
    expect(mxTargetPtrMismatch(target('mx.example.com'))).toEqual([]);
  });

  it('confirms IPv6 whatever the text form', () => {
    const facts = addressFacts('2a00:1450::1', 'mx.example.com', {
      forward: [{ ptrName: 'mx.example.com', result: answer('mx.example.com', 'AAAA', [rec.aaaa('mx.example.com', '2A00:1450:0:0::0001')]) }],
    });
    expect(mxTargetPtrMismatch(target('mx.example.com', { v6: ['2a00:1450::1'], addresses: [facts] }))).toEqual([]);
  });

  it('confirms when any one of several PTR names points back', () => {
    const reverse = '7.0.0.20.in-addr.arpa';
    const facts = addressFacts('20.0.0.7', 'a.example.com', {
      ptr: answer(reverse, 'PTR', [rec.ptr(reverse, 'a.example.com'), rec.ptr(reverse, 'b.example.com')]),
      forward: [
        { ptrName: 'a.example.com', result: nxdomain('a.example.com', 'A') },
        { ptrName: 'b.example.com', result: answer('b.example.com', 'A', [rec.a('b.example.com', '20.0.0.7')]) },
      ],
    });
    expect(mxTargetPtrMismatch(target('mx.example.com', { v4: ['20.0.0.7'], addresses: [facts] }))).toEqual([]);
  });
});

describe('resolvers-disagree', () => {
  const byResolver = (...items: [string, ReturnType<typeof mxAnswer>][]) => items.map(([resolver, result]) => ({ resolver, result }));
  it('fires when two resolvers return different sets', () => {
    const snap = snapshot(D, ['10 mx.example.com'], {
      mxByResolver: byResolver(['cloudflare', mxAnswer(D, ['10 mx.example.com'])], ['google', mxAnswer(D, ['10 old-mx.example.net'])]),
    });
    const findings = resolversDisagree(snap);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'resolvers-disagree', severity: 'warning', subject: D });
    expect(findings[0]?.evidence).toBe('cloudflare: 10 mx.example.com. | google: 10 old-mx.example.net.');
  });
  it('compares sets: order and TTL do not matter', () => {
    const snap = snapshot(D, ['10 a.example.com', '20 b.example.com'], {
      mxByResolver: byResolver(
        ['r1', mxAnswer(D, ['10 a.example.com', '20 b.example.com'], 300)],
        ['r2', mxAnswer(D, ['20 B.example.com.', '10 a.example.com'], 3600)],
      ),
    });
    expect(resolversDisagree(snap)).toEqual([]);
  });
  it('ignores a resolver whose lookup failed', () => {
    const snap = snapshot(D, ['10 a.example.com'], {
      mxByResolver: byResolver(['r1', mxAnswer(D, ['10 a.example.com'])], ['r2', failed(D, 'MX', 'timeout', 'r2')]),
    });
    expect(resolversDisagree(snap)).toEqual([]);
  });
  it('sees a preference change as a difference', () => {
    const snap = snapshot(D, ['10 a.example.com'], {
      mxByResolver: byResolver(['r1', mxAnswer(D, ['10 a.example.com'])], ['r2', mxAnswer(D, ['20 a.example.com'])]),
    });
    expect(ids(resolversDisagree(snap))).toEqual(['resolvers-disagree']);
  });
});

describe('lookup-failed', () => {
  it('reports each failed query once, naming the query and the failure', () => {
    const snap = withTarget(
      snapshot(D, ['10 mx.example.com'], { txt: failed(D, 'TXT', 'timeout') }),
      target('mx.example.com', { a: failed('mx.example.com', 'A', 'servfail'), aaaa: answer('mx.example.com', 'AAAA') }),
    );
    const findings = lookupFailed(snap);
    expect(ids(findings)).toEqual(['lookup-failed', 'lookup-failed']);
    expect(findings.map((f) => f.subject)).toEqual([D, 'mx.example.com']);
    expect(findings[0]?.evidence).toBe('TXT example.com: TIMEOUT from https://resolver.test/dns-query');
    expect(findings[1]?.message).toContain('servfail');
  });
  it('reports nothing when every query answered (NXDOMAIN included)', () => {
    expect(lookupFailed(snapshot(D, nxdomain(D, 'MX')))).toEqual([]);
  });
});

describe('runLiveMxChecks', () => {
  it('finds nothing wrong with a healthy Google Workspace domain', () => {
    expect(runLiveMxChecks(snapshot(D, ['1 smtp.google.com']))).toEqual([]);
  });

  it('reports a typo target, and the summary only when it is the only target', () => {
    const typo = (name: string) => target(name, { a: nxdomain(name, 'A'), aaaa: nxdomain(name, 'AAAA') });
    const one = withTarget(snapshot(D, ['1 smtp.gogle.com']), typo('smtp.gogle.com'));
    expect(ids(runLiveMxChecks(one)).sort()).toEqual(['mx-all-targets-broken', 'mx-single', 'mx-target-nxdomain']);
    const two = withTarget(snapshot(D, ['10 mx1.example.com', '20 mx1.exmaple.com']), typo('mx1.exmaple.com'));
    const findings = runLiveMxChecks(two);
    expect(ids(findings)).toEqual(['mx-target-nxdomain']);
    expect(only(findings, 'mx-target-nxdomain')[0]?.subject).toBe('mx1.exmaple.com');
  });

  it('does not look up findings for IP literal targets beyond the literal itself', () => {
    const findings = runLiveMxChecks(snapshot(D, ['10 203.0.113.10']));
    expect(ids(findings).sort()).toEqual(['mx-all-targets-broken', 'mx-target-ip-literal']);
  });
});
