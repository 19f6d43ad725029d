/**
 * `mx-target-no-address`: the MX target exists but has neither A nor AAAA, so there is nothing to
 * connect to (RFC 5321 §5.1: the MX names a host that has address records). Needs both lookups
 * answered (rule zero); an NXDOMAIN target is `mx-target-nxdomain` instead.
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { targetAddressState } from '../address/target-addresses.js';
import { defineCheck, type FileTarget } from '../check.js';

/** The finding itself; files call this for an in-zone target the file gives no A/AAAA. */
export function mxTargetNoAddressFinding(name: string, range?: SourceRange): Finding {
  return finding(mxTargetNoAddressCheck, {
    message: `The MX target ${name} exists but has no A or AAAA record: senders have no address to connect to.`,
    subject: name,
    evidence: `A ${name}: no records; AAAA ${name}: no records`,
    fix: `Publish the mail server's address, e.g. \`${name}. A <IPv4 address>\`, or point the MX at a host that has one.`,
    range,
  });
}

/** The file variant: a zone file is the whole zone, so no address there means none anywhere (unless delegated below). */
function mxTargetNoAddressInFile(target: FileTarget): Finding[] {
  return target.where === 'own-zone' && !target.hasAddress && !target.delegated ? [mxTargetNoAddressFinding(target.name, target.range)] : [];
}

export function mxTargetNoAddress(target: TargetFacts, range?: SourceRange): Finding[] {
  const state = targetAddressState(target);
  if (!state.known || state.nxdomain || state.v4.length > 0 || state.v6.length > 0) return [];
  return [mxTargetNoAddressFinding(target.name, range)];
}

export const mxTargetNoAddressCheck = defineCheck({
  id: 'mx-target-no-address',
  severity: 'error',
  scope: 'live+file',
  title: 'MX target has no address',
  rfc: 'RFC 5321 §5.1',
  live: [{ on: 'target', run: mxTargetNoAddress }],
  file: [{ on: 'file-target', run: mxTargetNoAddressInFile }],
});
