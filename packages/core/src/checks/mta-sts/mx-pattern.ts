/**
 * Does an MX host match an MTA-STS `mx:` pattern (RFC 8461 §4.1)? Case-insensitively and
 * anchored: the pattern is the whole host name, or `*.` followed by the rest of the name where
 * the `*` stands for exactly one whole left-most label. So `*.example.com` matches
 * `mx1.example.com` but neither `example.com` nor `a.b.example.com`, and `mail.example.com`
 * never matches `mail.example.com.evil.net` (checkdmarc's unanchored regex does; policies.md §1.1).
 */

function canonical(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

export function mxMatchesPattern(host: string, pattern: string): boolean {
  const name = canonical(host);
  const wanted = canonical(pattern);
  if (name === '' || wanted === '') return false;
  if (!wanted.startsWith('*.')) return name === wanted;
  const rest = wanted.slice(2);
  const dot = name.indexOf('.');
  // One left-most label (not empty), then exactly the rest.
  return dot > 0 && name.slice(dot + 1) === rest;
}

/** The first pattern `host` matches, or `undefined`. */
export function matchingPattern(host: string, patterns: readonly string[]): string | undefined {
  return patterns.find((pattern) => mxMatchesPattern(host, pattern));
}
