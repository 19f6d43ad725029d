/**
 * Reverse-lookup names for PTR queries (RFC 1035 §3.5 `in-addr.arpa`, RFC 3596 §2.5 `ip6.arpa`).
 * Pure string work: the core also runs in a browser, where Node's `net` module is absent.
 */

/** Expands an IPv6 address to its 8 groups of 4 hex digits, or undefined when it is not one. */
export function expandIpv6(address: string): string[] | undefined {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two hex groups.
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const octets = v4[2]!.split('.').map(Number);
    if (octets.some((octet) => octet > 255)) return undefined;
    const [a, b, c, d] = octets as [number, number, number, number];
    text = `${v4[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => group.padStart(4, '0'));
}

/** The PTR owner name for an address, or undefined for text that is no address. */
export function reverseName(address: string): string | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) {
    const octets = v4.slice(1).map(Number);
    if (octets.some((octet) => octet > 255)) return undefined;
    return `${octets.reverse().join('.')}.in-addr.arpa`;
  }
  const groups = expandIpv6(address);
  if (!groups) return undefined;
  return `${groups.join('').split('').reverse().join('.')}.ip6.arpa`;
}
