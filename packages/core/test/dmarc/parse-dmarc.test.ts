import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDmarcRecord, parseDmarc } from '../../src/checks/dmarc/parse-dmarc.js';

const messages = (text: string): string => parseDmarc(text).errors.map((error) => error.message).join(' | ');

describe('isDmarcRecord', () => {
  it('selects records starting with v=DMARC1', () => {
    expect(isDmarcRecord('v=DMARC1; p=none')).toBe(true);
    expect(isDmarcRecord('v = DMARC1; p=none')).toBe(true);
    expect(isDmarcRecord('p=none; v=DMARC1')).toBe(false);
    expect(isDmarcRecord('v=spf1 -all')).toBe(false);
  });
});

describe('parseDmarc: valid records', () => {
  it.each([
    'v=DMARC1; p=none',
    'v=DMARC1;p=reject',
    'v=DMARC1; p=quarantine;',
    'v=DMARC1; p=reject; sp=quarantine; adkim=s; aspf=r; pct=50; fo=0:1:d:s; rf=afrf; ri=86400',
    'v=DMARC1; p=none; rua=mailto:d@example.com,mailto:e@example.net!10m; ruf=mailto:f@example.com',
    'v=DMARC1; p=none; rua=https://reports.example.com/dmarc',
    'v=DMARC1; p=none; np=reject; psd=n; t=y; future=anything',
    'v=DMARC1 ; p = reject ; pct=0',
    'v=DMARC1; P=Reject',
  ])('%s', (text) => {
    expect(parseDmarc(text).errors).toEqual([]);
  });
  it('reads policy, subdomain policy, pct and report URIs', () => {
    const parsed = parseDmarc('v=DMARC1; p=quarantine; sp=reject; pct=25; rua=mailto:a@example.com, mailto:b@example.com!5k');
    expect(parsed).toMatchObject({ policy: 'quarantine', subdomainPolicy: 'reject', pct: 25, rua: ['mailto:a@example.com', 'mailto:b@example.com!5k'], ruf: [] });
    expect(parsed.tags.map((tag) => tag.name)).toEqual(['v', 'p', 'sp', 'pct', 'rua']);
    expect(parsed.tags[1]).toMatchObject({ value: 'quarantine', offset: 10 });
  });
});

describe('parseDmarc: invalid records', () => {
  it.each([
    ['v=DMARC1', /required p= tag.*missing/],
    ['v=DMARC1; rua=mailto:d@example.com', /required p= tag/],
    ['v=DMARC1; p=block', /p= must be none, quarantine or reject/],
    ['v=DMARC1; p=', /p= must be none/],
    ['v=DMARC1; rua=mailto:d@example.com; p=none', /p= must come right after v=DMARC1/],
    ['p=none; v=DMARC1', /must start with v=DMARC1/],
    ['v=DMARC2; p=none', /v= must be "DMARC1"/],
    ['v=DMARC1 p=none', /";" is missing before "p="/],
    ['v=DMARC1; p=none rua=mailto:d@example.com', /";" is missing before "rua="/],
    ['v=DMARC1; p=none; sp=all', /sp= must be none, quarantine or reject/],
    ['v=DMARC1; p=none; adkim=strict', /adkim= must be r .* or s/],
    ['v=DMARC1; p=none; aspf=x', /aspf= must be r/],
    ['v=DMARC1; p=none; pct=101', /pct= must be a whole number from 0 to 100/],
    ['v=DMARC1; p=none; pct=-1', /pct=/],
    ['v=DMARC1; p=none; pct=50%', /pct=/],
    ['v=DMARC1; p=none; fo=2', /fo= must be a colon-separated list/],
    ['v=DMARC1; p=none; rf=afrf:', /rf= must be/],
    ['v=DMARC1; p=none; ri=1d', /ri= must be a number/],
    ['v=DMARC1; p=none; rua=dmarc@example.com', /is not a URI: write mailto:dmarc@example.com/],
    ['v=DMARC1; p=none; ruf=mailto:nobody', /is not a mail address/],
    ['v=DMARC1; p=none; rua=mailto:a@example.com,', /empty URI/],
    ['v=DMARC1; p=none; rua=mailto:a@example.com!10x', /not a URI/],
    ['v=DMARC1; p=none; p=reject', /p= tag appears more than once/],
    ['v=DMARC1; p=none; junk', /"junk" is not a tag=value pair/],
    ['v=DMARC1; p=nöne', /outside printable ASCII/],
  ])('%j', (text, pattern) => {
    expect(messages(text)).toMatch(pattern);
  });
  it('reports a p= hidden by a missing ";" once, not also as missing', () => {
    const { errors, policy } = parseDmarc('v=DMARC1 p=reject');
    expect(errors.map((error) => error.message)).toEqual(['a ";" is missing before "p=" (in v=DMARC1 p=reject)']);
    expect(policy).toBeUndefined();
  });
  it('leaves policy unset when p is invalid', () => {
    expect(parseDmarc('v=DMARC1; p=block').policy).toBeUndefined();
  });
  it('gives the offset of the fault', () => {
    const text = 'v=DMARC1; p=none; pct=200';
    const [error] = parseDmarc(text).errors;
    expect(error).toMatchObject({ tag: 'pct', offset: text.indexOf('200'), length: 3 });
  });
});

describe('parseDmarc never throws', () => {
  it('on arbitrary strings', () => {
    const dmarcish = fc
      .array(fc.oneof(fc.constantFrom('v=DMARC1', ';', ' ', '=', 'p', 'none', 'reject', 'rua', 'mailto:', '@', ',', '!', '10m', 'pct', '\t'), fc.string({ maxLength: 4 })), { maxLength: 16 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), dmarcish), (text) => {
        const parsed = parseDmarc(text);
        expect(Array.isArray(parsed.errors)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
