/**
 * The checks group unrecognised MX hosts by registrable domain; the CLI gives them the Public
 * Suffix List (tldts). Installed by the commands that run checks, not at start-up of every command.
 */
import { getDomain } from 'tldts';
import { useRegistrableDomain } from '@mx-doctor/core';

export function installSuffixList(): void {
  useRegistrableDomain((host) => getDomain(host, { allowPrivateDomains: false }));
}
