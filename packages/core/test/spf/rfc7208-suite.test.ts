/**
 * Cases from the RFC 7208 test suite (OpenSPF / pyspf `rfc7208-tests.yml`), each under its suite
 * name with the record it uses. The suite judges whole evaluations; here the parts this tool
 * judges: whether the record parses (a `permerror` of syntax is `spf-syntax`), and the processing
 * limits (`spf-too-many-lookups`). Domains are the suite's `eN.example.com`.
 */
import { describe, expect, it } from 'vitest';
import { gatherSpf } from '../../src/plan/gather-spf.js';
import { parseSpf } from '../../src/checks/spf/parse-spf.js';
import { runSpfChecks } from '../../src/checks/spf/run-spf-checks.js';
import { FakeResolver, txtAnswer } from './fake-resolver.js';

/** Suite name, record, whether it parses (the suite's permerror of syntax: false). */
const SYNTAX: readonly (readonly [string, string, boolean])[] = [
  // "A mechanism syntax"
  ['a-colon-domain (e11): domain-spec may contain any visible char except %', 'v=spf1 a:foo:bar/baz.example.com', true],
  ['a-dash-in-toplabel (e14): toplabel may contain dashes', 'v=spf1 a:foo.example.xn--zckzah -all', true],
  ['a-multi-ip1 (e10): a domain-spec with a CIDR length', 'v=spf1 a:foo.example.com/24', true],
  ['a-dual-cidr-ip4-match (e8)', 'v=spf1 a/24//64 -all', true],
  ['a-dual-cidr-ip4-default (e8b)', 'v=spf1 a//64 -all', true],
  ['a-cidr4-0 (e2)', 'v=spf1 a/0 -all', true],
  ['a-cidr6-0-ip6 (e2a)', 'v=spf1 a//0 -all', true],
  ['a-cidr6 (e6)', 'v=spf1 a//33 -all', true],
  ['a-bad-domain (e9): a ":" may appear in domain-spec, but not in top-label', 'v=spf1 a:example.com:8080', false],
  ['a-bad-toplabel (e12): toplabel may not begin with a dash', 'v=spf1 a:example.-com', false],
  ['a-numeric-toplabel (e5): toplabel may not be all numeric', 'v=spf1 a:abc.123', false],
  ['a-numeric (e4): toplabel may not be all numeric', 'v=spf1 a:111.222.33.44', false],
  ['a-only-toplabel (e5a)', 'v=spf1 a:museum', false],
  ['a-only-toplabel-trailing-dot (e5b)', 'v=spf1 a:museum.', false],
  ['a-empty-domain (e13)', 'v=spf1 a:', false],
  ['a-bad-cidr4 (e6a)', 'v=spf1 a/33 -all', false],
  ['a-bad-cidr6 (e7)', 'v=spf1 a//129 -all', false],
  ['a-dual-cidr-ip4-err (e8e)', 'v=spf1 a/24/64 -all', false],
  // "MX mechanism syntax"
  ['mx-colon-domain (e11): domain-spec may contain any visible char except %', 'v=spf1 mx:foo:bar/baz.example.com', true],
  ['mx-multi-ip1 (e10)', 'v=spf1 mx:foo.example.com/24', true],
  ['mx-cidr6 (e6)', 'v=spf1 mx//33 -all', true],
  ['mx-bad-domain (e9)', 'v=spf1 mx:example.com:8080', false],
  ['mx-bad-toplab (e12)', 'v=spf1 mx:example.-com', false],
  ['mx-numeric-top-label (e5)', 'v=spf1 mx:abc.123', false],
  ['mx-empty-domain (e13)', 'v=spf1 mx: -all', false],
  ['mx-bad-cidr4 (e6a)', 'v=spf1 mx/33 -all', false],
  ['mx-bad-cidr6 (e7)', 'v=spf1 mx//129 -all', false],
  // "Include mechanism semantics and syntax", "EXISTS mechanism syntax", "PTR mechanism syntax"
  ['include-cidr (e9): include takes no CIDR length', 'v=spf1 include:ip5.example.com/24 -all', false],
  ['include-empty-domain (e8)', 'v=spf1 include: -all', false],
  ['exists-cidr (e3): exists takes no CIDR length', 'v=spf1 exists:mail.example.com/24', false],
  ['exists-empty-domain (e1)', 'v=spf1 exists:', false],
  ['exists-implicit (e2)', 'v=spf1 exists', false],
  ['ptr-cidr (e1)', 'v=spf1 ptr/0 -all', false],
  ['ptr-empty-domain (e5)', 'v=spf1 ptr:', false],
  // "IP4 mechanism syntax"
  ['cidr4-032 (e4): no leading zeros', 'v=spf1 ip4:1.2.3.4/032 -all', false],
  ['ip4-dual-cidr (e6)', 'v=spf1 ip4:1.2.3.4//32', false],
  ['bad-ip4-port (e8)', 'v=spf1 ip4:1.2.3.4:8080', false],
];

describe('RFC 7208 test suite: syntax', () => {
  it.each(SYNTAX)('%s: %s parses: %s', (_name, record, parses) => {
    const parsed = parseSpf(record);
    expect(parsed.errors.map((error) => error.message), record).toEqual(parses ? [] : [expect.any(String)]);
  });

  it('a-colon-domain: the whole of foo:bar/baz.example.com is the domain-spec, with no CIDR length', () => {
    const [term] = parseSpf('v=spf1 a:foo:bar/baz.example.com').terms;
    expect(term).toMatchObject({ name: 'a', domainSpec: 'foo:bar/baz.example.com' });
    expect(term).not.toHaveProperty('cidr4');
    // a-multi-ip1: there a "/" followed by digits at the end is the CIDR length.
    expect(parseSpf('v=spf1 a:foo.example.com/24').terms[0]).toMatchObject({ domainSpec: 'foo.example.com', cidr4: 24 });
    expect(parseSpf('v=spf1 mx:foo.example.com/24//64').terms[0]).toMatchObject({ domainSpec: 'foo.example.com', cidr4: 24, cidr6: 64 });
  });
});

describe('RFC 7208 test suite: processing limits', () => {
  it('mx-limit (e4, spec 4.6.4/2): an mx term whose domain has 11 MX records is permerror, even with names repeated', async () => {
    // The suite's zone: ten MX records for mail.example.com (preferences 0–9) and one for e4.example.com.
    const mx = [...Array.from({ length: 10 }, (_, i) => `${i} mail.example.com`), '10 e4.example.com'];
    const resolver = new FakeResolver({}, { 'MX e4.example.com': mx, 'A mail.example.com': ['1.2.3.4'], 'A e4.example.com': ['1.2.3.5'] });
    const findings = runSpfChecks(await gatherSpf(resolver, 'e4.example.com', txtAnswer('e4.example.com', 'v=spf1 mx')));
    const limit = findings.filter((f) => f.id === 'spf-too-many-lookups');
    expect(limit).toHaveLength(1);
    expect(limit[0]!.message).toContain('11 MX records');
    expect(limit[0]!.evidence).toBe('mx → MX e4.example.com: 11 records (mail.example.com ×10, e4.example.com)');
  });

  it('ten MX records are within the limit', async () => {
    const mx = Array.from({ length: 10 }, (_, i) => `${i} mx${i}.example.com`);
    const resolver = new FakeResolver({}, { 'MX e4.example.com': mx });
    const findings = runSpfChecks(await gatherSpf(resolver, 'e4.example.com', txtAnswer('e4.example.com', 'v=spf1 mx -all')));
    expect(findings.filter((f) => f.id === 'spf-too-many-lookups')).toEqual([]);
  });
});
