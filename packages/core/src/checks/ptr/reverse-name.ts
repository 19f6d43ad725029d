/**
 * The reverse-lookup name of an address: RFC 1035 §3.5 (`in-addr.arpa`, octets reversed) and
 * RFC 3596 §2.5 (`ip6.arpa`, 32 nibbles reversed). Used in evidence and in the fix sentence.
 */
import { parseAddress } from '../address/ip-ranges.js';

export function reverseName(address: string): string | undefined {
  const parsed = parseAddress(address);
  if (parsed === undefined) return undefined;
  if (parsed.family === 4) {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(parsed.value / 2 ** shift) % 256);
    return `${octets.reverse().join('.')}.in-addr.arpa`;
  }
  const hex = parsed.value.toString(16).padStart(32, '0');
  return `${[...hex].reverse().join('.')}.ip6.arpa`;
}
