/**
 * Puts each finding about an MX record on the field at fault, as its check's file variant says
 * (`place`: the target, the preference, the TTL, or the whole record; a set-level one on the
 * RRset's first record). The shared checks only know one range per entry (the whole record); this
 * maps it. Findings of live target checks (targets outside the file) go on the target field.
 */
import { placedAt, type Finding, type SourceRange } from '../../findings/finding.js';
import type { MxPlacement } from '../check.js';
import { fileVariants, liveVariants } from '../catalogue.js';
import type { FileMxRecord } from './file-mx.js';

const PLACEMENT: ReadonlyMap<string, MxPlacement> = new Map([
  ...liveVariants('target').map(({ id }): [string, MxPlacement] => [id, 'target']),
  ...fileVariants('mx-set').map(({ id, variant }): [string, MxPlacement] => [id, variant.place]),
  // Rule zero in files: a failed lookup is said on the target that needed it.
  ['lookup-failed', 'target'],
]);

/**
 * `found` placed in the file: on the record of `set` whose entry's range object it carries (the
 * shared checks put each entry's own range on its findings), else on the set's first record.
 */
export function placeFinding(found: Finding, set: readonly FileMxRecord[]): Finding {
  const { table, index } = recordOf(found, set);
  let range: SourceRange;
  switch (PLACEMENT.get(found.id) ?? 'record') {
    case 'target':
      range = table.fieldRange(index, 1);
      break;
    case 'preference':
      range = table.fieldRange(index, 0);
      break;
    case 'ttl':
      range = table.ttlRange(index) ?? table.range(index);
      break;
    case 'record':
      range = table.range(index);
  }
  return placedAt(found, range);
}

/** The record whose entry carries `found`'s range, found by identity (an RRset is a few records). */
function recordOf(found: Finding, set: readonly FileMxRecord[]): FileMxRecord {
  if (found.range !== undefined) {
    for (let k = 1; k < set.length; k++) if (set[k]!.entry.range === found.range) return set[k]!;
  }
  return set[0]!;
}
