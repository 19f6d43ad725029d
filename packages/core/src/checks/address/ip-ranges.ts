/**
 * Is an address one the public Internet can reach? Pure string parsing (no Node `net`), so the
 * core runs in a browser. Ranges from the IANA special-purpose registries (RFC 6890, updated by
 * RFC 8190): RFC 1918 private, RFC 6598 shared (CGNAT), RFC 5737 / RFC 3849 documentation,
 * RFC 2544 / RFC 5180 benchmarking, RFC 4193 unique local, RFC 4291 §2.4–2.5 (loopback,
 * unspecified, link-local, multicast, IPv4-mapped), RFC 1112 §4 reserved 240/4.
 */

export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'shared'
  | 'documentation'
  | 'unique-local'
  | 'unspecified'
  | 'benchmarking'
  | 'multicast'
  | 'reserved'
  | 'ipv4-mapped'
  | 'protocol-assignments';

/** Words for a person, used in evidence. */
export const ADDRESS_CLASS_LABEL: Record<AddressClass, string> = {
  public: 'public',
  private: 'private (RFC 1918)',
  loopback: 'loopback',
  'link-local': 'link-local',
  shared: 'shared address space / CGNAT (RFC 6598)',
  documentation: 'documentation range',
  'unique-local': 'unique local (RFC 4193)',
  unspecified: 'unspecified',
  benchmarking: 'benchmarking range',
  multicast: 'multicast',
  reserved: 'reserved',
  'ipv4-mapped': 'IPv4-mapped IPv6',
  'protocol-assignments': 'IETF protocol assignments',
};

const IPV4_PART = /^(0|[1-9][0-9]{0,2})$/;

/** Dotted-quad IPv4 as a 32-bit number; strict: four decimal parts 0–255, no leading zeros. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!IPV4_PART.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

function parseGroups(side: string): number[] | undefined {
  if (side === '') return [];
  const pieces = side.split(':');
  const groups: number[] = [];
  for (const [index, piece] of pieces.entries()) {
    if (index === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (v4 === undefined) return undefined;
      groups.push(Math.floor(v4 / 65536), v4 % 65536);
    } else if (HEX_GROUP.test(piece)) {
      groups.push(parseInt(piece, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** RFC 4291 §2.2 text form (with `::` and a trailing dotted quad) as a 128-bit number. */
export function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  // A dotted quad may only end the address.
  if (halves.length === 2 && (halves[0] ?? '').includes('.')) return undefined;
  const explicit = head.length + tail.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return undefined;
  const groups = [...head, ...new Array<number>(8 - explicit).fill(0), ...tail];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

export type ParsedAddress = { readonly family: 4; readonly value: number } | { readonly family: 6; readonly value: bigint };

export function parseAddress(text: string): ParsedAddress | undefined {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { family: 4, value: v4 };
  if (!trimmed.includes(':')) return undefined;
  const v6 = parseIpv6(trimmed);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** Same address, whatever the text form (`2001:db8::1` = `2001:0DB8:0:0:0:0:0:1`). */
export function sameAddress(a: string, b: string): boolean {
  const left = parseAddress(a);
  const right = parseAddress(b);
  return left !== undefined && right !== undefined && left.family === right.family && left.value === right.value;
}

/** A special-purpose block: base address, prefix length, what it is. */
type Range = readonly [base: string, length: number, cls: AddressClass];

// More specific ranges first where they nest.
const V4_RANGES: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'protocol-assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RANGES: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::ffff:0:0', 96, 'ipv4-mapped'],
  ['100::', 64, 'reserved'],
  ['2001:2::', 48, 'benchmarking'],
  ['2001::', 23, 'protocol-assignments'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'reserved'],
  ['ff00::', 8, 'multicast'],
  ['2000::', 3, 'public'],
];

function inRange4(value: number, [base, length]: Range): boolean {
  const start = parseIpv4(base) ?? 0;
  const size = 2 ** (32 - length);
  return value >= start && value < start + size;
}

function inRange6(value: bigint, [base, length]: Range): boolean {
  const start = parseIpv6(base) ?? 0n;
  const shift = BigInt(128 - length);
  return value >> shift === start >> shift;
}

/** The class of an address, or `undefined` when `text` is no IPv4/IPv6 address. */
export function classifyAddress(text: string): AddressClass | undefined {
  const parsed = parseAddress(text);
  if (parsed === undefined) return undefined;
  if (parsed.family === 4) {
    const value = parsed.value;
    return V4_RANGES.find((range) => inRange4(value, range))?.[2] ?? 'public';
  }
  const value = parsed.value;
  // Outside 2000::/3 nothing is global unicast today (RFC 4291 §2.4).
  return V6_RANGES.find((range) => inRange6(value, range))?.[2] ?? 'reserved';
}

/** True only for an address the public Internet can route to; false for anything unparseable. */
export function isPublicAddress(text: string): boolean {
  return classifyAddress(text) === 'public';
}
