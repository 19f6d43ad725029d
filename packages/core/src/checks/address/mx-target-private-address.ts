/**
 * `mx-target-private-address`: every address of the MX target is one the Internet cannot reach
 * (RFC 6890 special-purpose registries: RFC 1918, loopback, link-local, CGNAT, documentation,
 * ULA…). Typical of split-horizon DNS leaking internal names. Needs A and AAAA both answered: an
 * unknown family might hold a public address (rule zero).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { ADDRESS_CLASS_LABEL } from './ip-ranges.js';
import { nonPublicOnly, targetAddressState } from './target-addresses.js';
import { defineCheck } from '../check.js';

export function mxTargetPrivateAddress(target: TargetFacts, range?: SourceRange): Finding[] {
  const classified = nonPublicOnly(targetAddressState(target));
  if (classified === undefined) return [];
  return [
    finding(mxTargetPrivateAddressCheck, {
      message: `The MX target ${target.name} resolves only to addresses the Internet cannot reach, so outside senders cannot deliver to it.`,
      subject: target.name,
      evidence: classified
        .map(({ address, cls }) => `${address} (${cls === 'unparseable' ? 'not an address' : ADDRESS_CLASS_LABEL[cls]})`)
        .join(', '),
      fix: `Publish the server's public address in public DNS, e.g. \`${target.name}. A <public IPv4 address>\` (keep internal addresses in an internal view only).`,
      range,
    }),
  ];
}

export const mxTargetPrivateAddressCheck = defineCheck({
  id: 'mx-target-private-address',
  severity: 'error',
  scope: 'live',
  title: 'MX target resolves only to non-public addresses',
  rfc: 'RFC 6890',
  live: [{ on: 'target', run: mxTargetPrivateAddress }],
});
