import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostNameProblem, isIpLiteral, isUsableTarget, isValidHostName } from '../../src/checks/mx/host-name.js';

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const ldh = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split(''));
/** An LDH label 1–63 long, no hyphen at either end. */
const label = fc
  .tuple(alnum, fc.array(ldh, { maxLength: 61 }), alnum, fc.boolean())
  .map(([first, middle, last, single]) => (single ? first : `${first}${middle.join('')}${last}`));
const topLabel = fc.tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), fc.array(alnum, { maxLength: 10 })).map(([f, r]) => f + r.join(''));
const hostName = fc
  .tuple(fc.array(label, { minLength: 0, maxLength: 3 }), topLabel)
  .map(([labels, top]) => [...labels, top].join('.'))
  .filter((name) => name.length <= 253);

describe('host name validation', () => {
  it.each(['mx.example.com', 'aspmx.l.google.com', 'xn--bcher-kva.example', 'a', 'mx-1.example.com', '1mx.example.com', `${'a'.repeat(63)}.com`])(
    '%s is valid',
    (name) => {
      expect(hostNameProblem(name)).toBeUndefined();
      expect(isValidHostName(name)).toBe(true);
    },
  );

  it.each([
    ['mx..example.com', 'empty label'],
    ['.example.com', 'empty label'],
    ['mx_1.example.com', '"_"'],
    ['mx example.com', '" "'],
    ['-mx.example.com', 'hyphen'],
    ['mx-.example.com', 'hyphen'],
    [`${'a'.repeat(64)}.com`, 'limit is 63'],
    [`${'abcdefghi.'.repeat(26)}com`, 'limit is 253'],
    ['mail.example.123', 'all digits'],
    ['*.example.com', '"*"'],
    ['mäil.example.com', '"ä"'],
  ])('%s is invalid (%s)', (name, why) => {
    expect(hostNameProblem(name)).toContain(why);
    expect(isValidHostName(name)).toBe(false);
  });

  it('accepts every generated LDH name', () => {
    fc.assert(
      fc.property(hostName, (name) => {
        expect(hostNameProblem(name)).toBeUndefined();
      }),
    );
  });

  it('rejects any name with a character outside LDH', () => {
    const bad = fc.constantFrom('_', ' ', '*', '@', '/', 'é', '!', ',');
    fc.assert(
      fc.property(hostName, bad, fc.nat(), (name, char, at) => {
        const index = at % (name.length + 1);
        expect(isValidHostName(name.slice(0, index) + char + name.slice(index))).toBe(false);
      }),
    );
  });

  it('rejects any label longer than 63', () => {
    fc.assert(
      fc.property(hostName, fc.integer({ min: 64, max: 120 }), (name, length) => {
        expect(isValidHostName(`${'m'.repeat(length)}.${name}`)).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (text) => void hostNameProblem(text)), { numRuns: 2000 });
  });
});

describe('IP literals', () => {
  it.each(['203.0.113.10', '10.0.0.1', '[192.0.2.1]', '2001:db8::1', '[2001:db8::1]', '999.1.1.1'])('%s is an IP literal', (name) => {
    expect(isIpLiteral(name)).toBe(true);
    expect(isUsableTarget(name)).toBe(false);
  });

  it.each(['mx.example.com', '203.0.113.10.example.com', 'mx1', '1.2.3'])('%s is not an IP literal', (name) => {
    expect(isIpLiteral(name)).toBe(false);
  });

  it('the null MX is not a usable target', () => {
    expect(isUsableTarget('')).toBe(false);
  });
});

/** The rules as plainly written (split and regular expressions), to hold the one-pass versions to. */
function referenceValid(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  if (!labels.every((l) => l.length >= 1 && l.length <= 63 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/i.test(l))) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1]!);
}

function referenceIpLiteral(name: string): boolean {
  const text = name.trim().replace(/\.$/, '');
  if (/^\[?\d{1,3}(\.\d{1,3}){3}\]?$/.test(text)) return true;
  const inner = (text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text).replace(/^ipv6:/i, '');
  return inner.includes(':') && /^[0-9a-f:.]+$/i.test(inner) && isIpLiteral(`[${inner}]`);
}

describe('the one-pass host name and address tests', () => {
  // Names near the rules' edges: every character class that matters, any length.
  const tricky = fc.stringMatching(/^[a-zA-Z0-9\-._:[\] \t\r\u000e\u0010\u0141@]{0,70}$/);
  it('agree with the rules written plainly, on 20,000 names', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, hostName, fc.string({ maxLength: 20 })), (name) => {
        expect(hostNameProblem(name) === undefined).toBe(referenceValid(name));
        if (!name.includes(':')) expect(isIpLiteral(name)).toBe(referenceIpLiteral(name));
      }),
      { numRuns: 20_000 },
    );
  });
});
