import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCharacterString } from '../../src/readers/zone/character-strings.js';
import { endsWithDot, joinName, parseName, plainNameUnder, type ParsedName } from '../../src/readers/zone/names.js';
import { originFromFileName } from '../../src/readers/zone/origin.js';
import { isClassName, recordType } from '../../src/readers/zone/record-types.js';
import { parseTtl } from '../../src/readers/zone/ttl.js';

describe('parseTtl (RFC 1035 §5.1, BIND units, RFC 2181 §8)', () => {
  it('reads seconds and case-insensitive units', () => {
    expect(parseTtl('3600')).toEqual({ value: 3600 });
    expect(parseTtl('1w2d3h4m5s')).toEqual({ value: 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5 });
    expect(parseTtl('1h30m')).toEqual({ value: 5400 });
    expect(parseTtl('2W')).toEqual({ value: 1209600 });
    expect(parseTtl('1H1h')).toEqual({ value: 7200 });
    expect(parseTtl('0')).toEqual({ value: 0 });
  });
  it('refuses a trailing number without unit, unknown units and non-numbers, as BIND does', () => {
    for (const bad of ['1h30', '5x', 'h', '', '1.5h', '-1', 'abc']) {
      expect(parseTtl(bad), bad).toHaveProperty('error');
    }
  });
  it('caps at 2^31 − 1', () => {
    expect(parseTtl('2147483647')).toEqual({ value: 2147483647 });
    const over = parseTtl('2147483648');
    expect('error' in over && over.error).toContain('RFC 2181 §8');
    expect(parseTtl('100000w')).toHaveProperty('error');
    expect(parseTtl('99999999999999999999999')).toHaveProperty('error');
  });
});

describe('parseName (RFC 1035 §5.1, §2.3.4)', () => {
  it('lower-cases and strips the trailing dot of absolute names', () => {
    expect(parseName('Mail.Example.COM.')).toEqual({ text: 'mail.example.com', absolute: true, wireLength: 17 });
    expect(parseName('www')).toEqual({ text: 'www', absolute: false, wireLength: 4 });
    expect(parseName('.')).toEqual({ text: '', absolute: true, wireLength: 0 });
  });
  it('keeps an escaped dot inside its label and reads \\DDD', () => {
    const name = parseName('a\\.B.example.');
    expect(name).toEqual({ text: 'a\\.b.example', absolute: true, wireLength: 4 + 8 });
    expect(parseName('\\065bc.')).toEqual({ text: 'abc', absolute: true, wireLength: 4 });
    expect(parseName('a\\032b')).toEqual({ text: 'a\\032b', absolute: false, wireLength: 4 });
    expect(parseName('x\\.')).toEqual({ text: 'x\\.', absolute: false, wireLength: 3 });
  });
  it('refuses empty labels, bad escapes, long labels and long names', () => {
    expect(parseName('a..b')).toHaveProperty('error');
    expect(parseName('.a')).toHaveProperty('error');
    expect(parseName('a\\25')).toHaveProperty('error');
    expect(parseName('a\\256')).toHaveProperty('error');
    expect(parseName('a\\')).toHaveProperty('error');
    expect(parseName(`${'a'.repeat(63)}.`)).not.toHaveProperty('error');
    expect(parseName(`${'a'.repeat(64)}.`)).toHaveProperty('error');
    expect(parseName(`${'\\097'.repeat(64)}.`)).toHaveProperty('error');
    const label = 'a'.repeat(63);
    expect(parseName(`${label}.${label}.${label}.${'a'.repeat(61)}.`)).not.toHaveProperty('error'); // 255 octets
    expect(parseName(`${label}.${label}.${label}.${'a'.repeat(62)}.`)).toHaveProperty('error'); // 256
  });
  it('counts non-ASCII characters as their UTF-8 octets', () => {
    expect(parseName(`${'é'.repeat(31)}x`)).toEqual({ text: `${'é'.repeat(31)}x`, absolute: false, wireLength: 64 });
    expect(parseName(`${'é'.repeat(32)}`)).toHaveProperty('error');
  });
  it('joins relative names under an origin and checks the total length', () => {
    const origin = parseName('example.com.');
    const www = parseName('www');
    if ('error' in origin || 'error' in www) throw new Error('setup');
    expect(joinName(www, origin)).toEqual({ text: 'www.example.com', absolute: true, wireLength: 16 });
    const long = parseName(`${'a'.repeat(63)}.${'a'.repeat(63)}.${'a'.repeat(63)}.${'a'.repeat(50)}`);
    if ('error' in long) throw new Error('setup');
    expect(joinName(long, origin)).toBeUndefined();
  });
  it('tells an escaped final dot from a real one', () => {
    expect(endsWithDot('a.')).toBe(true);
    expect(endsWithDot('a\\.')).toBe(false);
    expect(endsWithDot('a\\\\.')).toBe(true);
    expect(endsWithDot('a')).toBe(false);
  });
});

describe('plainNameUnder: the owner fast path', () => {
  const pieces = ['a', 'B', 'mx', 'Mail', 'x'.repeat(63), 'y'.repeat(64), '.', '..', '\\.', '\\065', 'é', '@', '*', '_dmarc', '-', ' '];
  const raw = fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 12 }).map((parts) => parts.join(''));
  const origin = fc.constantFrom('', 'example.com', 'Example.COM', 'z'.repeat(60) + '.' + 'w'.repeat(60) + '.' + 'v'.repeat(60) + '.com').map((text) => {
    const parsed = parseName(text === '' ? '.' : `${text}.`);
    return parsed as ParsedName;
  });

  it('gives what parseName then joinName give, or leaves the name to them', () => {
    let compared = 0;
    fc.assert(
      fc.property(raw, origin, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (name, under, before, after) => {
        // The name sits inside a longer text, as a token in a file does.
        const text = before + name + after;
        const fast = plainNameUnder(text, before.length, before.length + name.length, under);
        if (fast === undefined) return;
        const parsed = parseName(name);
        expect('error' in parsed).toBe(false);
        expect(fast).toBe(joinName(parsed as ParsedName, under)?.text);
        compared++;
      }),
      { numRuns: 3000 },
    );
    // The fast path must take names in a good share of the runs, or the property compared nothing.
    expect(compared).toBeGreaterThan(100); // about one run in nine: ~330 of 3,000
  });

  it('takes the usual names', () => {
    const under = parseName('example.com.') as ParsedName;
    expect(plainNameUnder('host1 IN A', 0, 5, under)).toBe('host1.example.com');
    expect(plainNameUnder('Mail.Example.NET. MX', 0, 17, under)).toBe('mail.example.net');
    expect(plainNameUnder('sub.Host', 0, 8, parseName('.') as ParsedName)).toBe('sub.host');
    expect(plainNameUnder('a\\.b', 0, 4, under)).toBeUndefined();
    expect(plainNameUnder('a..b', 0, 4, under)).toBeUndefined();
  });
});

describe('decodeCharacterString (RFC 1035 §3.3, §5.1)', () => {
  const decode = (s: string) => decodeCharacterString(s, 0, s.length);
  it('unescapes \\X and \\DDD and counts octets', () => {
    expect(decode('v=spf1 -all')).toEqual({ value: 'v=spf1 -all', octets: 11 });
    expect(decode('a\\"b\\\\c\\059')).toEqual({ value: 'a"b\\c;', octets: 6 });
    expect(decode('é')).toEqual({ value: 'é', octets: 2 });
  });
  it('refuses broken escapes', () => {
    expect(decode('a\\')).toHaveProperty('error');
    expect(decode('\\12')).toHaveProperty('error');
    expect(decode('\\300')).toHaveProperty('error');
  });
});

describe('type and class mnemonics', () => {
  it('knows types case-insensitively and RFC 3597 TYPEnnn', () => {
    expect(recordType('mx')).toEqual({ type: 'MX' });
    expect(recordType('Txt')).toEqual({ type: 'TXT' });
    expect(recordType('TYPE65534')).toEqual({ type: 'TYPE65534' });
    expect(recordType('type015')).toEqual({ type: 'TYPE15' });
    expect(recordType('TYPE65536')).toHaveProperty('error');
    expect(recordType('AXFR')).toEqual({ error: '`AXFR` is a query type; it cannot appear in a zone file.' });
    expect(recordType('MXX')).toEqual({ error: 'Expected a record type (such as A, MX or TXT), found `MXX`.' });
  });
  it('knows classes IN, CH, HS, CS and CLASSnnn', () => {
    for (const name of ['IN', 'in', 'CH', 'ch', 'HS', 'CS', 'CHAOS', 'chaos', 'HESIOD', 'hesiod', 'CLASS1', 'class255']) expect(isClassName(name), name).toBe(true);
    for (const name of ['A', 'IX', 'CLASS', 'CLASS70000', 'MX', 'ch1', 'CNAME', 'CAA', 'CDS', 'HINFO', 'HTTPS', 'IPSECKEY', 'c', 'h', 'i']) expect(isClassName(name), name).toBe(false);
  });
});

describe('originFromFileName', () => {
  it('reads the zone name from the usual file names', () => {
    expect(originFromFileName('db.example.com')).toBe('example.com');
    expect(originFromFileName('/etc/bind/zones/db.example.com')).toBe('example.com');
    expect(originFromFileName('example.com.zone')).toBe('example.com');
    expect(originFromFileName('C:\\zones\\Example.COM.db')).toBe('example.com');
    expect(originFromFileName('example.com')).toBe('example.com');
    expect(originFromFileName('example.com.zone.signed')).toBe('example.com');
    expect(originFromFileName('2.0.192.in-addr.arpa.zone')).toBe('2.0.192.in-addr.arpa');
    expect(originFromFileName('named.root')).toBe('');
  });
  it('guesses nothing from names that are not domains', () => {
    for (const file of ['zone', 'zones/primary.zone', 'notes.txt', 'db.192.168.1', 'main.tf', 'my zone.db']) {
      expect(originFromFileName(file), file).toBeUndefined();
    }
  });
});
