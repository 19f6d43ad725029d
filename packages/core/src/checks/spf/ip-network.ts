/**
 * Address syntax for `ip4:` and `ip6:` (RFC 7208 §5.6): ip4-network is dotted-quad with no
 * leading zeros (`qnum`), ip6-network is the RFC 4291 §2.2 text form, embedded IPv4 included.
 */

const QNUM = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])';
const IP4 = new RegExp(`^${QNUM}(?:\\.${QNUM}){3}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

export function isIp4Network(text: string): boolean {
  return IP4.test(text);
}

export function isIp6Network(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  let hex = text;
  let embedded = 0;
  if (text.includes('.')) {
    // RFC 4291 §2.2 form 3: the last 32 bits as dotted quad (`::ffff:192.0.2.1`).
    const cut = text.lastIndexOf(':');
    if (cut < 0 || !isIp4Network(text.slice(cut + 1))) return false;
    hex = text.slice(0, cut + 1);
    if (!hex.endsWith('::')) hex = hex.slice(0, -1);
    embedded = 2;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  if (halves.length === 2) {
    const left = groups(halves[0] ?? '');
    const right = groups(halves[1] ?? '');
    if (![...left, ...right].every((group) => HEX_GROUP.test(group))) return false;
    // `::` stands for at least one group of zeros.
    return left.length + right.length + embedded <= 7;
  }
  const all = groups(hex);
  return all.every((group) => HEX_GROUP.test(group)) && all.length + embedded === 8;
}
