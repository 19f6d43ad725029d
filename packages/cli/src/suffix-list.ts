/**
 * The checks group unrecognised MX hosts by registrable domain; the CLI gives them the Public
 * Suffix List (tldts). Installed by the commands that run checks, and loaded on the first question
 * only: most zones never ask (a host's operator is needed only beside a recognised provider), and
 * loading the list is a sixth of a large lint's time.
 */
import { createRequire } from 'node:module';
import { useRegistrableDomain } from '@mx-doctor/core';

type GetDomain = (host: string, options: { allowPrivateDomains: boolean }) => string | null;

export function installSuffixList(): void {
  let getDomain: GetDomain | undefined;
  useRegistrableDomain((host) => {
    // tldts's CommonJS build, so the lookup can stay synchronous.
    getDomain ??= (createRequire(import.meta.url)('tldts') as { getDomain: GetDomain }).getDomain;
    return getDomain(host, { allowPrivateDomains: false });
  });
}
