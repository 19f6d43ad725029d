/**
 * DMARC checks on records read from a file (zone file, Terraform): the TXT texts of one owner,
 * usually `_dmarc.<domain>`, each already joined (RFC 7208 §3.3 style) and with its range. Only
 * `dmarc-invalid` can be judged from a file; TXT that is not `v=DMARC1` is ignored.
 */
import type { Finding, SourceRange } from '../../findings/finding.js';
import { normalizeName } from '../../dns/types.js';
import { dmarcInvalid } from './dmarc-invalid.js';
import { isDmarcRecord } from './parse-dmarc.js';

export function checkDmarcTexts(owner: string, texts: readonly { text: string; range?: SourceRange }[]): Finding[] {
  const name = normalizeName(owner);
  return dmarcInvalid(name, name, texts.filter((item) => isDmarcRecord(item.text)));
}
