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

/**
 * `found` placed in the file: on the record of `set` whose entry's range object it carries (the
 * shared checks put each entry's own range on its findings), else on the set's first record.
 */
export function placeFinding(found: Finding, set: readonly FileMxRecord[]): Finding {
  const { table, index } = recordOf(found, set);
  let range: SourceRange;
  if (ON_TARGET.has(found.id)) range = table.fieldRange(index, 1);
  else if (ON_PREFERENCE.has(found.id)) range = table.fieldRange(index, 0);
  else if (found.id === 'mx-ttl-high') range = table.ttlRange(index) ?? table.range(index);
  else range = table.range(index);
  return placedAt(found, range);
}

/** The record whose entry carries `found`'s range, found by identity (an RRset is a few records). */
function recordOf(found: Finding, set: readonly FileMxRecord[]): FileMxRecord {
  if (found.range !== undefined) {
    for (let k = 1; k < set.length; k++) if (set[k]!.entry.range === found.range) return set[k]!;
  }
  return set[0]!;
}
