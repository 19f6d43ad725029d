import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, isPublicAddress, parseIpv4, parseIpv6, sameAddress } from '../../src/checks/address/ip-ranges.js';

const octet = fc.integer({ min: 0, max: 255 });
const v4Text = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const group = fc.integer({ min: 0, max: 0xffff });
const groups = fc.array(group, { minLength: 8, maxLength: 8 });

/** Full form with random padding and case. */
function fullForm(values: readonly number[], pad: readonly boolean[], upper: boolean): string {
  const text = values.map((value, index) => (pad[index] ? value.toString(16).padStart(4, '0') : value.toString(16))).join(':');
  return upper ? text.toUpperCase() : text;
}

/** RFC 5952 compressed form: the longest run (≥ 2) of zero groups becomes `::`. */
function compressed(values: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && values[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = values.map((value) => value.toString(16));
  if (bestLength < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function toBig(values: readonly number[]): bigint {
  return values.reduce((acc, value) => (acc << 16n) | BigInt(value), 0n);
}

describe('IPv4 classification', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.10.10', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['192.0.0.8', 'protocol-assignments'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '198.17.255.255', '198.20.0.0', '192.0.3.1', '223.255.255.255', '1.1.1.1'])(
    '%s is public',
    (address) => {
      expect(classifyAddress(address)).toBe('public');
    },
  );

  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-4', '', 'a.b.c.d', ' 1.2.3.4x'])('%j is no address', (text) => {
    expect(classifyAddress(text)).toBeUndefined();
    expect(isPublicAddress(text)).toBe(false);
  });

  it('parses every dotted quad back to its number', () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        expect(parseIpv4(`${a}.${b}.${c}.${d}`)).toBe(((a * 256 + b) * 256 + c) * 256 + d);
      }),
    );
  });

  it('calls every 10/8, 172.16/12 and 192.168/16 address private', () => {
    fc.assert(
      fc.property(octet, octet, octet, fc.integer({ min: 0, max: 15 }), (x, y, z, n) => {
        expect(classifyAddress(`10.${x}.${y}.${z}`)).toBe('private');
        expect(classifyAddress(`172.${16 + n}.${y}.${z}`)).toBe('private');
        expect(classifyAddress(`192.168.${y}.${z}`)).toBe('private');
      }),
    );
  });
});

describe('IPv6 classification', () => {
  it.each([
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['2001:db8::25', 'documentation'],
    ['2001:DB8:0:0:0:0:0:25', 'documentation'],
    ['ff02::1', 'multicast'],
    ['::ffff:192.0.2.1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['2001:2::1', 'benchmarking'],
    ['100::1', 'reserved'],
    ['::192.0.2.1', 'reserved'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['2a00:1450:4001:81c::200e', '2606:4700::6810:84e5', '2001:4860:4860::8888'])('%s is public', (address) => {
    expect(classifyAddress(address)).toBe('public');
  });

  it.each([':::', '1::2::3', '12345::', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', 'g::1', ':1::', '1.2.3.4::'])(
    '%j is no address',
    (text) => {
      expect(parseIpv6(text)).toBeUndefined();
      expect(classifyAddress(text)).toBeUndefined();
    },
  );

  it('reads full and compressed forms of any address as the same number and class', () => {
    fc.assert(
      fc.property(groups, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.boolean(), (values, pad, upper) => {
        const full = fullForm(values, pad, upper);
        const short = compressed(values);
        expect(parseIpv6(full)).toBe(toBig(values));
        expect(parseIpv6(short)).toBe(toBig(values));
        expect(classifyAddress(full)).toBe(classifyAddress(short));
        expect(sameAddress(full, short)).toBe(true);
      }),
    );
  });

  it('calls every IPv4-mapped address non-public, whatever the IPv4 address', () => {
    fc.assert(
      fc.property(v4Text, (v4) => {
        expect(classifyAddress(`::ffff:${v4}`)).toBe('ipv4-mapped');
      }),
    );
  });

  it('calls every fc00::/7 and fe80::/10 address non-public', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xfc00, max: 0xfdff }), fc.integer({ min: 0xfe80, max: 0xfebf }), group, (ula, ll, rest) => {
        expect(classifyAddress(`${ula.toString(16)}:${rest.toString(16)}::1`)).toBe('unique-local');
        expect(classifyAddress(`${ll.toString(16)}::${rest.toString(16)}`)).toBe('link-local');
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cls = classifyAddress(text);
        expect(cls === undefined || typeof cls === 'string').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
