/**
 * The SPF and DMARC file checks on one owner's TXT (and SPF-type) records, with the short cuts a
 * large zone needs: records are joined only when needed, and an SPF text already seen to be clean
 * on its own is not checked again at the next owner that publishes it.
 */
import { placedAt, type Finding } from '../../findings/finding.js';
import { joinedText, LazyRange, type RecordTable } from '../../facts/record-table.js';
import { StringMemo } from '../../util/memo.js';
import { checkDmarcTexts } from '../dmarc/check-dmarc-texts.js';
import { checkSpfTexts } from '../spf/check-spf-texts.js';
import { isSpfRecord } from '../spf/parse-spf.js';
import type { FileIndex } from './file-index.js';

/** `isSpfRecord` of a record's joined text, joining only when the first string is too short to tell. */
function isSpfAt(table: RecordTable, index: number): boolean {
  const count = table.fieldCount(index);
  if (count === 0) return false;
  const first = table.fieldText(index, 0);
  return count === 1 || first.length > 6 ? isSpfRecord(first) : isSpfRecord(joinedText(table, index));
}

/**
 * Whether one SPF record on its own gives no finding (a pure function of the text), remembered
 * for the check of one file: made by the check, dropped with it.
 */
export function cleanSpfTexts(): StringMemo<boolean> {
  return new StringMemo((text: string) => checkSpfTexts('example.invalid', [{ text }]).length === 0);
}

/** SPF or DMARC checks on the TXT (and SPF-type) records of `owner`; `cleanSpf` from `cleanSpfTexts`. */
export function checkTexts(index: FileIndex, owner: string, findings: Finding[], cleanSpf: StringMemo<boolean>): void {
  const table = index.table;
  const dmarc = owner.startsWith('_dmarc.');
  const records = index.spf.heads.has(owner) ? [...index.txt.records(owner), ...index.spf.records(owner)] : index.txt.records(owner);
  if (!dmarc) {
    // The SPF checks read only the SPF records among the owner's TXT.
    let spf = -1;
    for (let k = 0; k < records.length; k++) {
      if (!isSpfAt(table, records[k]!)) continue;
      if (spf >= 0) {
        spf = -2; // several: judged below
        break;
      }
      spf = records[k]!;
    }
    if (spf === -1) return;
    // A zone repeats its SPF record on many names: one record whose text says nothing wrong alone
    // (it parses, ends in a strict "all") says nothing wrong at any owner.
    if (spf >= 0 && cleanSpf.get(joinedText(table, spf))) return;
  }
  const texts = records.map((i) => joinedText(table, i));
  // Ranges made only for the records a finding lands on.
  const ranged = texts.map((text, k) => ({ text, range: new LazyRange(table, records[k]!) }));
  const found = dmarc ? checkDmarcTexts(owner, ranged) : checkSpfTexts(owner, ranged);
  for (let k = 0; k < found.length; k++) {
    const one = found[k]!;
    findings.push(one.range instanceof LazyRange ? placedAt(one, one.range.toJSON()) : one);
  }
}
