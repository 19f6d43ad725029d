/**
 * The registry's DMARC file checks on records read from a file (zone file, Terraform): the TXT
 * texts of one owner, usually `_dmarc.<domain>`, each already joined and with its range. Only
 * `dmarc-invalid` can be judged from a file; TXT that is not `v=DMARC1` is ignored.
 */
import { normalizeName } from '../../dns/types.js';
import type { Finding, SourceRange } from '../../findings/finding.js';
import { appendAll } from '../../util/append.js';
import { fileVariants } from '../catalogue.js';
import { isDmarcRecord } from './parse-dmarc.js';

const DMARC_FILE_CHECKS = fileVariants('dmarc-records');

export function checkDmarcTexts(owner: string, texts: readonly { text: string; range?: SourceRange }[]): Finding[] {
  const name = normalizeName(owner);
  const records = texts.filter((item) => isDmarcRecord(item.text));
  const findings: Finding[] = [];
  for (const { variant } of DMARC_FILE_CHECKS) appendAll(findings, variant.run(name, records));
  return findings;
}
