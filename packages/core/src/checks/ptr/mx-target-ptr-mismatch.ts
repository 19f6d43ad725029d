/**
 * `mx-target-ptr-mismatch`: forward-confirmed reverse DNS (FCrDNS, RFC 8601 §3 `iprev`) fails:
 * no PTR name of the address resolves back to the address. Receivers that check `iprev` treat the
 * host as unidentified. Reported only when every PTR name's forward lookup answered: one that
 * failed might have confirmed it (rule zero).
 */
import { finding, type Finding, type SourceRange } from '../../findings/finding.js';
import { normalizeName, recordsOf, type LookupResult } from '../../dns/types.js';
import type { AddressFacts, TargetFacts } from '../../facts/snapshot.js';
import { isPublicAddress, sameAddress } from '../address/ip-ranges.js';
import { reverseName } from './reverse-name.js';
import { defineCheck } from '../check.js';

function forwardAddresses(result: LookupResult, family: 4 | 6): string[] {
  return recordsOf(result, family === 4 ? 'A' : 'AAAA').map((record) => record.data);
}

/** `confirmed`, `mismatch` with what each PTR name resolves to, or `unknown`. */
export function fcrdns(facts: AddressFacts): { status: 'confirmed' | 'unknown' } | { status: 'mismatch'; seen: string[] } {
  if (facts.ptr.kind === 'failed') return { status: 'unknown' };
  const names = [...new Set(recordsOf(facts.ptr, 'PTR').map((record) => normalizeName(record.data)))];
  if (names.length === 0) return { status: 'unknown' };
  const seen: string[] = [];
  let unknown = false;
  for (const name of names) {
    const forward = facts.forward.find((entry) => normalizeName(entry.ptrName) === name);
    if (forward === undefined || forward.result.kind === 'failed') {
      unknown = true;
      continue;
    }
    const addresses = forwardAddresses(forward.result, facts.family);
    if (addresses.some((address) => sameAddress(address, facts.address))) return { status: 'confirmed' };
    const type = facts.family === 4 ? 'A' : 'AAAA';
    seen.push(
      forward.result.kind === 'nxdomain'
        ? `${name}. ${type}: NXDOMAIN`
        : `${name}. ${type}: ${addresses.length > 0 ? addresses.join(', ') : 'no records'}`,
    );
  }
  return unknown ? { status: 'unknown' } : { status: 'mismatch', seen };
}

export function mxTargetPtrMismatch(target: Pick<TargetFacts, 'name' | 'addresses'>, range?: SourceRange): Finding[] {
  const findings: Finding[] = [];
  for (const facts of target.addresses) {
    if (!isPublicAddress(facts.address)) continue;
    const verdict = fcrdns(facts);
    if (verdict.status !== 'mismatch') continue;
    const reverse = reverseName(facts.address) ?? facts.address;
    const ptrNames = recordsOf(facts.ptr, 'PTR').map((record) => `${normalizeName(record.data)}.`);
    findings.push(
      finding(mxTargetPtrMismatchCheck, {
        message: `The reverse name of ${facts.address} (MX host ${target.name}) does not resolve back to ${facts.address}.`,
        subject: target.name,
        evidence: `${reverse}. PTR ${ptrNames.join(', ')}; ${verdict.seen.join('; ')}`,
        fix: `Make the PTR name point back: publish \`${ptrNames[0] ?? `${target.name}.`} ${facts.family === 4 ? 'A' : 'AAAA'} ${facts.address}\`, or have the PTR changed to \`${target.name}.\`.`,
        range,
      }),
    );
  }
  return findings;
}

export const mxTargetPtrMismatchCheck = defineCheck({
  id: 'mx-target-ptr-mismatch',
  severity: 'warning',
  scope: 'live',
  title: 'Forward-confirmed reverse DNS fails',
  rfc: 'RFC 8601 §3',
  live: [{ on: 'target', run: mxTargetPtrMismatch }],
});
