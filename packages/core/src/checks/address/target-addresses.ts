/**
 * What a target's A and AAAA answers say, read once for the address checks. `known` is false as
 * soon as either lookup failed: then nothing about the target may be claimed absent (rule zero).
 */
import { recordsOf } from '../../dns/types.js';
import type { TargetFacts } from '../../facts/snapshot.js';
import { classifyAddress, type AddressClass } from './ip-ranges.js';

export interface TargetAddressState {
  /** Neither A nor AAAA failed. */
  readonly known: boolean;
  /** Known, an NXDOMAIN came back, and no address at all. */
  readonly nxdomain: boolean;
  readonly v4: readonly string[];
  readonly v6: readonly string[];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function targetAddressState(target: Pick<TargetFacts, 'a' | 'aaaa'>): TargetAddressState {
  const known = target.a.kind !== 'failed' && target.aaaa.kind !== 'failed';
  // Records of any owner: the resolver followed the CNAME chain and the addresses belong to its end.
  const v4 = unique(recordsOf(target.a, 'A').map((record) => record.data));
  const v6 = unique(recordsOf(target.aaaa, 'AAAA').map((record) => record.data));
  const anyNx = target.a.kind === 'nxdomain' || target.aaaa.kind === 'nxdomain';
  return { known, nxdomain: known && anyNx && v4.length === 0 && v6.length === 0, v4, v6 };
}

/** Known, with addresses, and every one non-public. */
export function nonPublicOnly(state: TargetAddressState): { address: string; cls: AddressClass | 'unparseable' }[] | undefined {
  const all = [...state.v4, ...state.v6];
  if (!state.known || all.length === 0) return undefined;
  const classified = all.map((address) => ({ address, cls: classifyAddress(address) ?? ('unparseable' as const) }));
  return classified.every((item) => item.cls !== 'public') ? classified : undefined;
}
