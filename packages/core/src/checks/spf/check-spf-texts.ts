/**
 * SPF checks on records read from a file (zone file, Terraform): the TXT texts of one owner, each
 * already joined (RFC 7208 §3.3) and with its range. What a file alone can show: `spf-multiple`,
 * `spf-syntax`, `spf-permissive-all` (a `redirect=` is trusted, its target is not in the file).
 * Syntax findings carry the record's range; each error's offset in the record is in its evidence.
 */
import { normalizeName } from '../../dns/types.js';
import type { Finding, SourceRange } from '../../findings/finding.js';
import { isSpfRecord, parseSpf } from './parse-spf.js';
import { spfMultiple } from './spf-multiple.js';
import { spfPermissiveAll } from './spf-permissive-all.js';
import { spfSyntax } from './spf-syntax.js';
import { appendAll } from '../../util/append.js';

export function checkSpfTexts(owner: string, texts: readonly { text: string; range?: SourceRange }[]): Finding[] {
  const name = normalizeName(owner);
  const records = texts.filter((item) => isSpfRecord(item.text));
  const findings: Finding[] = [];
  findings.push(...spfMultiple(name, records.map((item) => item.text), undefined, records[1]?.range));
  for (let k = 0; k < records.length; k++) {
    const record = records[k]!;
    const parsed = parseSpf(record.text);
    // One finding per bad term, and a zone's TXT record has no length limit: no spread.
    appendAll(findings, spfSyntax(name, record.text, parsed, undefined, record.range));
    if (records.length === 1) findings.push(...spfPermissiveAll(name, record.text, parsed, record.range));
  }
  return findings;
}
