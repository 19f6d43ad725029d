/**
 * The registry's SPF file checks on records read from a file (zone file, Terraform): the TXT texts
 * of one owner, each already joined (RFC 7208 §3.3) and with its range. What a file alone can
 * show: `spf-multiple`, `spf-syntax`, `spf-permissive-all` (a `redirect=` is trusted, its target is
 * not in the file). Syntax findings carry the record's range; each error's offset is in its evidence.
 */
import { normalizeName } from '../../dns/types.js';
import type { Finding, SourceRange } from '../../findings/finding.js';
import { appendAll } from '../../util/append.js';
import type { FileSpfRecord } from '../check.js';
import { fileVariants } from '../catalogue.js';
import { isSpfRecord, parseSpf } from './parse-spf.js';

const SPF_FILE_CHECKS = fileVariants('spf-records');

export function checkSpfTexts(owner: string, texts: readonly { text: string; range?: SourceRange }[]): Finding[] {
  const name = normalizeName(owner);
  const records: FileSpfRecord[] = [];
  for (const item of texts) if (isSpfRecord(item.text)) records.push({ ...item, parsed: parseSpf(item.text) });
  const findings: Finding[] = [];
  for (const { variant } of SPF_FILE_CHECKS) appendAll(findings, variant.run(name, records));
  return findings;
}
