/**
 * How MX hosts that no provider in the table claims are grouped into operators (for
 * `mx-split-delivery`, `mx-mixed-providers`): by registrable domain, so `mx1.example.co.uk` and
 * `mx2.example.co.uk` are one operator. The right answer needs the Public Suffix List (tldts), which
 * weighs about 47 KB gzipped: too much for the browser popup, which runs these checks too. So the
 * list is injected (as tldts itself injects its suffix lookup): Node front ends install it with
 * `useRegistrableDomain`; without it a host's operator is its parent domain (`mx1.example.com` →
 * `example.com`), which differs only in how a few messages name an unrecognised operator.
 */

export type RegistrableDomain = (host: string) => string | null | undefined;

/** `mx1.example.com` → `example.com`; a name with two labels or fewer is its own operator. */
export function parentDomain(host: string): string {
  const dot = host.indexOf('.');
  return dot > 0 && host.indexOf('.', dot + 1) > 0 ? host.slice(dot + 1) : host;
}

/**
 * The Public Suffix List lookup a front end installed at start-up (configuration, not state: it
 * is set once, before any check, and no check writes it). No answer is remembered here: a cache
 * kept at module level would outlive the file its hosts came from.
 */
let installed: RegistrableDomain | undefined;

/** Installs a Public-Suffix-List lookup (e.g. tldts's `getDomain`). Call once, at start-up. */
export function useRegistrableDomain(lookup: RegistrableDomain | undefined): void {
  installed = lookup;
}

/** The operator key of an unrecognised host. */
export function registrableDomain(host: string): string {
  return (installed ? installed(host) : undefined) ?? parentDomain(host);
}

/**
 * The organisational domain of a mail domain (RFC 7489 §3.2), whose DMARC record covers its
 * subdomains (§6.6.3): the registrable domain by the installed Public Suffix List; without the
 * list (the browser popup), the last two labels. `undefined` when the name is itself a public
 * suffix or a single label: there is nothing above it to inherit from. An unknown top-level label
 * (the fixture's `.test`) counts as one label, as the list's default rule `*` says.
 */
export function organisationalDomain(name: string): string | undefined {
  if (installed) return installed(name) ?? undefined;
  const last = name.lastIndexOf('.');
  if (last <= 0) return undefined;
  const before = name.lastIndexOf('.', last - 1);
  return before < 0 ? name : name.slice(before + 1);
}
