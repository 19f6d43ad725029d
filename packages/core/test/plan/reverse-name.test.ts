import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reverseName } from '../../src/checks/ptr/reverse-name.js';

describe('reverseName', () => {
  it('reverses IPv4 into in-addr.arpa (RFC 1035 §3.5)', () => {
    expect(reverseName('185.12.64.7')).toBe('7.64.12.185.in-addr.arpa');
  });
  it('expands and nibble-reverses IPv6 into ip6.arpa (RFC 3596 §2.5)', () => {
    expect(reverseName('2a01:4f8::1')).toBe(
      '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.f.4.0.1.0.a.2.ip6.arpa',
    );
  });
  it('handles an embedded IPv4 tail', () => {
    expect(reverseName('::ffff:192.0.2.1')).toBe(`1.0.2.0.0.0.0.c.f.f.f.f.${'0.'.repeat(20)}ip6.arpa`);
  });
  it('rejects text that is no address', () => {
    for (const bad of ['256.1.1.1', '1.2.3', '1::2::3', 'mail.example.com', '12345::1', '1:2:3:4:5:6:7:8:9']) {
      expect(reverseName(bad), bad).toBeUndefined();
    }
  });
  it('expands every compressed spelling of an address to the same groups', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.nat(7), fc.nat(8), (words, from, len) => {
        const full = words.map((w) => w.toString(16));
        const start = Math.min(from, 7);
        const end = Math.min(8, start + Math.max(len, 2));
        for (let i = start; i < end; i++) words[i] = 0;
        const zeroed = words.map((w) => w.toString(16));
        const compressed = `${zeroed.slice(0, start).join(':')}::${zeroed.slice(end).join(':')}`;
        const nibbles = (groups: string[]) => `${groups.map((g) => g.padStart(4, '0')).join('').split('').reverse().join('.')}.ip6.arpa`;
        expect(reverseName(compressed)).toBe(nibbles(zeroed));
        expect(reverseName(full.join(':'))).toBe(nibbles(full));
      }),
    );
  });
});
