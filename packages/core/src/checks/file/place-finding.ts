/**
 * Puts each finding about an MX record on the field at fault: a target problem on the target, a
 * preference problem on the preference, a TTL problem on the TTL, a set-level one on the RRset's
 * first record. The shared checks only know one range per entry (the whole record); this maps it.
 */
import { placedAt, type Finding, type SourceRange } from '../../findings/finding.js';
import type { FindingId } from '../../findings/catalogue.js';
import type { FileMxRecord } from './file-mx.js';

const ON_TARGET = new Set<FindingId>([
  'mx-target-ip-literal',
  'mx-target-invalid-name',
  'mx-duplicate',
  'mx-null-mixed',
  'mx-target-cname',
  'mx-target-nxdomain',
  'mx-target-no-address',
  'mx-target-private-address',
  'mx-target-ipv6-only',
  'mx-target-ptr-missing',
  'mx-target-ptr-mismatch',
  'lookup-failed',
]);
const ON_PREFERENCE = new Set<FindingId>(['mx-null-nonzero-preference']);

/** `byEntryRange` may be left out for a set of one record (`firstOfSet`). */
export function placeFinding(found: Finding, byEntryRange: ReadonlyMap<object, FileMxRecord> | undefined, firstOfSet: FileMxRecord): Finding {
  const mx = (found.range && byEntryRange?.get(found.range)) ?? firstOfSet;
  const { table, index } = mx;
  let range: SourceRange;
  if (ON_TARGET.has(found.id)) range = table.fieldRange(index, 1);
  else if (ON_PREFERENCE.has(found.id)) range = table.fieldRange(index, 0);
  else if (found.id === 'mx-ttl-high') range = table.ttlRange(index) ?? table.range(index);
  else range = table.range(index);
  return placedAt(found, range);
}
