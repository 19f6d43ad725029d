import { describe, expect, it } from 'vitest';
import { isSpfRecord, parseSpf } from '../../src/checks/spf/parse-spf.js';
import type { SpfMechanism } from '../../src/checks/spf/spf-term.js';

function errorsOf(text: string): string[] {
  return parseSpf(text).errors.map((error) => error.message);
}

function expectValid(text: string): void {
  expect(parseSpf(text).errors, text).toEqual([]);
}

function expectInvalid(text: string, pattern: RegExp): void {
  const errors = errorsOf(text);
  expect(errors.length, `${text} should not parse`).toBeGreaterThan(0);
  expect(errors.join(' | ')).toMatch(pattern);
}

describe('isSpfRecord (RFC 7208 §4.5)', () => {
  it('accepts v=spf1 alone or followed by a space, any case', () => {
    expect(isSpfRecord('v=spf1')).toBe(true);
    expect(isSpfRecord('v=spf1 -all')).toBe(true);
    expect(isSpfRecord('V=SPF1 -all')).toBe(true);
  });
  it('rejects v=spf10, v=spf1 followed by a tab, and other TXT', () => {
    expect(isSpfRecord('v=spf10')).toBe(false);
    expect(isSpfRecord('v=spf10 -all')).toBe(false);
    expect(isSpfRecord('v=spf1\t-all')).toBe(false);
    expect(isSpfRecord(' v=spf1 -all')).toBe(false);
    expect(isSpfRecord('google-site-verification=abc')).toBe(false);
    expect(isSpfRecord('')).toBe(false);
  });
});

describe('parseSpf: valid records', () => {
  it.each([
    'v=spf1',
    'v=spf1 -all',
    'v=spf1  mx   -all  ',
    'v=spf1 +mx a:colo.example.com/28 -all',
    'v=spf1 a mx -all',
    'v=spf1 a -all',
    'v=spf1 a:example.org -all',
    'v=spf1 mx/30 mx:example.org/30 -all',
    'v=spf1 ptr -all',
    'v=spf1 ip4:192.0.2.128/28 -all',
    'v=spf1 ip4:0.0.0.0/0 ?all',
    'v=spf1 ip6:2001:db8::/32 ip6:::1 ip6:::ffff:192.0.2.1/128 ~all',
    'v=spf1 ip6:1:2:3:4:5:6:7:8 -all',
    'v=spf1 a//64 a/24//64 mx:mail.example.com//0 -all',
    'v=spf1 include:_spf.google.com include:spf.protection.outlook.com ~all',
    'v=spf1 include:example.com. -all',
    'v=spf1 redirect=_spf.example.com',
    'v=spf1 -all exp=explain._spf.%{d}',
    'v=spf1 exists:%{i}._spf.%{d} -all',
    'v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all',
    'v=spf1 exists:%{l1r-}.%{d2}.example.com -all',
    'v=spf1 include:%{d} -all',
    'v=spf1 a:%{s}%%x%_y%-z.example.com -all',
    'v=spf1 exists:%{S}.%{I}.example.com -all',
    'v=spf1 include:mail-1.example.co-op -all',
    'v=spf1 include:example.x1 -all',
    'v=spf1 foo=bar -all',
    'v=spf1 foo.bar_baz-1= -all',
    'v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all',
    'v=spf1 x=%{c}%{r}%{t} -all',
  ])('%s', (text) => expectValid(text));

  it('reads qualifiers, names, domains, networks and CIDR lengths', () => {
    const { terms, errors } = parseSpf('v=spf1 ?A:Example.com/24//64 ~mx ip4:192.0.2.0/24 -ip6:2001:db8::/48 +include:x.example.net REDIRECT=r.example.com');
    expect(errors).toEqual([]);
    expect(terms.map((term) => [term.kind, term.name])).toEqual([
      ['mechanism', 'a'],
      ['mechanism', 'mx'],
      ['mechanism', 'ip4'],
      ['mechanism', 'ip6'],
      ['mechanism', 'include'],
      ['modifier', 'redirect'],
    ]);
    const [a, mx, ip4, ip6] = terms as SpfMechanism[];
    expect(a).toMatchObject({ qualifier: '?', domainSpec: 'Example.com', cidr4: 24, cidr6: 64, offset: 7, text: '?A:Example.com/24//64' });
    expect(mx).toMatchObject({ qualifier: '~' });
    expect(mx?.domainSpec).toBeUndefined();
    expect(ip4).toMatchObject({ qualifier: '+', network: '192.0.2.0', cidr4: 24 });
    expect(ip6).toMatchObject({ qualifier: '-', network: '2001:db8::', cidr6: 48 });
    expect(terms[5]).toMatchObject({ kind: 'modifier', name: 'redirect', value: 'r.example.com' });
  });

  // RFC 7208 §7.4 macro examples, as exists: targets.
  it.each([
    '%{s}.example.com', '%{o}.example.com', '%{d}', '%{d4}', '%{d3}', '%{d2}', '%{d1}', '%{dr}', '%{d2r}',
    '%{l}.example.com', '%{l-}.example.com', '%{lr}.example.com', '%{lr-}.example.com', '%{l1r-}.example.com',
    '%{ir}.%{v}._spf.%{d2}', '%{lr-}.lp._spf.%{d2}', '%{lr-}.lp.%{ir}.%{v}._spf.%{d2}',
    '%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '%{d2}.trusted-domains.example.net',
    '%{p}.example.com', '%{h}.example.com', '%{i6}.example.com',
  ])('RFC 7208 §7.4 macro exists:%s', (spec) => expectValid(`v=spf1 exists:${spec} -all`));

  it('marks terms with macros', () => {
    const { terms } = parseSpf('v=spf1 exists:%{i}._spf.%{d} include:plain.example.com -all');
    expect(terms[0]?.hasMacro).toBe(true);
    expect(terms[1]?.hasMacro).toBe(false);
  });
});

describe('parseSpf: invalid records', () => {
  it.each([
    ['v=spf1 include:example.123 -all', /top-level label "123".*all-numeric/],
    ['v=spf1 include:localhost -all', /not a fully qualified/],
    ['v=spf1 include:example.c_m -all', /top-level label "c_m"/],
    ['v=spf1 include:example.-com -all', /top-level label/],
    ['v=spf1 include:example.com- -all', /top-level label/],
    ['v=spf1 include:foo..example.com -all', /empty label/],
    ['v=spf1 include: -all', /domain is missing/],
    ['v=spf1 include -all', /needs a domain/],
    ['v=spf1 include:example.com/24 -all', /takes no CIDR length/],
    ['v=spf1 exists -all', /needs a domain/],
    ['v=spf1 a:%{d}. -all', /must end in a macro/],
    ['v=spf1 ip4:192.0.2.0/33 -all', /out of range 0–32/],
    ['v=spf1 ip4:192.0.2.0/024 -all', /leading zeros/],
    ['v=spf1 ip4:192.0.2.0/ -all', /without leading zeros/],
    ['v=spf1 ip4:192.0.2.256 -all', /not a valid IPv4/],
    ['v=spf1 ip4:192.0.2.01 -all', /not a valid IPv4/],
    ['v=spf1 ip4:192.0.2 -all', /not a valid IPv4/],
    ['v=spf1 ip4:2001:db8::1 -all', /needs ip6/],
    ['v=spf1 ip6:192.0.2.1 -all', /needs ip4/],
    ['v=spf1 ip6:2001:db8::/129 -all', /out of range 0–128/],
    ['v=spf1 ip6:2001:db8:::1 -all', /not a valid IPv6/],
    ['v=spf1 ip6:1:2:3:4:5:6:7:8:9 -all', /not a valid IPv6/],
    ['v=spf1 ip6:1::2::3 -all', /not a valid IPv6/],
    ['v=spf1 ip4 -all', /needs an address/],
    ['v=spf1 a/33 -all', /out of range 0–32/],
    ['v=spf1 mx//129 -all', /out of range 0–128/],
    ['v=spf1 a/24/64 -all', /not a CIDR length/],
    ['v=spf1 mx/ -all', /not a CIDR length/],
    ['v=spf1 ptr/24 -all', /takes no CIDR length/],
    ['v=spf1 all:example.com', /takes no argument/],
    ['v=spf1 -alll', /"alll" is not a mechanism/],
    ['v=spf1 ip:192.0.2.1 -all', /"ip" is not a mechanism/],
    ['v=spf1 - all', /qualifier must be followed by a mechanism/],
    ['v=spf1 -redirect=example.com', /modifier cannot take a qualifier/],
    ['v=spf1 include=_spf.google.com ~all', /write "include:"/],
    ['v=spf1 redirect=a.example.com redirect=b.example.com', /redirect= modifier appears more than once/],
    ['v=spf1 exp=a.example.com exp=b.example.com -all', /exp= modifier appears more than once/],
    ['v=spf1 redirect= ', /domain is missing/],
    ['v=spf1 exists:%{x}.example.com -all', /"x" is not a macro letter/],
    ['v=spf1 exists:%{}.example.com -all', /names no macro letter/],
    ['v=spf1 exists:%{i0}.example.com -all', /must be nonzero/],
    ['v=spf1 exists:%{ir;}.example.com -all', /";" is not a delimiter/],
    ['v=spf1 exists:%{c}.example.com -all', /only in explanation text/],
    ['v=spf1 exp=%{t}.example.com -all', /only in explanation text/],
    ['v=spf1 exists:%{i.example.com -all', /not closed/],
    ['v=spf1 a:100%.example.com -all', /"%%" for a literal percent/],
    ['v=spf1 foo=% -all', /"%%" for a literal percent/],
    ['v=spf1 a\t-all', /U\+0009 \(tab\).*plain spaces/],
    ['v=spf1 a\n-all', /line feed/],
    ['v=spf1 a\u00a0-all', /no-break space/],
    ['v=spf1 \u2013all', /non-ASCII character U\+2013 \(en dash\)/],
    ['v=spf1 include:exämple.com -all', /non-ASCII/],
    ['v=spf1 a\u0000 -all', /control character/],
    ['v=spf10 -all', /must start with "v=spf1"/],
    ['spf1 -all', /must start with "v=spf1"/],
  ])('%j', (text, pattern) => expectInvalid(text, pattern));

  it('gives each error the offset of its fault and the term it is in', () => {
    const text = 'v=spf1 mx ip4:192.0.2.0/33 include:example.123 -all';
    const { errors, terms } = parseSpf(text);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ term: 'ip4:192.0.2.0/33', offset: text.indexOf('/33') });
    expect(errors[1]).toMatchObject({ term: 'include:example.123', offset: text.indexOf('123') });
    expect(text.slice(errors[1]!.offset, errors[1]!.offset + errors[1]!.length)).toBe('123');
    // The good terms still parse.
    expect(terms.map((term) => term.text)).toEqual(['mx', '-all']);
  });

  it('reads terms split by a tab as meant, after reporting the tab', () => {
    const text = 'v=spf1 mx\t-all';
    const { terms, errors } = parseSpf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ offset: text.indexOf('\t'), length: 1, suggestion: 'mx -all' });
    expect(terms.map((term) => term.text)).toEqual(['mx', '-all']);
  });

  it('drops a term with a non-ASCII dash and suggests the ASCII one', () => {
    const { terms, errors } = parseSpf('v=spf1 mx \u2013all');
    expect(terms.map((term) => term.text)).toEqual(['mx']);
    expect(errors[0]).toMatchObject({ offset: 10, suggestion: '-all' });
  });

  it('keeps only the first redirect', () => {
    const { terms } = parseSpf('v=spf1 redirect=a.example.com redirect=b.example.com');
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ name: 'redirect', value: 'a.example.com' });
  });
});
