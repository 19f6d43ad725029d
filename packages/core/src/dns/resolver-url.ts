/**
 * Which DoH endpoint URLs we accept. DoH is defined over HTTPS only (RFC 8484 §5); a plain
 * `http:` endpoint would let anyone on the path rewrite the answers we judge a domain by.
 * The one exception is a resolver on this very machine (loopback: 127.0.0.0/8, ::1,
 * `localhost`), which tests and local dnsdist set-ups use and no network path can touch.
 */

/** True for host names that can only mean this machine (RFC 6761 §6.3, RFC 1122 §3.2.1.3, RFC 4291 §2.5.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (host === '[::1]' || host === '::1') return true;
  // The WHATWG URL parser has already normalised IPv4 forms (`127.1`, `0x7f.1`) to dotted quads.
  const quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return quad !== null && quad[1] === '127' && quad.slice(2).every((octet) => Number(octet) <= 255);
}

/**
 * Check a resolver URL. Returns an error message for a URL that cannot be used, or `undefined`
 * when it is fine.
 */
export function validateResolverUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return `"${url}" is not a valid URL`;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return `resolver URL "${url}" must not contain a user name or password`;
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:') {
    if (isLoopbackHost(parsed.hostname)) return undefined;
    return `resolver URL "${url}" uses plain http: only https: is allowed, except for loopback hosts (127.0.0.0/8, ::1, localhost)`;
  }
  if (parsed.protocol === 'dns:') return `resolver URL "${url}" is plain DNS: only the CLI and the language server can send it (a browser sends DNS-over-HTTPS only)`;
  return `resolver URL "${url}" must use https: (got ${parsed.protocol})`;
}
