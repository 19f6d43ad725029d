/**
 * `mx-target-ptr-missing`: an address of an MX target has no PTR (RFC 1912 §2.1: every reachable
 * host should have one). The MX is often also the outbound relay, and many receivers reject or
 * score down mail from an address without reverse DNS. Only a real NXDOMAIN/NODATA counts: a failed
 * PTR lookup is `lookup-failed` (rule zero). Non-public addresses are left to
 * `mx-target-private-address`.
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import { recordsOf } from '../../dns/types.js';
import type { AddressFacts, TargetFacts } from '../../facts/snapshot.js';
import { isPublicAddress } from '../address/ip-ranges.js';
import { reverseName } from './reverse-name.js';
import { defineCheck } from '../check.js';

export function hasNoPtr(facts: AddressFacts): boolean {
  return facts.ptr.kind !== 'failed' && recordsOf(facts.ptr, 'PTR').length === 0;
}

export function mxTargetPtrMissing(target: Pick<TargetFacts, 'name' | 'addresses'>, range?: SourceRange): Finding[] {
  return target.addresses
    .filter((facts) => isPublicAddress(facts.address) && hasNoPtr(facts))
    .map((facts) => {
      const reverse = reverseName(facts.address) ?? facts.address;
      return finding(mxTargetPtrMissingCheck, {
        message: `The address ${facts.address} of MX host ${target.name} has no PTR record (reverse DNS).`,
        subject: target.name,
        evidence: `PTR ${reverse}: ${facts.ptr.kind === 'nxdomain' ? 'NXDOMAIN' : 'no records'}`,
        fix: `Ask whoever runs ${facts.address} (usually the hosting or network provider) to publish \`${reverse}. PTR ${target.name}.\`.`,
        range,
      });
    });
}

export const mxTargetPtrMissingCheck = defineCheck({
  id: 'mx-target-ptr-missing',
  severity: 'warning',
  scope: 'live',
  title: 'MX address has no PTR record',
  rfc: 'RFC 1912 §2.1',
  live: [{ on: 'target', run: mxTargetPtrMissing }],
});
