/**
 * Which MX targets the plan resolves. An IP literal or a name that breaks RFC 1035 §2.3.4 limits
 * is reported by its own check; asking DNS about it would only add noise (or a resolver error).
 */

const IPV4_LITERAL = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isQueryableHostName(name: string): boolean {
  if (name === '' || name.length > 253 || IPV4_LITERAL.test(name) || name.includes(':')) return false;
  return name.split('.').every((label) => label.length >= 1 && label.length <= 63 && /^[a-z0-9_-]+$/i.test(label));
}
